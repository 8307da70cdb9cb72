"""
Every public read goes through the QuerySets' public(): withdraw a site or a project there and
it is gone from every page, list, menu, map, file and sitemap at once. The addresses are found,
not listed: every address of the URL conf that takes no parameter (in both languages), every
address in the sitemap, and every address of the portal those pages link to.
"""

import io
import re

import openpyxl
import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern

from investments.models import ProjectQuerySet
from zones.models import SiteQuerySet

pytestmark = pytest.mark.django_db


@pytest.fixture
def withdrawn(monkeypatch):
    withdraw(monkeypatch)


def withdraw(monkeypatch):
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


def url_conf_paths(patterns=None, prefix="/"):
    """The URL conf's addresses that take no parameter; a language prefix gives both."""
    found = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        pattern = entry.pattern
        if isinstance(pattern, LocalePrefixPattern):
            prefixes = [prefix, f"{prefix}en/"]
        elif pattern.converters or not isinstance(entry, URLPattern | URLResolver):
            continue
        else:
            prefixes = [prefix + str(pattern)]
        if str(pattern).startswith(settings.ADMIN_PATH) or "^" in str(pattern):
            continue
        for start in prefixes:
            if isinstance(entry, URLResolver):
                found += url_conf_paths(entry.url_patterns, start)
            else:
                found.append(start)
    return found


OUTSIDE_ADDRESS = re.compile(r'https?://(?!testserver)[^\s"<]+')
LINK = re.compile(r'(?:href="|<loc>)(?:http://testserver)?(/[^"<#?]*)')


def readable(response):
    """What a reader of the answer sees: its text, or a spreadsheet's cells."""
    if response.status_code != 200:
        return ""
    if "spreadsheetml" in response["Content-Type"]:
        book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
        cells = (
            cell for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row
        )
        return " ".join(str(cell) for cell in cells if cell is not None)
    if response["Content-Type"].startswith("image/"):
        return ""
    # A source's own address may hold a site's name ("…/cum-cong-nghiep-cam-giang-…"): it is
    # the source's, and stays.
    return OUTSIDE_ADDRESS.sub("", response.content.decode())


def public_paths(client):
    """The URL conf's addresses, the sitemap's, and every portal address they lead to."""
    to_read, read = set(url_conf_paths()), {}
    while to_read - set(read):
        assert len(read) < 1000, "a link generator is running away"
        for path in sorted(to_read - set(read)):
            read[path] = readable(client.get(path))
        to_read |= {
            link
            for body in read.values()
            for link in LINK.findall(body)
            if not link.startswith(("/static/", "/" + settings.ADMIN_PATH))
        }
    return read


def test_every_public_address_is_found_and_none_shows_a_withdrawn_record(
    client, facts, monkeypatch
):
    before = public_paths(client)
    assert {"/planning-documents/", "/api/investor-statements.json", "/en/sites/cam-giang/"} <= set(
        before
    )
    showing = {path for path, body in before.items() if "cam-giang" in body}
    assert len(showing) > 20  # the withdrawal below is seen where it matters
    withdraw(monkeypatch)
    cache.clear()  # a withdrawal in code, not an edit: the kept pages would not know of it
    after = public_paths(client)
    still = sorted(path for path, body in after.items() if "cam-giang" in body)
    assert still == [], still


def test_a_record_left_out_of_public_is_nowhere_public(client, facts, withdrawn):
    for path in SITE_READERS:
        assert "cam-giang" not in body(client, path), path
    for path in PROJECT_READERS:
        assert "hoa-an-phuoc-paper-plant" not in body(client, path), path
    assert client.get("/sites/cam-giang/").status_code == 404
    assert client.get("/projects/hoa-an-phuoc-paper-plant/").status_code == 404
