"""Public project pages, their filters and their JSON."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from investments.models import Project
from tests.factories import ProjectFactory

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


def test_project_filters(client, facts):
    page = text(client.get("/projects/", {"site": "quang-chu"}))
    assert "Hòa An Phước" in page
    assert "giày dép" not in page
    page = text(client.get("/projects/", {"q": "giay dep"}))
    assert "Dự án giày dép xuất khẩu" in page
    assert "Hòa An Phước" not in page


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
    response = client.get("/projects/", query)
    assert response.status_code == 200
    assert client.get("/api/projects.json", query).status_code == 200


def test_pagination_and_sorting(client, db):
    ProjectFactory.create_batch(30)
    page = text(client.get("/en/projects/", {"sort": "-capital", "page": "2"}))
    assert "Page 2 of 2" in page
    assert "30 projects" in page


def test_fdi_filter_distinguishes_unknown(client, db):
    ProjectFactory(is_fdi=True, name_vi="Dự án FDI A")
    ProjectFactory(is_fdi=None, name_vi="Dự án chưa rõ B")
    data = client.get("/api/projects.json", {"fdi": "fdi"}).json()["projects"]
    assert [item["name_vi"] for item in data] == ["Dự án FDI A"]
    data = client.get("/api/projects.json", {"fdi": "unknown"}).json()["projects"]
    assert [item["name_vi"] for item in data] == ["Dự án chưa rõ B"]


def test_projects_json_lists_every_project(client, facts):
    data = client.get("/api/projects.json").json()["projects"]
    assert len(data) == Project.objects.count()
    assert {item["registered_capital_vnd"] for item in data} == {None}


def test_unknown_project_is_a_404(client, db):
    assert client.get("/en/projects/nope/").status_code == 404


def test_project_list_queries_do_not_grow_with_records(client, db):
    """Guards against N+1 queries on the list: 1 project or 25, the same count."""
    ProjectFactory()
    with CaptureQueriesContext(connection) as few:
        client.get("/projects/")
    ProjectFactory.create_batch(24)
    with CaptureQueriesContext(connection) as many:
        client.get("/projects/")
    assert len(many) == len(few)
