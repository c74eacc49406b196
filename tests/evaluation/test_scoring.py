"""Scoring hand-built answers against evaluation cases (tests/eval/README.md), and summing over groups
(evaluation/scoring.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from careerbot.errors import CareerbotError
from careerbot.evaluation.scoring import EvalCase, GroupSummary, first_sentence, marker_problems, parse_case, score
from careerbot.records import Answer
from helpers import AUSTIN_CASE as CASE
from helpers import SALARY, cite
from helpers import fact_use as fact
from helpers import made_answer as answer


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
