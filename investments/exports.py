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
from django.utils.translation import pgettext, pgettext_lazy

from common.formatting import format_figure, format_partial_date
from common.http import address_of, address_pattern
from common.languages import in_language, reader_language
from common.spreadsheets import XLSX_CONTENT_TYPE, csv_text, xlsx_bytes
from zones.models import DatePrecision, Qualifier, Unit
from zones.open_data import OpenField

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


# Spreadsheet number formats: whole đồng grouped, hectares with one decimal.
DONG, HECTARES = "#,##0", "#,##0.0"

# (heading, value, number format in .xlsx)
PUBLIC_COLUMNS = [
    (_("Name"), lambda row: translated(row, "name")),
    (_("Site"), lambda row: translated(row, "site__name")),
    (_("Investor"), lambda row: translated(row, "investor__name")),
    (_("Sector"), lambda row: translated(row, "sector__name")),
    (_("Area (ha)"), lambda row: row["area_ha"], HECTARES),
    (_("Capital, as the source gives it"), lambda row: row["_capital"]),
    (
        _("Capital in VND, where a source gives VND"),
        lambda row: row["registered_capital_vnd"],
        DONG,
    ),
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
        yield [column[1](row) for column in PUBLIC_COLUMNS]


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


F = OpenField
PROJECT_FIELDS = [
    F("id", "string", _("Code"), _("The project's code, also the end of its page's address.")),
    F("name_vi", "string", _("Name (Vietnamese)"), _("The name in Vietnamese.")),
    F("name_en", "string", _("Name (English)"), _("The name in English.")),
    F(
        "site",
        "string",
        _("Site"),
        _("The code of its site (see sites.csv), if a source names it."),
    ),
    F("investor", "string", _("Investor"), _("The investor, in Vietnamese.")),
    F("inv_en", "string", _("Investor (English)"), _("The investor, in English.")),
    F("sector", "string", _("Sector"), _("The code of its sector.")),
    F(
        "area_ha",
        "number",
        _("Area (ha)"),
        _("Land area in hectares, if a source gives it."),
        unit="ha",
    ),
    F("cap_qual", "string", _("Capital: qualifier"), _("The source's word before it."), Qualifier),
    F(
        "cap_amount",
        "number",
        _("Capital"),
        _("The first capital figure, in cap_unit, unconverted."),
    ),
    F("cap_to", "number", _("Capital: up to"), _("The upper end, where the source gives a range.")),
    F("cap_unit", "string", _("Capital: currency"), _("đồng (vnd) or US dollars (usd)."), Unit),
    F("cap_vnd", "integer", _("Capital (VND)"), _("Capital in đồng, where a source gives đồng.")),
    F("fdi", "boolean", _("FDI"), _("Foreign direct investment; empty where no source says.")),
    F("decision", "string", _("Decision"), _("The number of its investment decision, if given.")),
    F("approved", "date", _("Approval date"), _("When it was approved, as precise as appr_pre.")),
    F(
        "appr_pre",
        "string",
        _("Approval date precision"),
        _("Precision of approved."),
        DatePrecision,
    ),
    F("status", "string", _("Status"), _("Its status at status_dt."), Project.Status),
    F("status_dt", "date", _("Status as of"), _("The date the status refers to, if given.")),
    F(
        "status_pre",
        "string",
        _("Status date precision"),
        _("Precision of status_dt."),
        DatePrecision,
    ),
    F(
        "period_vi",
        "string",
        _("Status period"),
        _("The period a status refers to, in Vietnamese."),
    ),
    F("period_en", "string", _("Status period (English)"), _("The same in English.")),
    F("url", "string", _("Page"), _("The project's page on the portal.")),
]


def project_table(projects, absolute_url):
    """(headers, rows) for the projects' CSV: field names and codes, as PROJECT_FIELDS says."""
    headers = [open_field.name for open_field in PROJECT_FIELDS]

    def record(row):
        capital = row["capital"] or {}
        return {
            "id": row["slug"],
            "name_vi": row["name_vi"],
            "name_en": row["name_en"] or None,
            "site": row["site"],
            "investor": row["investor"],
            "inv_en": row["investor_en"] or None,
            "sector": row["sector"],
            "area_ha": row["area_ha"],
            "cap_qual": capital.get("qualifier"),
            "cap_amount": capital.get("amount"),
            "cap_to": capital.get("amount_to"),
            "cap_unit": capital.get("unit"),
            "cap_vnd": row["registered_capital_vnd"],
            "fdi": row["is_fdi"],
            "decision": row["decision"],
            "approved": row["approval_date"],
            "appr_pre": row["approval_date_precision"],
            "status": row["status"],
            "status_dt": row["status_date"],
            "status_pre": row["status_date_precision"],
            "period_vi": row["status_period_vi"],
            "period_en": row["status_period_en"],
            "url": row["url"],
        }

    rows = open_data_projects(projects, absolute_url)
    return headers, ([record(row)[name] for name in headers] for row in rows)


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
    headers = [str(column[0]) for column in PUBLIC_COLUMNS]
    rows = public_rows(projects, absolute_url)
    file_name = f"{FILE_STEM}-{timezone.localdate().isoformat()}.{file_format}"
    if file_format == "xlsx":
        about = [[str(line)] for line in ABOUT_THIS_LIST]
        about.append([absolute_url(reverse("sources"))])
        sheets = [(str(_("About this list")), [str(_("About this list"))], about)]
        content = xlsx_bytes(
            headers,
            rows,
            sheets=sheets,
            title=pgettext("sheet name", "Projects"),
            number_formats=[column[2] if len(column) > 2 else None for column in PUBLIC_COLUMNS],
        )
        return content, XLSX_CONTENT_TYPE, file_name
    return csv_text(headers, rows).encode("utf-8"), "text/csv; charset=utf-8", file_name
