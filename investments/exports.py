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
from zones.models import RANK_ORDER, DatePrecision, Qualifier, Unit
from zones.open_data import OpenField

from .models import FDI_LABELS, Project, ProjectCitation, ProjectStatement

FILE_STEM = pgettext_lazy("file name of the project list download", "bac-kan-projects")
TRANSLATED = ["name", "site__name", "investor__name", "sector__name"]
TRANSLATED += ["status_period"]
PLAIN = [
    "pk",
    "slug",
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

# (heading, value, number format in .xlsx). Each number sits beside its qualifier, and each date
# beside its precision: a column holds one type, and "about 4 ha" or "2011" is never read as an
# exact figure or as 1 January.
PUBLIC_COLUMNS = [
    (_("Name"), lambda row: translated(row, "name")),
    (_("Site"), lambda row: translated(row, "site__name")),
    (_("Investor"), lambda row: translated(row, "investor__name")),
    (_("Sector"), lambda row: translated(row, "sector__name")),
    (_("Area, as the source gives it"), lambda row: as_given(row, ProjectStatement.Kind.AREA)),
    (_("Area (ha)"), lambda row: amount(row, "area_ha"), HECTARES),
    (_("Area (ha): qualifier"), lambda row: qualifier_label(row, "area_ha")),
    (
        _("Capital, as the source gives it"),
        lambda row: as_given(row, ProjectStatement.Kind.CAPITAL),
    ),
    (_("Capital in VND, where a source gives VND"), lambda row: amount(row, "capital_vnd"), DONG),
    (_("Capital in VND: qualifier"), lambda row: qualifier_label(row, "capital_vnd")),
    (_("FDI"), lambda row: "" if row["is_fdi"] is None else str(FDI_LABELS[row["is_fdi"]])),
    (_("Approval date"), lambda row: row["approval_date"]),
    (_("Approval date: precision"), lambda row: precision_label(row, "approval_date")),
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

QUALIFIERS = dict(Qualifier.choices)
PRECISIONS = dict(DatePrecision.choices)


def as_given(row, kind):
    """The first figure of a kind as the page shows it, with what it measures: "Land needed:
    about 4 ha", "Capital: 25 million US dollars"."""
    figure = row["_figures"].get(kind)
    if not figure:
        return ""
    label = figure[f"label_{row['_language']}"] or figure["label_vi"]
    text = format_figure(SimpleNamespace(**figure))
    # Said only when it says more than the column does ("Land needed", not "Area").
    return f"{label}: {text}" if label and label != row["_kind_labels"][kind] else text


def amount(row, key):
    figure = row["_figures"].get(key)
    return None if figure is None else figure["amount"]


def qualifier_label(row, key):
    figure = row["_figures"].get(key)
    return "" if figure is None else str(QUALIFIERS[figure["qualifier"]])


def precision_label(row, field):
    return str(PRECISIONS[row[f"{field}_precision"]]) if row[field] else ""


def public_rows(projects, absolute_url):
    language = reader_language()
    status_labels = {value: str(label) for value, label in Project.Status.choices}
    sources = cited_sources(projects)
    figures = first_figures(projects)
    kind_labels = {value: str(label) for value, label in ProjectStatement.Kind.choices}
    # One reverse() for the whole file: every project page has the same shape.
    page = absolute_url(address_pattern("investments:detail"))
    fields = PLAIN + [f"{name}_{code}" for name in TRANSLATED for code in ("vi", "en")]
    for row in projects.values(*fields).iterator(chunk_size=2000):
        row["_language"] = language
        row["_status_label"] = status_labels.get(row["status"], row["status"])
        row["_sources"] = sources.get(row["pk"], [])
        row["_figures"] = figures.get(row["pk"], {})
        row["_kind_labels"] = kind_labels
        row["_url"] = address_of(page, row["slug"])
        yield [column[1](row) for column in PUBLIC_COLUMNS]


def cited_sources(projects):
    """
    project id → the keys of every source its page cites (its citations and its statements'),
    each once, in the sources' order.
    """
    ids = projects.values("pk")
    statements = ProjectStatement.sources.through.objects.filter(projectstatement__project__in=ids)
    rows = [
        *ProjectCitation.objects.filter(project__in=ids).values_list(
            "project_id", "source_id", "source__key"
        ),
        *statements.values_list("projectstatement__project_id", "source_id", "source__key"),
    ]
    keys = defaultdict(dict)
    for project_id, _source_id, key in sorted(rows):
        keys[project_id][key] = None
    return {project_id: list(found) for project_id, found in keys.items()}


def current_statements(projects):
    """
    (project id, property) → {"sources": keys, "text_vi": …, "text_en": …} of its current
    status, investor, sector, origin and capacity statements (those its page shows first and
    its columns copy: the first in reading order; for the investor, the sector and the origin,
    the first that names one), keys in the sources' order, from plain rows.
    """
    kinds = ProjectStatement.Kind
    rows = (
        ProjectStatement.objects.filter(
            project__in=projects.values("pk"),
            kind__in=[kinds.STATUS, kinds.INVESTOR, kinds.SECTOR, kinds.ORIGIN, kinds.CAPACITY],
        )
        .exclude(kind=kinds.INVESTOR, organisation__isnull=True)
        .exclude(kind=kinds.SECTOR, sector__isnull=True)
        .exclude(kind=kinds.ORIGIN, origin="")
        .order_by("sources__id")
        .values_list(
            "pk",
            "project_id",
            "kind",
            "rank",
            "nature",
            "as_of",
            "position",
            "text_vi",
            "text_en",
            "sources__key",
        )
    )
    statements = {}
    for pk, project_id, kind, rank, nature, as_of, position, text_vi, text_en, key in rows:
        order = (*ProjectStatement.standing_of(rank, nature, as_of, position), pk)
        found = {"sources": [], "text_vi": text_vi, "text_en": text_en}
        _place, _order, found = statements.setdefault(pk, ((project_id, kind), order, found))
        if key:
            found["sources"].append(key)
    first = {}
    for place, order, found in statements.values():
        if place not in first or order < first[place][0]:
            first[place] = (order, found)
    return {place: found for place, (_order, found) in first.items()}


def plain_number(value):
    """A stored amount as a file holds it: whole đồng as an integer, 1.2 ha as 1.2."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def first_figures(projects):
    """
    project id → {key: figure as plain values} for the figures a list shows, read from the
    project's figures (the records its page shows), never from the copies on the project:
    "capital" and "area", the first of each kind whatever its unit, as the page shows them
    first; "capital_vnd" and "area_ha", the first in đồng and in hectares (never converted).
    """
    kinds = ProjectStatement.Kind
    in_unit = {(kinds.CAPITAL, Unit.VND): "capital_vnd", (kinds.AREA, Unit.HECTARES): "area_ha"}
    rows = (
        ProjectStatement.objects.filter(
            project__in=projects.values("pk"), kind__in=[kinds.CAPITAL, kinds.AREA]
        )
        .figures()
        .order_by("project_id", *RANK_ORDER)
        .values(
            "project_id", "kind", "qualifier", "amount", "amount_to", "unit", "label_vi", "label_en"
        )
    )
    found = defaultdict(dict)
    for row in rows:
        kept = found[row.pop("project_id")]
        row["amount"] = plain_number(row["amount"])
        row["amount_to"] = plain_number(row["amount_to"])
        kept.setdefault(row["kind"], row)
        if (row["kind"], row["unit"]) in in_unit:
            kept.setdefault(in_unit[row["kind"], row["unit"]], row)
    return found


OPEN_DATA_FIELDS = [
    "pk",
    "slug",
    "name_vi",
    "name_en",
    "site__slug",
    "investor__name_vi",
    "investor__name_en",
    "sector__slug",
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
    return {key: capital[key] for key in ("qualifier", "amount", "amount_to", "unit")}


def open_data_projects(projects, absolute_url):
    """
    The projects for re-use, built from plain rows as the sites' GeoJSON is: both languages,
    plain numbers, codes rather than labels, dates as ISO strings. Every figure and its sources
    are on each project's page.
    """
    page = absolute_url(address_pattern("investments:detail"))
    figures = first_figures(projects)
    current = current_statements(projects)
    nothing = {"sources": [], "text_vi": "", "text_en": ""}
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
        pk = row.pop("pk")
        kinds = ProjectStatement.Kind
        row["status_sources"] = current.get((pk, kinds.STATUS), nothing)["sources"]
        row["investor_sources"] = current.get((pk, kinds.INVESTOR), nothing)["sources"]
        row["sector_sources"] = current.get((pk, kinds.SECTOR), nothing)["sources"]
        row["capacity"] = current.get((pk, kinds.CAPACITY), nothing)
        row["origin"] = current.get((pk, kinds.ORIGIN), nothing)
        found = figures.get(pk, {})
        area, capital_vnd = found.get("area_ha"), found.get("capital_vnd")
        row["area_ha"] = area and area["amount"]
        row["area_qualifier"] = area and area["qualifier"]
        row["capital"] = open_data_capital(found.get("capital"))
        # The first capital a source gives in đồng, with its qualifier ("over 600 billion").
        row["capital_vnd"] = capital_vnd and capital_vnd["amount"]
        row["capital_vnd_qualifier"] = capital_vnd and capital_vnd["qualifier"]
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
    F("inv_src", "string", _("Investor: sources"), _("Keys of the investor's sources.")),
    F("sector", "string", _("Sector"), _("The code of its sector.")),
    F("sec_src", "string", _("Sector: sources"), _("Keys of the sector's sources.")),
    F(
        "capacity",
        "string",
        _("Capacity"),
        _("Its capacity in the source's words, with its unit, in Vietnamese."),
    ),
    F("capac_en", "string", _("Capacity (English)"), _("The same in English.")),
    F("capac_src", "string", _("Capacity: sources"), _("Keys of the capacity's sources.")),
    F(
        "area_ha",
        "number",
        _("Area (ha)"),
        _("The first area a source gives in hectares (one in m² is on the project's page)."),
        unit="ha",
    ),
    F("area_qual", "string", _("Area: qualifier"), _("The source's word before it."), Qualifier),
    F("cap_qual", "string", _("Capital: qualifier"), _("The source's word before it."), Qualifier),
    F(
        "cap_amount",
        "number",
        _("Capital"),
        _("The first capital figure, in cap_unit, unconverted."),
    ),
    F("cap_to", "number", _("Capital: up to"), _("The upper end, where the source gives a range.")),
    F("cap_unit", "string", _("Capital: currency"), _("đồng (vnd) or US dollars (usd)."), Unit),
    F(
        "cap_vnd",
        "number",
        _("Capital (VND)"),
        _("The first capital a source gives in đồng (registered or planned, as its page says)."),
    ),
    F("cap_vnd_q", "string", _("Capital (VND): qualifier"), _("The word before it."), Qualifier),
    F("fdi", "boolean", _("FDI"), _("Foreign direct investment; empty where no source says.")),
    F("fdi_vi", "string", _("FDI: in words"), _("What the source says of it, in Vietnamese.")),
    F("fdi_en", "string", _("FDI: in words (English)"), _("The same in English.")),
    F("fdi_src", "string", _("FDI: sources"), _("Keys of the sources that say it.")),
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
    F("status_src", "string", _("Status: sources"), _("Keys of the status's sources.")),
    F("url", "string", _("Page"), _("The project's page on the portal.")),
]


def project_records(projects, absolute_url):
    """
    The projects for re-use, one dict each under PROJECT_FIELDS' names: the CSV's columns and
    the JSON's keys are the same words, with the same values (one vocabulary, described once in
    the data package).
    """
    for row in open_data_projects(projects, absolute_url):
        capital = row["capital"] or {}
        yield {
            "id": row["slug"],
            "name_vi": row["name_vi"],
            "name_en": row["name_en"] or None,
            "site": row["site"],
            "investor": row["investor"],
            "inv_en": row["investor_en"] or None,
            "inv_src": ", ".join(row["investor_sources"]) or None,
            "sector": row["sector"],
            "sec_src": ", ".join(row["sector_sources"]) or None,
            "capacity": row["capacity"]["text_vi"] or None,
            "capac_en": row["capacity"]["text_en"] or None,
            "capac_src": ", ".join(row["capacity"]["sources"]) or None,
            "area_ha": row["area_ha"],
            "area_qual": row["area_qualifier"],
            "cap_qual": capital.get("qualifier"),
            "cap_amount": capital.get("amount"),
            "cap_to": capital.get("amount_to"),
            "cap_unit": capital.get("unit"),
            "cap_vnd": row["capital_vnd"],
            "cap_vnd_q": row["capital_vnd_qualifier"],
            "fdi": row["is_fdi"],
            "fdi_vi": row["origin"]["text_vi"] or None,
            "fdi_en": row["origin"]["text_en"] or None,
            "fdi_src": ", ".join(row["origin"]["sources"]) or None,
            "decision": row["decision"],
            "approved": row["approval_date"],
            "appr_pre": row["approval_date_precision"],
            "status": row["status"],
            "status_dt": row["status_date"],
            "status_pre": row["status_date_precision"],
            "period_vi": row["status_period_vi"],
            "period_en": row["status_period_en"],
            "status_src": ", ".join(row["status_sources"]) or None,
            "url": row["url"],
        }


def project_table(projects, absolute_url):
    """(headers, rows) for the projects' CSV: field names and codes, as PROJECT_FIELDS says."""
    headers = [open_field.name for open_field in PROJECT_FIELDS]
    records = project_records(projects, absolute_url)
    return headers, ([record[name] for name in headers] for record in records)


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


def public_export_name(file_format):
    """The download's file name: the list's name and the day it was made, in the reader's
    language."""
    return f"{FILE_STEM}-{timezone.localdate().isoformat()}.{file_format}"


def public_export(projects, file_format, absolute_url=str):
    """(content, content type, file name) for the projects in .xlsx or .csv."""
    headers = [str(column[0]) for column in PUBLIC_COLUMNS]
    rows = public_rows(projects, absolute_url)
    file_name = public_export_name(file_format)
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
