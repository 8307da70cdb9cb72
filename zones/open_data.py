"""
The sites as open data: one list of fields, read by the GeoJSON, the CSV, the .xlsx and the
data package's description (portal/open_data.py), so the four always agree.

Field names have at most 10 characters, so that a Shapefile made from the GeoJSON keeps them;
dates are ISO strings (GDAL types them as dates); a field holding codes names their choices.
"""

from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common.charts import figure_when
from common.geometry import point_error
from common.http import address_of, address_pattern
from common.languages import in_language, reader_language

from .models import (
    RANK_ORDER,
    DatePrecision,
    District,
    PlanningDocument,
    Qualifier,
    Rank,
    Site,
    Statement,
    Unit,
)


@dataclass(frozen=True)
class OpenField:
    name: str  # at most 10 characters
    type: str  # a Table Schema type: string, number, boolean, date, datetime
    title: str  # the column's heading in a spreadsheet, in the reader's language
    description: str  # for the data package, in English
    codes: type | None = None  # the TextChoices whose values the field holds
    unit: str = ""


F = OpenField
SITE_FIELDS = [
    F("id", "string", _("Code"), _("The site's code, also the end of its page's address.")),
    F("kind", "string", _("Kind"), _("Industrial zone or industrial cluster."), Site.Kind),
    F("phase_of", "string", _("Phase of"), _("For a phase, the code of its zone.")),
    F("name", "string", _("Name"), _("The name in the reader's language (Vietnamese by default).")),
    F("name_vi", "string", _("Name (Vietnamese)"), _("The name in Vietnamese.")),
    F("name_en", "string", _("Name (English)"), _("The name in English.")),
    F(
        "district",
        "string",
        _("District"),
        _("The district as the sources name it, before districts were abolished on 1 July 2025."),
        District,
    ),
    F(
        "commune",
        "string",
        _("Commune"),
        _("The commune or ward, in Vietnamese, as sources name it."),
    ),
    F(
        "area_ha",
        "number",
        _("Area (ha)"),
        _(
            "The area shown first on the site's page (the same record); other sources' "
            "figures are on that page."
        ),
        unit="ha",
    ),
    F(
        "area_qual",
        "string",
        _("Area: qualifier"),
        _("The source's word before the area."),
        Qualifier,
    ),
    F(
        "area_date",
        "date",
        _("Area: as of"),
        _("The date the area refers to, if given."),
    ),
    F(
        "area_pre",
        "string",
        _("Area: date precision"),
        _("How much of area_date the source gives (a year-only date is stored as 1 January)."),
        DatePrecision,
    ),
    F(
        "area_src",
        "string",
        _("Area: sources"),
        _("Keys of the area's sources (sources page)."),
    ),
    F("developer", "string", _("Developer"), _("The infrastructure developer, in Vietnamese.")),
    F("dev_en", "string", _("Developer (English)"), _("The infrastructure developer, in English.")),
    F("dev_prop", "boolean", _("Developer only proposed"), _("True where sources say proposed.")),
    F("dev_date", "date", _("Developer: as of"), _("The date the developer was named, if given.")),
    F(
        "dev_pre",
        "string",
        _("Developer: date precision"),
        _("How much of dev_date the source gives."),
        DatePrecision,
    ),
    F("dev_src", "string", _("Developer: sources"), _("Keys of the developer's sources.")),
    F("status", "string", _("Status"), _("The site's status at status_dt."), Site.Status),
    F(
        "status_dt",
        "date",
        _("Status as of"),
        _(
            "The date the status refers to, as precise as status_pre says; empty when the "
            "source gives none (never the day the data was loaded)."
        ),
    ),
    F(
        "status_pre",
        "string",
        _("Status date precision"),
        _("How much of status_dt the source gives."),
        DatePrecision,
    ),
    F("status_src", "string", _("Status: sources"), _("Keys of the status's sources.")),
    F(
        "loc_prec",
        "string",
        _("Location precision"),
        _(
            "No source gives coordinates: the point is the centre of the commune, district "
            "town or district, approximate unless exact."
        ),
        Site.LocationPrecision,
    ),
    F("lon", "number", _("Longitude"), _("WGS84 longitude of the point (see loc_prec).")),
    F("lat", "number", _("Latitude"), _("WGS84 latitude of the point (see loc_prec).")),
    F(
        "synthetic",
        "boolean",
        _("Synthetic"),
        _("True only in test databases of generated records."),
    ),
    F("updated", "datetime", _("Last updated"), _("When the record last changed here (UTC).")),
    F("url", "string", _("Page"), _("The site's page on the portal.")),
]

