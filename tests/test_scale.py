"""
Query counts do not grow with the register. Two pages even lose a query on the way: above
HOME_LIST_LIMIT (300) sites the home page stops listing every site (the map and the paginated
list carry them), and above SITE_MENU_LIMIT (200) the project list's site menu becomes a text
field (the sites are counted, not read). Just past both limits is as large as the register
needs to be to show it: a query per site would show at 320 sites as it would at 2,000.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from investments.filters import SITE_MENU_LIMIT
from zones.models import Site
from zones.views import HOME_LIST_LIMIT

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/en/",
    "/sites/",
    "/projects/",
    "/projects/?status=approved&sort=-capital&page=2",
    "/api/sites.geojson",
    "/api/projects.json?status=approved",
]


def queries_for(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_query_counts_are_the_same_for_10_sites_and_past_the_page_limits(
    client, settings, committed
):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0  # measure the views, not the cache
    with committed():
        call_command("generate_synthetic", sites=10, projects=100, verbosity=0)
    site = Site.objects.first().get_absolute_url()
    few = {path: queries_for(client, path) for path in [*PAGES, site]}
    more_sites = max(HOME_LIST_LIMIT, SITE_MENU_LIMIT) + 20 - 10
    with committed():  # the map's data, built once per data version, is built again
        call_command("generate_synthetic", sites=more_sites, projects=5 * more_sites, verbosity=0)
    many = {path: queries_for(client, path) for path in [*PAGES, site]}
    grown = {path: (few[path], many[path]) for path in few if many[path] > few[path]}
    assert grown == {}
    # The sites, then the first area figures, developers and statuses, each with its sources.
    assert many["/api/sites.geojson"] == few["/api/sites.geojson"] == 4


def test_the_benchmark_is_told_the_queries_their_time_and_the_server_time(client, settings):
    """QUERY_COUNT_HEADER=true (the benchmark's fresh server) says where a page's time goes."""
    settings.MIDDLEWARE = [
        "bakan_industry.middleware.QueryCountHeaderMiddleware",
        *settings.MIDDLEWARE,
    ]
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    call_command("generate_synthetic", sites=10, projects=100, verbosity=0)
    response = client.get("/sites/")
    assert int(response["X-Query-Count"]) == queries_for(client, "/sites/")
    assert 0 < float(response["X-Query-Time"]) <= float(response["X-Server-Time"])
