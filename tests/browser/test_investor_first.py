"""
What an investor sees first (issue 21), in Chromium: the summary on a site page's first
screens, jump links that land, long sections folded on phones, the header's search, the
comparison's rows with their labels in view, and the factsheet on paper with its map.
Screenshots and the printed PDFs go to test-artifacts/.
"""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import SCREENSHOTS, save_screenshot

pytestmark = pytest.mark.usefixtures("site_facts")

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 740}


def open_site(page, path, viewport):
    page.set_viewport_size(viewport)
    page.goto(page.base_url + path)
    page.wait_for_load_state("networkidle")
    return page


def box(locator):
    return locator.evaluate("element => element.getBoundingClientRect().toJSON()")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize(
    "path", ["/en/sites/thanh-binh/", "/sites/thanh-binh/", "/sites/quang-chu/"]
)
def test_the_summary_fills_the_first_two_screens_after_the_title(watched_page, path, viewport):
    page = open_site(watched_page, path, viewport)
    summary = page.locator("#at-a-glance")
    expect(summary).to_be_visible()
    expect(summary.locator(".glance-line")).to_have_count(14)
    title = box(page.locator("h1"))
    bottom = box(page.locator("#at-a-glance dl"))["bottom"]
    assert bottom <= title["bottom"] + 2 * viewport["height"], (bottom, title["bottom"])
    name = path.strip("/").replace("/", "-") or "home"
    save_screenshot(page, f"glance-{name}-{viewport['width']}")
    assert page.watch.console_errors == [] and page.watch.outside_requests == []


def test_one_tap_from_the_summary_to_the_zone_tenants_on_a_phone(watched_page):
    page = open_site(watched_page, "/en/sites/thanh-binh/", PHONE)
    page.locator("#glance-tenants a.glance-jump").click()
    heading = page.locator("h2#tenants")
    expect(heading).to_be_in_viewport()
    expect(page.locator("#tenants ~ table, #tenants ~ .table-scroll").first).to_be_visible()
    assert page.url.endswith("#tenants")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_jump_link_of_the_contents_lands_on_its_section(watched_page, viewport):
    page = open_site(watched_page, "/sites/thanh-binh/", viewport)
    links = page.locator("nav.toc a")
    assert links.count() >= 10
    for index in range(links.count()):
        link = links.nth(index)
        target = link.get_attribute("href")
        link.click()
        expect(page.locator(target)).to_be_in_viewport()
        page.evaluate("window.scrollTo(0, 0)")


def test_long_sections_fold_on_a_phone_and_a_footnote_opens_its_source(watched_page):
    page = open_site(watched_page, "/en/sites/thanh-binh/", PHONE)
    statement = page.locator("#fact-access-bot-road")
    expect(statement).to_be_hidden()
    page.get_by_text("Show every statement, by topic").click()
    expect(statement).to_be_visible()
    # A footnote number jumps into the folded sources, which open at it.
    reference = page.locator("#at-a-glance .fn-ref a").first
    source = page.locator(reference.get_attribute("href"))
    expect(source).to_be_hidden()
    reference.click()
    expect(source).to_be_visible()
    expect(source).to_be_in_viewport()
    # On a wide screen nothing is folded and no "show" line is drawn.
    page = open_site(page, "/en/sites/thanh-binh/", DESKTOP)
    expect(page.locator("#fact-access-bot-road")).to_be_visible()
    expect(page.get_by_text("Show every statement, by topic")).to_be_hidden()


@pytest.mark.parametrize(
    ("query", "group", "record"),
    [
        ("lechenwood", "Organisations", "Lechenwood Việt Nam Co., Ltd."),
        ("1876", "Sites", "Thanh Thịnh Industrial Cluster"),
        ("onsen fuji", "Organisations", "Onsen Fuji Bắc Kạn Joint Stock Company"),
        ("quang chu", "Sites", "Quảng Chu Industrial Cluster"),
        ("go dan", "Projects", "Hồng Ngọc wood plant"),
        ("419", "Planning documents", "419/QĐ-UBND"),
        ("S54", "Sources", "S54"),
    ],
)
def test_a_search_from_the_header_finds_each_kind_of_record(watched_page, query, group, record):
    page = open_site(watched_page, "/en/projects/", PHONE)
    page.get_by_role("searchbox", name="Search the portal").fill(query)
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/search/?q=*")
    section = page.locator("section.search-group", has=page.get_by_role("heading", name=group))
    expect(section.get_by_role("link", name=record, exact=True)).to_be_visible()
    if query == "quang chu":
        save_screenshot(page, "search-quang-chu-en-390")
        section.get_by_role("link", name=record, exact=True).click()
        expect(page.locator("h1")).to_have_text(record)


