"""Scoring one answer against one evaluation case (tests/eval/README.md), and summing scores over a group of cases.

Pure functions over careerbot.records records: nothing here asks the advisor or reads files.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from careerbot.errors import CareerbotError
from careerbot.records import Answer, Turn

CHECKS = ("found", "first", "values", "exclude", "doc_id", "markers")

# Words whose final period never ends a sentence; "etc." ends one only before a capital letter.
_ABBREVIATIONS = {"e.g.", "i.e.", "vs.", "cf.", "approx.", "incl.", "dr.", "mr.", "mrs.", "ms.", "st.", "no.",
                  "u.s.", "u.k.", "a.k.a.", "jr.", "sr.", "fig.", "est."}
_SENTENCE_END = re.compile(r"(?<=\S)[.?!]+(?:\s*\[\d+\])*(?=\s|$)")
_MARKER = re.compile(r"\[(\d+)\]")


@dataclass(frozen=True)
class EvalCase:
    """One case of an evaluation set, as tests/eval/README.md describes it."""

    id: str
    split: str
    kind: str
    style: str
    question: str
    found: bool
    history: tuple[Turn, ...] = ()
    doc_id: str | None = None
    first: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    allowed: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


SPLITS = ("dev", "test")
_REQUIRED = {"id": str, "split": str, "kind": str, "style": str, "question": str, "found": bool}


def _strings(item: dict[str, Any], name: str, where: str) -> tuple[str, ...]:
    value = item.get(name) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CareerbotError(f"{where}: '{name}' must be a list of strings, not {value!r}.")
    return tuple(value)


def _history(item: dict[str, Any], where: str) -> tuple[Turn, ...]:
    turns = item.get("history") or []
    if not isinstance(turns, list) or not all(isinstance(t, dict) and isinstance(t.get("role"), str)
                                              and isinstance(t.get("content"), str) for t in turns):
        raise CareerbotError(f"{where}: 'history' must be a list of {{\"role\": ..., \"content\": ...}} turns.")
    return tuple(Turn(t["role"], t["content"]) for t in turns)


def parse_case(item: Any, where: str) -> EvalCase:
    """A case from its JSON object; `where` names it in the error ("tests/eval/shipped.json case 3")."""
    if not isinstance(item, dict):
        raise CareerbotError(f"{where} is not a JSON object.")
    wrong = [f"'{key}' ({kind.__name__})" for key, kind in _REQUIRED.items() if not isinstance(item.get(key), kind)]
    if wrong:
        raise CareerbotError(f"{where} ({item.get('id', 'no id')}) lacks or mistypes {', '.join(wrong)}; "
                             "see tests/eval/README.md.")
    if item["split"] not in SPLITS:
        raise CareerbotError(f"{where} ({item['id']}): split is {item['split']!r}; it must be 'dev' or 'test'.")
    doc_id = item.get("doc_id")
    return EvalCase(item["id"], item["split"], item["kind"], item["style"], item["question"], item["found"],
                    _history(item, where), doc_id if isinstance(doc_id, str) and doc_id else None,
                    *(_strings(item, name, where) for name in ("first", "values", "allowed", "exclude")))


@dataclass(frozen=True)
class Check:
    name: str  # one of CHECKS, or "error" when the advisor refused the question
    ok: bool
    detail: str = ""  # what went wrong, for --failures


@dataclass(frozen=True)
class CaseResult:
    case: EvalCase
    checks: tuple[Check, ...]
    answer: str = ""
    precise: int = 0  # facts shown whose value is in values or allowed (counted only when the case has values)
    shown: int = 0  # facts shown (counted only when the case has values)
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return all(check.ok for check in self.checks)

    @property
    def failed(self) -> list[Check]:
        return [check for check in self.checks if not check.ok]

    @property
    def precision(self) -> float | None:
        return round(self.precise / self.shown, 4) if self.shown else None


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    if not match.group(0).startswith("."):
        return True  # "?" and "!" always end a sentence
    before = text[:match.start()].split()
    token = before[-1].lstrip("([{\"'") if before else ""
    word = token.lower() + "."
    if word in _ABBREVIATIONS or (len(token) == 1 and token.isupper()):
        return False  # "e.g.", "U.S.", an initial like "J."
    following = text[match.end():].lstrip()
    return word != "etc." or not following or following[0].isupper()


def first_sentence(text: str) -> str:
    """The answer up to its first sentence end, with the [n] markers that close it ("... 2024 [1]." / "... . [1]");
    periods inside figures ("$1,000.50") and abbreviations ("e.g.") do not end it."""
    for match in _SENTENCE_END.finditer(text):
        if _ends_sentence(text, match):
            return text[:match.end()].strip()
    return text.strip()


def marker_problems(answer: Answer) -> list[str]:
    """What is wrong with the answer's [n] markers: citation ids not 1..N, or markers that name no citation."""
    ids = [citation.id for citation in answer.citations]
    problems = [] if ids == list(range(1, len(ids) + 1)) else [f"citation ids {ids} are not 1..{len(ids)}"]
    dangling = sorted({int(n) for n in _MARKER.findall(answer.answer)} - set(ids))
    return problems + [f"[{n}] cites nothing" for n in dangling]


