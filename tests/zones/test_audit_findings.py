"""The second audit's findings (issue 20), each as a reader would meet it on a page."""

import re

import pytest
from django.utils import timezone

from tests.test_provenance import page_text
from zones.models import Source

pytestmark = pytest.mark.django_db


def section(body, heading):
    """The text of a page from a heading to the next h2."""
    return page_text(body.split(f">{heading}</h2>", 1)[1].split("<h2", 1)[0])


def test_money_reported_holds_only_money(client, facts):
    """A cluster's "Money reported" held the count of clusters and the clusters' total area."""
    body = client.get("/en/sites/vang-muoi/").content.decode()
    money = section(body, "Money reported")
    assert "VND" in money and "industrial clusters" not in money and " ha" not in money
    others = section(body, "Other reported figures")
    assert "6 industrial clusters" in others and "186.4 ha" in others


def test_a_chart_label_keeps_the_source_qualifier(client, facts):
    """The workers chart said "500" and "1,000" for "nearly 500" and "about 1,000"."""
    chart = client.get("/en/sites/thanh-binh/").content.decode().split('aria-label="Workers"')[1]
    chart = chart.split("</svg>", 1)[0]
    assert ">nearly 500</text>" in chart and ">about 1,000</text>" in chart
    assert ">500</text>" not in chart


def test_a_passed_expectation_says_when_it_was_said(client, facts):
    body = client.get("/en/sites/vang-muoi/").content.decode()
    expected = page_text(body.split(">Expected to operate</dt>", 1)[1].split("</dd>", 1)[0])
    assert "2025" in expected and "Said on 28 Nov 2023." in expected
    passed = "That year has passed; no later news was found."
    assert (passed in expected) == (timezone.localdate().year > 2025)


def test_each_source_s_expectation_is_shown_with_when_it_was_said(client, facts):
    """Quảng Chu: "by 2025" (S1, 28/11/2023) and "from Q4 2025" (S49, undated), both."""
    body = client.get("/en/sites/quang-chu/").content.decode()
    expected = page_text(body.split(">Expected to operate</dt>", 1)[1].split("</dd>", 1)[0])
    assert expected.startswith("Expected to be operating by 2025.")
    assert "Said on 28 Nov 2023." in expected
    assert "Expected in use from Q4 2025." in expected
    assert re.search(r"Expected in use from Q4 2025\. \[\d+\] The source gives no date\.", expected)
    sources = {
        s["id"]: s["sources"]
        for s in client.get("/api/investor-statements.json").json()["statements"]
    }
    assert sources["quang-chu-expected-in-use-q4-2025"] == ["S49"]


def test_key_figures_say_their_period_and_scope(client, facts):
    figures = page_text(client.get("/en/").content.decode().split("</section>", 1)[0])
    assert "whole province" in figures
    assert "2021–2023, reported 28 Nov 2023" in figures


def test_english_pages_do_not_say_tieng_anh(client, facts):
    assert "Tiếng Anh" not in client.get("/en/sources/").content.decode()
    assert "Tiếng Anh" in client.get("/sources/").content.decode()


def test_a_project_is_not_one_of_its_own_two_others(client, facts):
    note = page_text(client.get("/en/projects/matexim-sponge-iron/").content.decode())
    assert "two others (Sahabak's MDF plant, Vạn Lợi's mineral-processing project)" in note


def test_the_zone_names_its_developers_by_phase_and_no_founding_decision(client, facts):
    body = client.get("/en/sites/thanh-binh/").content.decode()
    developer = page_text(body.split(">Developer</dt>", 1)[1].split("</dd>", 1)[0])
    assert "phase I: Centre for Infrastructure Development" in developer
    assert "phase II: Onsen Fuji Bắc Kạn Joint Stock Company (proposed)" in developer
    founding = page_text(body.split(">Founding decision</dt>", 1)[1].split("</dd>", 1)[0])
    assert "No source names a founding decision" in founding and "125/TTg" not in founding


def test_distances_from_the_provincial_capital_are_labelled_so(client, facts):
    body = page_text(client.get("/en/sites/quang-chu/").content.decode())
    assert "From the provincial capital, not from this site: 150 km to Nội Bài airport" in body
    assert "The national rule, not this site's rate" in body
    assert "under construction (2025)" in body and "reported connected" in body


def test_the_company_approved_as_investor_shows_the_project_it_set_up_a_company_for(client, facts):
    """Better Power "invested in nothing", though Decision 1856 approved it as the footwear
    plant's investor and it set up Chung Jye to carry the plant out (S54)."""
    body = client.get("/en/organisations/better-power/").content.decode()
    projects = section(body, "Projects it invests in")
    assert (
        "Export footwear and shoe-sole plant" in projects and "None in the sources" not in projects
    )
    chung_jye = client.get("/en/organisations/chung-jye-bac-kan/").content.decode()
    assert "Set up by BETTER POWER Group Co., Ltd." in page_text(chung_jye)
    assert 'href="/en/organisations/better-power/"' in chung_jye


@pytest.mark.parametrize("language", ["", "/en"])
def test_an_unlinked_address_is_said_to_be_so_once(client, facts, language):
    """The page says an address is kept only for the record; the source's note said it too."""
    body = client.get(f"{language}/sources/").content.decode()
    said = "record only" if language else "ghi để lưu"
    entries = [page_text(entry) for entry in body.split('class="source-key">')[1:]]
    unlinked = [entry for entry in entries if said in entry]
    assert len(unlinked) == Source.objects.filter(link_address=False).count() == 2
    assert all(entry.count(said) == 1 for entry in unlinked), unlinked


def test_no_line_repeats_its_label_as_its_value(client, facts):
    """A project's page read "FDI: FDI"; a label is never its own value, on any detail page."""
    from tests.test_provenance import public_pages

    repeated = []
    for address in public_pages():
        body = client.get("/en" + address.removeprefix("/en")).content.decode()
        for label, value in re.findall(r"<dt>(.*?)</dt>\s*<dd[^>]*>(.*?)</dd>", body, flags=re.S):
            if page_text(label) and page_text(label) == page_text(value):
                repeated.append((address, page_text(label)))
    assert repeated == []


def test_what_s1_said_of_the_21_projects_is_dated_not_told_as_still_so(client, facts):
    """S1 (2023): "the investors are completing procedures", shown in 2026 as a past report."""
    body = page_text(client.get("/en/sources/").content.decode())
    assert "As of 28/11/2023 their investors were completing" in body
    assert "investors are completing" not in body


def test_a_location_placed_between_two_communes_is_not_called_a_commune_centre(client, facts):
    body = page_text(client.get("/en/sites/thanh-thinh/").content.decode())
    line = body.split("Location ", 1)[1][:300]
    assert line.startswith("By its commune or ward") and "Midpoint of the centres" in line
    assert "Centre of the commune" not in body


def test_a_body_has_one_english_name(client, facts):
    """The board's page named its own centre otherwise than the centre's page does."""
    body = page_text(client.get("/en/organisations/ban-quan-ly-kcn-bac-kan/").content.decode())
    assert (
        "Centre for Infrastructure Development and Services of Bắc Kạn's Industrial Zones" in body
    )
    assert "Centre for Industrial Zone Infrastructure" not in body
