"""careerbot eval: run the project's question set through the advisor and score what it answers."""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from careerbot.advisor import Advisor
from careerbot.documents import Answer, Turn
from careerbot.errors import CareerbotError


@dataclass(frozen=True)
class Case:
    question: str
    history: tuple[Turn, ...] = ()
    found: bool | None = None  # the answer must (or must not) be found
    doc_id: str | None = None  # the document the first citation must come from
    values: tuple[str, ...] = ()  # fact values the answer must show, verbatim
    resolved: str | None = None  # words the resolved question must contain (follow-ups)


@dataclass
class Report:
    cases: int = 0
    passage_ranks: list[int | None] = field(default_factory=list)
    fact_results: list[bool] = field(default_factory=list)
    followup_results: list[bool] = field(default_factory=list)
    abstention_results: list[bool] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def hit_at(self, k: int) -> float:
        return _share([rank is not None and rank <= k for rank in self.passage_ranks])

    def mrr(self) -> float:
        ranks = self.passage_ranks
        return sum(1 / rank for rank in ranks if rank) / len(ranks) if ranks else 0.0

    def summary(self) -> dict[str, Any]:
        latencies = sorted(self.latencies)
        return {
            "cases": self.cases,
            "passage": {"n": len(self.passage_ranks), "hit@1": self.hit_at(1), "hit@3": self.hit_at(3),
                        "hit@5": self.hit_at(5), "mrr": round(self.mrr(), 4)},
            "facts": {"n": len(self.fact_results), "accuracy": _share(self.fact_results)},
            "followups": {"n": len(self.followup_results), "accuracy": _share(self.followup_results)},
            "abstention": {"n": len(self.abstention_results), "accuracy": _share(self.abstention_results)},
            "latency_ms": {"p50": round(1000 * statistics.median(latencies), 1) if latencies else None,
                           "p95": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 1) if latencies else None},
            "failures": self.failures,
        }


def _share(results: list[bool]) -> float:
    return round(sum(results) / len(results), 4) if results else 0.0


def load_cases(path: Path) -> list[Case]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CareerbotError(f"No question set at {path}. Pass one with --questions FILE.") from None
    except json.JSONDecodeError as error:
        raise CareerbotError(f"The question set {path} is not valid JSON: {error}") from None
    cases = []
    for number, item in enumerate(raw if isinstance(raw, list) else []):
        try:
            history = tuple(Turn(t["role"], t["content"]) for t in item.get("history", []))
            cases.append(Case(item["question"], history, item.get("found"), item.get("doc_id"),
                              tuple(item.get("values", [])), item.get("resolved")))
        except (KeyError, TypeError, AttributeError) as error:
            raise CareerbotError(f"Case {number} of {path} is malformed ({error!r}): each case needs a 'question' "
                                 "and may have 'history', 'found', 'doc_id', 'values', 'resolved'.") from None
    if not cases:
        raise CareerbotError(f"{path} holds no cases: it should be a JSON list of {{\"question\": ...}} objects.")
    return cases


def _passage_rank(advisor: Advisor, case: Case, answer: Answer) -> int | None:
    """Rank of the first retrieved passage from the expected document (None: not in the top k)."""
    found = advisor.retrieve(advisor.corpus, answer.resolved_question)
    for rank, chunk_id in enumerate(found.chunk_scores, start=1):
        if advisor.corpus.chunks[chunk_id].doc_id == case.doc_id:
            return rank
    return None


def evaluate(advisor: Advisor, cases: list[Case]) -> Report:
    report = Report(cases=len(cases))
    for case in cases:
        began = time.perf_counter()
        answer = advisor.ask(case.question, case.history)
        report.latencies.append(time.perf_counter() - began)
        checks: list[bool] = []
        if case.found is not None:
            report.abstention_results.append(answer.found == case.found)
            checks.append(answer.found == case.found)
        if case.doc_id:
            rank = _passage_rank(advisor, case, answer)
            report.passage_ranks.append(rank)
            cited = bool(answer.citations) and answer.citations[0].doc_id == case.doc_id
            checks.append(cited)
        if case.values:
            shown = {fact.value for fact in answer.facts}
            ok = all(value in shown for value in case.values)
            report.fact_results.append(ok)
            checks.append(ok)
        if case.history:
            ok = case.resolved is None or case.resolved.lower() in answer.resolved_question.lower()
            ok = ok and all(checks)
            report.followup_results.append(ok)
        if not all(checks):
            report.failures.append(case.question if not case.history else f"{case.history[-2].content} -> {case.question}")
    return report
