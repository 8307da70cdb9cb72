"""The factsheet's locator map (common.locator): the province outline and one point, drawn
on the server; a point it cannot place gives no map rather than a wrong one."""

import pytest

from common.locator import locator_map


def test_a_site_in_the_province_is_drawn_inside_the_outline_box():
    drawn = locator_map({"type": "Point", "coordinates": [105.85, 22.02]})  # Chợ Mới
    x, y = float(drawn["x"]), float(drawn["y"])
    assert 0 < x < float(drawn["width"]) and 0 < y < float(drawn["height"])
    # Chợ Mới is in the south of the province: the point is in the lower part of the map.
    assert y > float(drawn["height"]) * 0.7
    assert drawn["outline"].startswith("M") and drawn["outline"].endswith("Z")


@pytest.mark.parametrize(
    "location",
    [
        {"type": "Point", "coordinates": ["105.8", "x"]},  # saved before validation existed
        {"type": "Point", "coordinates": [106.7, 10.8]},  # Hồ Chí Minh City: not here
        {"type": "Polygon", "coordinates": 7},
        None,
    ],
)
def test_a_point_it_cannot_place_gives_no_map(location):
    assert locator_map(location) is None
