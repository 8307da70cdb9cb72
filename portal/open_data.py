"""
The data package (Frictionless Data Package, datapackage.json): what a data portal or a script
needs to read the open data without asking, built from the same field lists that write the
files (zones/open_data.py, investments/exports.py).
"""

from django.urls import reverse
from django.utils import translation

from investments.exports import ABOUT_THIS_LIST, PROJECT_FIELDS
from zones.open_data import SITE_FIELDS

LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


def field_schema(open_field):
    """A Table Schema field: its type, an English title and description, and its codes."""
    with translation.override("en"):
        schema = {
            "name": open_field.name,
            "type": open_field.type,
            "title": str(open_field.title),
            "description": str(open_field.description),
        }
        if open_field.codes:
            codes = open_field.codes.choices
            schema["constraints"] = {"enum": [value for value, _label in codes]}
            meanings = "; ".join(f"{value}: {label}" for value, label in codes)
            schema["description"] += f" Codes: {meanings}."
    if open_field.type == "boolean":
        schema["trueValues"], schema["falseValues"] = ["True"], ["False"]
    return schema


def csv_resource(name, title, path, fields, **schema):
    return {
        "name": name,
        "title": title,
        "path": path,
        "format": "csv",
        "mediatype": "text/csv",
        # UTF-8 with a byte-order mark, so that Excel reads Vietnamese letters correctly.
        "encoding": "utf-8-sig",
        "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
        "schema": {"fields": [field_schema(f) for f in fields], **schema},
    }


def data_package(absolute_url):
    with translation.override("en"):
        about_projects = " ".join(str(line) for line in ABOUT_THIS_LIST)
    sources = absolute_url(reverse("sources"))
    return {
        "name": "bac-kan-industrial-zones",
        "title": "Industrial zone and clusters of the former Bắc Kạn province, Vietnam",
        "description": (
            "The industrial zone (KCN Thanh Bình, with its phases) and the industrial clusters "
            "of the former Bắc Kạn province, and the investment projects published sources "
            "name, each value as a source gives it. Every source is listed, with its address, "
            f"on {sources}. No source gives coordinates: each site is placed at the centre of "
            "its commune, district town or district (see loc_prec). " + about_projects
        ),
        "homepage": absolute_url("/"),
        "licenses": [LICENCE],
        "sources": [{"title": "Sources and method", "path": sources}],
        "keywords": ["industrial zones", "industrial clusters", "Bắc Kạn", "Vietnam"],
        "resources": [
            csv_resource(
                "sites",
                "Sites (CSV)",
                absolute_url(reverse("sites-csv")),
                SITE_FIELDS,
                primaryKey=["id"],
            ),
            csv_resource(
                "projects",
                "Projects (CSV)",
                absolute_url(reverse("projects-csv")),
                PROJECT_FIELDS,
                primaryKey=["id"],
                foreignKeys=[
                    {"fields": ["site"], "reference": {"resource": "sites", "fields": ["id"]}}
                ],
            ),
            {
                "name": "sites-geojson",
                "title": "Sites (GeoJSON, WGS84): the fields of sites.csv, the point as geometry",
                "path": absolute_url(reverse("sites-geojson")),
                "format": "geojson",
                "mediatype": "application/geo+json",
                "encoding": "utf-8",
            },
        ],
    }
