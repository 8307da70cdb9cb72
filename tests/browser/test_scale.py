"""The map with a national register's worth of sites: markers cluster, nothing is lost."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import save_screenshot

SITES = 2000


def markers_on_map(page):
    """Sites shown: the counts written on the clusters plus the markers standing alone."""
    in_clusters = sum(int(text) for text in page.locator(".marker-cluster").all_inner_texts())
    return in_clusters + page.locator("path.site-marker").count()


def wait_for_markers(page, expected, seconds=20):
    """Clusters are added in chunks, so the count climbs for a moment before it settles."""
    for _ in range(seconds * 10):
        if markers_on_map(page) == expected:
            return expected
        page.wait_for_timeout(100)
    return markers_on_map(page)


@pytest.fixture(scope="module")
def many_sites(django_db_setup, django_db_blocker):
    """Committed for the server's thread; the database is emptied after the module."""
    with django_db_blocker.unblock():
        call_command("generate_synthetic", sites=SITES, projects=0, verbosity=0)
        yield
        call_command("flush", interactive=False, verbosity=0)


def test_two_thousand_sites_cluster_and_all_are_counted(watched_page, many_sites, db):
    page = watched_page
    page.goto(page.base_url + "/en/")
    expect(page.locator(".marker-cluster").first).to_be_visible(timeout=20_000)
    shown = wait_for_markers(page, SITES)
    save_screenshot(page, "home-2000-sites-en-1280")
    assert shown == SITES
    # The plain list moves to the paginated Sites page rather than 2,000 rows here.
    expect(page.get_by_text("2000 sites are on the map")).to_be_visible()
    # Filtering still works on the clustered map.
    page.get_by_label("Industrial cluster", exact=True).uncheck()
    assert wait_for_markers(page, SITES // 10) == SITES // 10  # every tenth site is a zone
    save_screenshot(page, "home-2000-sites-en-1280")
    assert page.watch.console_errors == []
    assert page.watch.outside_requests == []