ROW_FIELDS = [
    "pk",
    "slug",
    "kind",
    "parent__slug",
    "name_vi",
    "name_en",
    "district",
    "commune_vi",
    "status",
    "status_date",
    "status_date_precision",
    "location_precision",
    "location",
    "is_synthetic",
    "updated_at",
]


NO_AREA = {"amount": None, "qualifier": None, "as_of": None, "precision": None, "sources": []}


def first_area_figures():
    """
    site id → the area shown first on its page (the same record, in with_first_area()'s
    order): amount in hectares, qualifier, date with its precision, and source keys.
    """
    areas = {}
    rows = (
        Statement.objects.figures()
        .reported()
        .filter(kind=Statement.Kind.AREA, sites__isnull=False)
        .order_by(*RANK_ORDER, "sources__pk")
        .values_list(
            "pk",
            "sites__id",
            "amount",
            "unit",
            "qualifier",
            "as_of",
            "as_of_precision",
            "sources__key",
        )
    )
    for pk, site_id, amount, unit, qualifier, as_of, precision, source_key in rows:
        area = areas.setdefault(
            site_id,
            {
                "figure": pk,
                # A column in hectares holds hectares only: an area in m² is never converted.
                "amount": float(amount) if unit == Unit.HECTARES else None,
                "qualifier": qualifier,
                "as_of": as_of,
                "precision": precision if as_of else None,
                "sources": [],
            },
        )
        if area["figure"] == pk and source_key and source_key not in area["sources"]:
            area["sources"].append(source_key)
    return areas


def first_statements(statements):
    """
    site id → the first of `statements` its page reads about it (reading order): a dict of
    its plain values (nature, as_of, as_of_precision, organisation's names) and its source
    keys. One query, as the area's: rows of statement × site × source.
    """
    fields = [
        "rank",
        "position",
        "nature",
        "as_of",
        "as_of_precision",
        "organisation__name_vi",
        "organisation__name_en",
    ]
    rows = statements.order_by("pk", "sources__pk").values(
        "pk", "sites__id", "sources__key", *fields
    )
    found = {}
    for row in rows:
        statement = found.setdefault(row["pk"], {name: row[name] for name in fields})
        statement.setdefault("sites", set()).add(row["sites__id"])
        keys = statement.setdefault("sources", [])
        if row["sources__key"] and row["sources__key"] not in keys:
            keys.append(row["sources__key"])
    first = {}
    for statement in sorted(
        found.values(),
        key=lambda s: Statement.reading_order_of(
            len(s["sites"]), s["rank"], s["nature"], s["as_of"], s["position"]
        ),
    ):
        for site_id in statement["sites"]:
            first.setdefault(site_id, statement)
    return first


def developer_values(statement):
    """The open data's developer fields, from first_statements()'s developer (or None)."""
    if statement is None:
        return dict.fromkeys(["developer", "dev_en", "dev_prop", "dev_date", "dev_pre", "dev_src"])
    as_of = statement["as_of"]
    return {
        "developer": statement["organisation__name_vi"],
        "dev_en": statement["organisation__name_en"] or None,
        "dev_prop": statement["nature"] == Statement.Nature.PLAN,
        "dev_date": as_of.isoformat() if as_of else None,
        "dev_pre": statement["as_of_precision"] if as_of else None,
        "dev_src": ", ".join(statement["sources"]) or None,
    }


