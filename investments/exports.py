"""
The public project list as a file: exactly the rows on screen, with the filters applied,
headers in the reader's language, names rather than codes, numbers and dates as such.

Rows are read as plain values in chunks rather than as model instances, and written by a
streaming writer, so that exporting 50,000 projects stays within seconds and a few hundred MB
(see scripts/benchmark_export.py).
"""

from collections import defaultdict
from types import SimpleNamespace

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from common.formatting import format_figure, format_partial_date
from common.http import address_of, address_pattern
from common.languages import in_language, reader_language
from common.spreadsheets import XLSX_CONTENT_TYPE, csv_text, xlsx_bytes

from .models import FDI_LABELS, Project, ProjectCitation, ProjectFigure

FILE_STEM = pgettext_lazy("file name of the project list download", "bac-kan-projects")
TRANSLATED = ["name", "site__name", "investor__name", "sector__name"]
TRANSLATED += ["status_period"]
PLAIN = [
    "pk",
    "slug",
    "area_ha",
    "registered_capital_vnd",
    "is_fdi",
    "approval_date",
    "approval_date_precision",
    "status",
    "status_date",
    "status_date_precision",
]


def translated(row, field):
    return in_language(row, field, row["_language"])


PUBLIC_COLUMNS = [
    (_("Name"), lambda row: translated(row, "name")),
    (_("Site"), lambda row: translated(row, "site__name")),
    (_("Investor"), lambda row: translated(row, "investor__name")),
    (_("Sector"), lambda row: translated(row, "sector__name")),
    (_("Area (ha)"), lambda row: row["area_ha"]),
    (_("Capital, as the source gives it"), lambda row: row["_capital"]),
    (_("Capital in đồng, where a source gives đồng"), lambda row: row["registered_capital_vnd"]),
    (_("FDI"), lambda row: "" if row["is_fdi"] is None else str(FDI_LABELS[row["is_fdi"]])),
    (_("Approval date"), lambda row: approval_cell(row)),
    (_("Status"), lambda row: row["_status_label"]),
    (
        _("Status as of"),
        lambda row: (
            translated(row, "status_period")
            or format_partial_date(row["status_date"], row["status_date_precision"])
        ),
    ),
    (_("Sources"), lambda row: ", ".join(row["_sources"])),
    (_("Page"), lambda row: row["_url"]),
]


def approval_cell(row):
    """A date cell when the source gives the day; otherwise the month or year as text."""
    if row["approval_date"] and row["approval_date_precision"] != "day":
        return format_partial_date(row["approval_date"], row["approval_date_precision"])
    return row["approval_date"]


def public_rows(projects, absolute_url):
    language = reader_language()
    status_labels = {value: str(label) for value, label in Project.Status.choices}
    sources = defaultdict(list)
    citations = ProjectCitation.objects.filter(project__in=projects.values("pk"))
    for project_id, key in citations.order_by("source__id").values_list(
        "project_id", "source__key"
    ):
        if key not in sources[project_id]:
            sources[project_id].append(key)
    capitals = first_capitals(projects)
    # One reverse() for the whole file: every project page has the same shape.
    page = absolute_url(address_pattern("investments:detail"))
    fields = PLAIN + [f"{name}_{code}" for name in TRANSLATED for code in ("vi", "en")]
    for row in projects.values(*fields).iterator(chunk_size=2000):
        row["_language"] = language
        row["_status_label"] = status_labels.get(row["status"], row["status"])
        row["_sources"] = sources.get(row["pk"], [])
        capital = capitals.get(row["pk"])
        row["_capital"] = format_figure(SimpleNamespace(**capital)) if capital else ""
        row["_url"] = address_of(page, row["slug"])
        yield [value(row) for _label, value in PUBLIC_COLUMNS]


