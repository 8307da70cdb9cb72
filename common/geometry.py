"""
GeoJSON geometry as the portal accepts it: a Point for a site's location, a Polygon for its
boundary, with numeric WGS84 coordinates in range (a number given as text, a ring that does not
close or a position outside ±180°/±90° is refused in the admin, with a message). Pages read
stored geometry defensively all the same: one odd row never breaks the map for every reader.
"""

from django.utils.translation import gettext as _


def _is_number(value):
    return isinstance(value, int | float) and not isinstance(value, bool)


def _position_error(position):
    if not isinstance(position, list | tuple) or len(position) not in (2, 3):
        return _("Each position must be a pair of numbers: longitude, latitude.")
    if not all(_is_number(value) for value in position):
        return _("Coordinates must be numbers, not text.")
    longitude, latitude = position[:2]
    if not (-180 <= longitude <= 180 and -90 <= latitude <= 90):
        return _("Longitude must lie within ±180° and latitude within ±90°.")
    return None


def point_error(value):
    """Why `value` is not a GeoJSON Point this portal accepts, or None."""
    if not isinstance(value, dict) or value.get("type") != "Point":
        return _("The location must be a GeoJSON Point.")
    return _position_error(value.get("coordinates"))


def polygon_error(value):
    """Why `value` is not a GeoJSON Polygon this portal accepts, or None."""
    if not isinstance(value, dict) or value.get("type") != "Polygon":
        return _("The boundary must be a GeoJSON Polygon.")
    rings = value.get("coordinates")
    if not isinstance(rings, list) or not rings:
        return _("A polygon needs at least one ring of positions.")
    for ring in rings:
        if not isinstance(ring, list) or len(ring) < 4:
            return _("Each ring needs at least four positions.")
        for position in ring:
            if error := _position_error(position):
                return error
        if list(ring[0]) != list(ring[-1]):
            return _("Each ring must end where it starts.")
    return None


def map_geometry(location, boundary):
    """The geometry to draw (boundary, else location), or None when the stored one is odd."""
    if boundary and polygon_error(boundary) is None:
        return boundary
    if location and point_error(location) is None:
        longitude, latitude = location["coordinates"][:2]
        return {"type": "Point", "coordinates": [round(longitude, 5), round(latitude, 5)]}
    return None
