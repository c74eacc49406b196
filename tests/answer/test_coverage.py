"""Whether the sources cover what was asked, and the answer when they do not (answer/coverage.py)."""

import pytest


@pytest.mark.parametrize("question", [
    "What is the capital of France?",
    "How do I bake sourdough bread?",
    "Who won the football world cup in 2018?",
    "How do I become a chef?",
    "Tell me a joke",
    "How much does a machine learning engineer make in Tokyo?",
])
def test_off_topic_questions_are_not_padded_into_answers(advisor, question):
    answer = advisor.ask(question)
    assert not answer.found
    assert answer.citations == []
    assert "do not" in answer.answer and ("They cover:" in answer.answer or "They give" in answer.answer)


def test_a_real_place_the_corpus_lacks_makes_the_question_uncovered(advisor):
    answer = advisor.ask("What do machine learning engineers earn in Tokyo?")
    assert not answer.found and "Tokyo" in answer.answer


def test_a_subject_no_source_covers_is_not_found_and_the_covered_ones_are_listed(advisor):
    # A name the sources never mention is named in the reply, beside the ones they cover.
    answer = advisor.ask("How much does a machine learning engineer make in Tokyo?")
    assert not answer.found and answer.facts == []
    assert "Tokyo" in answer.answer
    for city in ("Seattle, WA", "Boston, MA", "London, UK"):
        assert city in answer.answer


def test_a_subject_no_source_covers_is_not_answered_with_a_neighbour(advisor):
    answer = advisor.ask("What does a unicorn groomer earn?")
    assert not answer.found and "unicorn groomer" in answer.answer
    ibm = advisor.ask("How many open machine learning positions does IBM have?")
    assert not ibm.found and ibm.answer.startswith("The sources give no figure for IBM")
