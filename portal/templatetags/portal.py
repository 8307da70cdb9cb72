"""Template filters and tags shared by every public page."""

import json

from django import template
from django.urls import translate_url
from leaflet.templatetags.leaflet_tags import leaflet_map

from common import formatting
from common.http import absolute_url, local_path, normalised_full_path

register = template.Library()


@register.filter
def area(hectares):
    return formatting.format_area(hectares)


@register.filter
def money(dong):
    return formatting.format_money(dong)


@register.filter
def number(value):
    return "" if value is None else formatting.format_number(value)


@register.filter
def figure(reported_figure):
    return formatting.format_figure(reported_figure)


@register.filter
def period(reported_figure):
    return formatting.format_period(reported_figure.period_start, reported_figure.period_end)


@register.filter
def figure_date(sourced_figure):
    """When a figure applies: "17/11/2023", "2025", "first 9 months of 2021", or ""."""
    return formatting.figure_date(sourced_figure)


@register.filter
def partial_date(value, precision="day"):
    """A date as precisely as its source gives it: {{ site.status_date|partial_date:"year" }}."""
    return formatting.format_partial_date(value, precision)


@register.inclusion_tag("includes/as_of.html")
def as_of(date, precision="day", period=""):
    """ "as of 20/8/2024", "as of 2025", "first 9 months of 2021", or "date not given"."""
    return {"period": period, "when": formatting.format_partial_date(date, precision)}


@register.inclusion_tag("includes/map.html")
def site_map(name="main"):
    """
    The map's container and its django-leaflet options as JSON, for static/js/map.js to start.

    django-leaflet's own {% leaflet_map %} starts the map from an inline script; this page is
    cached whole, and a cached page cannot carry a fresh CSP nonce, so the options travel as
    data and the script that uses them is a static file.
    """
    options = json.loads(leaflet_map(name, creatediv=False)["djoptions"])
    return {"name": name, "options": options}


@register.simple_tag(takes_context=True)
def url_in_language(context, language_code, absolute=False):
    """The current page's address in another language, for the switch and hreflang links."""
    request = context["request"]
    url = local_path(translate_url(local_path(normalised_full_path(request)), language_code))
    return absolute_url(url) if absolute else url