def _contains_any(text: str, needles: Sequence[str]) -> bool:
    return any(needle.lower() in text.lower() for needle in needles)


def score(case: EvalCase, answer: Answer, seconds: float = 0.0) -> CaseResult:
    shown = [fact.value for fact in answer.facts]
    checks = [Check("found", answer.found == case.found, f"expected found={case.found}, got {answer.found}")]
    if case.first:
        head = first_sentence(answer.answer)
        checks.append(Check("first", _contains_any(head, case.first), f"first sentence {head[:120]!r} has none of "
                                                                       f"{list(case.first)}"))
    if case.values:
        missing = [v for v in case.values if v not in shown and v not in answer.answer]
        checks.append(Check("values", not missing, f"missing {missing}"))
    if case.exclude:
        present = [x for x in case.exclude if any(_contains_any(text, [x]) for text in (answer.answer, *shown))]
        checks.append(Check("exclude", not present, f"shows {present}"))
    if case.doc_id:
        cited = sorted({citation.doc_id for citation in answer.citations})
        checks.append(Check("doc_id", case.doc_id in cited, f"no citation from {case.doc_id} (cited {cited})"))
    problems = marker_problems(answer)
    checks.append(Check("markers", not problems, "; ".join(problems)))
    expected = case.values + case.allowed
    # A value as written may carry its unit ("$112,850 per year" for "$112,850"): containment counts.
    precise = sum(any(v in value or value in v for v in expected) for value in shown) if case.values else 0
    return CaseResult(case, tuple(checks), answer.answer, precise, len(shown) if case.values else 0, seconds)


def refused(case: EvalCase, message: str, seconds: float = 0.0) -> CaseResult:
    """The advisor raised instead of answering (an invalid question or history): the case fails."""
    return CaseResult(case, (Check("error", False, message),), seconds=seconds)


def _rate(passed: int, n: int) -> dict[str, Any]:
    return {"n": n, "passed": passed, "rate": round(passed / n, 4) if n else None}


def _check_rate(results: Sequence[CaseResult], name: str) -> dict[str, Any]:
    outcomes = [check.ok for result in results for check in result.checks if check.name == name]
    return _rate(sum(outcomes), len(outcomes))


def _by(results: Sequence[CaseResult], key: Callable[[EvalCase], str]) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[CaseResult]] = {}
    for result in results:
        groups.setdefault(key(result.case), []).append(result)
    return {name: _rate(sum(r.passed for r in group), len(group)) for name, group in sorted(groups.items())}


def percentile_ms(seconds: Sequence[float], share: float) -> float | None:
    ordered = sorted(seconds)
    if not ordered:
        return None
    return round(1000 * (statistics.median(ordered) if share == 0.5 else ordered[int(share * (len(ordered) - 1))]), 1)


@dataclass
class GroupSummary:
    """Figures over one group of cases (a set file's split)."""

    results: list[CaseResult] = field(default_factory=list)

    def precision(self) -> float | None:
        shown = sum(r.shown for r in self.results)
        return round(sum(r.precise for r in self.results) / shown, 4) if shown else None

    def summary(self) -> dict[str, Any]:
        seconds = [r.seconds for r in self.results]
        return {"pass": _rate(sum(r.passed for r in self.results), len(self.results)),
                "precision": self.precision(),
                "checks": {name: _check_rate(self.results, name) for name in CHECKS},
                "kinds": _by(self.results, lambda case: case.kind),
                "styles": _by(self.results, lambda case: case.style),
                "latency_ms": {"p50": percentile_ms(seconds, 0.5), "p95": percentile_ms(seconds, 0.95)}}
