"""Figures in the reader's language, from the one formatting module."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from common import formatting
from tests.factories import FigureStatementFactory


@pytest.mark.parametrize(
    ("language", "area", "money", "over_money"),
    [
        ("vi", "74,4 ha", "2.921 tỷ đồng", "trên 2.921 tỷ đồng"),
        ("en", "74.4 ha", "VND 2,921 billion", "over VND 2,921 billion"),
    ],
)
def test_figures_follow_the_language(language, area, money, over_money):
    with translation.override(language):
        assert formatting.format_area(Decimal("74.40")) == area
        assert formatting.format_money(2_921_000_000_000) == money
        figure = FigureStatementFactory.build(amount=2_921_000_000_000, qualifier="over")
        assert formatting.format_figure(figure) == over_money


def test_decimals_are_kept_and_trailing_zeros_dropped():
    with translation.override("vi"):
        assert formatting.format_money(390_174_000_000) == "390,174 tỷ đồng"
        assert formatting.format_money(541_750_000_000) == "541,75 tỷ đồng"
        assert formatting.format_area(Decimal("16.00")) == "16 ha"
    with translation.override("en"):
        assert formatting.format_money(58_000_000_000) == "VND 58 billion"
        assert formatting.format_money(250_000_000) == "VND 250 million"


def test_counts_are_pluralised():
    with translation.override("en"):
        assert formatting.format_count(1, "projects") == "1 project"
        assert formatting.format_count(21, "projects") == "21 projects"
    with translation.override("vi"):
        assert formatting.format_count(21, "projects") == "21 dự án"


def test_large_and_negative_numbers_are_grouped():
    with translation.override("vi"):
        assert formatting.format_number(Decimal("1234567.5")) == "1.234.567,5"
        assert formatting.format_number(-2500) == "-2.500"
    with translation.override("en"):
        assert formatting.format_number(Decimal("1234567.5")) == "1,234,567.5"
        assert formatting.format_number(Decimal("0.05")) == "0.05"


@pytest.mark.parametrize(
    ("low", "high", "currency", "english", "vietnamese"),
    [
        (2_000_000, None, "usd", "USD 2 million", "2 triệu USD"),
        (1_500_000_000, None, "usd", "USD 1.5 billion", "1,5 tỷ USD"),
        (300_000_000_000, 322_500_000_000, "vnd", "VND 300–322.5 billion", "300–322,5 tỷ đồng"),
        (400_000_000, 900_000_000, "vnd", "VND 400–900 million", "400–900 triệu đồng"),
        (1_234_000_000, None, "vnd", "VND 1.234 billion", "1,234 tỷ đồng"),
    ],
)
def test_money_keeps_its_currency_scale_and_range(low, high, currency, english, vietnamese):
    with translation.override("en"):
        assert formatting.format_money_range(low, high, currency) == english
    with translation.override("vi"):
        assert formatting.format_money_range(low, high, currency) == vietnamese


@pytest.mark.parametrize(
    ("qualifier", "english", "vietnamese"),
    [
        ("exact", "161 ha", "161 ha"),
        ("over", "over 161 ha", "trên 161 ha"),
        ("about", "about 161 ha", "khoảng 161 ha"),
        ("nearly", "nearly 161 ha", "gần 161 ha"),
        ("at_least", "at least 161 ha", "ít nhất 161 ha"),
    ],
)
def test_every_qualifier_reads_as_the_source_wrote_it(qualifier, english, vietnamese):
    figure = FigureStatementFactory.build(amount=161, unit="ha", qualifier=qualifier)
    with translation.override("en"):
        assert formatting.format_figure(figure) == english
    with translation.override("vi"):
        assert formatting.format_figure(figure) == vietnamese


@pytest.mark.parametrize(
    ("low", "high", "unit", "english"),
    [
        (2000, None, "m2", "2,000 m²"),
        (60, 85, "percent", "60–85%"),
        (400, None, "tonnes", "400 t"),
        (Decimal("16.5"), None, "ha", "16.5 ha"),
        (6, None, "clusters", "6 industrial clusters"),
        (1, None, "firms", "1 firm"),
        (300, 500, "workers", "300–500 workers"),
        (1, None, "workers", "1 worker"),
    ],
)
def test_measures_carry_their_unit_and_range(low, high, unit, english):
    with translation.override("en"):
        assert formatting.format_measure(low, high, unit) == english


def test_a_date_is_as_precise_as_its_source():
    day = date(2025, 8, 20)
    with translation.override("en"):
        assert formatting.format_partial_date(day) == "20 Aug 2025"
        assert formatting.format_partial_date(day, "month") == "Aug 2025"
        assert formatting.format_partial_date(day, "quarter") == "Q3 2025"
        assert formatting.format_partial_date(day, "year") == "2025"
        assert formatting.format_partial_date(None) == ""
    with translation.override("vi"):
        assert formatting.format_partial_date(day) == "20/08/2025"
        assert formatting.format_partial_date(day, "month") == "8/2025"
        assert formatting.format_partial_date(day, "quarter") == "quý 3/2025"
