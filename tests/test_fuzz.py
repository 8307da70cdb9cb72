"""
Random paths, query strings and headers against every public URL pattern: whatever a visitor
or a robot sends, the answer is a page, a redirect or a clear refusal, never a server error.
"""

import pytest
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

PATTERNS = [
    "/",
    "/en/",
    "/sites/",
    "/en/sites/",
    "/sites/{slug}/",
    "/en/sites/{slug}/",
    "/organisations/{slug}/",
    "/projects/",
    "/en/projects/",
    "/projects/{slug}/",
    "/projects/download.{slug}",
    "/sources/",
    "/sites/compare/",
    "/planning-documents/",
    "/api/sites.geojson",
    "/api/projects.json",
    "/sitemap.xml",
    "/robots.txt",
    "/health/",
    "/{slug}",
]
# What a visitor may be answered: a page, a redirect (to a canonical address), "not modified",
# a refusal (bad request, unknown address). Never a 500, nor a 503 while the database is up.
ANSWERS = {200, 301, 302, 304, 400, 404}
PARAMETERS = ["q", "kind", "status", "district", "site", "sector", "fdi", "year", "sort", "page"]
KNOWN_VALUES = ["cam-giang", "quang-chu", "operational", "-capital", "2023", "fdi", "na-ri", "1"]

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
slugs = st.one_of(st.sampled_from(["cam-giang", "thanh-binh", "xlsx", "csv"]), text)
values = st.one_of(st.sampled_from(KNOWN_VALUES), text, st.integers().map(str))
queries = st.lists(st.tuples(st.one_of(st.sampled_from(PARAMETERS), text), values), max_size=6)
headers = st.fixed_dictionaries(
    {},
    optional={
        "accept-language": st.one_of(st.sampled_from(["en", "vi", "fr;q=0.5", "*"]), text),
        "accept-encoding": st.one_of(st.sampled_from(["gzip", "br", "identity"]), text),
        "if-none-match": st.one_of(st.just("*"), text),
        "if-modified-since": st.one_of(st.just("Tue, 28 Nov 2023 00:00:00 GMT"), text),
        "user-agent": text,
    },
)


@pytest.mark.django_db
# Examples per run: the hypothesis profile's (tests/conftest.py): 150 in `make test`, 3,000 with
# HYPOTHESIS_PROFILE=long (`make fuzz`).
@settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(pattern=st.sampled_from(PATTERNS), slug=slugs, query=queries, request_headers=headers)
# Found before, kept as examples: a digit Python counts as one but cannot read (²), a NUL,
# which PostgreSQL refuses in any query.
@example(pattern="/sites/", slug="", query=[("page", "²")], request_headers={})
@example(pattern="/projects/", slug="", query=[("page", "²")], request_headers={})
@example(pattern="/sites/compare/", slug="", query=[("site", "\x00")], request_headers={})
@example(pattern="/projects/", slug="", query=[("site", "\x00"), ("q", "\x00")], request_headers={})
def test_no_server_error_whatever_is_sent(facts, pattern, slug, query, request_headers):
    # An exception in a view reaches the visitor as the 500 page, as it would in production,
    # rather than being raised into the test (then reported with it, below).
    client = Client(raise_request_exception=False)
    path = pattern.format(slug=slug)
    safe_headers = {name: value for name, value in request_headers.items() if value.isprintable()}
    response = client.get(path, dict(query) if query else None, headers=safe_headers)
    assert response.status_code in ANSWERS, (path, query, safe_headers, response.exc_info)
