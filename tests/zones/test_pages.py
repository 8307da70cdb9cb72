"""Public site pages: what a visitor reads, in both languages, and what bad input gets."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone

from tests.factories import FigureStatementFactory, ProjectFactory, SiteFactory
from zones.models import Site, Statement

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
    assert "Theo xã, phường" in page
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
    page = text(client.get("/en/sites/huyen-tung/"))
    assert "Export footwear and shoe-sole plant" in page
    assert "Chung Jye Bắc Kạn - Việt Nam Shoes Manufacturing Co., Ltd." in page
    assert "as of May 2025" in page


def footnote_after(page, value):
    """The source key of the first footnote that follows `value` on the page."""
    after = page.split(value, 1)[1]
    number = after.split('href="#fn-', 1)[1].split('"', 1)[0]
    entry = page.split(f'id="fn-{number}"', 1)[1]
    return entry.split('class="source-key">', 1)[1].split("<", 1)[0]


def test_a_footnote_sits_only_on_a_value_its_source_gives(client, facts):
    """The audit found 80.8 ha footnoted to the source of 73.5 ha."""
    page = text(client.get("/en/sites/thanh-binh-phase-1/"))
    assert footnote_after(page, "<strong>80.8 ha</strong>") == "S4"
    assert footnote_after(page, "<strong>73.5 ha</strong>") == "S3"
    cam_giang = text(client.get("/en/sites/cam-giang/"))
    assert footnote_after(cam_giang, "<strong>43 ha</strong>") == "S1"
    assert footnote_after(cam_giang, "<strong>40 ha</strong>") == "S8"
    by_2025 = "Expected to operate</dt>\n      <dd>Expected to be operating by 2025."
    assert footnote_after(cam_giang, by_2025) == "S1"


def test_a_sites_commune_carries_the_sources_that_place_it(client, facts):
    """The commune was the one line of a site's facts shown without a footnote."""
    for site in Site.objects.all():
        page = client.get(f"/en/sites/{site.slug}/").content.decode()
        line = page.split("<dt>Commune or ward (before 2025)</dt>", 1)[1].split("</dd>", 1)[0]
        cited = site.citations.filter(supports="administrative").count()
        if site.commune:
            assert line.count('class="fn-ref"') == cited > 0, site.slug
        else:
            assert "not found in the sources" in line, site.slug


def test_the_zone_page_lists_its_tenants_and_chart(client, facts):
    page = text(client.get("/en/sites/thanh-binh/"))
    for name in (
        "Lechenwood Việt Nam plywood and flooring plant",
        "Sahabak MDF board plant (phase 2)",
        "Sponge-iron plant (Matexim)",
        "Wood pallet and furniture plant",
    ):
        assert name in page
    assert "17 projects named by the sources, counted by this portal" in page
    # Tenants (all and operating) and workers, as SVG with a table of every figure beside.
    assert page.count('<svg viewBox="0 0 320 160"') == 2
    assert "<title>operating: 8 firms (20 Aug 2024)</title>" in page
    assert "<title>workers: about 1,000 workers (20 Aug 2024)</title>" in page
    assert "over 870 workers" in page and "first 9 months of 2021" in page
    # The four wood exporters' workers are a part, not the zone's count: in the table only.
    assert "<title>workers: over 870 workers" not in page


def test_phase_two_developer_shows_as_proposed_everywhere(client, facts):
    zone = text(client.get("/en/sites/thanh-binh/"))
    assert 'Onsen Fuji Bắc Kạn Joint Stock Company</a> <span class="qualifier">(proposed)' in zone
    organisation = text(client.get("/en/organisations/onsen-fuji-bac-kan/"))
    assert "(proposed)" in organisation
    phase = next(
        f
        for f in client.get("/api/sites.geojson").json()["features"]
        if f["id"] == "thanh-binh-phase-2"
    )
    assert phase["properties"]["dev_prop"] is True


