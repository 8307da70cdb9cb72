"""Public site pages: what a visitor reads, in both languages, and what bad input gets."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ProjectFactory, ReportedFigureFactory, SiteFactory
from zones.models import Site

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def test_home_lists_every_site_and_the_key_figures(client, facts):
    response = client.get("/")
    page = text(response)
    assert response.status_code == 200
    for site in Site.objects.top_level():
        assert site.name_vi in page
    assert "trên 2.921 tỷ đồng" in page
    assert "khoảng 322 tỷ đồng" in page
    assert 'id="map-data"' in page
    assert 'href="/sources/#S1"' in page


def test_home_in_english(client, facts):
    page = text(client.get("/en/"))
    assert "over VND 2,921 billion" in page
    assert "Quảng Chu Industrial Cluster" in page
    assert '<html lang="en">' in page


def test_home_filter_hides_rows_without_javascript(client, facts):
    page = text(client.get("/", {"district": "na-ri"}))
    visible_rows = [line for line in page.splitlines() if "<tr data-kind" in line]
    shown = [row for row in visible_rows if " hidden" not in row]
    assert len(shown) == 1 and 'data-id="vang-muoi"' in shown[0]


def test_site_page_shows_everything_with_sources(client, facts):
    response = client.get(reverse("zones:detail", kwargs={"slug": "cam-giang"}))
    page = text(response)
    assert "43 ha" in page
    assert "40 ha" in page  # the founding decision's figure, noted beside it
    assert "1868/QĐ-UBND, 16/10/2020" in page
    assert "Công ty Cổ phần Nhựa đường dầu khí Việt Nam" in page
    assert "Gần đúng: tâm xã" in page
    assert 'id="fn-1"' in page and "baobackan.com.vn" in page
    assert "28/11/2023" in page


def test_site_page_in_english_uses_english_conventions(client, facts):
    page = text(client.get("/en/sites/thanh-binh-phase-1/"))
    assert "80.8 ha" in page
    assert "73.5 ha" in page
    assert "nearly VND 58 billion" in page
    assert "28 Nov 2023" in page


def test_zone_page_lists_its_phases_and_shared_figure_stays_whole(client, facts):
    page = text(client.get("/sites/thanh-binh/"))
    assert "Khu công nghiệp Thanh Bình giai đoạn I" in page
    assert "Khu công nghiệp Thanh Bình giai đoạn II" in page
    cluster_page = text(client.get("/en/sites/vang-muoi/"))
    assert "about VND 322 billion" in cluster_page
    assert "not broken down per cluster" in cluster_page


def test_site_page_shows_the_projects_located_there(client, facts):
    page = text(client.get("/sites/huyen-tung/"))
    assert "Dự án giày dép xuất khẩu tại CCN Huyền Tụng" in page


def test_organisation_page_lists_what_it_develops(client, facts):
    page = text(client.get("/en/organisations/trung-tam-khuyen-cong-xuc-tien-thuong-mai/"))
    assert "Vằng Mười Industrial Cluster" in page
    assert "Nam Bằng Lũng Industrial Cluster" in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("cam giang", "cam-giang"),
        ("CAM GIANG", "cam-giang"),
        ("huyen tung", "huyen-tung"),
        ("Huyền Tụng", "huyen-tung"),
        ("cho don", "nam-bang-lung"),
        ("na ri", "vang-muoi"),
    ],
)
def test_search_ignores_diacritics_and_case(facts, query, expected):
    assert expected in set(Site.objects.search(query).values_list("slug", flat=True))


def test_search_does_not_match_everything(facts):
    found = set(Site.objects.search("cam giang").values_list("slug", flat=True))
    assert found == {"cam-giang"}


def test_site_list_search_page(client, facts):
    page = text(client.get("/sites/", {"q": "cho don"}))
    assert "Cụm công nghiệp Nam Bằng Lũng" in page
    assert "Cụm công nghiệp Cẩm Giàng" not in page


def test_unknown_site_is_a_404_in_the_readers_language(client, facts):
    response = client.get("/en/sites/no-such-site/")
    assert response.status_code == 404
    assert "Page not found" in text(response)
    response = client.get("/sites/no-such-site/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in text(response)


@pytest.mark.parametrize(
    "query",
    [
        {"status": "nonsense"},
        {"district": "<script>"},
        {"kind": ["zone", "bogus"]},
        {"q": "%" * 300},
        {"q": "\x00"},
    ],
)
def test_bad_filter_values_do_not_fail(client, facts, query):
    assert client.get("/", query).status_code == 200
    assert client.get("/sites/", query).status_code in {200, 400}


def test_public_pages_refuse_writes(client, facts):
    for path in ["/", "/sites/cam-giang/", "/api/sites.geojson"]:
        assert client.post(path).status_code == 405
        assert client.head(path).status_code == 200


def test_language_switch_and_hreflang_point_at_the_same_page(client, facts):
    page = text(client.get("/en/sites/cam-giang/"))
    assert 'href="/sites/cam-giang/" hreflang="vi"' in page
    assert 'hreflang="en" href="http://testserver/en/sites/cam-giang/"' in page
    assert 'hreflang="vi" href="http://testserver/sites/cam-giang/"' in page


def test_sites_geojson_is_open_data(client, facts):
    data = client.get("/api/sites.geojson").json()
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == Site.objects.count()
    quang_chu = next(f for f in data["features"] if f["properties"]["slug"] == "quang-chu")
    assert quang_chu["properties"]["area_ha"] == 74.4
    assert quang_chu["properties"]["location_precision"] == "commune"
    assert quang_chu["geometry"]["coordinates"] == [105.78472, 21.84361]


def test_sources_page_says_reported_versus_itemised(client, facts):
    page = text(client.get("/en/sources/"))
    assert "21 projects approved in 2021–2023 (S1); 2 itemised here." in page
    assert "Thái Nguyên" in page
    assert "CC BY-SA 4.0" in page
    assert "/api/sites.geojson" in page
    assert 'id="S18"' in page


def test_sitemap_and_robots(client, facts):
    sitemap = text(client.get("/sitemap.xml"))
    assert "http://testserver/sites/cam-giang/" in sitemap
    assert "http://testserver/en/sites/cam-giang/" in sitemap
    robots = text(client.get("/robots.txt"))
    assert "Sitemap: http://testserver/sitemap.xml" in robots


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def make_sites(count):
    sites = SiteFactory.create_batch(count)
    for site in sites:
        ProjectFactory(site=site)
        ReportedFigureFactory().sites.add(site)
    return sites


@pytest.mark.parametrize("path", ["/", "/sites/", "/en/sites/"])
def test_list_pages_do_not_grow_queries_with_records(client, path):
    """Guards against N+1 queries: one site or twenty, the same number of queries."""
    make_sites(1)
    few = count_queries(client, path)
    make_sites(19)
    assert count_queries(client, path) == few


def test_site_page_queries_do_not_grow_with_its_projects_and_figures(client):
    site = make_sites(1)[0]
    path = site.get_absolute_url()
    few = count_queries(client, path)
    ProjectFactory.create_batch(10, site=site)
    for _ in range(5):
        ReportedFigureFactory().sites.add(site)
    assert count_queries(client, path) == few


def test_zone_page_shows_the_figures_of_its_phases(client, facts):
    page = text(client.get("/en/sites/thanh-binh/"))
    assert "nearly VND 58 billion" in page
    assert "VND 390.174 billion" in page