def site_records(sites, absolute_url):
    """
    (record, geometry) per site: plain values under SITE_FIELDS' names, in that order, and the
    point as GeoJSON (None when none is stored or a stored one is unusable).
    """
    language = reader_language()
    page = absolute_url(address_pattern("zones:detail"))
    areas = first_area_figures()
    # What no source names is no developer; the status the site shows is its statement's.
    developers = first_statements(
        Statement.objects.filter(kind=Statement.Kind.DEVELOPER, organisation__isnull=False).exclude(
            nature=Statement.Nature.NOT_FOUND
        )
    )
    statuses = first_statements(Statement.objects.filter(kind=Statement.Kind.STATUS))
    for row in sites.values(*ROW_FIELDS):
        location = row["location"]
        geometry = location if location and point_error(location) is None else None
        area = areas.get(row["pk"], NO_AREA)
        record = {
            "id": row["slug"],
            "kind": row["kind"],
            "phase_of": row["parent__slug"],
            "name": in_language(row, "name", language),
            "name_vi": row["name_vi"],
            "name_en": row["name_en"] or None,
            "district": row["district"],
            "commune": row["commune_vi"] or None,
            "area_ha": area["amount"],
            "area_qual": area["qualifier"],
            "area_date": area["as_of"].isoformat() if area["as_of"] else None,
            "area_pre": area["precision"],
            "area_src": ", ".join(area["sources"]) or None,
            **developer_values(developers.get(row["pk"])),
            "status": row["status"],
            "status_dt": row["status_date"].isoformat() if row["status_date"] else None,
            "status_pre": row["status_date_precision"] if row["status_date"] else None,
            "status_src": ", ".join(statuses.get(row["pk"], {}).get("sources", [])) or None,
            "loc_prec": row["location_precision"],
            "lon": geometry["coordinates"][0] if geometry else None,
            "lat": geometry["coordinates"][1] if geometry else None,
            "synthetic": row["is_synthetic"],
            "updated": row["updated_at"].isoformat(timespec="seconds"),
            "url": address_of(page, row["slug"]),
        }
        yield record, geometry


def file_header(absolute_url):
    """What every JSON file says of itself, so that one read alone can be reused rightly."""
    return {
        "license": "CC-BY-4.0",
        "attribution": "Bắc Kạn industrial zones portal, and the sources it names",
        "sources": absolute_url(reverse("sources")),
        "sourcesData": absolute_url(reverse("sources-csv")),
        "describedBy": absolute_url(reverse("data-package")),
    }


def sites_feature_collection(sites, absolute_url):
    """Every site as a GeoJSON Feature whose id is its code; the point is the geometry."""
    features = []
    for record, geometry in site_records(sites, absolute_url):
        properties = {name: value for name, value in record.items() if name not in ("lon", "lat")}
        features.append(
            {"type": "Feature", "id": record["id"], "geometry": geometry, "properties": properties}
        )
    return {
        "type": "FeatureCollection",
        # Foreign members (RFC 7946, 6.1): what a reader of the file alone needs to reuse it.
        "name": "bac-kan-sites",
        **file_header(absolute_url),
        "features": features,
    }


def site_table(sites, absolute_url):
    """(headers, rows) for a CSV: field names as headers, plain values."""
    headers = [open_field.name for open_field in SITE_FIELDS]
    rows = (
        [record[name] for name in headers]
        for record, _geometry in site_records(sites, absolute_url)
    )
    return headers, rows


def site_sheet(sites, absolute_url):
    """
    (headings, rows, number formats) for the sites' .xlsx, the human form: headings in the
    reader's language, codes as their labels, dates as dates.
    """
    labels = {
        open_field.name: {value: str(label) for value, label in open_field.codes.choices}
        for open_field in SITE_FIELDS
        if open_field.codes
    }
    dates = {open_field.name for open_field in SITE_FIELDS if open_field.type == "date"}

    def cell(name, value):
        if value is None:
            return None
        if name in labels:
            return labels[name].get(value, value)
        if name in dates:
            return date.fromisoformat(value)
        if isinstance(value, bool):
            return str(_("yes") if value else _("no"))
        return value

    headings = [str(open_field.title) for open_field in SITE_FIELDS]
    rows = (
        [cell(open_field.name, record[open_field.name]) for open_field in SITE_FIELDS]
        for record, _geometry in site_records(sites, absolute_url)
    )
    formats = ["#,##0.0" if open_field.unit == "ha" else None for open_field in SITE_FIELDS]
    return headings, rows, formats


