"""Public project pages, their filters and their JSON."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from investments.exports import PROJECT_FIELDS
from investments.filters import SITE_MENU_LIMIT
from investments.models import Project
from tests.factories import ProjectFactory, ProjectStatementFactory, SiteFactory
from zones.models import Site

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def test_project_list_and_detail(client, facts):
    page = text(client.get("/projects/"))
    assert "Nhà máy giấy kraft Hòa An Phước" in page
    detail = text(client.get("/en/projects/hoa-an-phuoc-paper-plant/"))
    assert "Hòa An Phước kraft-paper plant" in detail
    assert "11 Oct 2025" in detail
    assert "vtcnews.vn" in detail


def test_a_project_page_describes_its_status_with_its_date_or_period(client, facts):
    """What a search result or a link preview shows of a project: its status, and when."""

    def description(path):
        body = client.get(path).content.decode()
        return body.split('<meta name="description" content="', 1)[1].split('"', 1)[0]

    assert description("/en/projects/anh-binh-plywood/") == (
        "Anh Bình plywood plant, Thanh Bình Industrial Zone. Operating, first 9 months of 2021."
    )
    assert description("/en/projects/hoa-an-phuoc-paper-plant/").endswith(", as of 11 Oct 2025.")


def test_project_filters(client, facts):
    page = text(client.get("/projects/", {"site": "quang-chu"}))
    assert "Hòa An Phước" in page
    assert "giày dép" not in page
    page = text(client.get("/projects/", {"q": "giay dep"}))
    assert "Dự án sản xuất, gia công giày dép, đế giày xuất khẩu" in page
    assert "Hòa An Phước" not in page


def found_slugs(client, query):
    return {
        item["id"] for item in client.get("/api/projects.json", {"q": query}).json()["projects"]
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("lechenwood", {"lechenwood-plywood"}),
        ("chung jye", {"huyen-tung-export-footwear"}),
        ("sahabak", {"sahabak-wood-phase-1", "sahabak-mdf-phase-2"}),
        ("1856", {"huyen-tung-export-footwear"}),
        ("thang long", {"thang-long-bac-kan-plywood", "thang-long-plywood-registering"}),
    ],
)
def test_search_finds_investors_and_decisions_without_diacritics(client, facts, query, expected):
    assert found_slugs(client, query) == expected


def test_search_finds_a_sector_word_without_diacritics(client, facts):
    """
    "van ep" (ván ép, plywood) finds every plywood project, by name or by sector, and nothing
    else: words, not substrings ("van" is not in "Vằng", "ep" is not inside a word).
    """
    plywood = set(Project.objects.filter(sector__slug="plywood").values_list("slug", flat=True))
    assert "hong-ngoc-wood" in plywood  # its name does not say plywood; its sector does
    assert found_slugs(client, "van ep") == plywood
    assert "van-loi-minerals" not in found_slugs(client, "van ep")


@pytest.mark.parametrize(
    "query",
    [
        {"year": "abc"},
        {"year": "99999999"},
        {"year": "2023.5"},
        {"page": "zz"},
        {"page": "-1"},
        {"page": "999999"},
        {"sort": "bogus"},
        {"site": "no-such-site"},
        {"fdi": "maybe"},
        {"status": "x" * 500},
    ],
)
def test_bad_values_are_ignored_not_a_500(client, facts, query):
    """The page ignores them; the files refuse a filter value no project can have (400)."""
    response = client.get("/projects/", query)
    assert response.status_code == 200
    data = client.get("/api/projects.json", query)
    download = client.get("/projects/download.csv", query)
    if set(query) == {"page"}:  # not a filter: the files are not paged
        assert data.status_code == download.status_code == 200
    else:
        assert data.status_code == download.status_code == 400
        assert list(data.json()["invalid"]) == list(query)
        assert download.content.decode().startswith(f"{next(iter(query))}: ")


def test_a_file_never_ignores_a_filter_it_cannot_apply(client, facts):
    """?fdi=yes returned every project, from the cache too once the plain list was kept."""
    everything = client.get("/api/projects.json").json()["projects"]
    assert client.get("/api/projects.json").status_code == 200  # now kept
    for path in ["/api/projects.json", "/projects/download.csv", "/projects/download.xlsx"]:
        response = client.get(path, {"fdi": "yes"})
        assert response.status_code == 400, path
    assert client.get("/api/projects.json", {"fdi": "fdi"}).json()["projects"] != everything


def test_pagination_and_sorting(client, db):
    for number in range(30):
        # Capitals and names in opposite orders, so that a sort by name cannot pass for one
        # by capital.
        project = ProjectFactory(name_en=f"Project {number:02}")
        ProjectStatementFactory(project=project, amount=(30 - number) * 10**9)
    page = text(client.get("/en/projects/", {"sort": "-capital", "page": "2"}))
    assert "Page 2 of 2" in page
    assert "30 projects" in page
    # Largest capital first: page 2 holds the five smallest, Project 25 … Project 29.
    assert [f"Project {n}" in page for n in (24, 25, 29)] == [False, True, True]
    smallest_first = text(client.get("/en/projects/", {"sort": "capital"}))
    assert "Project 29" in smallest_first and "Project 00" not in smallest_first


def test_fdi_filter_distinguishes_unknown(client, db):
    ProjectFactory(is_fdi=True, name_vi="Dự án FDI A")
    ProjectFactory(is_fdi=None, name_vi="Dự án chưa rõ B")
    data = client.get("/api/projects.json", {"fdi": "fdi"}).json()["projects"]
    assert [item["name_vi"] for item in data] == ["Dự án FDI A"]
    data = client.get("/api/projects.json", {"fdi": "unknown"}).json()["projects"]
    assert [item["name_vi"] for item in data] == ["Dự án chưa rõ B"]


def test_projects_json_gives_each_figure_as_reported_with_its_date(client, db):
    project = ProjectFactory(
        status="registering",
        status_period_vi="9 tháng đầu năm 2021",
        status_period_en="first 9 months of 2021",
    )
    ProjectStatementFactory(project=project, amount=2_000_000, unit="usd", qualifier="over")
    dated = ProjectFactory(
        status="operating", status_date="2025-05-01", status_date_precision="month"
    )
    body = client.get("/api/projects.json").json()
    assert "not the list of the 21" in body["about"]["en"]
    assert "không phải danh sách 21 dự án" in body["about"]["vi"]
    by_slug = {item["id"]: item for item in body["projects"]}
    first = by_slug[project.slug]
    # The JSON's keys are the CSV's columns (one vocabulary, described in the data package).
    assert list(first) == [open_field.name for open_field in PROJECT_FIELDS]
    capital = [first[key] for key in ("cap_qual", "cap_amount", "cap_to", "cap_unit")]
    assert capital == ["over", 2_000_000, None, "usd"]
    assert (first["status"], first["status_dt"], first["period_en"]) == (
        "registering",
        None,
        "first 9 months of 2021",
    )
    second = by_slug[dated.slug]
    assert (second["status_dt"], second["status_pre"]) == ("2025-05-01", "month")
    assert len(by_slug) == Project.objects.count()


def test_unknown_project_is_a_404(client, db):
    assert client.get("/en/projects/nope/").status_code == 404


def test_project_list_queries_do_not_grow_with_records(client, db, committed):
    """Guards against N+1 queries on the list: 1 project or 25, the same count."""
    with committed():
        ProjectFactory()
    with CaptureQueriesContext(connection) as few:
        client.get("/projects/")
    with committed():  # the cached list goes stale, as after a real edit
        ProjectFactory.create_batch(24)
    with CaptureQueriesContext(connection) as many:
        client.get("/projects/")
    assert len(many) == len(few) > 0


def test_the_site_menu_becomes_a_code_box_past_the_limit(client, facts):
    page = text(client.get("/en/projects/"))
    assert '<select name="site"' in page
    assert '<option value="quang-chu">Quảng Chu Industrial Cluster</option>' in page
    SiteFactory.create_batch(SITE_MENU_LIMIT + 1 - Site.objects.count(), developer=None)
    page = text(client.get("/en/projects/", {"site": "quang-chu"}))
    assert '<select name="site"' not in page
    assert 'type="text" name="site" value="quang-chu"' in page


def test_the_json_and_the_export_read_no_site_list(client, facts):
    """The site menu is filled when the page draws it, never for a download or the JSON."""
    for path in ["/api/projects.json", "/projects/download.csv"]:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        assert not [q["sql"] for q in captured if 'FROM "zones_site"' in q["sql"]], path
