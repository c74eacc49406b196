"""Sentences an answer is written in: a figure with its subject, measure, qualifiers and source; a ranking; two
subjects side by side; what the sources do not say. Every figure is written verbatim and carries its marker."""

from __future__ import annotations

import re

from careerbot.records import Fact, ParsedValue
from careerbot.text.terms import levels, parts_of_speech, singular

_BRACKETED_NUMBER = re.compile(r"\[(\d+)\]")
_ACRONYM_WORD = re.compile(r"^[A-Z0-9]{2,}s?$")
_UNIT_NOTE = re.compile(r"\s*\((?:%|\$|£|€|usd|eur|gbp|percent)\)", re.I)  # "Growth Rate (%)": the value shows it


def plain(text: str) -> str:
    """A footnote like [2] in the source becomes (2): every [n] in an answer is one of careerbot's markers."""
    return _BRACKETED_NUMBER.sub(r"(\1)", " ".join(text.split()))


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def measure_words(fact: Fact) -> str:
    """The measure a fact gives, in plain lower-case words ("Salary Range" -> "salary range")."""
    measure = _UNIT_NOTE.sub("", fact.attribute or fact.caption)
    words = [w if _ACRONYM_WORD.match(w) else w.lower() for w in measure.split()]
    return " ".join(words).strip(" :")


def _qualifier_words(fact: Fact) -> tuple[str, str]:
    """(the level and statistic that go before the measure, the rest that goes after the figure)."""
    before: list[str] = []
    after: list[str] = []
    measure = measure_words(fact).lower()
    subject = fact.subject.lower()
    for qualifier in fact.qualifiers:
        if qualifier.lower() in measure or qualifier.lower() in subject:
            continue
        if levels(qualifier) or qualifier in ("average", "median", "mean"):
            before.append(qualifier)
        else:
            after.append(qualifier)
    return " ".join(before), ", ".join(after)


_DONE_TO = re.compile(r"^[a-z]+ed\s+(?:to|into|from|as)\s", re.I)  # "advanced to ...", "moved into ..." (English)


def fact_sentence(fact: Fact, marker: int, place_first: bool = False) -> str:
    """A table cell as a sentence a person would write, the value verbatim:
    "Boston, MA: the entry-level average salary range is $85,000 – $115,000 (Machine Learning ...) [1]."
    `place_first`: where the row stands is what was asked ("Amazon: Seattle, WA; the number of ... there is 28")."""
    before, after = _qualifier_words(fact)
    measure = " ".join(part for part in (before, measure_words(fact)) if part)
    if place_first and after and measure:
        verb = "are" if _plural(measure) else "is"
        return f"{capitalised(plain(fact.subject))}: {after}; the {measure} there {verb} {plain(fact.value)}, " \
               f"according to “{fact.title}” [{marker}]."
    where = f", {after}" if after else ""
    if _DONE_TO.match(fact.attribute) and not before:  # "32% advanced to Lead Machine Learning Engineer": a column
        # that says what a share of people did reads with the share first, as the source wrote it
        whose = "" if fact.subject.lower() in fact.attribute.lower() else f"{capitalised(plain(fact.subject))}: "
        return f"{whose}{plain(fact.value)} {plain(fact.attribute)}{where}, according to “{fact.title}” [{marker}]."
    verb = "are" if _plural(measure) else "is"  # "the potential roles are ...", "the median wage is ..."
    body = f"{capitalised(plain(fact.subject))}: the {measure} {verb} {plain(fact.value)}{where}" if measure else \
        f"{capitalised(plain(fact.subject))}: {plain(fact.value)}{where}"
    return f"{body}, according to “{fact.title}” [{marker}]."


def _plural(phrase: str) -> bool:
    """Whether a measure's name ends in a plural noun ("potential roles"), not in a singular or a unit ("salary
    (USD)", "sales")."""
    head = phrase.split(" of ")[0].split()  # "number of open positions": the number
    last = head[-1].lower() if head else ""
    return last.isalpha() and last.endswith("s") and not last.endswith("ss") and singular(last) != last \
        and "NOUN" in parts_of_speech(singular(last))


def neighbours_sentence(facts: list[tuple[Fact, int]]) -> str:
    """What the sources give near a figure they lack, named without its value (the value answers another question):
    "They give the entry-level average salary range for Boston, MA [1]."; subjects of one measure together."""
    by_measure: dict[str, list[str]] = {}
    by_subject: dict[str, list[str]] = {}  # one subject's several measures ("the median ... and the mean ... for X")
    for fact, marker in facts:
        before, after = _qualifier_words(fact)
        measure = " ".join(part for part in (before, measure_words(fact)) if part) or "figure"
        where = f", {after}" if after else ""
        by_measure.setdefault(measure, []).append(f"{plain(fact.subject)}{where} [{marker}]")
        by_subject.setdefault(f"{plain(fact.subject)}{where} [{marker}]", []).append(f"the {measure}")
    if len(by_subject) < len(by_measure):
        said = [f"{_joined_and(list(dict.fromkeys(measures)))} for {subject}"
                for subject, measures in by_subject.items()]
    else:
        said = [f"the {measure} for {_joined_and(subjects)}" for measure, subjects in by_measure.items()]
    return f"They give {_joined_and(said)}." if said else ""


