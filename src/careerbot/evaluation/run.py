"""careerbot eval: run the question sets through the advisor and score what it answers.

The sets of tests/eval/ (format in tests/eval/README.md, scored by careerbot.evaluation.scoring) are reported per
file, split, kind and style; the original tests/questions.json keeps its own report (passages, facts, follow-ups,
abstention).
"""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from careerbot.answer.advisor import Advisor
from careerbot.config import PROJECT_ROOT
from careerbot.errors import CareerbotError
from careerbot.evaluation.scoring import SPLITS, CaseResult, EvalCase, GroupSummary, parse_case, refused, score
from careerbot.records import Answer, Turn


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


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CareerbotError(f"No question set at {path}. Pass one with --questions FILE.") from None
    except json.JSONDecodeError as error:
        raise CareerbotError(f"The question set {path} is not valid JSON: {error}") from None


def _legacy_cases(raw: Any, path: Path) -> list[Case]:
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


def load_cases(path: Path) -> list[Case]:
    """The original question set's format (tests/questions.json)."""
    return _legacy_cases(_read_json(path), path)


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
            report.failures.append(case.question if not case.history
                                   else f"{case.history[-2].content} -> {case.question}")
    return report


ONET_PREFIX = "o-"  # cases about O*NET documents, whose doc_ids start with "onet/"


@dataclass(frozen=True)
class QuestionSet:
    path: Path
    cases: list[EvalCase] = field(default_factory=list)  # the README format
    legacy: list[Case] = field(default_factory=list)  # the original format (tests/questions.json)


@dataclass
class EvalRun:
    sets: list[QuestionSet]
    splits: tuple[str, ...] = SPLITS
    notes: list[str] = field(default_factory=list)
    results: dict[Path, list[CaseResult]] = field(default_factory=dict)
    legacy: dict[Path, dict[str, Any]] = field(default_factory=dict)


def default_question_files() -> list[Path]:
    return sorted((PROJECT_ROOT / "tests" / "eval").glob("*.json")) + [PROJECT_ROOT / "tests" / "questions.json"]


def load_set(path: Path) -> QuestionSet:
    """A file in either format: the README format when its first case has an 'id'."""
    raw = _read_json(path)
    if not (isinstance(raw, list) and raw and isinstance(raw[0], dict) and "id" in raw[0]):
        return QuestionSet(path, legacy=_legacy_cases(raw, path))
    return QuestionSet(path, [parse_case(item, f"{path} case {number}") for number, item in enumerate(raw)])


def prepare(paths: list[Path], split: str = "all", kind: str | None = None) -> EvalRun:
    """Load and filter the sets (before any model is loaded, so a bad file fails at once)."""
    loaded = [load_set(path) for path in dict.fromkeys(paths)]  # a file named twice runs once
    seen: dict[str, Path] = {}
    for case, path in ((case, s.path) for s in loaded for case in s.cases):
        if case.id in seen:
            raise CareerbotError(f"Case id {case.id!r} is in both {seen[case.id]} and {path}; ids must be unique.")
        seen[case.id] = path
    kinds = sorted({case.kind for s in loaded for case in s.cases})
    if kind and kind not in kinds:
        raise CareerbotError(f"No case of kind {kind!r} in these sets; their kinds are: {', '.join(kinds)}.")
    notes = [f"{s.path.name}: skipped, its questions have no kind (run without --kind to score them)"
             for s in loaded if kind and s.legacy]
    sets = [QuestionSet(s.path, [c for c in s.cases if split in ("all", c.split) and kind in (None, c.kind)],
                        [] if kind else s.legacy) for s in loaded]
    return EvalRun(sets, SPLITS if split == "all" else (split,), notes)


def _ask(advisor: Advisor, case: EvalCase) -> CaseResult:
    began = time.perf_counter()
    try:
        answer = advisor.ask(case.question, case.history)
    except CareerbotError as error:
        return refused(case, str(error), time.perf_counter() - began)
    return score(case, answer, time.perf_counter() - began)


def execute(run: EvalRun, advisor: Advisor) -> EvalRun:
    """Ask every case; O*NET cases only when the index holds O*NET documents."""
    has_onet = any(doc_id.startswith("onet/") for doc_id in advisor.corpus.documents)
    advisor.embedder.embed(["warm up"])  # the model's first call is slow; latency is of the calls after it
    skipped = 0
    for question_set in run.sets:
        cases = [c for c in question_set.cases if has_onet or not c.id.startswith(ONET_PREFIX)]
        skipped += len(question_set.cases) - len(cases)
        run.results[question_set.path] = [_ask(advisor, case) for case in cases]
        if question_set.legacy:
            run.legacy[question_set.path] = evaluate(advisor, question_set.legacy).summary()
    if skipped:
        run.notes.append(f"skipped {skipped} O*NET cases (ids o-*): the index holds no O*NET documents (onet/...); "
                         "run `careerbot import onet` and `careerbot index` to score them")
    return run


