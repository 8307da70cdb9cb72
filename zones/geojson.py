"""GeoJSON for the map (compact, labels in the reader's language) and for open data."""

from django.urls import reverse

from .formatting import format_area
from .models import Site

SLUG_PLACEHOLDER = "__slug__"


def map_feature(site):
    """
    What a marker, its popup and the map's filters need, and nothing more: codes per feature,
    labels once per page (see map_collection), coordinates to about a metre.
    """
    geometry = site.boundary or site.location
    if geometry and geometry.get("type") == "Point":
        longitude, latitude = geometry["coordinates"][:2]
        geometry = {"type": "Point", "coordinates": [round(longitude, 5), round(latitude, 5)]}
    return {
        "type": "Feature",
        "geometry": geometry,
        "properties": {
            "id": site.slug,
            "name": site.name,
            "kind": site.kind,
            "status": site.status,
            "district": site.district,
            "area": format_area(site.area_ha),
            "precision": site.location_precision,
        },
    }


def map_collection(sites):
    precision = Site.LocationPrecision
    return {
        "type": "FeatureCollection",
        "features": [map_feature(site) for site in sites if site.location or site.boundary],
        "urlPattern": reverse("zones:detail", kwargs={"slug": SLUG_PLACEHOLDER}),
        "labels": {
            "kind": {value: str(label) for value, label in Site.Kind.choices},
            "status": {value: str(label) for value, label in Site.Status.choices},
            "precision": {value: str(label) for value, label in precision.choices},
        },
    }


def open_data_feature(site, absolute_url):
    """A site for re-use: both languages, plain numbers, codes rather than labels."""
    return {
        "type": "Feature",
        "geometry": site.location,
        "properties": {
            "slug": site.slug,
            "kind": site.kind,
            "phase_of": site.parent.slug if site.parent else None,
            "name_vi": site.name_vi,
            "name_en": site.name_en,
            "district": site.district,
            "commune_vi": site.commune_vi,
            "area_ha": float(site.area_ha) if site.area_ha is not None else None,
            "developer": site.developer.name_vi if site.developer else None,
            "status": site.status,
            "status_date": site.status_date.isoformat() if site.status_date else None,
            "location_precision": site.location_precision,
            "is_synthetic": site.is_synthetic,
            "url": absolute_url(site.get_absolute_url()),
            "updated_at": site.updated_at.isoformat(),
        },
    }
