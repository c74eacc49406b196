"""careerbot eval: scoring hand-built answers against cases (tests/eval/README.md), and the CLI on a tiny set."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from careerbot.errors import CareerbotError, InvalidQuestion
from careerbot.evaluation.run import (
    EvalRun,
    QuestionSet,
    execute,
    load_set,
    prepare,
    render,
    summary,
)
from careerbot.evaluation.scoring import (
    EvalCase,
    GroupSummary,
    first_sentence,
    marker_problems,
    parse_case,
    score,
)
from careerbot.records import Answer, Citation, FactUse, ParsedValue
from test_cli import careerbot

SALARY = "$80,000 – $110,000"


def cite(number: int, doc_id: str = "ml-engineer-entry-level.txt") -> Citation:
    return Citation(id=number, doc_id=doc_id, title="T", section="S", text="passage", quote="quote", start=0, end=5,
                    score=0.9)


def fact(value: str, number: int = 1) -> FactUse:
    return FactUse(subject="Austin, TX", attribute="Salary Range", value=value, parsed=ParsedValue("money"),
                   caption="Salaries", qualifiers=("entry-level",), source="table", citation=cite(number))


def answer(text: str = f"Austin, TX — Salary Range: {SALARY} (entry-level) [1].", found: bool = True,
           citations: tuple[Citation, ...] = (cite(1),), facts: tuple[FactUse, ...] = (fact(SALARY),)) -> Answer:
    return Answer(question="q", resolved_question="q", answer=text, found=found, citations=list(citations),
                  facts=list(facts))


CASE = EvalCase(id="s-001", split="dev", kind="figure", style="casual", question="junior ml pay in austin",
                found=True, doc_id="ml-engineer-entry-level.txt", first=("$80,000",), values=(SALARY,),
                exclude=("$90,000",))


def failed(case: EvalCase, given: Answer) -> list[str]:
    return [check.name for check in score(case, given).failed]


def test_a_right_answer_passes_every_check():
    result = score(CASE, answer())
    assert result.passed and result.failed == []
    assert [check.name for check in result.checks] == ["found", "first", "values", "exclude", "doc_id", "markers"]
    assert (result.precise, result.shown, result.precision) == (1, 1, 1.0)


@pytest.mark.parametrize(("case", "given", "check"), [
    (replace(CASE, found=False, values=(), first=()), answer(), "found"),
    (CASE, answer(text=f"Salaries vary by city [1]. Austin pays {SALARY} [1].", facts=()), "first"),
    (replace(CASE, values=(SALARY, "$93,339")), answer(), "values"),
    (CASE, answer(text=f"Austin pays {SALARY}, Seattle $90,000 [1]."), "exclude"),
    (replace(CASE, exclude=("austin, tx",)), answer(), "exclude"),  # case-insensitive
    (replace(CASE, exclude=("110,000",)), answer(text="Austin pays $80,000 and up [1]."), "exclude"),  # in a fact
    (CASE, answer(citations=(cite(1, "why-machine-learning-engineer.txt"),)), "doc_id"),
    (CASE, answer(text=f"Austin pays {SALARY} [1][2]."), "markers"),
    (CASE, answer(citations=(cite(2),)), "markers"),
])
def test_each_check_fails_on_its_own(case, given, check):
    assert failed(case, given) == [check]


def test_a_value_shown_only_in_the_text_counts_and_a_missing_one_is_named():
    assert score(CASE, answer(facts=())).passed
    missing = score(replace(CASE, values=(SALARY, "$93,339")), answer())
    assert missing.failed[0].detail == "missing ['$93,339']"


def test_checks_a_case_does_not_ask_for_are_not_run():
    bare = EvalCase(id="s-9", split="test", kind="uncovered", style="plain", question="capital of France?",
                    found=False)
    result = score(bare, answer(text="The sources do not mention France.", found=False, citations=(), facts=()))
    assert result.passed and [check.name for check in result.checks] == ["found", "markers"]
    assert result.precision is None and result.shown == 0


def test_precision_counts_facts_of_cases_with_values_over_a_group():
    noisy = answer(facts=(fact(SALARY), fact("$90,000 – $120,000", 2), fact("$85,000", 3)),
                   citations=(cite(1), cite(2), cite(3)))
    allowed = replace(CASE, allowed=("$85,000",), exclude=())
    results = [score(CASE, noisy), score(allowed, noisy), score(replace(CASE, values=()), noisy),
               score(CASE, answer(facts=()))]
    assert [(r.precise, r.shown) for r in results] == [(1, 3), (2, 3), (0, 0), (0, 0)]
    assert results[0].precision == 0.3333 and results[1].precision == 0.6667
    assert GroupSummary(results).precision() == round(3 / 6, 4)


def test_the_group_summary_counts_passes_per_check_kind_and_style():
    results = [score(CASE, answer()), score(replace(CASE, id="s-2", kind="list"), answer(found=False)),
               score(replace(CASE, id="s-3", style="plain", first=()), answer())]
    figures = GroupSummary(results).summary()
    assert figures["pass"] == {"n": 3, "passed": 2, "rate": 0.6667}
    assert figures["checks"]["found"] == {"n": 3, "passed": 2, "rate": 0.6667}
    assert figures["checks"]["first"]["n"] == 2
    assert figures["kinds"] == {"figure": {"n": 2, "passed": 2, "rate": 1.0},
                                "list": {"n": 1, "passed": 0, "rate": 0.0}}
    assert figures["styles"]["plain"] == {"n": 1, "passed": 1, "rate": 1.0}


@pytest.mark.parametrize(("text", "first"), [
    ("Keras is an API [1]. It runs on TensorFlow [2].", "Keras is an API [1]."),
    ("Keras is an API. [1] It runs on TensorFlow. [2]", "Keras is an API. [1]"),
    ("Keras is an API. [1][2] It runs.", "Keras is an API. [1][2]"),
    ("The median is $1,000.50 a week [1]. Next.", "The median is $1,000.50 a week [1]."),
    ("It takes 3.5 years, e.g. a degree. Then work.", "It takes 3.5 years, e.g. a degree."),
    ("Jobs in the U.S. pay well. Others less.", "Jobs in the U.S. pay well."),
    ("Is it worth it? Yes [1].", "Is it worth it?"),
    ("Python, SQL, etc. are needed. More.", "Python, SQL, etc. are needed."),
    ("Python, SQL, etc. Employers want more.", "Python, SQL, etc."),
    ("No sentence end at all [1]", "No sentence end at all [1]"),
    ("Bachelor’s Degree: 68% (Glassdoor) [2]. Then.", "Bachelor’s Degree: 68% (Glassdoor) [2]."),
])
def test_first_sentence(text, first):
    assert first_sentence(text) == first


def test_marker_problems_name_what_is_wrong():
    assert marker_problems(answer()) == []
    assert marker_problems(answer(text="A [1] [4].", citations=(cite(1), cite(3)))) == [
        "citation ids [1, 3] are not 1..2", "[4] cites nothing"]


def test_parse_case_rejects_what_the_readme_does_not_allow():
    good = {"id": "s-1", "split": "dev", "kind": "list", "style": "plain", "question": "q", "found": True,
            "history": [{"role": "user", "content": "hi"}], "first": ["a"], "allowed": None}
    parsed = parse_case(good, "f case 0")
    assert parsed.history[0].content == "hi" and parsed.first == ("a",) and parsed.allowed == ()
    for wrong, message in [({"first": "$80,000"}, "'first' must be a list of strings"),
                           ({"split": "val"}, "must be 'dev' or 'test'"), ({"found": "yes"}, r"'found' \(bool\)"),
                           ({"history": [{"role": "user"}]}, "'history' must be")]:
        with pytest.raises(CareerbotError, match=message):
            parse_case({**good, **wrong}, "f case 0")


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
             new_case("o-1", kind="duties", question="What do actuaries do?")]
    questions = write_set(tmp_path / "tiny.json", cases)
    index = str(shipped_index.index_dir)
    result = careerbot("--index", index, "eval", "--questions", str(questions), "--failures", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "tiny.json: 2 cases" in out and "skipped 1 O*NET cases" in out
    for word in ("figure", "definition", "casual", "plain", "dev", "test", "pass", "prec", "marks", "p95 ms"):
        assert word in out
    assert "duties" not in out and "the original questions" not in out
    as_json = careerbot("--index", index, "eval", "--questions", str(questions), "--split", "dev", "--json",
                        cwd=tmp_path)
    report = json.loads(as_json.stdout)
    assert list(report["sets"][0]["splits"]) == ["dev"] and report["sets"][0]["cases"][0]["passed"]
