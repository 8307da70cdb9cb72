"""The admin's map for a site's location, in a real Chromium under the Content Security Policy."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.browser.conftest import save_screenshot
from zones.models import Site

pytestmark = pytest.mark.usefixtures("site_facts")


@pytest.fixture(scope="module")
def maintainer(committed_facts, django_db_blocker):
    """Committed, for the server's thread; gone with the facts at the module's end."""
    with django_db_blocker.unblock():
        get_user_model().objects.create_superuser("quan-tri", password="Bac-Kan-2023-admin")


def test_the_admin_map_renders_with_no_csp_violation(watched_page, maintainer):
    """django-leaflet wrote nonce="None": its inline scripts were blocked, the map hidden."""
    page = watched_page
    page.goto(page.base_url + "/admin/login/")
    page.fill("#id_username", "quan-tri")
    page.fill("#id_password", "Bac-Kan-2023-admin")
    page.click("input[type=submit]")
    site = Site.objects.get(slug="cam-giang")
    page.goto(f"{page.base_url}/admin/zones/site/{site.pk}/change/")
    location_map = page.locator("#id_location-map")
    expect(location_map).to_be_visible()
    # The widget drew the stored point: a marker on the map.
    expect(location_map.locator(".leaflet-marker-icon")).to_have_count(1)
    save_screenshot(page, "admin-site-map")
    csp = [error for error in page.watch.console_errors if "Content Security Policy" in error]
    assert csp == []
    assert page.watch.outside_requests == []