def first_capitals(projects):
    """project id → its first capital figure: qualifier, amount, amount_to, unit."""
    figures = (
        ProjectFigure.objects.filter(
            project__in=projects.values("pk"), kind=ProjectFigure.Kind.CAPITAL
        )
        .order_by("project_id", "-rank", "-pk")
        .values("project_id", "qualifier", "amount", "amount_to", "unit")
    )
    # Ordered so that the figure shown first (rank 0) is the one left in the dictionary.
    return {row.pop("project_id"): row for row in figures}


OPEN_DATA_FIELDS = [
    "pk",
    "slug",
    "name_vi",
    "name_en",
    "site__slug",
    "investor__name_vi",
    "investor__name_en",
    "sector__slug",
    "area_ha",
    "registered_capital_vnd",
    "is_fdi",
    "decision",
    "approval_date",
    "approval_date_precision",
    "status",
    "status_date",
    "status_date_precision",
    "status_period_vi",
    "status_period_en",
]


def open_data_capital(capital):
    """The first capital figure as the source gives it: đồng or US dollars, never converted."""
    if not capital:
        return None
    upper = capital["amount_to"]
    return {
        "qualifier": capital["qualifier"],
        "amount": float(capital["amount"]),
        "amount_to": None if upper is None else float(upper),
        "unit": capital["unit"],
    }


def open_data_projects(projects, absolute_url):
    """
    The projects for re-use, built from plain rows as the sites' GeoJSON is: both languages,
    plain numbers, codes rather than labels, dates as ISO strings. Every figure and its sources
    are on each project's page.
    """
    page = absolute_url(address_pattern("investments:detail"))
    capitals = first_capitals(projects)
    rows = []
    for row in projects.values(*OPEN_DATA_FIELDS).iterator(chunk_size=2000):
        precise = {"approval_date": None, "status_date": None}
        for field in precise:
            if row[field]:
                precise[field] = row[f"{field}_precision"]
                row[field] = row[field].isoformat()
            row[f"{field}_precision"] = precise[field]
        row["site"] = row.pop("site__slug")
        row["investor"] = row.pop("investor__name_vi")
        row["investor_en"] = row.pop("investor__name_en")
        row["sector"] = row.pop("sector__slug")
        row["area_ha"] = float(row["area_ha"]) if row["area_ha"] is not None else None
        row["capital"] = open_data_capital(capitals.get(row.pop("pk")))
        for field in ["decision", "status_period_vi", "status_period_en"]:
            row[field] = row[field] or None
        row["url"] = address_of(page, row["slug"])
        rows.append(row)
    return rows


ABOUT_THIS_LIST = [
    _(
        "This list holds the investment projects and tenants that published sources name, "
        "filtered as they were on the portal's page when the file was made."
    ),
    _(
        "It is not the list of the 21 industrial projects whose investment policy the province "
        "approved in 2021–2023: that list is not public, and no source says which of the "
        "projects here, if any, are among them."
    ),
    _(
        "Capital is given as the source gives it, in đồng or US dollars, never converted; where "
        "sources differ, the first figure is shown here and every figure is on the project's page."
    ),
    _(
        "A status applies at the date in “Status as of”; an empty cell means the source gives "
        "no date."
    ),
    _("The sources column gives source keys; the portal's sources page lists each in full."),
]


def public_export(projects, file_format, absolute_url=str):
    """(content, content type, file name) for the projects in .xlsx or .csv."""
    headers = [str(label) for label, _value in PUBLIC_COLUMNS]
    rows = public_rows(projects, absolute_url)
    file_name = f"{FILE_STEM}-{timezone.localdate().isoformat()}.{file_format}"
    if file_format == "xlsx":
        about = [[str(line)] for line in ABOUT_THIS_LIST]
        about.append([absolute_url(reverse("sources"))])
        sheets = [(str(_("About this list")), [str(_("About this list"))], about)]
        return xlsx_bytes(headers, rows, sheets=sheets), XLSX_CONTENT_TYPE, file_name
    return csv_text(headers, rows).encode("utf-8"), "text/csv; charset=utf-8", file_name
