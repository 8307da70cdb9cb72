"""
Browser tests: Debian's Chromium driven by pytest-playwright against the live test server.

Chromium is installed by `make test`; if it is missing the tests fail with a clear message
rather than skip, so that a CI run without a browser cannot pass unnoticed. Every request that
would leave the test server is intercepted: map tiles get a blank local image, anything else is
refused and recorded, and the tests assert that nothing else was attempted.
"""

import base64
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make between
# browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"
BLANK_TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
TILE_HOST = urlsplit(settings.LEAFLET_TILES_URL.replace("{s}", "a")).hostname


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}: run `make test`, which installs it "
            "(apt-get install chromium). Browser tests do not skip."
        )
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def site_facts(unchanged_facts):
    """The sourced data, committed once for the module, so that the server's thread sees it."""


class PageWatch:
    """What the page tried that it should not have: console errors and outside requests."""

    def __init__(self):
        self.console_errors = []
        self.outside_requests = []


@pytest.fixture
def watched_page(page, live_portal):
    watch = PageWatch()
    page.on(
        "console",
        lambda message: message.type == "error" and watch.console_errors.append(message.text),
    )
    page.on("pageerror", lambda error: watch.console_errors.append(str(error)))

    def route(route_request):
        url = route_request.request.url
        if url.startswith(live_portal.url):
            return route_request.continue_()
        if TILE_HOST and urlsplit(url).hostname == TILE_HOST:
            return route_request.fulfill(status=200, content_type="image/png", body=BLANK_TILE)
        watch.outside_requests.append(url)
        return route_request.abort()

    page.context.route("**/*", route)
    page.watch = watch
    page.base_url = live_portal.url
    return page


def save_screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
