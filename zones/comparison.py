"""
Sites side by side: for two to four sites (from Site.objects.for_comparison()), the rows the
comparison page shows: every line of the sites' "At a glance" (zones.glance), read the same way
as on their own pages, and a few more; each cell with its own footnotes on one shared list.
"""

from django.utils.translation import gettext_lazy as _

from common.citations import Footnotes

from .glance import Cell, glance, newest
from .models import ReportedFigure

MIN_COMPARED, MAX_COMPARED = 2, 4


def with_phases(site, attribute):
    """A prefetched list of the site's and of its phases' records, each once."""
    records = {}
    for each in [site, *site.phases.all()]:
        records.update((record.pk, record) for record in getattr(each, attribute))
    return list(records.values())


def comparison_rows(sites):
    """([(row label, [Cell per site])], footnotes) for the comparison table."""
    footnotes = Footnotes()
    glances = [
        glance(
            site,
            with_phases(site, "compared_figures"),
            with_phases(site, "glance_facts"),
            footnotes,
        )
        for site in sites
    ]

    def cited(site, supports):
        return [
            footnotes.cite(citation.source, f"{site.pk}:{supports}", citation.note)
            for citation in site.citations.all()
            if citation.supports == supports
        ]

    def planned_investment(site):
        figure = newest(
            with_phases(site, "compared_figures"), ReportedFigure.Kind.PLANNED_INVESTMENT
        )
        if figure is None:
            return Cell("missing")
        figure.refs = footnotes.cite_figure(figure)
        return Cell("figure", figure)

    rows = [(_("Kind"), [Cell("kind", site) for site in sites])]
    rows += [
        (label, [lines[number][2] for lines in glances])
        for number, (_key, label, _cell) in enumerate(glances[0])
    ]
    rows += [
        (_("Developer"), [Cell("developer", site, cited(site, "developer")) for site in sites]),
        (_("Founding decision"), [Cell("founding", s, cited(s, "founding")) for s in sites]),
        (_("Planned investment"), [planned_investment(site) for site in sites]),
    ]
    return rows, footnotes
