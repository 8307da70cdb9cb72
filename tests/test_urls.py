"""Every public URL reverses and resolves to its view, in both languages."""

import pytest
from django.urls import resolve, reverse
from django.utils import translation

ROUTES = [
    ("zones:home", {}, "/"),
    ("zones:list", {}, "/sites/"),
    ("zones:detail", {"slug": "cam-giang"}, "/sites/cam-giang/"),
    ("zones:organisation", {"slug": "khoang-san-bac-kan"}, "/organisations/khoang-san-bac-kan/"),
    ("investments:list", {}, "/projects/"),
    ("investments:detail", {"slug": "x"}, "/projects/x/"),
    ("sources", {}, "/sources/"),
]


@pytest.mark.parametrize(("name", "kwargs", "path"), ROUTES)
def test_reverse_and_resolve(name, kwargs, path):
    # The language prefix is matched against the active language, as LocaleMiddleware sets it.
    with translation.override("vi"):
        assert reverse(name, kwargs=kwargs) == path
        assert resolve(path).view_name == name
    with translation.override("en"):
        assert reverse(name, kwargs=kwargs) == "/en" + path
        assert resolve("/en" + path).view_name == name


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("sites-geojson", "/api/sites.geojson"),
        ("projects-json", "/api/projects.json"),
        ("sitemap", "/sitemap.xml"),
        ("robots", "/robots.txt"),
    ],
)
def test_language_neutral_addresses(name, path):
    assert reverse(name) == path
    assert resolve(path).view_name == name
