"""
GeoJSON for the map: compact, labels in the reader's language. (The open-data GeoJSON is
zones/open_data.py.)

It is built from plain rows (QuerySet.values()), not model instances, and the page address
is reversed once per collection: a national register's 2,000 sites cost milliseconds.
"""

from django.urls import reverse
from django.utils.translation import gettext

from common.formatting import format_partial_date
from common.geometry import map_geometry
from common.http import SLUG_PLACEHOLDER, address_pattern
from common.languages import in_language

from .models import Site


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
        "compareUrl": reverse("zones:compare"),
        "labels": {
            "kind": {value: str(label) for value, label in Site.Kind.choices},
            "status": {value: str(label) for value, label in Site.Status.choices},
            "precision": {value: str(label) for value, label in Site.LocationPrecision.choices},
            # "%(date)s" is replaced in the browser by the feature's asOf.
            "asOf": gettext("as of %(date)s"),
            "undated": gettext("date not given by the source"),
        },
    }
