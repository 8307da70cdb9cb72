"""GeoJSON for the map (labels in the reader's language) and for the open-data endpoint."""

from .formatting import format_area


def map_feature(site):
    """What a marker, its popup and the map's filters need, and nothing more."""
    return {
        "type": "Feature",
        "geometry": site.location,
        "properties": {
            "id": site.slug,
            "name": site.name,
            "url": site.get_absolute_url(),
            "kind": site.kind,
            "kindLabel": site.get_kind_display(),
            "status": site.status,
            "statusLabel": site.get_status_display(),
            "district": site.district,
            "area": format_area(site.area_ha),
            "approximate": site.is_location_approximate,
            "precisionLabel": site.get_location_precision_display(),
        },
    }


def map_collection(sites):
    return {
        "type": "FeatureCollection",
        "features": [map_feature(site) for site in sites if site.location],
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
            "url": absolute_url(site.get_absolute_url()),
            "updated_at": site.updated_at.isoformat(),
        },
    }