def test_a_list_names_each_developer_with_its_sources_and_date(client, facts):
    """A name in a list is a sourced statement too: "(S1, 28 Nov 2023)", as the area is."""
    rows = {
        row.split('data-id="', 1)[1].split('"', 1)[0]: " ".join(
            html.unescape(re.sub(r"<[^>]+>", "", row.split(">", 1)[1])).split()
        )
        for row in text(client.get("/en/sites/")).split("<tr data-kind")[1:]
    }
    assert "Onsen Fuji Bắc Kạn Joint Stock Company (S1, 28 Nov 2023)" in rows["quang-chu"]
    assert "(proposed) (S2, S4, 17 Nov 2023)" in rows["thanh-binh-phase-2"]
    # What no source names has no source to show.
    assert "not named" in rows["huyen-tung"] and "not named (" not in rows["huyen-tung"]
    # The status too names its sources (S1 gives Cẩm Giàng's site clearance).
    assert "Site clearance (S1)" in rows["cam-giang"]


def test_a_status_without_a_date_never_shows_the_load_date(client, facts):
    status = Statement.objects.get(slug="cam-giang-status")
    status.as_of = None
    status.save()
    page = text(client.get("/en/sites/cam-giang/"))
    timeline = page.split('<ol class="timeline">', 1)[1].split("</ol>", 1)[0]
    assert "date not given by the source" in timeline
    assert formats.date_format(timezone.localdate()) not in timeline
    assert "28 Nov 2023" in timeline  # the entry loaded from the sources keeps its date


def test_statuses_carry_their_dates_in_lists_and_open_data(client, facts):
    listing = text(client.get("/en/sites/"))
    assert "as of 28 Nov 2023" in listing and "as of 2025" in listing
    features = client.get("/api/sites.geojson").json()["features"]
    dated = {f["id"]: f["properties"]["status_dt"] for f in features}
    assert dated["thanh-binh"] == "2024-08-20"
    assert None not in dated.values()
    precision = {f["id"]: f["properties"]["status_pre"] for f in features}
    assert precision["huyen-tung"] == "year"
    projects = text(client.get("/en/projects/"))
    assert "first 9 months of 2021" in projects and "as of 19 Aug 2016" in projects


def test_home_shows_no_total_that_no_source_reports(client, facts):
    page = text(client.get("/en/"))
    assert "379" not in page and "total area of the zone and the clusters" not in page
    assert "186.4 ha" in page and 'href="/en/sources/#S52"' in page
    assert "counted by this portal, not a reported figure" in page


def test_sort_menu_is_translated(client, facts):
    page = text(client.get("/projects/"))
    assert "descending" not in page and "Vốn (đồng), lớn trước" in page


def test_project_with_differing_capitals_shows_each_with_its_source(client, facts):
    page = text(client.get("/en/projects/sahabak-mdf-phase-2/"))
    assert footnote_after(page, "<strong>VND 1,140 billion</strong>") == "S39"
    assert footnote_after(page, "<strong>VND 1,142.612 billion</strong>") == "S42"
    assert footnote_after(page, "<strong>VND 1,076 billion</strong>") == "S41"
    assert "Abandoned" in page and "as of 19 Aug 2016" in page


def test_project_list_and_downloads_say_what_the_list_is(client, facts):
    page = text(client.get("/en/projects/"))
    assert "It is not the list of the 21 industrial projects" in page
    assert "The .xlsx file explains this on its second sheet" in page


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
        # The founding decision's number, recorded as a statement about the site.
        ("1868/QĐ-UBND", "cam-giang"),
        ("1747 qd ubnd", "vang-muoi"),
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
    quang_chu = next(f for f in data["features"] if f["id"] == "quang-chu")
    assert quang_chu["properties"]["area_ha"] == 74.4
    assert quang_chu["properties"]["area_src"] == "S1"
    assert quang_chu["properties"]["loc_prec"] == "commune"
    assert quang_chu["geometry"]["coordinates"] == [105.78472, 21.84361]


