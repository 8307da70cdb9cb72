"""Numbered footnotes for a page: every figure points at the sources that support it."""

from collections import defaultdict


class Footnotes:
    """
    Numbers sources in the order they are first cited on a page, and remembers which facts each
    supports, so a template can put ``[1]`` after the area and list source 1 at the bottom.
    """

    def __init__(self):
        self._numbers = {}
        self.entries = []  # (number, source, [notes])
        self.markers = defaultdict(list)  # what is supported → [numbers]

    def cite(self, source, supports="general", note=""):
        if source.pk not in self._numbers:
            self._numbers[source.pk] = len(self._numbers) + 1
            self.entries.append((self._numbers[source.pk], source, []))
        number = self._numbers[source.pk]
        notes = self.entries[number - 1][2]
        if note and note not in notes:  # a fact cited twice on a page (its summary, its line)
            notes.append(note)
        if number not in self.markers[supports]:
            self.markers[supports].append(number)
        return number

    def cite_figure(self, figure):
        """Numbers for a sourced figure's own sources (prefetched), and only those, in order."""
        return sorted(self.cite(source, f"figure-{figure.pk}") for source in figure.sources.all())

    @classmethod
    def for_citations(cls, citations):
        footnotes = cls()
        for citation in citations:
            footnotes.cite(citation.source, citation.supports, citation.note)
        return footnotes
