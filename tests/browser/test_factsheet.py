"""A site's page printed from Chromium (page.pdf(), print media): a factsheet of one or two
pages with the site's name, its statements and its sources' addresses in full."""

import io

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.usefixtures("site_facts")


@pytest.mark.parametrize(
    ("path", "name", "statement"),
    [
        ("/en/sites/quang-chu/", "Quảng Chu Industrial Cluster", "about 20 km from central"),
        ("/sites/vang-muoi/", "Cụm công nghiệp Vằng Mười", "Hạ tầng do Nhà nước đầu tư."),
        ("/en/sites/thanh-thinh/", "Thanh Thịnh Industrial Cluster", "Resolution 08/2018"),
        ("/en/sites/thanh-binh-phase-1/", "phase I", "2,500 m³ a day"),
        # The zone: the longest page, so the one most likely to spill onto a third sheet.
        ("/en/sites/thanh-binh/", "Thanh Bình Industrial Zone", "130 km from central Hà Nội"),
        ("/sites/thanh-binh/", "Khu công nghiệp Thanh Bình", "cách trung tâm Hà Nội 130 km"),
    ],
)
def test_a_site_prints_as_a_factsheet_of_one_or_two_pages(watched_page, path, name, statement):
    page = watched_page
    page.goto(page.base_url + path)
    page.wait_for_load_state("networkidle")
    first_address = page.locator(".footnotes a[href^='http']").first.get_attribute("href")
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(" ".join(sheet.extract_text() for sheet in reader.pages).split())
    assert 1 <= len(reader.pages) <= 2, len(reader.pages)
    assert name in text and statement in text
    # The first source's address in full (PDF text may break a long address across lines).
    assert first_address in text.replace(" ", "")
    assert "Printed from" in text or "In từ" in text
    assert "Status over time" not in text and "Diễn biến tình trạng" not in text


def test_the_factsheet_leaves_off_the_sources_of_what_it_does_not_print(watched_page):
    """The long tables stay on screen, and so do the sources only they cite."""
    page = watched_page
    page.goto(page.base_url + "/en/sites/thanh-binh/")
    page.wait_for_load_state("networkidle")
    on_screen = page.locator(".footnotes li").count()
    page.emulate_media(media="print")
    visible = page.locator(".footnotes li:visible").count()
    assert 0 < visible < on_screen
    # Every footnote the printed part refers to is printed.
    printed_refs = page.locator("main .fn-ref a:visible")
    for index in range(printed_refs.count()):
        target = printed_refs.nth(index).get_attribute("href")
        assert page.locator(target).is_visible(), target


def test_the_zone_factsheet_leaves_each_phase_statement_to_that_phase_factsheet(watched_page):
    """On screen the zone's page shows its phases' statements; on paper it names the phases'
    factsheets instead (with them all it would not fit on two sheets)."""
    page = watched_page
    page.goto(page.base_url + "/en/sites/thanh-binh/")
    page.wait_for_load_state("networkidle")
    phase_statement = page.locator("#fact-utilities-wastewater")
    assert phase_statement.is_visible()
    pointer = page.locator(".for-investors .print-only").first
    assert not pointer.is_visible()
    page.emulate_media(media="print")
    assert not phase_statement.is_visible()
    assert pointer.is_visible()
    assert pointer.inner_text().count("/en/sites/thanh-binh-phase-") == 2
    # A statement about the whole zone stays on paper; one about the whole province does not.
    assert page.locator("#fact-access-bot-road-start").is_visible()
    assert not page.locator("#fact-policy-national-scheme").is_visible()
