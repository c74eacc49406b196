"""End to end: real questions through the whole advisor on the shipped corpus, answered with exact citations
(answer/advisor.py)."""

import pytest

from careerbot.config import PROJECT_ROOT
from careerbot.errors import InvalidQuestion
from careerbot.evaluation.run import evaluate, load_cases

QUESTIONS = [
    ("What is the difference between a data scientist and a machine learning engineer?", None),
    ("What is Keras?", "how-to-become-an-ml-engineer.txt"),
    ("Do I have to attend a bootcamp?", "how-to-become-an-ml-engineer.txt"),
    ("How much do senior machine learning engineers earn?", "ml-engineer-jobs-skills-salary-career-path.txt"),
    ("Which companies are hiring machine learning engineers?", None),
    ("What percentage of machine learning engineers are women?", None),
    ("What type of degree do machine learning engineers earn?", None),
]


@pytest.mark.parametrize("question,doc_id", QUESTIONS)
def test_real_questions_are_answered_with_citations_from_the_right_document(advisor, question, doc_id):
    answer = advisor.ask(question)
    assert answer.found
    if doc_id:
        assert answer.citations[0].doc_id == doc_id


def test_the_quoted_sentence_answers_the_question(advisor):
    assert "mandatory" in advisor.ask("Do I have to attend a bootcamp?").citations[0].quote
    assert "$150,000 to $200,000+" in advisor.ask("How much do senior machine learning engineers earn?").answer
    assert "Keras is a deep learning application programming interface" in advisor.ask("What is Keras?").answer


def test_citations_point_at_the_exact_quoted_text(advisor):
    answer = advisor.ask("What does a machine learning engineer do?")
    for citation in answer.citations:
        source = advisor.corpus.documents[citation.doc_id].text
        assert source[citation.start:citation.end] == citation.quote
        assert citation.quote in citation.text
        for line in citation.quote.splitlines():  # a list is shown as its items, one after another
            assert " ".join(line.lstrip("-• ").rstrip(".;").split()) in answer.answer


@pytest.mark.parametrize("question,message", [
    ("", "empty"), ("   \n\t ", "empty"), ("why? " * 300, "limit is 1000"),
])
def test_bad_questions_raise_a_clear_error(advisor, question, message):
    with pytest.raises(InvalidQuestion, match=message):
        advisor.ask(question)


def test_a_named_source_and_an_faq_answered_by_its_list(advisor):
    answer = advisor.ask("What skills do you need to be a machine learning engineer according to Glassdoor?")
    assert answer.answer.startswith("Machine Learning; Pytorch; Tensorflow; Deep Learning; Keras")
    assert answer.citations[0].doc_id == "ml-engineer-career-path-glassdoor.txt"
    degree = advisor.ask("According to Glassdoor, what percentage of machine learning engineers earned a "
                         "Bachelor's Degree?")  # typed with a straight apostrophe, written with a curly one
    assert degree.found and degree.answer.startswith("68%")


def test_explain_shows_the_query_and_the_steps(advisor):
    answer = advisor.ask("What do ML engineers earn in Massachusetts?", explain=True)
    assert answer.explain is not None
    assert answer.explain["query"]["kind"] == "figure"
    assert list(answer.explain["query"]["places"][0]["known_as"]) == ["Boston, MA"]
    assert any(step.startswith("fact Boston, MA") for step in answer.explain["steps"])
    assert advisor.ask("What is Keras?").explain is None


def test_the_question_set_scores_well(advisor):
    report = evaluate(advisor, load_cases(PROJECT_ROOT / "tests" / "questions.json")).summary()
    assert report["facts"]["n"] >= 15 and report["facts"]["accuracy"] >= 0.9
    assert report["abstention"]["accuracy"] >= 0.9
    assert report["passage"]["hit@3"] >= 0.8
