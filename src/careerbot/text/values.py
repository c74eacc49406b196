"""Figures as written ("$90,000 – $120,000", "82%", "210K /yr") -> a parsed, typed value."""

from __future__ import annotations

import re

from careerbot.records import ParsedValue, ValueKind

CURRENCIES = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_AMOUNT = rf"(?:[$£€¥₹]\s?)?(?:{_NUMBER})(?:\s?(?:[KkMm]|[Bb]n|million|billion|thousand)\b)?\+?(?:\s?%)?"
_DASH = r"\s*(?:–|—|-|to)\s*"
_UNIT = (r"(?:\s*(?:/\s?(?:yr|year|hr|hour|mo|month)|per (?:year|annum|hour|month|week)|a (?:year|month|hour)"
         r"|annually|yearly|hourly))")
# A figure: an amount or a range of two, with an optional rate unit.
# A unit may be glued to the next word of a scraped page ("276K /yrMost Likely Range"): a capital may follow it.
FIGURE = re.compile(rf"(?<![\w$£€¥₹.,])(?:between\s+(?=\S+\s+and\s)({_AMOUNT})\s+and\s+({_AMOUNT})"
                    rf"|({_AMOUNT})(?:{_DASH}({_AMOUNT}))?)"
                    rf"({_UNIT}(?![a-z0-9%]))?(?(5)|(?![\w%]))")
# A figure that ends a table row: the row's value column.
TRAILING_FIGURE = re.compile(rf"(?<![\w$£€¥₹.,])({_AMOUNT})(?:{_DASH}({_AMOUNT}))?({_UNIT})?\s*$")


def _amount(text: str) -> tuple[float | None, str | None, bool]:
    """(number, currency, is_percent) of one amount."""
    text = text.strip()
    currency = CURRENCIES.get(text[:1])
    match = re.search(_NUMBER, text)
    if match is None:
        return None, currency, False
    number = float(match.group(0).replace(",", ""))
    tail = text[match.end():].strip().lower().rstrip("+").strip()
    if tail.startswith(("k", "thousand")):
        number *= 1_000
    elif tail.startswith(("m", "million")):
        number *= 1_000_000
    elif tail.startswith(("bn", "billion")):
        number *= 1_000_000_000
    return number, currency, "%" in text


def _unit(text: str | None) -> str | None:
    if not text:
        return None
    lowered = text.lower()
    for key, unit in (("h", "per hour"), ("mo", "per month"), ("week", "per week")):
        if re.search(rf"\b{key}", lowered.replace("per ", "").replace("a ", "").replace("/", " ")):
            return unit
    return "per year"


def parse_figure(first: str, second: str | None = None, unit: str | None = None) -> ParsedValue:
    low, currency, percent = _amount(first)
    high, currency_high, percent_high = _amount(second) if second else (low, None, False)
    currency = currency or currency_high
    percent = percent or percent_high
    # A rate per year or hour with no currency sign ("276K /yr") is still pay.
    kind: ValueKind = "percent" if percent else "money" if currency or unit else "number"
    if low is not None and high is not None and 0 < low * 100 < high:  # "$110-150K": the suffix covers both
        low *= 1_000 if high >= 1_000 else 1
    return ParsedValue(kind, low, high, currency, _unit(unit))


def parse_value(text: str) -> ParsedValue:
    """The parsed form of a value as written; a value with no figure is kind 'text'."""
    match = FIGURE.search(text)
    if match is None:
        return ParsedValue("text")
    return figure_value(match)


def figure_value(match: re.Match[str]) -> ParsedValue:
    """The parsed value of a FIGURE match."""
    first, second = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    return parse_figure(first, second, match.group(5))


def figure_text_start(match: re.Match[str]) -> int:
    """Where the figure itself starts ("between" and "from" are not part of the value as written)."""
    return match.start(1) if match.group(1) else match.start(3)