def _case_json(result: CaseResult) -> dict[str, Any]:
    case = result.case
    return {"id": case.id, "split": case.split, "kind": case.kind, "style": case.style, "passed": result.passed,
            "failed": {check.name: check.detail for check in result.failed}, "precision": result.precision,
            "facts_shown": result.shown, "ms": round(1000 * result.seconds, 1)}


def summary(run: EvalRun) -> dict[str, Any]:
    """Machine-readable report. The original set's figures also stay at the top level, where scripts read them."""
    sets: list[dict[str, Any]] = []
    for path, results in run.results.items():
        if results:
            splits = {name: GroupSummary([r for r in results if r.case.split == name]).summary()
                      for name in run.splits}
            sets.append({"file": str(path), "splits": splits, "cases": [_case_json(r) for r in results]})
    sets += [{"file": str(path), "legacy": report} for path, report in run.legacy.items()]
    first_legacy = next(iter(run.legacy.values()), {})
    return {**first_legacy, "sets": sets, "notes": run.notes}


def _pct(share: float | None) -> str:
    return f"{'-':>6}" if share is None else f"{100 * share:5.1f}%"


def _split_table(splits: dict[str, dict[str, Any]]) -> list[str]:
    heads = ("pass", "prec", "found", "first", "values", "excl", "doc", "marks")
    lines = [f"  {'split':6}{'n':>5} " + " ".join(f"{h:>6}" for h in heads) + f" {'p50 ms':>8} {'p95 ms':>8}"]
    for name, figures in splits.items():
        checks, latency = figures["checks"], figures["latency_ms"]
        cells = [figures["pass"]["rate"], figures["precision"]] + [checks[c]["rate"] for c in checks]
        lines.append(f"  {name:6}{figures['pass']['n']:5} " + " ".join(_pct(c) for c in cells)
                     + f" {latency['p50']!s:>8} {latency['p95']!s:>8}")
    return lines


def _group_table(label: str, splits: dict[str, dict[str, Any]]) -> list[str]:
    """Pass rate per kind (or style): one row each, with n and % for every split."""
    names = sorted({name for figures in splits.values() for name in figures[label]})
    lines = [f"  {label.rstrip('s'):14}" + "".join(f"{split:>14}" for split in splits)]
    for name in names:
        cells = [figures[label].get(name) for figures in splits.values()]
        lines.append(f"  {name:14}" + "".join(f"{c['n']:7} {_pct(c['rate'])}" if c else f"{'-':>14}" for c in cells))
    return lines


def _failure_lines(results: list[CaseResult]) -> list[str]:
    failing = [r for r in results if not r.passed]
    lines = [f"  failures ({len(failing)}):"] if failing else []
    for result in failing:
        case = result.case
        lines.append(f"  {case.id} [{case.split} {case.kind}/{case.style}] {case.question}")
        earlier = [turn for turn in case.history if turn.content]
        if earlier:
            lines.append(f"      after {earlier[-1].role}: {earlier[-1].content[:200]}")
        lines += [f"      {check.name}: {check.detail}" for check in result.failed]
        if result.precision is not None and result.precision < 1:
            lines.append(f"      precision {result.precise}/{result.shown}")
        lines.append(f"      answer: {' '.join(result.answer.split())[:200]}")
    return lines


def legacy_lines(report: dict[str, Any]) -> list[str]:
    """The original question set's report, as careerbot eval has always printed it."""
    passage, latency = report["passage"], report["latency_ms"]
    lines = [f"{report['cases']} questions",
             f"passages   n={passage['n']:3}  hit@1 {passage['hit@1']:.3f}  hit@3 {passage['hit@3']:.3f}  "
             f"hit@5 {passage['hit@5']:.3f}  MRR {passage['mrr']:.3f}"]
    lines += [f"{name:10} n={report[name]['n']:3}  accuracy {report[name]['accuracy']:.3f}"
              for name in ("facts", "followups", "abstention")]
    lines.append(f"latency    p50 {latency['p50']} ms  p95 {latency['p95']} ms")
    return lines + [f"  failed: {failure}" for failure in report["failures"]]


def render(run: EvalRun, failures: bool = False) -> str:
    """The report as compact tables: per set file and split, then per kind and style; the original set below."""
    lines = [f"note: {note}" for note in run.notes]
    for path, results in run.results.items():
        if not results:
            continue
        splits = {name: GroupSummary([r for r in results if r.case.split == name]).summary() for name in run.splits}
        splits = {name: figures for name, figures in splits.items() if figures["pass"]["n"]}
        lines += ["", f"{path.name}: {len(results)} cases ({path})", *_split_table(splits)]
        lines += _group_table("kinds", splits) + _group_table("styles", splits)
        lines += _failure_lines(results) if failures else []
    for path, report in run.legacy.items():
        lines += ["", f"{path.name}: the original questions ({path})", *legacy_lines(report)]
    return "\n".join(lines).strip("\n")
