"""
The one place where figures become text, in the reader's language:
``74,4 ha``, ``trên 2.921 tỷ đồng``, ``21 dự án`` in Vietnamese;
``74.4 ha``, ``over VND 2,921 billion``, ``21 projects`` in English.
Templates reach these through the filters in portal/templatetags/portal.py.
"""

from decimal import Decimal

from django.utils.formats import date_format, get_format
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
    return format_money_range(dong, None)


def format_money_range(low, high, currency="vnd"):
    """đồng or US dollars, as the source gives them, never converted: "VND 300–500 billion"."""
    if low is None:
        return ""
    scale, word = (BILLION, "billion") if abs(low) >= BILLION else (MILLION, "million")
    numbers = format_number(Decimal(low) / scale, max_decimals=3)
    if high is not None:
        numbers += "–" + format_number(Decimal(high) / scale, max_decimals=3)
    # Translators (all four): Vietnamese "%(number)s tỷ đồng", "%(number)s triệu đồng",
    # "%(number)s tỷ USD", "%(number)s triệu USD".
    if currency == "usd":
        if word == "billion":
            return gettext("USD %(number)s billion") % {"number": numbers}
        return gettext("USD %(number)s million") % {"number": numbers}
    if word == "billion":
        return gettext("VND %(number)s billion") % {"number": numbers}
    return gettext("VND %(number)s million") % {"number": numbers}


def format_count(count, unit):
    number = format_number(count)
    count = int(count)  # the plural form of a whole number; amounts are stored as decimals
    if unit == "projects":
        return ngettext("%(count)s project", "%(count)s projects", count) % {"count": number}
    if unit == "clusters":
        return ngettext("%(count)s industrial cluster", "%(count)s industrial clusters", count) % {
            "count": number
        }
    if unit == "firms":
        return ngettext("%(count)s firm", "%(count)s firms", count) % {"count": number}
    if unit == "workers":
        return ngettext("%(count)s worker", "%(count)s workers", count) % {"count": number}
    return number


def format_measure(low, high, unit):
    """A quantity with its unit as the source writes it: "2.000 m²", "60–85%", "400 t"."""
    numbers = format_number(low)
    if high is not None:
        numbers += "–" + format_number(high)
    suffix = {"ha": " ha", "m2": " m²", "percent": "%", "tonnes": " t"}.get(unit)
    if suffix is not None:
        return numbers + suffix
    if high is not None:
        # A range of a count: the plural of its upper end ("300–500 workers").
        return format_count(high, unit).replace(format_number(high), numbers, 1)
    return format_count(low, unit)


def qualify(text, qualifier):
    """Prefix a figure with the source's qualifier: "over", "about", "nearly", "at least"."""
    words = {
        "over": pgettext("figure qualifier", "over"),
        "about": pgettext("figure qualifier", "about"),
        "nearly": pgettext("figure qualifier", "nearly"),
        "at_least": pgettext("figure qualifier", "at least"),
    }
    return f"{words[qualifier]} {text}" if qualifier in words else text


def format_amount(figure):
    """A figure's number with the source's qualifier and no unit, for a chart: "nearly 500"."""
    numbers = format_number(figure.amount)
    if figure.amount_to is not None:
        numbers = f"{numbers}–{format_number(figure.amount_to)}"
    return qualify(numbers, figure.qualifier)


def format_figure(figure):
    """A sourced figure as the source gave it: "over VND 2,921 billion", "about 161 ha"."""
    if figure.unit in ("vnd", "usd"):
        text = format_money_range(figure.amount, figure.amount_to, figure.unit)
    else:
        text = format_measure(figure.amount, figure.amount_to, figure.unit)
    return qualify(text, figure.qualifier)


def format_period(start, end):
    if start and end and start != end:
        return f"{start}–{end}"
    return str(start or end or "")


def format_partial_date(value, precision="day"):
    """A date as precisely as its source gives it: 28/11/2023, 8/2024, quý 1/2025, 2025."""
    if value is None:
        return ""
    if precision == "year":
        return str(value.year)
    if precision == "quarter":
        # Translators: a quarter of a year; Vietnamese "quý %(quarter)s/%(year)s".
        return gettext("Q%(quarter)s %(year)s") % {
            "quarter": (value.month - 1) // 3 + 1,
            "year": value.year,
        }
    if precision == "month":
        return date_format(value, "YEAR_MONTH_FORMAT")
    return date_format(value)


def figure_date(figure):
    """
    When a figure applies, in words: its period label, or its years and the date they were
    reported ("2021–2023, reported 28/11/2023"), its date or its years alone, or nothing.
    """
    if figure.period_label:
        return figure.period_label
    when = format_partial_date(figure.as_of, figure.as_of_precision)
    years = format_period(figure.period_start, figure.period_end)
    if when and years and years != str(figure.as_of.year):
        return gettext("%(years)s, reported %(date)s") % {"years": years, "date": when}
    return when or years
