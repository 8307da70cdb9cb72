"""Public pages are cached, revalidated with ETags, and stale the moment data changes."""

import gzip
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache, caches
from django.db import connection, transaction
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseRedirect
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.http import parse_http_date

from common.caching import NewVersion, data_version, public_page
from investments.models import Project
from portal.models import DataVersion
from zones.models import Site, Statement
from zones.views import site_detail

pytestmark = pytest.mark.django_db


def test_a_repeat_request_is_served_from_the_cache_without_queries(
    client, facts, django_assert_num_queries
):
    first = client.get("/sites/cam-giang/")
    with django_assert_num_queries(0):
        second = client.get("/sites/cam-giang/")
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


def test_matching_if_none_match_gets_a_304(client, facts):
    first = client.get("/en/")
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    again = client.get("/en/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    other = client.get("/en/", headers={"if-none-match": '"something-else"'})
    assert other.status_code == 200


def test_a_status_change_in_the_admin_shows_on_the_next_request(
    admin_client, client, facts, committed
):
    before = client.get("/en/sites/cam-giang/")
    assert "Site clearance" in before.content.decode()
    status = Statement.objects.get(slug="cam-giang-status")
    with committed():
        admin_client.post(
            reverse("admin:zones_sitestatus_changelist"),
            {
                "form-TOTAL_FORMS": "1",
                "form-INITIAL_FORMS": "1",
                "form-0-id": str(status.pk),
                "form-0-status": "operational",
                "form-0-text_vi": "Đi vào hoạt động.",
                "form-0-text_en": "In operation.",
                "form-0-as_of": "01/06/2025",
                "form-0-as_of_precision": "day",
                "_save": "Lưu",
            },
        )
    after = client.get("/en/sites/cam-giang/", headers={"if-none-match": before["ETag"]})
    assert after.status_code == 200  # the old ETag no longer matches
    assert "In operation." in after.content.decode()
    assert after["ETag"] != before["ETag"]


def test_an_edit_marks_the_pages_stale_once_and_only_when_it_commits(facts, committed):
    """
    Two records and their two history records saved in one transaction: one new version,
    written to the database in the edit's transaction and published when it commits. It was
    two writes per row, published at once, so a reader could keep old data under it.
    """
    before = data_version()
    with committed() as on_commit, transaction.atomic():
        site = Site.objects.get(slug="cam-giang")
        site.description_en = "Checked again."
        site.save()
        Project.objects.first().save()
        assert data_version() == before  # readers still see the old version
    assert [type(callback) for callback in on_commit] == [NewVersion]
    assert data_version() == DataVersion.load() > before


def test_an_edit_that_rolls_back_leaves_the_pages_as_they_were(facts, committed):
    before = data_version()
    with committed() as on_commit, transaction.atomic():
        Site.objects.get(slug="cam-giang").save()
        transaction.set_rollback(True)
    assert on_commit == []
    assert data_version() == DataVersion.load() == before


def test_the_cache_keeps_languages_apart(rf, facts):
    """
    One path, two languages: the page stored for one language is never served in the other.
    (Through the test client the two languages have different paths, which would keep them
    apart even without the language in the cache key; called directly, the path is the same.)
    """
    seen = {}
    for language in ["vi", "en", "vi", "en"]:
        request = rf.get("/sites/cam-giang/")
        request.user = AnonymousUser()
        with translation.override(language):
            response = site_detail(request, slug="cam-giang")
        seen.setdefault(language, response.content.decode())
        assert response.content.decode() == seen[language]
    assert "Đang giải phóng mặt bằng" in seen["vi"]
    assert "Site clearance" in seen["en"] and "Đang giải phóng mặt bằng" not in seen["en"]


def test_pages_are_compressed_for_readers_who_accept_gzip(client, facts):
    plain = client.get("/api/sites.geojson")
    compressed = client.get("/api/sites.geojson", headers={"accept-encoding": "gzip"})
    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 3


def test_errors_are_not_cached(client, facts):
    before = cached_pages()
    assert client.get("/sites/not-yet/").status_code == 404
    assert cached_pages() == before
    # Renamed without a signal, so the data version stays the same: a 404 stored under it
    # would be served again here.
    Site.objects.filter(slug="cam-giang").update(slug="not-yet")
    assert client.get("/sites/not-yet/").status_code == 200


def test_a_view_answering_an_error_is_asked_again(rf):
    """The decorator stores 200s only: a 404 or a redirect a view returns is never replayed."""
    answers = [HttpResponseNotFound("not yet"), HttpResponseRedirect("/elsewhere/")]
    answers.append(HttpResponse("here now"))

    @public_page
    def view(request):
        return answers.pop(0)

    statuses = [view(rf.get("/a-page/")).status_code for _ in range(4)]
    assert statuses == [404, 302, 200, 200]  # the last one from the cache


def cached_pages():
    """How many pages the (local memory) cache holds."""
    return sum(1 for key in cache._cache if "portal:page:" in key)


def test_random_query_strings_do_not_grow_the_cache(client, facts):
    """An attack made 20,001 entries with ?x=<random>; unknown parameters now share one."""
    for path in ["/", "/sites/", "/projects/", "/api/projects.json", "/sites/cam-giang/"]:
        client.get(path)
    baseline = cached_pages()
    for number in range(50):
        for path in ["/", "/sites/", "/projects/", "/api/projects.json", "/sites/cam-giang/"]:
            response = client.get(path, {"x": f"random-{number}", "utm_source": number})
            assert response.status_code == 200
    assert cached_pages() == baseline


def test_junk_values_of_a_known_filter_do_not_grow_the_cache(client, facts):
    """?status=<random>&status=operational was kept as a new page each time."""
    pages = {"/sites/": "operational", "/projects/": "approved", "/api/projects.json": "approved"}
    for path, status in pages.items():
        assert client.get(path, {"status": status}).status_code == 200
    baseline = cached_pages()
    for number in range(20):
        for path, status in pages.items():
            response = client.get(f"{path}?status=junk-{number}&status={status}")
            assert response.status_code == 200
    assert cached_pages() == baseline


@pytest.mark.parametrize(
    ("path", "query", "said"),
    [
        ("/en/", {"status": "junk"}, "Status “junk”"),
        ("/en/sites/", {"district": "atlantis"}, "District (before 2025) “atlantis”"),
        ("/en/projects/", {"fdi": "yes"}, "FDI or domestic “yes”"),
    ],
)
def test_a_list_says_which_filter_it_ignored_and_keeps_no_page_for_it(
    client, facts, path, query, said
):
    """?fdi=yes showed every project, with nothing to say the filter was not applied (the page
    kept without it was served)."""
    client.get(path)  # the plain list, kept
    baseline = cached_pages()
    for _repeat in range(2):
        body = client.get(path, query).content.decode()
        notice = body.split('class="callout error-summary"', 1)[1].split("</div>", 1)[0]
        assert "Not understood, and ignored" in notice and said in notice
    assert cached_pages() == baseline
    assert "error-summary" not in client.get(path).content.decode()


def test_filters_in_another_order_share_one_page(client, facts):
    first = client.get("/projects/", {"status": "operating", "site": "thanh-binh"})
    second = client.get("/projects/", {"site": "thanh-binh", "status": "operating", "x": "1"})
    assert first["ETag"] == second["ETag"]
    assert first.content == second.content


def test_searches_are_answered_but_not_stored(client, facts):
    before = cached_pages()
    for number in range(20):
        page = client.get("/projects/", {"q": f"van ep {number}"})
        assert page.status_code == 200
    assert cached_pages() == before


@pytest.mark.parametrize("junk", [{}, {"fdi": "yes"}])
def test_a_long_search_is_cut_to_a_few_words(client, facts, junk):
    """Also beside a filter value the page ignores (such a page is answered as asked)."""
    words = " ".join(["lechenwood"] + [f"word{n}" for n in range(2000)])
    page = client.get("/projects/", {"q": words, **junk}).content.decode()
    # The form shows the search as it was run: its first words only.
    assert 'value="lechenwood word0 word1' in page
    assert "word1999" not in page


def test_a_page_past_the_last_is_shown_but_not_stored(client, facts):
    client.get("/projects/")
    before = cached_pages()
    response = client.get("/projects/", {"page": "5000"})
    assert response.status_code == 200
    assert cached_pages() == before


def test_a_foreign_port_in_the_host_leaves_no_trace(client, facts, settings):
    """One request with Host 127.0.0.1:6666 put that origin into every cached page."""
    settings.ALLOWED_HOSTS = ["127.0.0.1", "testserver"]
    paths = ["/", "/sitemap.xml", "/robots.txt", "/api/sites.geojson", "/api/projects.json"]
    for path in paths:
        poisoned = client.get(path, headers={"host": "127.0.0.1:6666"})
        assert poisoned.status_code == 200
        assert "6666" not in poisoned.content.decode()
    for path in paths:
        assert "6666" not in client.get(path).content.decode()
    download = client.get("/en/projects/download.csv", headers={"host": "127.0.0.1:6666"})
    assert "6666" not in download.content.decode("utf-8")
    assert "http://testserver/en/projects/" in download.content.decode("utf-8")


def test_a_disallowed_host_is_a_400_not_a_500(client, facts):
    response = client.get("/sites/cam-giang/", headers={"host": "evil.example"})
    assert response.status_code == 400
    assert "evil.example" not in response.content.decode()


def test_a_cached_page_is_refused_to_a_disallowed_host_too(client, facts):
    """A page already kept was handed to any Host (200); an uncached one got the 400."""
    for path in ["/sites/cam-giang/", "/en/"]:
        assert client.get(path).status_code == 200
        assert client.get(path).status_code == 200  # now kept, and answered early
        response = client.get(path, headers={"host": "evil.example"})
        assert response.status_code == 400
        assert "evil.example" not in response.content.decode()


def test_the_404_page_never_links_off_site(client, facts):
    response = client.get("//evil.example/x")
    assert response.status_code == 404
    page = response.content.decode()
    assert 'href="//evil.example' not in page
    assert "http://evil.example" not in page


@pytest.fixture
def unreachable_cache(settings):
    """A Redis cache on a port where nothing listens, as when Redis is down."""
    settings.CACHES = {
        "default": {
            "BACKEND": "common.redis_cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    # pytest-django's `settings` sends setting_changed, which makes Django open new caches.
    yield


def test_with_the_cache_down_pages_are_served_and_health_says_degraded(
    client, facts, unreachable_cache
):
    for path in ["/", "/en/sites/thanh-binh/", "/projects/", "/api/sites.geojson"]:
        assert client.get(path).status_code == 200
    health = client.get("/health/")
    assert health.status_code == 200
    assert health.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}


def test_an_edit_with_the_cache_down_is_saved(admin_client, facts, unreachable_cache):
    site = Site.objects.get(slug="cam-giang")
    site.description_en = "Saved while the cache was down."
    site.save()
    site.refresh_from_db()
    assert site.description_en == "Saved while the cache was down."


def test_the_tests_never_use_a_cache_named_in_the_environment():
    """With CACHE_URL set to a production Redis, the suite's cache.clear() would empty it."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.CACHES['default']['BACKEND'])",
        ],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bakan_industry.test_settings",
            "CACHE_URL": "redis://127.0.0.1:6379/9",
        },  # fmt: skip
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "django.core.cache.backends.locmem.LocMemCache"


def test_downloads_are_made_fresh_and_an_xlsx_is_not_gzipped(client, facts):
    """A stored file would keep the day it was first made in its name, for as long as it lived."""
    before = cached_pages()
    gzipped = {"accept-encoding": "gzip"}
    xlsx = client.get("/projects/download.xlsx", headers=gzipped)
    assert xlsx.status_code == 200 and xlsx.content.startswith(b"PK")  # a zip, as sent
    assert "Content-Encoding" not in xlsx
    csv = client.get("/projects/download.csv", headers=gzipped)
    assert csv["Content-Encoding"] == "gzip"
    assert cached_pages() == before
    again = client.get(
        "/projects/download.xlsx", headers={**gzipped, "if-none-match": xlsx["ETag"]}
    )
    assert again.status_code == 304  # unchanged data: the reader's copy is still good


def test_last_modified_is_the_last_change_as_the_database_keeps_it(client, facts):
    """Not the time the cache first answered: the same after a restart and in every worker."""
    DataVersion.save_version(1_700_000_000 * 10**9)  # as if the data last changed then
    cache.clear()  # a restart, or the shared cache emptied
    first = client.get("/api/sites.geojson")
    assert first["Last-Modified"] == "Tue, 14 Nov 2023 22:13:20 GMT"
    cache.clear()
    again = client.get("/api/sites.geojson")
    assert (again["Last-Modified"], again["ETag"]) == (first["Last-Modified"], first["ETag"])
    site = Site.objects.get(slug="cam-giang")
    site.description_en = "Checked again."
    site.save()
    cache.clear()
    edited = client.get("/api/sites.geojson")
    assert edited["ETag"] != first["ETag"]
    assert parse_http_date(edited["Last-Modified"]) > parse_http_date(first["Last-Modified"])


@pytest.fixture
def cache_calls(monkeypatch):
    """
    The cache operations the portal makes, in order: the local-memory cache, counted, not
    replaced. Only outermost calls count (its get_many() calls its own get(), where Redis
    makes one MGET round trip).
    """
    backend = caches["default"]
    calls = []
    depth = [0]
    for name in ["get", "get_many", "set", "add", "delete"]:
        method = getattr(backend, name)

        def counted(*args, _name=name, _method=method, **kwargs):
            if not depth[0]:
                calls.append(_name)
            depth[0] += 1
            try:
                return _method(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(backend, name, counted)
    return calls


@pytest.mark.parametrize(
    "path",
    [
        "/en/sites/cam-giang/",
        "/",
        "/api/sites.geojson",
        # Filtered lists: their query, in any order, is found without building the filter's
        # form (which reads the sites' codes from the database).
        "/en/projects/?status=operating&site=thanh-binh",
        "/sites/?status=operational",
    ],
)
def test_a_cached_page_costs_one_cache_round_trip_and_carries_the_same_headers(
    client, facts, cache_calls, django_assert_num_queries, path
):
    first = client.get(path, headers={"accept-encoding": "gzip"})
    cache_calls.clear()
    with django_assert_num_queries(0):
        again = client.get(path, headers={"accept-encoding": "gzip"})
    assert cache_calls == ["get_many"]
    assert again.content == first.content
    assert dict(again.headers) == dict(first.headers)
    for header in ["Content-Security-Policy", "ETag", "Last-Modified", "Vary", "Cache-Control"]:
        assert again.headers[header], header
    assert again["X-Frame-Options"] == "DENY" and again["Content-Language"]


def test_each_language_gets_its_own_cached_page(client, facts):
    for _ in range(2):
        vietnamese, english = client.get("/"), client.get("/en/")
        assert vietnamese["Content-Language"] == "vi" and '<html lang="vi">' in text(vietnamese)
        assert english["Content-Language"] == "en" and '<html lang="en">' in text(english)


def test_a_signed_in_editor_never_gets_the_page_kept_for_the_public(
    client, editor_client, facts, cache_calls
):
    client.get("/en/sites/cam-giang/")  # kept for the public
    stored = cached_pages()
    cache_calls.clear()
    with CaptureQueriesContext(connection) as queries:
        page = editor_client.get("/en/sites/cam-giang/")
    assert page.status_code == 200
    assert len(queries) > 5  # built for the editor (session, user, the page's own queries)
    assert "get_many" not in cache_calls and "set" not in cache_calls
    assert cached_pages() == stored


def test_a_cookie_that_is_no_session_still_gets_the_kept_page(client, facts):
    """A made-up sessionid skipped the page cache: every such request cost a fresh page."""
    client.cookies[settings.SESSION_COOKIE_NAME] = "made-up-session-key"
    first = client.get("/en/sites/cam-giang/")  # built, and kept for every reader
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/en/sites/cam-giang/")
    assert page.status_code == 200 and page.content == first.content
    assert len(queries) == 1  # is there such a session? No: the kept page


def test_an_edit_shows_at_once_on_a_page_answered_early(client, facts, committed):
    before = text(client.get("/en/sites/cam-giang/"))
    assert text(client.get("/en/sites/cam-giang/")) == before  # now answered early
    site = Site.objects.get(slug="cam-giang")
    site.description_en = "A note written in another worker."
    with committed():
        site.save()
    assert "A note written in another worker." in text(client.get("/en/sites/cam-giang/"))


def text(response):
    return response.content.decode()


def map_queries(client, query):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/", query).status_code == 200
    # The map's rows are plain values (for_map()): their columns are aliased.
    return [q["sql"] for q in queries if 'AS "boundary"' in q["sql"]]


def test_the_map_data_is_built_once_per_data_version(client, facts, committed):
    """Two filters are two pages, but one map: its rows are read once until the data changes."""
    assert len(map_queries(client, {"status": "operational"})) == 1
    assert map_queries(client, {"status": "site_clearance"}) == []
    site = Site.objects.get(slug="cam-giang")
    site.name_en = "Cẩm Giàng Cluster, renamed"
    with committed():
        site.save()
    assert len(map_queries(client, {"status": "planned"})) == 1
    home = client.get("/en/", {"status": "established"}).content.decode()
    map_data = home.split('id="map-data"', 1)[1].split("</script>", 1)[0]
    assert "Cluster, renamed" in map_data


def test_a_page_that_sets_a_cookie_is_never_kept_for_everyone(client, facts, monkeypatch):
    """Were some middleware or view to set a cookie on a public page, it stays that reader's."""
    from zones import views

    render = views.render

    def render_with_a_cookie(*args, **kwargs):
        response = render(*args, **kwargs)
        response.set_cookie("reader", "only-me")
        return response

    monkeypatch.setattr(views, "render", render_with_a_cookie)
    before = cached_pages()
    assert client.get("/en/sites/cam-giang/").cookies["reader"].value == "only-me"
    assert cached_pages() == before


def test_an_address_with_unknown_parameters_still_finds_its_kept_page(
    client, facts, cache_calls, django_assert_num_queries
):
    """?utm_source=… is not the page's normal address: normalised, it finds the kept page."""
    first = client.get("/en/projects/", {"site": "thanh-binh"})
    cache_calls.clear()
    with django_assert_num_queries(1):  # the filter's form checks the site's code
        again = client.get("/en/projects/", {"site": "thanh-binh", "utm_source": "mail"})
    assert cache_calls == ["get_many", "get"]
    assert again.content == first.content


# Databases 8 and up of the machine's Redis, one per xdist worker (gw0, gw1, …), since each
# test empties its own.
WORKER_NUMBER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
REDIS_URL = f"redis://127.0.0.1:6379/{8 + WORKER_NUMBER}"


@pytest.fixture
def redis_cache(settings):
    """
    The production cache: the machine's Redis (its database 8 or above, emptied) through the
    portal's backend. Required in CI, where Redis runs; skipped elsewhere when it does not answer.
    """
    from redis.exceptions import ConnectionError as RedisDown

    settings.CACHES = {
        "default": {"BACKEND": "common.redis_cache.RedisCache", "LOCATION": REDIS_URL}
    }
    backend = caches["default"]
    try:
        backend.clear()
    except RedisDown:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis does not answer at {REDIS_URL}, and CI requires it.")
        pytest.skip(f"Redis does not answer at {REDIS_URL}.")
    yield backend
    backend.clear()


def test_with_redis_a_kept_page_is_answered_early_and_an_edit_shows_at_once(
    client, facts, redis_cache, django_assert_num_queries, committed
):
    before = text(client.get("/en/sites/cam-giang/"))
    with django_assert_num_queries(0):
        assert text(client.get("/en/sites/cam-giang/")) == before
    site = Site.objects.get(slug="cam-giang")
    site.description_en = "A note written in another worker."
    with committed():
        site.save()
    assert "A note written in another worker." in text(client.get("/en/sites/cam-giang/"))


def test_the_redis_backend_makes_one_client_and_reuses_it(redis_cache):
    """Django's backend makes a client per call (0.2 ms, as much as a cached page's answer)."""
    redis_cache.set("portal:test", 1)
    assert redis_cache.get("portal:test") == 1
    assert redis_cache._cache.get_client() is redis_cache._cache.get_client(write=True)
