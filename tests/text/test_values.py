"""Figures as written -> typed values (text/values.py)."""

import pytest

from careerbot.text.values import parse_value


@pytest.mark.parametrize("written,kind,low,high,currency,unit", [
    ("$90,000 – $120,000", "money", 90000, 120000, "USD", None),
    ("€40,000", "money", 40000, 40000, "EUR", None),
    ("82%", "percent", 82, 82, None, None),
    ("210K /yr", "money", 210000, 210000, None, "per year"),  # a rate with no currency sign is still pay
    ("$24.50 per hour", "money", 24.5, 24.5, "USD", "per hour"),
    ("between $80,000 and $110,000 annually", "money", 80000, 110000, "USD", "per year"),
    ("$150,000 to $200,000+ annually", "money", 150000, 200000, "USD", "per year"),
    ("$110-150K", "money", 110000, 150000, "USD", None),  # the suffix covers both ends
    ("1,500 flight hours", "number", 1500, 1500, None, None),
])
def test_figures_are_parsed_with_their_kind_range_currency_and_unit(written, kind, low, high, currency, unit):
    parsed = parse_value(written)
    assert (parsed.kind, parsed.low, parsed.high, parsed.currency, parsed.unit) == (kind, low, high, currency, unit)


def test_a_value_without_a_figure_is_text():
    parsed = parse_value("Intermediate")
    assert parsed.kind == "text" and parsed.low is None and parsed.high is None