def _joined_and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def threshold_verdict(fact: Fact, marker: int, side: str, value: float, written: str) -> str:
    """ "No. The median annual wage of Registered Nurses is $93,600 [1], below $100,000." for "Do RNs earn more
    than $100,000?"; a range that straddles the figure says so."""
    low = fact.parsed.low if fact.parsed.low is not None else 0.0
    high = fact.parsed.high if fact.parsed.high is not None else low
    measure = " ".join(part for part in (_qualifier_words(fact)[0], measure_words(fact)) if part)
    said = f"the {measure} of {plain(fact.subject)} is {plain(fact.value)} [{marker}]" if measure else \
        f"{plain(fact.subject)}: {plain(fact.value)} [{marker}]"
    if low > value or (low == value and side == "above" and high > value):
        relation, meets = "above", side == "above"
    elif high < value:
        relation, meets = "below", side == "below"
    elif low == high == value:
        return f"Exactly: {said}."
    else:
        return f"Partly: {said}, a range that spans {written}."
    return f"{'Yes' if meets else 'No'}. {capitalised(said)}, {relation} {written}."


def has(subject: str) -> str:
    """ "has" or "have", as the subject's head noun is singular or plural ("Registered Nurses have")."""
    head = subject.split(",")[0].split()
    last = head[-1].lower() if head else ""
    plural = len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is", "ics"))
    return "have" if plural else "has"


def sort_value(parsed: ParsedValue) -> float | None:
    """The number a ranking sorts by: a range by its midpoint."""
    if parsed.low is None:
        return None
    high = parsed.high if parsed.high is not None else parsed.low
    return (parsed.low + high) / 2


def ranking_sentence(ranked: list[tuple[Fact, int]], direction: str, total: int, one_document: bool) -> str:
    """ "Google has the highest number of open positions: 45 [1]; then Microsoft, 32 [2] ..." """
    (top, marker), rest = ranked[0], ranked[1:]
    word = "lowest" if direction == "least" else "highest"
    measure = measure_words(top)
    before, _ = _qualifier_words(top)
    measure = f"{before} {measure}".strip()
    lead = f"{capitalised(plain(top.subject))} {has(top.subject)} the {word} {measure}: {plain(top.value)} [{marker}]"
    if rest:
        lead += "; then " + ", ".join(f"{plain(f.subject)} ({plain(f.value)}) [{m}]" for f, m in rest)
    scope = f" (of {total} in “{top.title}”)" if one_document else f" (of {total})"
    return lead + scope + "."


def not_said(query_text: str, wh: str, subject: str) -> str:
    """ "The sources do not say when TensorFlow was released." """
    body = query_text.strip().rstrip("?.! ")
    match = re.match(r"^(?:who|when|where|what year|in what year|in which year)\s+(was|were|is|are|did|does|do|has|"
                     r"have)\s+(.*)$", body, re.I)
    if match and subject and subject.lower() in match.group(2).lower():
        verb, rest = match.group(1).lower(), match.group(2)
        position = rest.lower().index(subject.lower()) + len(subject)
        head, tail = rest[:position].strip(), rest[position:].strip()
        if verb in ("did", "does", "do"):
            return f"The sources do not say {wh} {head} {tail}.".replace("  ", " ")
        return f"The sources do not say {wh} {head} {verb} {tail}".rstrip() + "."
    if re.match(r"^(?:who|when|where)\b", body, re.I):
        return f"The sources do not say {body[:1].lower()}{body[1:]}."
    return f"The sources do not say that ({body})."


def comparison_verdict(leads: list[tuple[Fact, int]], least: bool = False, by_page: bool = False) -> str:
    """ "Plumbers, Pipefitters, and Steamfitters have the higher median annual wage: $62,970 [1] against $62,350
    [2]." when every subject's first figure gives the same measure; "" when they measure different things. The lower
    first when the question asks which is less (`least`: "which one pays the least?")."""
    # `by_page`: one row of each subject's own page ("Post-Secondary Certificate" of court reporters' and of
    # medical transcriptionists'): the pages' subjects compared on it
    by_page = by_page and len({fact.title for fact, _ in leads}) == len(leads) > 1
    if len({fact.subject for fact, _ in leads}) < 2 and not by_page:  # one subject named twice ("breathing
        # therapists (Respiratory ... Therapists)"): nothing to compare it with
        return ""
    measures = {measure_words(fact) for fact, _ in leads}
    # (sums in different currencies are not ranked: "$125,000" against "£60,000" says nothing of which is more)
    kinds = {(fact.parsed.kind, fact.parsed.unit, fact.parsed.currency) for fact, _ in leads}
    values = [sort_value(fact.parsed) for fact, _ in leads]
    if len(measures) != 1 or len(kinds) != 1 or any(v is None for v in values):
        return ""
    ranked = sorted(zip(leads, values, strict=False), key=lambda pair: (1 if least else -1) * (pair[1] or 0.0))
    (top, marker), top_value = ranked[0]
    measure = measure_words(top) + (f" for {plain(top.subject)}" if by_page else "")
    def name(fact: Fact) -> str:
        return plain(fact.title if by_page else fact.subject)
    rest = [f"{plain(f.value)} for {name(f)} [{m}]" for (f, m), _ in ranked[1:]]
    others = rest[0] if len(rest) == 1 else ", ".join(rest[:-1]) + " and " + rest[-1]
    if all(value == top_value for _, value in ranked):
        return f"They have the same {measure}: {plain(top.value)} [{marker}]."
    # of two, the higher (lower); of three or more, the highest (lowest)
    degree = ("lower" if least else "higher") if len(ranked) == 2 else ("lowest" if least else "highest")
    titles = {fact.title for fact, _ in leads}
    source = f", according to “{next(iter(titles))}”" if len(titles) == 1 else ""
    return (f"{capitalised(name(top))} {has(name(top))} the {degree} {measure}: {plain(top.value)} "
            f"[{marker}], against {others}{source}.")
