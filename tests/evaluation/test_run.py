"""careerbot eval: question sets loaded and filtered, run through an advisor, summed up and printed
(evaluation/run.py), and the command on a tiny set and on the shipped corpus."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from careerbot.errors import CareerbotError, InvalidQuestion
from careerbot.evaluation.run import EvalRun, QuestionSet, execute, load_set, prepare, render, summary
from careerbot.evaluation.scoring import score
from careerbot.records import Answer
from helpers import AUSTIN_CASE as CASE
from helpers import SALARY, run_careerbot
from helpers import made_answer as answer


def write_set(path: Path, cases: list[dict]) -> Path:
    path.write_text(json.dumps(cases), encoding="utf-8")
    return path


def new_case(case_id: str, **fields) -> dict:
    return {"id": case_id, "split": "dev", "kind": "figure", "style": "plain", "question": "q?", "found": True,
            **fields}


def test_both_formats_load_and_filters_apply(tmp_path):
    legacy = write_set(tmp_path / "old.json", [{"question": "What is Keras?", "found": True}])
    fresh = write_set(tmp_path / "new.json", [new_case("s-1"), new_case("s-2", split="test", kind="list")])
    assert load_set(legacy).legacy[0].question == "What is Keras?" and not load_set(legacy).cases
    run = prepare([fresh, legacy, fresh], split="test")
    assert [len(s.cases) for s in run.sets] == [1, 0] and run.splits == ("test",) and run.sets[1].legacy
    by_kind = prepare([fresh, legacy], kind="list")
    assert by_kind.sets[1].legacy == [] and "no kind" in by_kind.notes[0]
    with pytest.raises(CareerbotError, match="their kinds are: figure, list"):
        prepare([fresh], kind="ranking")
    with pytest.raises(CareerbotError, match="ids must be unique"):
        prepare([fresh, write_set(tmp_path / "again.json", [new_case("s-1")])])


class FakeAdvisor:
    """Answers every question with the Austin salary; holds the documents it is told to."""

    def __init__(self, doc_ids: list[str]) -> None:
        self.corpus = SimpleNamespace(documents=dict.fromkeys(doc_ids))
        self.embedder = SimpleNamespace(embed=lambda texts: None)

    def ask(self, question: str, history: tuple = ()) -> Answer:
        if not question.strip():
            raise InvalidQuestion("The question is empty")
        return answer()


def test_onet_cases_run_only_when_the_index_holds_onet_documents(tmp_path):
    questions = write_set(tmp_path / "mixed.json", [new_case("s-1"), new_case("o-1"), new_case("o-2")])
    shipped = execute(prepare([questions]), FakeAdvisor(["ml-engineer-entry-level.txt"]))
    assert [r.case.id for r in shipped.results[questions]] == ["s-1"]
    assert shipped.notes == ["skipped 2 O*NET cases (ids o-*): the index holds no O*NET documents (onet/...); "
                             "run `careerbot import onet` and `careerbot index` to score them"]
    with_onet = execute(prepare([questions]), FakeAdvisor(["ml-engineer-entry-level.txt", "onet/actuaries.md"]))
    assert len(with_onet.results[questions]) == 3 and with_onet.notes == []


def test_a_question_the_advisor_refuses_fails_its_case(tmp_path):
    questions = write_set(tmp_path / "empty.json", [new_case("s-1", question=" ")])
    result = execute(prepare([questions]), FakeAdvisor([])).results[questions][0]
    assert not result.passed and result.failed[0].name == "error" and "empty" in result.failed[0].detail


def test_the_json_summary_keeps_the_original_report_at_the_top(tmp_path):
    path = tmp_path / "new.json"
    run = EvalRun([QuestionSet(path, [CASE])], results={path: [score(CASE, answer())]},
                  legacy={tmp_path / "questions.json": {"cases": 48, "passage": {}}})
    report = summary(run)
    assert report["cases"] == 48 and report["sets"][0]["splits"]["dev"]["pass"]["rate"] == 1.0
    assert report["sets"][0]["cases"][0] == {"id": "s-001", "split": "dev", "kind": "figure", "style": "casual",
                                             "passed": True, "failed": {}, "precision": 1.0, "facts_shown": 1,
                                             "ms": 0.0}
    wrong = score(replace(CASE, id="s-002", split="test"), answer(text="Pay varies [1]. " + SALARY))
    text = render(EvalRun([QuestionSet(path)], results={path: [score(CASE, answer()), wrong]}), failures=True)
    assert "failures (1):" in text and "s-002 [test figure/casual]" in text and "first: first sentence" in text


def test_eval_cli_scores_a_small_set_by_split_and_kind(shipped_index, tmp_path):
    cases = [new_case("s-1", kind="figure", style="casual", question="how much do junior ml engineers make in austin",
                      doc_id="ml-engineer-entry-level.txt", first=["$80,000"], values=[SALARY], exclude=["$90,000"]),
             new_case("s-2", split="test", kind="definition", question="What is Keras?", first=["Keras"]),
             new_case("s-3", split="test", kind="definition", question="What is Keras?", first=["sourdough"]),
             new_case("o-1", kind="duties", question="What do actuaries do?")]
    questions = write_set(tmp_path / "tiny.json", cases)
    index = str(shipped_index.index_dir)
    result = run_careerbot("--index", index, "eval", "--questions", str(questions), "--failures", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "tiny.json: 3 cases" in out and "skipped 1 O*NET cases" in out
    # Each split, kind and style with its count and pass rate: s-3 fails, the others pass.
    for row in (r"dev\s+1 100\.0%", r"test\s+2  50\.0%", r"figure\s+1 100\.0%\s+-", r"definition\s+-\s+2  50\.0%",
                r"casual\s+1 100\.0%\s+-", r"plain\s+-\s+2  50\.0%"):
        assert re.search(rf"^  {row}", out, re.MULTILINE), row
    failures = out[out.index("failures (1):"):]
    assert "s-3 [test definition/plain] What is Keras?" in failures and "first: " in failures
    assert "s-1 " not in failures and "s-2 " not in failures
    assert "duties" not in out and "the original questions" not in out
    as_json = run_careerbot("--index", index, "eval", "--questions", str(questions), "--split", "dev", "--json",
                            cwd=tmp_path)
    report = json.loads(as_json.stdout)
    assert list(report["sets"][0]["splits"]) == ["dev"] and report["sets"][0]["cases"][0]["passed"]


def test_eval_runs_end_to_end_on_the_shipped_corpus(shipped_index, tmp_path):
    # every set under tests/eval (over 1,500 cases, growing each round): a guard against a hang, not a time limit
    result = run_careerbot("--index", str(shipped_index.index_dir), "eval", "--json", cwd=tmp_path, timeout=1200)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["cases"] >= 40
    for part in ("passage", "facts", "followups", "abstention", "latency_ms"):
        assert part in report
    assert report["passage"]["hit@5"] >= 0.8 and report["abstention"]["accuracy"] >= 0.9
    assert report["facts"]["accuracy"] >= 0.9 and report["followups"]["accuracy"] >= 0.9
