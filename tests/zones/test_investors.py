"""What an investor asks first, on every site's page: each statement of FACTS.md's "For
investors" section with its date and footnote, in both languages, and the gaps said plainly."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.html import escape

from zones.models import Site, Statement

pytestmark = pytest.mark.django_db

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "04_statements.json"
# The statements in words under an investor's topic (the figures have their own tables, the
# expected year of operation its line among the site's details).
STATEMENTS = [
    record["fields"]
    for record in json.loads(FIXTURE.read_text())
    if record["fields"].get("amount") is None and record["fields"]["kind"] in Statement.TOPIC_OF
]


def pages_showing(site_slugs):
    """A fact about a phase shows on the phase's page and on its zone's."""
    sites = Site.objects.filter(slug__in=site_slugs).select_related("parent")
    return {site.slug for site in sites} | {site.parent.slug for site in sites if site.parent}


def investors_part(page):
    return page.split('id="for-investors"', 1)[1].split("</section>", 1)[0]


def statement_item(part_of_page, slug):
    return part_of_page.split(f'id="fact-{slug}">', 1)[1].split("</li>", 1)[0]


def footnote_numbers(item):
    """The footnote numbers printed with a statement."""
    return [chunk.split('"', 1)[0] for chunk in item.split('href="#fn-')[1:]]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_statement_shows_on_its_sites_pages_with_its_sources(client, facts, language):
    prefix = "" if language == "vi" else "/en"
    pages = {}
    for statement in STATEMENTS:
        text = escape(statement[f"text_{language}"])
        for slug in pages_showing([key[0] for key in statement["sites"]]):
            if slug not in pages:
                pages[slug] = client.get(f"{prefix}/sites/{slug}/").content.decode()
            page = pages[slug]
            part = investors_part(page)
            item = statement_item(part, statement["slug"])
            assert text in item, (slug, statement["slug"])
            numbers = footnote_numbers(item)
            assert len(numbers) == len(statement["sources"]), (slug, statement["slug"])
            footnotes = page.split('id="sources-heading"', 1)[1]
            cited = {
                footnotes.split(f'id="fn-{number}"', 1)[1]
                .split('class="source-key">', 1)[1]
                .split("<", 1)[0]
                for number in numbers
            }
            assert cited == {key for (key,) in statement["sources"]}, (slug, statement["slug"])


def test_gaps_and_plans_are_said_plainly(client, facts):
    zone = investors_part(client.get("/en/sites/thanh-binh/").content.decode())
    assert "Land rent, sub-lease prices and infrastructure fees: not published." in zone
    assert '<strong class="tag tag-plan">Plan</strong> A Chợ Mới – Bắc Kạn expressway' in zone
    assert "Plan</strong> Plan" not in zone  # the tag is not said twice
    assert "110 kV substation" in zone and "What happened next was not found." in zone
    cluster = investors_part(client.get("/sites/vang-muoi/").content.decode())
    assert "Không nguồn nào nêu tuyến đường hay khoảng cách cho cụm này." in cluster
    # A topic no source covers for this cluster still has its line.
    assert cluster.count("<h3") == len(Statement.Topic.choices)


def test_where_sources_differ_each_figure_shows_newest_first(client, facts):
    zone = investors_part(client.get("/en/sites/thanh-binh/").content.decode())
    land = zone.split('id="investors-land"', 1)[1].split("<h3", 1)[0]
    # The zone's areas too are recorded once, as figures (the S65 and S7 "153 ha" each).
    shown = [land.index(text) for text in ["about 161 ha", ">153.8 ha<", ">153 ha<"]]
    assert land.count(">153 ha<") == 2 and "The whole zone: 153 ha" not in land
    assert shown == sorted(shown)
    # Occupancy is recorded once, as figures, and listed here from those records.
    occupancy = [land.index(text) for text in ["100%", "over 62%", "97%"]]
    assert occupancy == sorted(occupancy)
    assert "serviced land is full" in land and "42.5 ha let to 13 investors" in land


def test_the_managing_bodies_have_pages_linked_from_their_sites(client, facts):
    zone = client.get("/en/sites/thanh-binh/").content.decode()
    assert 'href="/en/organisations/ban-quan-ly-kcn-bac-kan/"' in zone
    board = client.get("/en/organisations/ban-quan-ly-kcn-bac-kan/").content.decode()
    assert "Decision 543/2007/QĐ-TTg" in board
    assert 'href="https://bqlkcnbackan.gov.vn/"' in board
    assert 'href="/en/sites/thanh-binh/#investors-institutions"' in board
    department = client.get("/organisations/so-cong-thuong-bac-kan/").content.decode()
    assert 'href="/sites/vang-muoi/#investors-institutions"' in department


def test_planning_documents_are_listed_on_their_sites_pages(client, facts):
    zone = investors_part(client.get("/en/sites/thanh-binh/").content.decode())
    planning = zone.split('id="investors-planning"', 1)[1]
    for number in ["1156/QĐ-UBND", "419/QĐ-UBND", "811/QĐ-UBND", "1288/QĐ-TTg", "14/NQ-HĐND"]:
        row = planning.split(f"{number}", 1)[1].split("</tr>", 1)[0]
        assert 'href="#fn-' in row, number
    assert "since replaced" in planning.split("811/QĐ-UBND", 1)[1].split("</tr>", 1)[0]
    cluster = investors_part(client.get("/sites/cam-giang/").content.decode())
    assert "1288/QĐ-TTg" in cluster and "1156/QĐ-UBND" not in cluster
    # FACTS.md does not say which clusters Decision 320 planned: it is listed, on no site.
    assert "320/QĐ-UBND" not in cluster
    assert "320/QĐ-UBND" in client.get("/planning-documents/").content.decode()


@pytest.mark.parametrize("query", ["1156", "419/QĐ-UBND", "419/qd-ubnd", "419 QĐ-UBND"])
def test_planning_documents_are_found_by_number(client, facts, query):
    found = client.get("/en/planning-documents/", {"q": query}).content.decode()
    rows = found.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert rows.count("<tr id=") == 1
    number = "1156/QĐ-UBND" if query == "1156" else "419/QĐ-UBND"
    assert number in rows and 'href="/en/sites/thanh-binh-phase-1/"' in rows


def test_the_site_search_finds_a_site_by_its_planning_document(client, facts):
    listing = client.get("/en/sites/", {"q": "1156"}).content.decode()
    table = listing.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert 'href="/en/sites/thanh-binh-phase-1/"' in table
    assert table.count("<tr ") == 1
