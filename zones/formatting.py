"""
The one place where figures become text, in the reader's language:
``74,4 ha``, ``trên 2.921 tỷ đồng``, ``21 dự án`` in Vietnamese;
``74.4 ha``, ``over VND 2,921 billion``, ``21 projects`` in English.
Templates reach these through the filters in zones/templatetags/portal.py.
"""

from decimal import Decimal

from django.utils.formats import get_format
from django.utils.translation import gettext, ngettext, pgettext

BILLION = 1_000_000_000
MILLION = 1_000_000


class NumberFormat:
    """
    The active language's separators, looked up once: formatting the areas of 2,000 sites
    for the map then costs one lookup, not 2,000.
    """

    def __init__(self):
        self.decimal_separator = get_format("DECIMAL_SEPARATOR")
        self.thousand_separator = get_format("THOUSAND_SEPARATOR")

    def number(self, value, max_decimals=2):
        """A number with the language's separators, without trailing zeros (80.80 → 80,8)."""
        number = Decimal(value).quantize(Decimal(1).scaleb(-max_decimals)).normalize()
        sign = "-" if number < 0 else ""
        whole, _, fraction = f"{abs(number):f}".partition(".")
        grouped = f"{int(whole):,}".replace(",", self.thousand_separator)
        return sign + grouped + (self.decimal_separator + fraction if fraction else "")

    def area(self, hectares):
        return "" if hectares is None else f"{self.number(hectares)} ha"


def format_number(value, max_decimals=2):
    return NumberFormat().number(value, max_decimals)


def format_area(hectares):
    return NumberFormat().area(hectares)


def format_money(dong):
    """An amount of đồng in billions (or millions below a billion), as people write it."""
    if dong is None:
        return ""
    if abs(dong) >= BILLION:
        number = format_number(Decimal(dong) / BILLION, max_decimals=3)
        # Translators: an amount in billions of đồng; Vietnamese "%(number)s tỷ đồng".
        return gettext("VND %(number)s billion") % {"number": number}
    number = format_number(Decimal(dong) / MILLION, max_decimals=3)
    # Translators: an amount in millions of đồng; Vietnamese "%(number)s triệu đồng".
    return gettext("VND %(number)s million") % {"number": number}


def format_count(count, unit):
    if unit == "projects":
        return ngettext("%(count)s project", "%(count)s projects", count) % {
            "count": format_number(count)
        }
    return format_number(count)


def qualify(text, qualifier):
    """Prefix a figure with the source's qualifier: "over", "about", "nearly"."""
    words = {
        "over": pgettext("figure qualifier", "over"),
        "about": pgettext("figure qualifier", "about"),
        "nearly": pgettext("figure qualifier", "nearly"),
    }
    return f"{words[qualifier]} {text}" if qualifier in words else text


def format_figure(figure):
    """A zones.ReportedFigure as the source reported it: "over VND 2,921 billion"."""
    if figure.unit == "vnd":
        text = format_money(figure.amount)
    else:
        text = format_count(figure.amount, figure.unit)
    return qualify(text, figure.qualifier)


def format_period(start, end):
    if start and end and start != end:
        return f"{start}–{end}"
    return str(start or end or "")