SOURCE_FIELDS = [
    F("id", "string", _("Key"), _("The source's key, as pages and files cite it (S4).")),
    F("title", "string", _("Title"), _("The title, as published (mostly in Vietnamese).")),
    F("publisher", "string", _("Publisher"), _("Who published it.")),
    F("published", "date", _("Publication date"), _("When it was published, if known.")),
    F(
        "pub_year",
        "integer",
        _("Publication year"),
        _("The year, where only the year is known (published is then empty)."),
    ),
    F("url", "string", _("Address"), _("Where it was read.")),
    F(
        "linked",
        "boolean",
        _("Linked"),
        _("False for a copy on an unrelated site: its address is kept for the record only."),
    ),
    F("note_vi", "string", _("Note (Vietnamese)"), _("What it says that the portal uses.")),
    F("note_en", "string", _("Note (English)"), _("The same in English.")),
    F("licence", "string", _("Licence of the citation"), _("What may be done with this record.")),
]

# Each source remains its publisher's: what the portal publishes under its own licence is the
# citation (key, title, publisher, date, address, note), not the source's text.
CITATION_LICENCE = "CC-BY-4.0 (the citation; the source itself is its publisher's)"


def source_table(sources):
    """(headers, rows) for the sources' CSV, so that software can resolve a key such as S4."""
    headers = [open_field.name for open_field in SOURCE_FIELDS]
    fields = ["key", "title", "publisher", "published_on", "published_year", "url"]
    fields += ["link_address", "note_vi", "note_en"]
    rows = (
        [
            row["key"],
            row["title"],
            row["publisher"],
            row["published_on"].isoformat() if row["published_on"] else None,
            row["published_year"],
            row["url"] or None,
            row["link_address"],
            row["note_vi"] or None,
            row["note_en"] or None,
            CITATION_LICENCE,
        ]
        for row in sources.order_by("pk").values(*fields)
    )
    return headers, rows


STATEMENT_FIELDS = [
    F("id", "string", _("Code"), _("The statement's code.")),
    F("property", "string", _("Property"), _("What it gives a value of."), Statement.Kind),
    F("topic", "string", _("Topic"), _("Its part of a site's “For investors”."), Statement.Topic),
    F(
        "nature",
        "string",
        _("What it is"),
        _("Report, plan, expectation, target, not found."),
        Statement.Nature,
    ),
    F("label_vi", "string", _("Label (Vietnamese)"), _("A figure's name, as pages show it.")),
    F("label_en", "string", _("Label (English)"), _("The same in English.")),
    F("amount", "number", _("Amount"), _("A figure's amount, in `unit`, as the source gives it.")),
    F("amount_to", "number", _("Up to"), _("The upper end of a range the source gives.")),
    F("qualifier", "string", _("Qualifier"), _("The source's word before the amount."), Qualifier),
    F("unit", "string", _("Unit or currency"), _("As the source gives it, never converted."), Unit),
    F("text_vi", "string", _("In words (Vietnamese)"), _("A statement that is not a figure.")),
    F("text_en", "string", _("In words (English)"), _("The same in English.")),
    F(
        "as_of",
        "date",
        _("As of"),
        _(
            "The date it refers to; for an expectation, the day it was said (a year-only "
            "date is stored as 1 January: see as_of_prec)."
        ),
    ),
    F(
        "as_of_prec",
        "string",
        _("Precision of that date"),
        _("How much of as_of the source gives."),
        DatePrecision,
    ),
    F("from_year", "integer", _("From year"), _("The period it refers to, or expects: start.")),
    F("to_year", "integer", _("To year"), _("The period's end.")),
    F("period_vi", "string", _("Period, in words (Vietnamese)"), _("As the source words it.")),
    F("period_en", "string", _("Period, in words (English)"), _("The same in English.")),
    F("note_vi", "string", _("Note (Vietnamese)"), _("What the reader should know with it.")),
    F("note_en", "string", _("Note (English)"), _("The same in English.")),
    F(
        "rank",
        "string",
        _("Rank"),
        _("preferred (shown first), other, or superseded (shown as such, never first)."),
        Rank,
    ),
    F(
        "position",
        "integer",
        _("Position"),
        _("0 for the value FACTS.md lists first; higher for other sources'."),
    ),
    F("body", "string", _("Body named"), _("The organisation it names (its page's code).")),
    F("sector", "string", _("Sector named"), _("The sector it names (its code).")),
    F("sites", "string", _("Sites"), _("Codes of the sites it is about; none: the province.")),
    F("sources", "string", _("Sources"), _("Keys of its sources (sources.csv).")),
]


