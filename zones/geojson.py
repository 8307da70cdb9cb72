"""
GeoJSON for the map (compact, labels in the reader's language) and for open data.

Both are built from plain rows (QuerySet.values()), not model instances, and the page address
is reversed once per collection: a national register's 2,000 sites cost milliseconds.
"""

from django.urls import reverse
from django.utils.translation import get_language

from .formatting import NumberFormat
from .models import Site

SLUG_PLACEHOLDER = "__slug__"


def in_language(row, field):
    """A translated column in the reader's language, falling back to Vietnamese."""
    return row.get(f"{field}_{(get_language() or 'vi')[:2]}") or row.get(f"{field}_vi") or ""


def map_geometry(row):
    geometry = row["boundary"] or row["location"]
    if geometry and geometry.get("type") == "Point":
        longitude, latitude = geometry["coordinates"][:2]
        geometry = {"type": "Point", "coordinates": [round(longitude, 5), round(latitude, 5)]}
    return geometry


def map_feature(row, number_format):
    """What a marker, its popup and the map's filters need, and nothing more."""
    return {
        "type": "Feature",
        "geometry": map_geometry(row),
        "properties": {
            "id": row["slug"],
            "name": in_language(row, "name"),
            "kind": row["kind"],
            "status": row["status"],
            "district": row["district"],
            "area": number_format.area(row["area_ha"]),
            "precision": row["location_precision"],
        },
    }


def map_collection(rows):
    """Rows from Site.objects.for_map(); labels travel once per page, not once per site."""
    number_format = NumberFormat()
    return {
        "type": "FeatureCollection",
        "features": [
            map_feature(row, number_format) for row in rows if row["location"] or row["boundary"]
        ],
        "urlPattern": reverse("zones:detail", kwargs={"slug": SLUG_PLACEHOLDER}),
        "labels": {
            "kind": {value: str(label) for value, label in Site.Kind.choices},
            "status": {value: str(label) for value, label in Site.Status.choices},
            "precision": {value: str(label) for value, label in Site.LocationPrecision.choices},
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
    "status",
    "status_date",
    "location_precision",
    "is_synthetic",
    "updated_at",
    "location",
]


def open_data_collection(sites, absolute_url):
    """Every site for re-use: both languages, plain numbers, codes rather than labels."""
    page = absolute_url(reverse("zones:detail", kwargs={"slug": SLUG_PLACEHOLDER}))
    features = []
    for row in sites.values(*OPEN_DATA_FIELDS):
        geometry = row.pop("location")
        row["phase_of"] = row.pop("parent__slug")
        row["developer"] = row.pop("developer__name_vi")
        row["area_ha"] = float(row["area_ha"]) if row["area_ha"] is not None else None
        row["status_date"] = row["status_date"].isoformat() if row["status_date"] else None
        row["updated_at"] = row["updated_at"].isoformat()
        row["url"] = page.replace(SLUG_PLACEHOLDER, row["slug"])
        features.append({"type": "Feature", "geometry": geometry, "properties": row})
    return {"type": "FeatureCollection", "features": features}
