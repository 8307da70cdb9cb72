"""
GeoJSON for the map (compact, labels in the reader's language) and for open data.

Both are built from plain rows (QuerySet.values()), not model instances, and the page address
is reversed once per collection: a national register's 2,000 sites cost milliseconds.
"""

from collections import defaultdict

from django.utils.translation import gettext

from common.formatting import format_partial_date
from common.geometry import map_geometry, point_error
from common.http import SLUG_PLACEHOLDER, address_of, address_pattern
from common.languages import in_language

from .models import ReportedFigure, Site


def map_feature(row, geometry):
    """What a marker, its popup and the map's filters need, and nothing more."""
    return {
        "type": "Feature",
        "geometry": geometry,
        "properties": {
            "id": row["slug"],
            "name": in_language(row, "name"),
            "kind": row["kind"],
            "status": row["status"],
            "district": row["district"],
            # A status is shown with the date it refers to, never as today's.
            "asOf": format_partial_date(row["status_date"], row["status_date_precision"]),
            "precision": row["location_precision"],
        },
    }


def map_collection(rows):
    """Rows from Site.objects.for_map(); labels travel once per page, not once per site."""
    return {
        "type": "FeatureCollection",
        "features": [
            map_feature(row, geometry)
            for row in rows
            if (geometry := map_geometry(row["location"], row["boundary"]))
        ],
        "urlPattern": address_pattern("zones:detail"),
        "urlPlaceholder": SLUG_PLACEHOLDER,
        "labels": {
            "kind": {value: str(label) for value, label in Site.Kind.choices},
            "status": {value: str(label) for value, label in Site.Status.choices},
            "precision": {value: str(label) for value, label in Site.LocationPrecision.choices},
            # "%(date)s" is replaced in the browser by the feature's asOf.
            "asOf": gettext("as of %(date)s"),
            "undated": gettext("date not given by the source"),
        },
    }


OPEN_DATA_FIELDS = [
    "slug",
    "kind",
    "parent__slug",
    "name_vi",
    "name_en",
    "district",
    "commune_vi",
    "area_ha",
    "developer__name_vi",
    "developer_is_proposed",
    "status",
    "status_date",
    "status_date_precision",
    "location_precision",
    "is_synthetic",
    "updated_at",
    "location",
]


def first_area_figures():
    """site id → the area shown first on its page: amount, qualifier, date and source keys."""
    areas = defaultdict(lambda: {"sources": []})
    rows = (
        ReportedFigure.objects.filter(kind=ReportedFigure.Kind.AREA, rank=0)
        .order_by("pk", "sources__pk")
        .values_list("sites__id", "qualifier", "as_of", "as_of_precision", "sources__key")
    )
    for site_id, qualifier, as_of, precision, source_key in rows:
        area = areas[site_id]
        area.update(
            area_qualifier=qualifier,
            area_as_of=as_of.isoformat() if as_of else None,
            area_as_of_precision=precision if as_of else None,
        )
        if source_key not in area["sources"]:
            area["sources"].append(source_key)
    return areas


def open_data_collection(sites, absolute_url):
    """Every site for re-use: both languages, plain numbers, codes rather than labels."""
    page = absolute_url(address_pattern("zones:detail"))
    areas = first_area_figures()
    features = []
    for row in sites.values("pk", *OPEN_DATA_FIELDS):
        geometry = row.pop("location")
        # An odd stored geometry (saved before validation) is left out, not passed on broken.
        geometry = geometry if geometry and point_error(geometry) is None else None
        area = areas.get(row.pop("pk"), {"sources": []})
        row["phase_of"] = row.pop("parent__slug")
        row["developer"] = row.pop("developer__name_vi")
        row["area_ha"] = float(row["area_ha"]) if row["area_ha"] is not None else None
        row["area_qualifier"] = area.get("area_qualifier")
        row["area_as_of"] = area.get("area_as_of")
        row["area_sources"] = area["sources"]
        row["status_date"] = row["status_date"].isoformat() if row["status_date"] else None
        row["updated_at"] = row["updated_at"].isoformat()
        row["url"] = address_of(page, row["slug"])
        features.append({"type": "Feature", "geometry": geometry, "properties": row})
    return {"type": "FeatureCollection", "features": features}
