"""
Query counts do not grow with the register. Between 10 and 1,000 sites two pages even lose a
query: above 300 sites the home page stops listing every site (the map and the paginated list
carry them), and above 200 the project list's site menu becomes a text field (the sites are
counted, not read).
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zones.models import Site

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


def test_query_counts_are_the_same_for_10_and_1000_sites(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0  # measure the views, not the cache
    call_command("generate_synthetic", sites=10, projects=100, verbosity=0)
    site = Site.objects.first().get_absolute_url()
    few = {path: queries_for(client, path) for path in [*PAGES, site]}
    call_command("generate_synthetic", sites=990, projects=4900, verbosity=0)
    many = {path: queries_for(client, path) for path in [*PAGES, site]}
    grown = {path: (few[path], many[path]) for path in few if many[path] > few[path]}
    assert grown == {}
    # The sites, then the sources of their first area figures.
    assert many["/api/sites.geojson"] == few["/api/sites.geojson"] == 2


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