def test_sources_page_says_reported_versus_itemised(client, facts):
    page = text(client.get("/en/sources/"))
    assert "itemised here" not in page  # never "21 approved; N itemised", as if N of the 21
    assert "It is not the list of the 21 industrial projects" in page
    assert "Address, for the record only (not linked):" in page
    assert "marimbapop" in page and 'href="http://game.marimbapop' not in page
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


# 14, plus five for the investors part: statements, their sources and sites; documents, sources.
# (The sectors a site is meant for are statements, read with the others: no query of their own.)
ZONE_PAGE_QUERIES = 19


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def make_sites(count):
    sites = SiteFactory.create_batch(count)
    for site in sites:
        ProjectFactory(site=site)
        FigureStatementFactory().sites.add(site)
    return sites


@pytest.mark.parametrize("path", ["/", "/sites/", "/en/sites/"])
def test_list_pages_do_not_grow_queries_with_records(client, path, committed):
    """Guards against N+1 queries: one site or twenty, the same number of queries."""
    with committed():
        make_sites(1)
    few = count_queries(client, path)
    with committed():  # the cached page and map data go stale, as after a real edit
        make_sites(19)
    assert count_queries(client, path) == few


def test_site_page_queries_do_not_grow_with_its_projects_and_figures(client, committed):
    with committed():
        site = make_sites(1)[0]
    path = site.get_absolute_url()
    few = count_queries(client, path)
    with committed():
        ProjectFactory.create_batch(10, site=site)
        for _ in range(5):
            FigureStatementFactory().sites.add(site)
    assert count_queries(client, path) == few


def test_zone_page_shows_the_figures_of_its_phases(client, facts):
    page = text(client.get("/en/sites/thanh-binh/"))
    assert "nearly VND 58 billion" in page
    assert "VND 390.174 billion" in page


def test_zone_page_has_a_fixed_query_budget(client, facts, settings):
    """
    The zone's page, with its phases, 17 tenants, their capital figures and the charts, costs
    a fixed number of queries: dropping a prefetch (of phases, of figures' sources, of the
    projects' capitals) adds queries per record and fails here.
    """
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    assert count_queries(client, "/sites/thanh-binh/") == ZONE_PAGE_QUERIES


def timeline_entries(client, slug):
    page = text(client.get(f"/en/sites/{slug}/"))
    return page.split('<ol class="timeline">', 1)[1].split("</ol>", 1)[0].count("<li")


def test_editing_a_field_other_than_the_status_adds_no_timeline_entry(client, facts, committed):
    site = Site.objects.get(slug="cam-giang")
    before = timeline_entries(client, "cam-giang")
    site.description_en = "A cluster in Cẩm Giàng commune."
    with committed():
        site.save()
    status = Statement.objects.get(slug="cam-giang-status")
    status.note_en = "As the source gives it."  # not the status, its note or its date
    with committed():
        status.save()
    assert timeline_entries(client, "cam-giang") == before
    status.status = Site.Status.UNDER_CONSTRUCTION
    with committed():
        status.save()
    assert timeline_entries(client, "cam-giang") == before + 1


def test_a_status_retired_from_the_choices_still_shows_in_the_timeline(client, facts):
    status = Statement.objects.get(slug="cam-giang-status")
    status.history.update(status="surveying")  # a code the portal once had, no longer offered
    page = text(client.get("/en/sites/cam-giang/"))
    assert 'class="timeline"' in page and "surveying" in page


def test_a_list_of_one_is_not_counted_aloud(client, facts):
    """ "Show the 1 status" read oddly: one entry is "the status"; more are counted."""
    body = client.get("/en/sites/cam-giang/").content.decode()
    assert "Show the status</summary>" in body and "Show the 1 status" not in body
    assert re.search(r"Show the \d+ sources</summary>", body)
    assert "Xem 1 tình trạng" in client.get("/sites/cam-giang/").content.decode()
