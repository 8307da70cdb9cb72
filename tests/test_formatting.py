"""Figures in the reader's language, from the one formatting module."""

from decimal import Decimal

import pytest
from django.utils import translation

from common import formatting
from tests.factories import ReportedFigureFactory


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
        figure = ReportedFigureFactory.build(amount=2_921_000_000_000, qualifier="over")
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
