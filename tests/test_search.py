"""
The portal's search (issue 21): one box in every page's header finds sites, projects,
organisations, planning documents and sources, on whole words, without diacritics, the
records holding the words side by side first, grouped by kind.
"""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.test_provenance import page_text

pytestmark = pytest.mark.django_db


def found(client, query, language="/en"):
    """{group heading: [names of the records found, in order]} of the search page."""
    response = client.get(f"{language}/search/", {"q": query})
    assert response.status_code == 200
    body = response.content.decode().split("<main", 1)[1]
    groups = {}
    for section in body.split('<section class="search-group"')[1:]:
        heading = page_text(re.search(r"<h2[^>]*>(.*?)</h2>", section, flags=re.S).group(1))
        groups[heading] = [
            page_text(name) for name in re.findall(r"<li><a [^>]*>(.*?)</a>", section, flags=re.S)
        ]
    return groups


def test_every_page_has_the_search_box_and_planning_documents_in_its_navigation(client, facts):
    for path in ["/", "/en/sites/quang-chu/", "/en/projects/", "/en/sources/"]:
        body = client.get(path).content.decode()
        header = body.split("</header>", 1)[0]
        assert f'action="{reverse("search")}"' in header or 'action="/en/search/"' in header
        assert 'name="q"' in header and 'role="search"' in header
        assert "/planning-documents/" in header.split('class="main-nav"', 1)[1]


@pytest.mark.parametrize(
    ("query", "kind", "first"),
    [
        ("lechenwood", "Organisations", "Lechenwood Việt Nam Co., Ltd."),
        ("lechenwood", "Projects", "Lechenwood Việt Nam plywood and flooring plant"),
        ("1876", "Sites", "Thanh Thịnh Industrial Cluster"),
        ("onsen fuji", "Organisations", "Onsen Fuji Bắc Kạn Joint Stock Company"),
        ("quang chu", "Sites", "Quảng Chu Industrial Cluster"),
        # A site by its developer's name.
        ("nhua duong dau khi", "Sites", "Cẩm Giàng Industrial Cluster"),
        ("QUẢNG CHU", "Sites", "Quảng Chu Industrial Cluster"),
        ("419", "Planning documents", "419/QĐ-UBND"),
        ("S54", "Sources", "S54"),
    ],
)
def test_each_kind_of_record_is_found_by_what_a_reader_would_type(
    client, facts, query, kind, first
):
    assert found(client, query)[kind][0] == first


def test_go_dan_finds_the_plywood_plants_and_nothing_else(client, facts):
    """ "gỗ dán" (plywood) typed without diacritics: whole words, not "Vằng" or "dân"."""
    groups = found(client, "go dan")
    assert list(groups) == ["Projects"]
    assert len(groups["Projects"]) == 9
    assert all(re.search(r"plywood|Hồng Ngọc", name, re.I) for name in groups["Projects"])


def test_words_side_by_side_come_first(client, facts):
    """
    "van go": the plywood plants' sector is "gỗ ván ép", words side by side; the container
    floorboard project and the Sahabak plants hold "ván" and "gỗ" apart, so come after,
    although the name order would put the container project second.
    """
    projects = found(client, "van go", language="")["Dự án"]
    assert projects.index("Dự án sản xuất ván sàn container – LVL") == 9


def test_nothing_found_says_so_and_an_empty_search_shows_the_form(client, facts):
    body = page_text(client.get("/en/search/", {"q": "zzzz qqqq"}).content.decode())
    assert "Nothing holds every word of “zzzz qqqq”" in body
    empty = client.get("/en/search/", {"q": "  "})
    assert empty.status_code == 200 and "Nothing holds" not in empty.content.decode()


@pytest.mark.parametrize("junk", ["\x00", "%", "'; drop table", "x" * 5000, "ǅ²" * 30, "a " * 400])
def test_junk_gets_a_page_not_an_error(client, facts, junk):
    assert client.get("/en/search/", {"q": junk}).status_code == 200


def test_a_search_is_answered_but_never_stored(client, facts, settings):
    """Free text is unbounded: storing each search would let anyone grow the cache."""
    cache.clear()
    client.get("/en/search/")  # the empty form, like any page, is kept
    kept = [key for key in cache._cache if "portal:page:" in key]
    for number in range(5):
        assert client.get("/en/search/", {"q": f"thanh {number}"}).status_code == 200
    assert [key for key in cache._cache if "portal:page:" in key] == kept != []