def test_the_header_search_in_vietnamese_on_a_wide_screen(watched_page):
    page = open_site(watched_page, "/", DESKTOP)
    page.get_by_role("searchbox", name="Tìm trên cổng thông tin").fill("Quang Chu")
    page.get_by_role("button", name="Tìm kiếm").first.click()
    expect(page.get_by_role("link", name="Cụm công nghiệp Quảng Chu", exact=True)).to_be_visible()
    save_screenshot(page, "search-quang-chu-vi-1280")


@pytest.mark.parametrize("language", ["", "/en"])
def test_the_comparison_shows_every_summary_line_with_its_labels_in_view(watched_page, language):
    address = f"{language}/sites/compare/?site=thanh-binh&site=quang-chu&site=cam-giang"
    page = open_site(watched_page, address, PHONE)
    labels = page.locator(".compare-table tbody th[scope=row]")
    expect(labels).to_have_count(18)
    power = "Power" if language else "Điện"
    expect(page.locator(".compare-table").get_by_role("rowheader", name=power)).to_be_visible()
    page.locator(".table-scroll").evaluate("element => { element.scrollLeft = 400; }")
    label = labels.nth(8)
    label.scroll_into_view_if_needed()
    page.locator(".table-scroll").evaluate("element => { element.scrollLeft = 400; }")
    assert box(label)["left"] >= 0  # the label stays at the left edge, not scrolled away
    assert page.locator(".table-scroll").evaluate("element => element.scrollLeft") > 0
    save_screenshot(page, f"compare-{language.strip('/') or 'vi'}-390-scrolled")
    page = open_site(page, address, DESKTOP)
    save_screenshot(page, f"compare-{language.strip('/') or 'vi'}-1280")


@pytest.mark.parametrize(
    ("path", "name", "projects"),
    [
        ("/en/sites/thanh-binh/", "thanh-binh-en", ["Lechenwood Việt Nam plywood"]),
        ("/sites/quang-chu/", "quang-chu-vi", ["Nhà máy giấy kraft Hòa An Phước"]),
        ("/en/sites/cam-giang/", "cam-giang-en", []),
    ],
)
def test_the_printed_factsheet_has_its_map_and_no_empty_heading(watched_page, path, name, projects):
    page = open_site(watched_page, path, DESKTOP)
    page.emulate_media(media="print")
    locator_map = page.locator(".locator-map")
    expect(locator_map).to_be_visible()
    outline, point = box(locator_map.locator("path")), box(locator_map.locator("circle"))
    assert outline["width"] > 50 and point["width"] > 0
    assert outline["left"] <= point["left"] <= outline["right"]
    assert outline["top"] <= point["top"] <= outline["bottom"]
    expect(page.locator(".leaflet-container")).to_be_hidden()
    # Every printed heading has something printed under it before the next heading.
    empty = page.evaluate(
        """() => [...document.querySelectorAll("main h2, main h3")]
            .filter(h => h.checkVisibility())
            .filter(h => {
                const shown = e => e.checkVisibility() && e.innerText.trim() !== "";
                let next = h.nextElementSibling;
                while (next && !shown(next)) next = next.nextElementSibling;
                return !next || /^H[23]$/.test(next.tagName);
            })
            .map(h => h.textContent.trim())"""
    )
    assert empty == []
    pdf = page.pdf(format="A4")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"factsheet-{name}.pdf").write_bytes(pdf)
    page.screenshot(path=str(SCREENSHOTS / f"factsheet-{name}-print.png"), full_page=True)
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(sheet.extract_text() for sheet in reader.pages).split())
    assert 1 <= len(reader.pages) <= 2, len(reader.pages)
    assert "geoBoundaries" in text
    assert all(project in text for project in projects)
