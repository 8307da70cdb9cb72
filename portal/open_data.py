"""
The data package (Frictionless Data Package, datapackage.json): what a data portal or a script
needs to read the open data without asking, built from the same field lists that write the
files (zones/open_data.py, investments/exports.py).
"""

from django.urls import reverse
from django.utils import translation

from investments.exports import ABOUT_THIS_LIST, PROJECT_FIELDS
from zones.open_data import SITE_FIELDS, SOURCE_FIELDS, STATEMENT_FIELDS

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


def json_resource(name, title, path):
    return {
        "name": name,
        "title": title,
        "path": path,
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        "licenses": [LICENCE],
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
            csv_resource(
                "sources",
                "Sources (CSV): every source the other files cite by key (area_src, S4)",
                absolute_url(reverse("sources-csv")),
                SOURCE_FIELDS,
                primaryKey=["id"],
            ),
            csv_resource(
                "statements",
                "Statements (CSV): every figure and statement in words about the province "
                "or its sites, in the order a site's page reads them; the fields of "
                "investor-statements.json, lists joined by '; '",
                absolute_url(reverse("statements-csv")),
                STATEMENT_FIELDS,
                primaryKey=["id"],
            ),
            json_resource(
                "projects-json",
                "Projects (JSON): the fields of projects.csv, under the same names, in "
                "'projects'; takes the project list's filters",
                absolute_url(reverse("projects-json")),
            ),
            json_resource(
                "investor-statements",
                "Every statement (the fields of statements.csv, sites and sources as lists) "
                "and the planning documents (JSON), both languages",
                absolute_url(reverse("investor-statements-json")),
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


def dataset_description(absolute_url):
    """
    The same package as a schema.org Dataset (JSON-LD) for the open-data page, so that dataset
    search engines find it: its name, description, licence and a download for every file.
    """
    package = data_package(absolute_url)
    return {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "name": package["title"],
        "description": package["description"],
        "url": absolute_url(reverse("sources")),
        "sameAs": absolute_url(reverse("data-package")),
        "license": LICENCE["path"],
        "isAccessibleForFree": True,
        "keywords": package["keywords"],
        "spatialCoverage": {
            "@type": "Place",
            "name": "Bắc Kạn province (before 1 July 2025), Vietnam",
        },
        "creator": {"@type": "Organization", "name": "Bắc Kạn industrial zones portal"},
        "distribution": [
            {
                "@type": "DataDownload",
                "name": resource["title"],
                "contentUrl": resource["path"],
                "encodingFormat": resource["mediatype"],
            }
            for resource in package["resources"]
        ],
    }
