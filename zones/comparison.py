"""
Sites side by side: for two to four sites (from Site.objects.for_comparison()), the rows the
comparison page shows: every line of the sites' "At a glance" (zones.glance), read the same way
as on their own pages, and a few more; each cell with its own footnotes on one shared list.
"""

from django.utils.translation import gettext_lazy as _

from common.citations import Footnotes

from .glance import Cell, developer_cell, figure_cell, first_statement_cell, glance, newest
from .models import Statement

Kind = Statement.Kind

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
            with_phases(site, "compared_figures") + with_phases(site, "glance_facts"),
            footnotes,
        )
        for site in sites
    ]

    rows = [(_("Kind"), [Cell("kind", site) for site in sites])]
    rows += [
        (label, [lines[number][2] for lines in glances])
        for number, (_key, label, _cell) in enumerate(glances[0])
    ]
    rows += [
        (
            _("Developer"),
            [developer_cell(site, with_phases(site, "glance_facts"), footnotes) for site in sites],
        ),
        (
            _("Founding decision"),
            [
                first_statement_cell(
                    site, with_phases(site, "glance_facts"), Kind.FOUNDING, footnotes
                )
                for site in sites
            ],
        ),
        (
            _("Planned investment"),
            [
                figure_cell(
                    newest(with_phases(site, "compared_figures"), Kind.PLANNED_INVESTMENT),
                    footnotes,
                )
                for site in sites
            ],
        ),
    ]
    return rows, footnotes
