"""
The one place where figures become text, in the reader's language:
``74,4 ha``, ``trên 2.921 tỷ đồng``, ``21 dự án`` in Vietnamese;
``74.4 ha``, ``over VND 2,921 billion``, ``21 projects`` in English.
Templates reach these through the filters in zones/templatetags/portal.py.
"""

from decimal import Decimal

from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.translation import gettext, ngettext, pgettext

BILLION = 1_000_000_000
MILLION = 1_000_000


def format_number(value, max_decimals=2):
    """A number with the language's separators, without trailing zeros (80.80 → 80,8)."""
    number = Decimal(value).quantize(Decimal(1).scaleb(-max_decimals)).normalize()
    decimals = max(0, -number.as_tuple().exponent)
    return numberformat.format(
        number,
        get_format("DECIMAL_SEPARATOR"),
        decimal_pos=decimals,
        grouping=get_format("NUMBER_GROUPING"),
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )


def format_area(hectares):
    if hectares is None:
        return ""
    return f"{format_number(hectares)} ha"


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
