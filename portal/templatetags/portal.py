"""Template filters and tags shared by every public page."""

import json

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
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
def get_item(mapping, key):
    """{{ mapping|get_item:key }}: a dict's value for a key held in a variable."""
    return mapping.get(key) if mapping else None


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII", 9: "IX"}


@register.simple_tag
def json_ld(data):
    """A schema.org description as a <script type="application/ld+json"> block, escaped as
    json_script escapes, so that no text in it can close the element."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # Safe as Django's own json_script is: with <, > and & escaped, no text can end the
    # element or start another; HTML-escaping it instead would break the JSON.
    escaped = mark_safe(text)  # nosec B308 B703
    return format_html('<script type="application/ld+json">{}</script>', escaped)


@register.simple_tag
def ignored_filters(filterset):
    """
    [(label, value as given, why)] for a filter value the page did not understand: the page
    says it ignored them (common.caching answers such a page fresh and never keeps it).
    """
    form = filterset.form
    ignored = []
    for name, reasons in form.errors.items():
        if name not in form.fields:
            continue
        value = form[name].value()
        given = ", ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)
        ignored.append((form[name].label, given, " ".join(reasons)))
    return ignored


@register.filter
def roman(number):
    """A phase number as the sources write it ("giai đoạn II"); a list gives "I, II"."""
    if isinstance(number, (list, tuple)):
        return ", ".join(roman(each) for each in number)
    return ROMAN.get(number, str(number))


@register.filter
def amount(reported_figure):
    """A figure's number with its qualifier, without the unit: a chart's point label."""
    return formatting.format_amount(reported_figure)


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


@register.simple_tag
def as_of_words(date, precision="day", period=""):
    """{% as_of %}'s words without markup, for an attribute (a page's description)."""
    if period:
        return period
    if when := formatting.format_partial_date(date, precision):
        return gettext("as of %(when)s") % {"when": when}
    return gettext("date not given by the source")


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
    path = local_path(normalised_full_path(request))
    url = translate_url(path, language_code)
    if url == path and getattr(request, "LANGUAGE_CODE", language_code) != language_code:
        # No view answers this address (a 404 page): swap the language prefix by hand, so
        # the switch still changes the language, on the same address in the other language.
        url = in_language_prefix(path, language_code)
    url = local_path(url)
    return absolute_url(url) if absolute else url


def in_language_prefix(path, language_code):
    """ "/en/x/" ↔ "/x/": the default language (Vietnamese) has no prefix."""
    default = settings.LANGUAGE_CODE
    bare = path
    for code, _name in settings.LANGUAGES:
        if code != default and (path == f"/{code}" or path.startswith(f"/{code}/")):
            bare = path[len(code) + 1 :] or "/"
    return bare if language_code == default else f"/{language_code}{bare}"


@register.filter
def absolute(path):
    """A page's full address (on paper, where a link cannot be followed)."""
    return absolute_url(path)


@register.simple_tag
def absolute_static(path):
    """A static file's full address (for link previews, which need one)."""
    return absolute_url(static(path))


class CaptureNode(template.Node):
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # Stored in the outermost context, so that the rest of the page can use it. A
        # NodeList renders to a SafeString (template output, escaped already), kept as it is.
        context.dicts[0][self.name] = self.nodelist.render(context)
        return ""


@register.tag
def capture(parser, token):
    """
    {% capture as name %}…{% endcapture %}: renders what it encloses into `name` instead of the
    page. base.html uses it to say a page's title and description once (in blocks the pages
    fill) and print them in several meta tags. What it encloses is template output, already
    escaped.
    """
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])
