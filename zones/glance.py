"""
"At a glance": what an investor asks first about a site, one line per question, each the
first value in the order the rest of the site's page reads it (the newest figure of a kind,
the first statement in InvestorFact.reading_order), with its date and its own footnotes.

The site's page shows these lines at its top, and the comparison shows the same lines for each
site side by side, from the same records through the same functions here, so that a value
cannot differ between the two. A question no source answers gets one "not found" line.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from common.charts import newest_first

from .models import InvestorFact, ReportedFigure


@dataclass
class Cell:
    template: str  # includes/cells/<template>.html draws it
    value: object = None
    refs: list = field(default_factory=list)


# A statement longer than this many characters (about two lines on a phone) is cut in a
# summary, at a word, with a link to it in full.
GLANCE_CHARACTERS = 100

# The kinds of figure the lines read; SiteQuerySet.for_comparison() prefetches these.
GLANCE_FIGURES = [
    ReportedFigure.Kind.LAND_LET,
    ReportedFigure.Kind.TENANTS,
    ReportedFigure.Kind.OPERATING_TENANTS,
    ReportedFigure.Kind.WORKERS,
]

Answers = InvestorFact.Answers

# (line, label), in the order an investor asks: the line's key is a figure kind, a statement's
# Answers value, or one of the site's own fields (status, area, sectors).
LINES = [
    ("status", _("Status")),
    ("area", _("Area")),
    (ReportedFigure.Kind.LAND_LET, _("Land let")),
    (ReportedFigure.Kind.TENANTS, _("Tenants")),
    (ReportedFigure.Kind.WORKERS, _("Workers")),
    (Answers.DISTANCES, _("Distances")),
    (Answers.GATEWAYS, _("Airport, seaport, border")),
    (Answers.POWER, _("Power")),
    (Answers.WATER, _("Water")),
    (Answers.WASTEWATER, _("Wastewater")),
    (Answers.LAND_RENT, _("Land rent")),
    ("sectors", _("Wanted sectors")),
    (Answers.INCENTIVES, _("Incentives")),
    (Answers.MANAGER, _("Who manages it")),
]


def newest(figures, kind):
    """The newest figure of a kind, as the page's "Over time" table lists it first, or None."""
    return next(iter(newest_first([f for f in figures if f.kind == kind])), None)


def shortened(fact):
    """
    A statement as a summary line shows it: its first sentence, cut at a word after
    GLANCE_CHARACTERS if still longer, marked "…" when anything is left out. What was not
    found is never cut: its last words are the answer.
    """
    if fact.kind == InvestorFact.Kind.NOT_FOUND:
        return fact.text
    first_sentence = re.split(r"(?<=[.;])\s", fact.text, maxsplit=1)[0]
    kept = []
    for word in first_sentence.split():
        if kept and len(" ".join([*kept, word])) > GLANCE_CHARACTERS:
            break
        kept.append(word)
    short = " ".join(kept)
    if short == fact.text:
        return short
    return short.rstrip(";,:") + ("" if short.endswith(".") and short == first_sentence else "…")


def first_statements(facts, answers):
    """
    The first statement answering a question, in the page's reading order, and, when that one
    is a fact, the first "not found" beside it: a reader sees both what is known (the board
    that managed the zone in 2024) and what is known to be missing (its successor since 2025).
    """
    answering = sorted((f for f in facts if f.answers == answers), key=InvestorFact.reading_order)
    if not answering:
        return []
    first = answering[0]
    gap = next((f for f in answering if f.kind == InvestorFact.Kind.NOT_FOUND), None)
    return [first] if gap is None or gap is first else [first, gap]


def cited(site, supports, footnotes):
    """Footnote numbers for the site's own citations of one fact ("status", "founding")."""
    return [
        footnotes.cite(citation.source, f"{site.pk}:{supports}", citation.note)
        for citation in site.citations.all()
        if citation.supports == supports
    ]


def figure_cell(figure, footnotes):
    """A figure with its own footnotes, or the "not found" line."""
    if figure is None:
        return Cell("missing")
    figure.refs = footnotes.cite_figure(figure)
    return Cell("figure", figure)


def glance(site, figures, facts, footnotes):
    """
    [(key, label, Cell)] for a site, from its figures and its statements (the site's and its
    phases', each once), citing every value's sources on `footnotes`.
    """

    def tenants_cell():
        tenants = newest(figures, ReportedFigure.Kind.TENANTS)
        if tenants is None:
            return Cell("missing")
        # "Operating of all": the operating count the same report gives, if it gives one.
        operating = next(
            (
                f
                for f in figures
                if f.kind == ReportedFigure.Kind.OPERATING_TENANTS and f.as_of == tenants.as_of
            ),
            None,
        )
        for figure in filter(None, [tenants, operating]):
            figure.refs = footnotes.cite_figure(figure)
        return Cell("tenants", (tenants, operating))

    def statements_cell(answers):
        statements = first_statements(facts, answers)
        if not statements:
            return Cell("missing")
        for fact in statements:
            fact.refs = [footnotes.cite(s, f"fact-{fact.pk}") for s in fact.sources.all()]
            fact.in_full = f"{site.get_absolute_url()}#fact-{fact.slug}"
            fact.short_text = shortened(fact)
            # On a zone's summary, a statement about one of its phases says which.
            fact.about_phases = fact.phases if site.phase is None else []
        return Cell("statements", statements)

    def cell(key):
        if key == "status":
            return Cell("status", site, cited(site, "status", footnotes))
        if key == "area":
            return figure_cell(site.area_figure, footnotes)
        if key == "sectors":
            sectors = list(site.target_sectors.all())
            if not sectors:
                return Cell("missing")
            return Cell("sectors", sectors, cited(site, "sectors", footnotes))
        if key == ReportedFigure.Kind.TENANTS:
            return tenants_cell()
        if key in GLANCE_FIGURES:
            return figure_cell(newest(figures, key), footnotes)
        return statements_cell(key)

    return [(key, label, cell(key)) for key, label in LINES]
