"""
Random paths, query strings and headers against every public URL pattern: whatever a visitor
or a robot sends, the answer is never a server error and never shows a traceback.
"""

import pytest
from hypothesis import HealthCheck, given, settings
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
    "/api/sites.geojson",
    "/api/projects.json",
    "/sitemap.xml",
    "/robots.txt",
    "/health/",
    "/{slug}",
]
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
@settings(
    max_examples=1500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(pattern=st.sampled_from(PATTERNS), slug=slugs, query=queries, request_headers=headers)
def test_no_server_error_whatever_is_sent(client, facts, pattern, slug, query, request_headers):
    path = pattern.format(slug=slug)
    safe_headers = {name: value for name, value in request_headers.items() if value.isprintable()}
    response = client.get(path, dict(query) if query else None, headers=safe_headers)
    assert response.status_code < 500, (path, query, safe_headers)
    body = b"".join(response) if response.streaming else response.content
    assert b"Traceback" not in body
