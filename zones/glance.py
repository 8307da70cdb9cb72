"""
"At a glance": what an investor asks first about a site, one line per question, each the
first value in the order the rest of the site's page reads it (the newest figure of a kind,
the first statement in Statement.reading_order), with its date and its own footnotes.

The site's page shows these lines at its top, and the comparison shows the same lines for each
site side by side, from the same records through the same functions here, so that a value
cannot differ between the two. A question no source answers gets one "not found" line.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from common.charts import newest_first

from .models import Statement

Kind = Statement.Kind


@dataclass
class Cell:
    template: str  # includes/cells/<template>.html draws it
    value: object = None
    refs: list = field(default_factory=list)


# A statement longer than this many characters (about two lines on a phone) is cut in a
# summary, at a word, with a link to it in full.
GLANCE_CHARACTERS = 100

# The kinds of figure the lines read; SiteQuerySet.for_comparison() prefetches these.
GLANCE_FIGURES = [Kind.LAND_LET, Kind.TENANTS, Kind.OPERATING_TENANTS, Kind.WORKERS]

# (line, label), in the order an investor asks: the line's key is a statement's property
# (Statement.Kind), or a line of its own (status, area, sectors).
LINES = [
    ("status", _("Status")),
    ("area", _("Area")),
    (Kind.LAND_LET, _("Land let")),
    (Kind.TENANTS, _("Tenants")),
    (Kind.WORKERS, _("Workers")),
    (Kind.DISTANCES, _("Distances")),
    (Kind.GATEWAYS, _("Airport, seaport, border")),
    (Kind.POWER, _("Power")),
    (Kind.WATER, _("Water")),
    (Kind.WASTEWATER, _("Wastewater")),
    (Kind.LAND_RENT, _("Land rent")),
    ("sectors", _("Wanted sectors")),
    (Kind.INCENTIVES, _("Incentives")),
    (Kind.MANAGER, _("Who manages it")),
]


def newest(figures, kind):
    """
    The newest reported figure of a kind, as the page's "Over time" table lists it first, or
    None: a target or a plan is never read as what is so.
    """
    reported = [
        f for f in figures if f.kind == kind and f.is_figure and f.nature == Statement.Nature.REPORT
    ]
    return next(iter(newest_first(reported)), None)


def shortened(fact):
    """
    A statement as a summary line shows it: its first sentence, cut at a word after
    GLANCE_CHARACTERS if still longer, marked "…" when anything is left out. What was not
    found is never cut: its last words are the answer.
    """
    if fact.nature == Statement.Nature.NOT_FOUND:
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


def first_statements(facts, question):
    """
    The first statement answering a question, in the page's reading order, and, when that one
    is a fact, the first "not found" beside it: a reader sees both what is known (the board
    that managed the zone in 2024) and what is known to be missing (its successor since 2025).
    """
    answering = sorted(
        (f for f in facts if f.kind == question and not f.is_figure), key=Statement.reading_order
    )
    if not answering:
        return []
    first = answering[0]
    gap = next((f for f in answering if f.nature == Statement.Nature.NOT_FOUND), None)
    return [first] if gap is None or gap is first else [first, gap]


def first_statement_cell(site, statements, kind, footnotes):
    """
    A line outside the summary read the same way on the site's page and the comparison (the
    founding decision): the first statement of `kind` in reading order, with its footnotes,
    or the "not found" line.
    """
    first = next(iter(first_statements(statements, kind)), None)
    if first is None:
        return Cell("missing")
    first.refs = [footnotes.cite(s, f"fact-{first.pk}") for s in first.sources.all()]
    return Cell("statement", first)


def developer_cell(site, statements, footnotes):
    """
    The developer line, read the same way on the site's page and the comparison: the site's
    own developer statements, then its phases' (the zone has one developer for each phase),
    each in reading order, with its footnotes; or the "not found" line.
    """
    named = sorted(
        (s for s in statements if s.kind == Kind.DEVELOPER),
        key=lambda s: (s.phases, s.reading_order()),
    )
    if not named:
        return Cell("missing")
    for statement in named:
        statement.refs = [
            footnotes.cite(s, f"fact-{statement.pk}") for s in statement.sources.all()
        ]
        statement.about_phases = statement.phases if site.phase is None else []
    return Cell("developers", named)


def status_cell(site, statements, footnotes):
    """
    The site's current status, read the same way on its page and the comparison: the first
    of its own status statements in reading order (a zone's phases have their own), with its
    footnotes. The site's status columns (the map, the lists) are copies of the same record.
    """
    own = [
        s
        for s in statements
        if s.kind == Kind.STATUS and site.pk in {about.pk for about in s.sites.all()}
    ]
    if not own:
        return Cell("missing")
    current = min(own, key=Statement.reading_order)
    current.refs = [footnotes.cite(s, f"fact-{current.pk}") for s in current.sources.all()]
    return Cell("status", current)


def sector_cell(statements, footnotes):
    """
    The sectors its sources say it is meant for, with their footnotes: a statement naming a
    sector, or a source's sentence listing several ("Founded for metals, …").
    """
    sectors = sorted((s for s in statements if s.kind == Kind.SECTOR), key=Statement.reading_order)
    if not sectors:
        return Cell("missing")
    for sector in sectors:
        sector.refs = [footnotes.cite(s, f"fact-{sector.pk}") for s in sector.sources.all()]
    return Cell("sectors", sectors)


def figure_cell(figure, footnotes):
    """A figure with its own footnotes, or the "not found" line."""
    if figure is None:
        return Cell("missing")
    figure.refs = footnotes.cite_figure(figure)
    return Cell("figure", figure)


def glance(site, statements, footnotes):
    """
    [(key, label, Cell)] for a site, from its statements (the site's and its phases', each
    once), citing every value's sources on `footnotes`.
    """

    def tenants_cell():
        tenants = newest(statements, Kind.TENANTS)
        if tenants is None:
            return Cell("missing")
        # "Operating of all": the operating count the same report gives, if it gives one.
        operating = next(
            (
                f
                for f in statements
                if f.kind == Kind.OPERATING_TENANTS
                and f.nature == tenants.nature
                and f.as_of == tenants.as_of
            ),
            None,
        )
        for figure in filter(None, [tenants, operating]):
            figure.refs = footnotes.cite_figure(figure)
        return Cell("tenants", (tenants, operating))

    def statements_cell(question):
        answering = first_statements(statements, question)
        if not answering:
            return Cell("missing")
        for fact in answering:
            fact.refs = [footnotes.cite(s, f"fact-{fact.pk}") for s in fact.sources.all()]
            fact.in_full = f"{site.get_absolute_url()}#fact-{fact.slug}"
            fact.short_text = shortened(fact)
            # On a zone's summary, a statement about one of its phases says which.
            fact.about_phases = fact.phases if site.phase is None else []
        return Cell("statements", answering)

    def cell(key):
        if key == "status":
            return status_cell(site, statements, footnotes)
        if key == "area":
            return figure_cell(site.area_figure, footnotes)
        if key == "sectors":
            return sector_cell(statements, footnotes)
        if key == Kind.TENANTS:
            return tenants_cell()
        if key in GLANCE_FIGURES:
            return figure_cell(newest(statements, key), footnotes)
        return statements_cell(key)

    return [(key, label, cell(key)) for key, label in LINES]
