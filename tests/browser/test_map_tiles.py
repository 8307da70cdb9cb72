"""
The base map, honestly: the test settings have no tile server, so these tests name one on a
made-up host that the browser's routing answers (or refuses), and watch what the page asks for.
"""

import re

import pytest
from leaflet import app_settings
from playwright.sync_api import expect

from tests.browser.conftest import BLANK_TILE, save_screenshot

pytestmark = pytest.mark.usefixtures("site_facts")

TILE_URL = "https://tiles.portal-test.example/{z}/{x}/{y}.png"
TILE_PATTERN = re.compile(r"https://tiles\.portal-test\.example/(\d+)/(\d+)/(\d+)\.png")


@pytest.fixture
def tile_server(monkeypatch, settings):
    """A base layer on TILE_URL, allowed by the CSP as a real tile server would be."""
    monkeypatch.setitem(
        app_settings, "TILES", [("Map", TILE_URL, {"attribution": "Test tiles", "maxZoom": 18})]
    )
    settings.SECURE_CSP = {
        **settings.SECURE_CSP,
        "img-src": [*settings.SECURE_CSP["img-src"], "https://tiles.portal-test.example"],
    }


def serve_tiles(page, blank_tile, requested, fail=False):
    def answer(route):
        requested.append(route.request.url)
        if fail:
            return route.abort()
        return route.fulfill(status=200, content_type="image/png", body=blank_tile)

    page.route(TILE_PATTERN, answer)


@pytest.mark.parametrize("path", ["/", "/sites/quang-chu/", "/en/sites/thanh-binh/"])
def test_a_view_asks_for_tiles_at_one_zoom_only(watched_page, tile_server, path):
    requested = []
    serve_tiles(watched_page, BLANK_TILE, requested)
    watched_page.goto(watched_page.base_url + path)
    watched_page.wait_for_selector("path.site-marker")
    watched_page.wait_for_load_state("networkidle")
    zooms = {TILE_PATTERN.match(url).group(1) for url in requested}
    assert len(zooms) == 1, sorted(requested)
    expect(watched_page.locator("#map-notice")).to_be_hidden()
    assert watched_page.watch.console_errors == []


@pytest.mark.parametrize(("width", "language"), [(1280, "vi"), (375, "en")])
def test_when_tiles_fail_the_map_says_so_and_still_shows_the_sites(
    watched_page, tile_server, width, language
):
    requested = []
    serve_tiles(watched_page, BLANK_TILE, requested, fail=True)
    watched_page.set_viewport_size({"width": width, "height": 800})
    watched_page.goto(watched_page.base_url + ("/" if language == "vi" else "/en/"))
    notice = watched_page.locator("#map-notice")
    expect(notice).to_be_visible()
    expected = "Không tải được bản đồ nền" if language == "vi" else "base map could not be loaded"
    expect(notice).to_contain_text(expected)
    markers = watched_page.locator("path.site-marker")
    expect(markers.first).to_be_visible()
    # The notice covers no marker: each marker's centre is the marker itself, not the notice.
    covered = markers.evaluate_all(
        """paths => paths.filter(path => {
            const box = path.getBoundingClientRect();
            const found = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
            return found && found.closest("#map-notice");
        }).length"""
    )
    assert covered == 0
    save_screenshot(watched_page, f"tiles-failed-{language}-{width}")
    assert requested  # the tiles were asked for, and failed
    # The reader can dismiss it, and the next failing tile does not bring it back.
    notice.get_by_role("button").click()
    expect(notice).to_be_hidden()
    asked = len(requested)
    watched_page.locator("#main").hover()
    watched_page.mouse.wheel(0, -300)  # zooming in asks for new tiles, which fail too
    watched_page.wait_for_timeout(800)
    assert len(requested) > asked
    expect(notice).to_be_hidden()


def test_public_pages_load_no_admin_script(watched_page):
    scripts = []
    watched_page.on("request", lambda request: scripts.append(request.url))
    for path in ["/", "/en/", "/en/sites/thanh-binh/"]:
        watched_page.goto(watched_page.base_url + path)
        watched_page.wait_for_selector("path.site-marker")
    assert [url for url in scripts if "draw" in url or "/admin/" in url] == []
