"""
Sites side by side: for two to four sites (from Site.objects.for_comparison()), the rows the
comparison page shows, each cell with its own footnotes on one shared list.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from common.charts import newest_first
from common.citations import Footnotes

from .models import InvestorFact, ReportedFigure

MIN_COMPARED, MAX_COMPARED = 2, 4


@dataclass
class Cell:
    template: str  # includes/compare/<template>.html draws it
    value: object = None
    refs: list = field(default_factory=list)


def newest(site, kind):
    """
    The newest figure of a kind about a site or one of its phases, as its page shows it first
    (for_comparison() reads them newest first), or None.
    """
    figures = [*site.compared_figures]
    for phase in site.phases.all():
        figures += phase.compared_figures
    figures = [figure for figure in figures if figure.kind == kind]
    return newest_first(figures)[0] if figures else None


def comparison_rows(sites):
    """([(row label, [Cell per site])], footnotes) for the comparison table."""
    footnotes = Footnotes()

    def cited(site, supports):
        return [
            footnotes.cite(citation.source, f"{site.pk}:{supports}", citation.note)
            for citation in site.citations.all()
            if citation.supports == supports
        ]

    def figure_cell(figure):
        if figure is None:
            return Cell("missing")
        figure.refs = footnotes.cite_figure(figure)
        return Cell("figure", figure)

    def access_cell(site):
        fact = InvestorFact.first_of(site.access_facts)
        if fact is None:
            return Cell("missing")
        refs = [footnotes.cite(source, f"fact-{fact.pk}") for source in fact.sources.all()]
        return Cell("fact", fact, refs)

    kinds = ReportedFigure.Kind
    rows = [
        (_("Kind"), [Cell("kind", site) for site in sites]),
        (_("Status"), [Cell("status", site, cited(site, "status")) for site in sites]),
        (_("Area"), [figure_cell(site.area_figure) for site in sites]),
        (_("Developer"), [Cell("developer", site, cited(site, "developer")) for site in sites]),
        (_("Land let"), [figure_cell(newest(s, kinds.LAND_LET)) for s in sites]),
        (_("Tenants"), [figure_cell(newest(s, kinds.TENANTS)) for s in sites]),
        (_("Access"), [access_cell(site) for site in sites]),
        (_("Founding decision"), [Cell("founding", s, cited(s, "founding")) for s in sites]),
        (
            _("Planned investment"),
            [figure_cell(newest(s, kinds.PLANNED_INVESTMENT)) for s in sites],
        ),
    ]
    return rows, footnotes
