"""
A small locator map drawn on the server (SVG, no script, no tiles): the province outline and
one site's point. The printed factsheet carries it, because map tiles do not print.

The outline is the one the interactive map draws (static/data, geoBoundaries, CC BY-SA 4.0),
read once per process; longitudes are scaled by the cosine of the middle latitude, so the
province keeps its shape.
"""

import json
import math
from functools import cache
from pathlib import Path

from django.conf import settings

from common.geometry import point_error

OUTLINE = Path(settings.BASE_DIR) / "static" / "data" / "backan-province-boundary.geojson"
WIDTH, PADDING = 200, 6


@cache
def outline_rings():
    """The outer ring of every polygon of the outline, as [(longitude, latitude)]."""
    rings = []
    for feature in json.loads(OUTLINE.read_text(encoding="utf-8"))["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings += [[tuple(position[:2]) for position in polygon[0]] for polygon in polygons]
    return rings


def locator_map(location):
    """
    What templates/includes/locator_map.html draws for a stored GeoJSON point: the outline's
    path and the point; None for a point this map cannot show (not a valid point, or outside
    the province's bounds, as a synthetic load-test site may be).
    """
    if point_error(location):
        return None
    longitude, latitude = location["coordinates"][:2]
    rings = outline_rings()
    longitudes = [x for ring in rings for x, _y in ring]
    latitudes = [y for ring in rings for _x, y in ring]
    west, north = min(longitudes), max(latitudes)
    if not (west <= longitude <= max(longitudes) and min(latitudes) <= latitude <= north):
        return None
    squeeze = math.cos(math.radians((north + min(latitudes)) / 2))
    scale = (WIDTH - 2 * PADDING) / ((max(longitudes) - west) * squeeze)
    height = (north - min(latitudes)) * scale + 2 * PADDING

    def place(x, y):
        return PADDING + (x - west) * squeeze * scale, PADDING + (north - y) * scale

    # Coordinates as text: a template would localise a number ("16,5" in Vietnamese).
    outline = " ".join(
        "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in (place(*p) for p in ring)) + " Z"
        for ring in rings
    )
    x, y = place(longitude, latitude)
    return {
        "width": str(WIDTH),
        "height": f"{height:.0f}",
        "outline": outline,
        "x": f"{x:.1f}",
        "y": f"{y:.1f}",
    }
