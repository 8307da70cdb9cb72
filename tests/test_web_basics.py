"""What a public site is expected to have: an icon, canonical links, link previews, a sitemap
with x-default, a 404 page whose language switch works, a robots.txt that names no admin."""

import re

import pytest

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def meta(page, attribute, name):
    found = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', page)
    return found.group(1) if found else None


def test_the_icon_is_served_where_browsers_ask_for_it(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    icon = client.get(response["Location"])
    assert icon.status_code == 200 and icon["Content-Type"] == "image/png"
    assert b"".join(icon.streaming_content).startswith(b"\x89PNG")
    page = text(client.get("/"))
    assert 'rel="icon"' in page and 'rel="apple-touch-icon"' in page


@pytest.mark.parametrize(
    ("path", "title", "locale"),
    [
        ("/sites/quang-chu/", "Cụm công nghiệp Quảng Chu", "vi_VN"),
        ("/en/sites/quang-chu/", "Quảng Chu Industrial Cluster", "en_GB"),
    ],
)
def test_a_shared_link_has_a_preview_and_one_canonical_address(client, facts, path, title, locale):
    page = text(client.get(path, {"utm_source": "x"}))
    assert f'<link rel="canonical" href="http://testserver{path}">' in page
    assert meta(page, "property", "og:url") == f"http://testserver{path}"
    assert meta(page, "property", "og:title") == title
    assert meta(page, "property", "og:locale") == locale
    description = meta(page, "property", "og:description")
    assert description and description == meta(page, "name", "description")
    assert meta(page, "property", "og:image").startswith("http://testserver/static/img/")
    assert meta(page, "name", "twitter:card") == "summary"


def test_the_sitemap_names_a_default_language(client, facts):
    sitemap = text(client.get("/sitemap.xml"))
    assert 'hreflang="x-default" href="http://testserver/sites/cam-giang/"' in sitemap


@pytest.mark.parametrize(
    ("path", "other"),
    [("/en/no-such-page/", "/no-such-page/"), ("/no-such-page/", "/en/no-such-page/")],
)
def test_the_404_page_switches_language(client, path, other):
    response = client.get(path)
    assert response.status_code == 404
    switch = text(response).split('class="language-switch"', 1)[1].split("</nav>", 1)[0]
    assert f'href="{other}"' in switch


def test_robots_txt_names_no_admin(client, settings):
    robots = text(client.get("/robots.txt"))
    assert settings.ADMIN_PATH.strip("/") not in robots and "Disallow" not in robots
    assert "Sitemap: http://testserver/sitemap.xml" in robots