def page_order(record):
    """
    Where a site's page lists a statement of the open data among its property's: a figure
    newest first (common.charts.newest_first), words in Statement.reading_order, then by position
    and code as the page's own list is; the first one about a site is the one its page shows.
    """
    as_of = record["as_of"]
    if record["amount"] is not None:
        when = figure_when(SimpleNamespace(as_of=as_of, period_end=record["to_year"]))
        place = (0, when is None, -when.toordinal() if when else 0)
    else:
        sites = len(record["sites"])
        place = (
            1,
            *Statement.reading_order_of(
                sites, record["rank"], record["nature"], as_of, record["position"]
            ),
        )
    return (record["property"], *place, record["position"], record["id"])


def statement_records():
    """
    Every statement, under STATEMENT_FIELDS' names, from plain rows, in the order a site's
    page reads them (page_order); sites and sources as lists of codes.
    """
    records = {}
    rows = Statement.objects.public().values(
        "pk",
        "slug",
        "kind",
        "nature",
        "label_vi",
        "label_en",
        "qualifier",
        "amount",
        "amount_to",
        "unit",
        "text_vi",
        "text_en",
        "as_of",
        "as_of_precision",
        "period_start",
        "period_end",
        "period_label_vi",
        "period_label_en",
        "note_vi",
        "note_en",
        "rank",
        "position",
        "organisation__slug",
        "sector__slug",
    )
    for row in rows:
        figure = row["amount"] is not None
        records[row["pk"]] = {
            "id": row["slug"],
            "property": row["kind"],
            "topic": Statement.TOPIC_OF.get(row["kind"]),
            "nature": row["nature"],
            "label_vi": row["label_vi"] or None,
            "label_en": row["label_en"] or None,
            "amount": float(row["amount"]) if figure else None,
            "amount_to": float(row["amount_to"]) if row["amount_to"] is not None else None,
            "qualifier": row["qualifier"] if figure else None,
            "unit": row["unit"] or None,
            "text_vi": row["text_vi"] or None,
            "text_en": row["text_en"] or None,
            "as_of": row["as_of"],
            "as_of_prec": row["as_of_precision"] if row["as_of"] else None,
            "from_year": row["period_start"],
            "to_year": row["period_end"],
            "period_vi": row["period_label_vi"] or None,
            "period_en": row["period_label_en"] or None,
            "note_vi": row["note_vi"] or None,
            "note_en": row["note_en"] or None,
            "rank": row["rank"],
            "position": row["position"],
            "body": row["organisation__slug"],
            "sector": row["sector__slug"],
            "sites": [],
            "sources": [],
        }
    shown_sites = Statement.sites.through.objects.filter(site__in=Site.objects.public())
    # Sources in the order the pages list them (with_sources(): by the source's pk), not in
    # the order the links happened to be written.
    links = [
        (shown_sites, "site__slug", "sites", "pk"),
        (Statement.sources.through.objects, "source__key", "sources", "source_id"),
    ]
    for through_rows, key, name, order in links:
        for owner_id, value in through_rows.order_by(order, "pk").values_list("statement_id", key):
            if owner_id in records:
                records[owner_id][name].append(value)
    return sorted(records.values(), key=page_order)


def statement_table():
    """(headers, rows) for statements.csv: the JSON's records, lists joined by "; "."""
    headers = [open_field.name for open_field in STATEMENT_FIELDS]
    rows = (
        [
            "; ".join(value) if isinstance(value, list) else value
            for value in (
                record[name].isoformat() if name == "as_of" and record[name] else record[name]
                for name in headers
            )
        ]
        for record in statement_records()
    )
    return headers, rows


def investor_statements(absolute_url):
    """
    Every statement (statement_records(): figures and words, under statements.csv's field
    names, sites and sources as lists), and every planning document.
    """
    statements = [
        {**record, "as_of": record["as_of"].isoformat() if record["as_of"] else None}
        for record in statement_records()
    ]
    documents = [
        {
            "number": document.number,
            "issued_on": document.issued_on.isoformat(),
            "issuer_vi": document.issuer_vi,
            "issuer_en": document.issuer_en,
            "subject_vi": document.subject_vi,
            "subject_en": document.subject_en,
            "replaced": document.replaced,
            "sites": [site.slug for site in document.sites.all()],
            "sources": [source.key for source in document.sources.all()],
        }
        for document in PlanningDocument.objects.public().with_sources()
    ]
    return {
        **file_header(absolute_url),
        "statements": statements,
        "planning_documents": documents,
    }
