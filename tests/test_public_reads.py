"""
Every public read goes through the QuerySets' public(): withdraw a site or a project there and
it is gone from every page, list, menu, map, file and sitemap at once.
"""

import pytest

from investments.models import ProjectQuerySet
from zones.models import SiteQuerySet

pytestmark = pytest.mark.django_db


@pytest.fixture
def withdrawn(monkeypatch):
    """public() leaves out the Cẩm Giàng cluster and the Hòa An Phước paper plant."""
    site_public, project_public = SiteQuerySet.public, ProjectQuerySet.public
    monkeypatch.setattr(
        SiteQuerySet, "public", lambda self: site_public(self).exclude(slug="cam-giang")
    )
    monkeypatch.setattr(
        ProjectQuerySet,
        "public",
        lambda self: project_public(self).exclude(slug="hoa-an-phuoc-paper-plant"),
    )


SITE_READERS = ["/", "/sites/", "/projects/", "/api/sites.geojson", "/sitemap.xml"]
PROJECT_READERS = [
    "/projects/",
    "/sites/quang-chu/",
    "/api/projects.json",
    "/projects/download.csv",
    "/sitemap.xml",
]


def body(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_without_withdrawal_every_reader_shows_both(client, facts):
    # Guards the test below: each reader shows the records it will then be expected to hide.
    for path in SITE_READERS:
        assert "cam-giang" in body(client, path), path
    for path in PROJECT_READERS:
        assert "hoa-an-phuoc-paper-plant" in body(client, path), path


def test_a_record_left_out_of_public_is_nowhere_public(client, facts, withdrawn):
    for path in SITE_READERS:
        assert "cam-giang" not in body(client, path), path
    for path in PROJECT_READERS:
        assert "hoa-an-phuoc-paper-plant" not in body(client, path), path
    assert client.get("/sites/cam-giang/").status_code == 404
    assert client.get("/projects/hoa-an-phuoc-paper-plant/").status_code == 404
