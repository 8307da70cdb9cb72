"""The portal as a visitor sees it, in a real Chromium."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import save_screenshot
from zones.models import Site

pytestmark = pytest.mark.usefixtures("site_facts")

MARKERS = "path.site-marker"


def open_home(page, path="/"):
    page.goto(page.base_url + path)
    page.wait_for_selector(MARKERS)
    return page


def assert_nothing_went_wrong(page):
    assert page.watch.console_errors == []
    assert page.watch.outside_requests == []


def test_map_shows_one_marker_per_site_and_the_legend(watched_page):
    page = open_home(watched_page)
    top_level = Site.objects.top_level().count()
    expect(page.locator(MARKERS)).to_have_count(top_level)
    expect(page.locator("#map-legend")).to_contain_text("Vị trí gần đúng")
    expect(page.locator("#site-table tbody tr:not([hidden])")).to_have_count(top_level)
    save_screenshot(page, "home-vi-desktop")
    assert_nothing_went_wrong(page)


def test_marker_popup_links_to_the_site_page(watched_page):
    page = open_home(watched_page)
    page.locator(f"{MARKERS}.site-cam-giang").click()
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Cụm công nghiệp Cẩm Giàng")
    # The status with the date it refers to, never as if it were today's.
    expect(popup).to_contain_text("Đang giải phóng mặt bằng (tính đến 28/11/2023)")
    expect(popup).to_contain_text("Vị trí gần đúng: Theo xã, phường")
    save_screenshot(page, "popup-vi-desktop")
    compare = popup.locator("a.popup-compare")
    expect(compare).to_have_attribute("href", "/sites/compare/?site=cam-giang")
    popup.locator("a.popup-link").click()
    expect(page).to_have_url(re.compile(r"/sites/cam-giang/$"))
    expect(page.locator("h1")).to_have_text("Cụm công nghiệp Cẩm Giàng")
    assert_nothing_went_wrong(page)


def test_filters_change_markers_and_list_together(watched_page):
    page = open_home(watched_page)
    page.get_by_label("Khu công nghiệp", exact=True).uncheck()
    expect(page.locator(MARKERS)).to_have_count(6)
    expect(page.locator("#site-table tbody tr:not([hidden])")).to_have_count(6)
    page.get_by_label("Tình trạng").select_option("under_construction")
    expect(page.locator(MARKERS)).to_have_count(3)
    expect(page.locator("#site-table tbody tr:not([hidden])")).to_have_count(3)
    page.get_by_label("Huyện (trước 2025)").select_option("na-ri")
    expect(page.locator(MARKERS)).to_have_count(1)
    expect(page.locator("#site-table tbody tr:not([hidden])")).to_have_text(re.compile("Vằng Mười"))
    # The address keeps the filters, so the view can be shared.
    assert "district=na-ri" in page.url
    assert_nothing_went_wrong(page)


def test_english_popup_dates_a_status_the_source_gives_by_year(watched_page):
    page = open_home(watched_page, "/en/")
    page.locator(f"{MARKERS}.site-huyen-tung").click()
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Operational (as of 2025)")
    expect(popup).to_contain_text("Approximate location: By its commune or ward")
    save_screenshot(page, "popup-en-desktop")
    assert_nothing_went_wrong(page)


def test_filters_work_without_javascript(browser, live_portal):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.route(re.compile(r"^(?!" + re.escape(live_portal.url) + ")"), lambda r: r.abort())
    page.goto(live_portal.url + "/?district=cho-moi")
    rows = page.locator("#site-table tbody tr:not([hidden])")
    expect(rows).to_have_count(3)
    context.close()


def test_language_switch_keeps_the_page(watched_page):
    page = watched_page
    page.goto(page.base_url + "/sites/quang-chu/")
    expect(page.locator("dd").filter(has_text="ha").first).to_contain_text("74,4 ha")
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/sites/quang-chu/$"))
    expect(page.locator("h1")).to_have_text("Quảng Chu Industrial Cluster")
    expect(page.locator("dd").filter(has_text="ha").first).to_contain_text("74.4 ha")
    page.get_by_role("link", name="Tiếng Việt").click()
    expect(page).to_have_url(re.compile(r"/sites/quang-chu/$"))
    assert_nothing_went_wrong(page)


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("language", ["vi", "en"])
def test_home_screenshots(watched_page, width, language):
    page = watched_page
    page.set_viewport_size({"width": width, "height": 900})
    open_home(page, "/" if language == "vi" else "/en/")
    expect(page.locator(MARKERS)).to_have_count(Site.objects.top_level().count())
    # Nothing sticks out sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    save_screenshot(page, f"home-{language}-{width}")
    assert_nothing_went_wrong(page)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/en/",
        "/sites/",
        "/sites/thanh-binh/",
        "/en/sites/cam-giang/",
        "/projects/",
        "/projects/hoa-an-phuoc-paper-plant/",
        "/en/projects/sahabak-mdf-phase-2/",
        "/en/sites/thanh-binh/",
        "/sources/",
        "/organisations/onsen-fuji-bac-kan/",
        "/en/organisations/ban-quan-ly-kcn-bac-kan/",
        "/sites/compare/?site=thanh-binh&site=quang-chu&site=cam-giang&site=vang-muoi",
        "/en/sites/compare/?site=quang-chu",
    ],
)
def test_no_serious_accessibility_violation(watched_page, path):
    page = watched_page
    page.goto(page.base_url + path)
    results = Axe().run(page)
    serious = [
        violation
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]
    assert serious == [], results.generate_report()
    assert_nothing_went_wrong(page)


PHONE = {"width": 375, "height": 667}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_on_a_phone_the_map_is_on_the_first_screen(watched_page, language):
    page = watched_page
    page.set_viewport_size(PHONE)
    open_home(page, "/" if language == "vi" else "/en/")
    top = page.locator("#map-wrap").bounding_box()["y"]
    assert top < PHONE["height"] - 150, top  # and a good part of it shows
    save_screenshot(page, f"home-{language}-phone-first-screen")
    assert_nothing_went_wrong(page)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_on_a_phone_the_first_project_is_on_the_first_screen(watched_page, language):
    page = watched_page
    page.set_viewport_size(PHONE)
    page.goto(page.base_url + ("/projects/" if language == "vi" else "/en/projects/"))
    first_row = page.locator(".project-table tbody tr").first
    assert first_row.bounding_box()["y"] < PHONE["height"]
    # The filters are behind a disclosure, which opens with a tap (no script needed).
    expect(page.locator("form.filters")).to_be_hidden()
    page.locator(".filter-disclosure summary").click()
    expect(page.locator("form.filters")).to_be_visible()
    save_screenshot(page, f"projects-{language}-phone-first-screen")
    assert_nothing_went_wrong(page)


def test_filters_stay_open_on_a_wide_screen_and_while_in_use(watched_page):
    page = watched_page
    page.goto(page.base_url + "/projects/")
    expect(page.locator("form.filters")).to_be_visible()
    page.set_viewport_size(PHONE)
    page.goto(page.base_url + "/projects/?status=operating")
    expect(page.locator("form.filters")).to_be_visible()


@pytest.mark.parametrize("path", ["/sites/thanh-binh/", "/en/projects/sahabak-mdf-phase-2/"])
def test_footnote_links_are_big_enough_to_tap(watched_page, path):
    page = watched_page
    page.set_viewport_size(PHONE)
    page.goto(page.base_url + path)
    # Open what a phone folds (the investors' statements, the sources): its links count too.
    summaries = page.locator("details.fold > summary")
    for index in range(summaries.count()):
        summaries.nth(index).click()
    links = page.locator(".fn-ref a")
    assert links.count() > 0
    for index in range(links.count()):
        box = links.nth(index).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box
    results = Axe().run(page, options={"runOnly": ["target-size"]})
    assert results.response["violations"] == [], results.generate_report()


@pytest.mark.parametrize(
    "path",
    ["/", "/en/sites/", "/sites/thanh-binh/", "/en/projects/", "/sources/", "/en/no-such-page/"],
)
def test_no_console_error_on_any_page_favicon_included(watched_page, path):
    page = watched_page
    failed = []
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    page.set_viewport_size(PHONE)
    page.goto(page.base_url + path)
    page.wait_for_load_state("networkidle")
    assert [url for url in failed if not url.endswith("/en/no-such-page/")] == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # The 404 page's own status is the one error Chromium reports there; no icon, no script.
    document_404 = "the server responded with a status of 404"
    errors = [
        e for e in page.watch.console_errors if "no-such" not in path or document_404 not in e
    ]
    assert errors == [] and page.watch.outside_requests == []


def test_sites_are_compared_from_the_list_without_javascript(browser, live_portal):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_portal.url + "/en/sites/")
    page.get_by_label("Compare Quảng Chu Industrial Cluster").check()
    page.get_by_label("Compare Thanh Bình Industrial Zone", exact=True).check()
    page.get_by_role("button", name="Compare the ticked sites").click()
    expect(page).to_have_url(re.compile(r"/en/sites/compare/\?site=.*quang-chu"))
    table = page.locator("table.compare-table")
    expect(table.locator("thead th")).to_have_count(2)
    expect(table).to_contain_text("74.4 ha")
    page.set_viewport_size(PHONE)
    save_screenshot(page, "compare-en-phone")
    context.close()
