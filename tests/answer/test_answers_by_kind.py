"""Answers shaped by what the question asks (issue 10, fourth round): a how-to question is answered by a sentence
that says how; a count and the sentence naming what it counts read as one; a figure the sources lack is said to be
missing, and what they give nearby is named without its value; "paid" and "make" ask for pay only as verbs of pay."""

import pytest

from careerbot.answer.query import asks_figure
from careerbot.evaluation.scoring import first_sentence


@pytest.mark.parametrize("question,figure", [
    ("How much do ML engineers make?", True),
    ("what do nurses make a year", True),
    ("how well paid are ml engineers", True),
    ("what does an electrician make in texas", True),
    ("what's the pay range for ML engineers", True),
    ("should i start with free or paid ml courses", False),
    ("How do I make a portfolio?", False),
    ("how do i make connections in the field", False),
])
def test_make_and_paid_ask_for_pay_only_as_verbs_of_pay(question, figure):
    assert asks_figure(question) is figure


def test_a_how_to_question_is_answered_by_a_sentence_that_says_how(advisor):
    for question in ("How do I become a machine learning engineer?", "how do i becme a machine learning engneer"):
        head = first_sentence(advisor.ask(question).answer)
        assert "by getting an education in computer science" in head, head
    courses = advisor.ask("should i start with free or paid ml courses")
    assert courses.found and "free courses" in first_sentence(courses.answer)


def test_a_count_and_the_sentence_naming_what_it_counts_read_as_one(advisor):
    answer = advisor.ask("What are the four pillars of math in machine learning?")
    head = first_sentence(answer.answer)
    assert "four pillars" in head and "statistics, probability, calculus, and linear algebra" in head
    quote = answer.citations[0].quote  # both source sentences are quoted, verbatim
    assert "They include statistics" in quote
    assert advisor.corpus.documents[answer.citations[0].doc_id].text[answer.citations[0].start:
                                                                     answer.citations[0].end] == quote


@pytest.mark.parametrize("question,missing,neighbour", [
    ("how much do senior ml engineers make in boston", "Boston", "$85,000"),
    ("How many machine learning engineer jobs were there in 2020?", "2020", "10,000"),
    ("whats the ml growth rate for 2025", "2025", "10%"),
])
def test_a_missing_figure_is_said_missing_and_neighbours_are_named_without_values(advisor, question, missing,
                                                                                  neighbour):
    answer = advisor.ask(question)
    assert not answer.found and missing in first_sentence(answer.answer)
    assert neighbour not in answer.answer and not answer.facts  # no figure that answers another question
    assert answer.citations and "They give the" in answer.answer  # what the sources have nearby, cited
