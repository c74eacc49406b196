"""Which sentences answer a question (answer/evidence.py)."""

import pytest


@pytest.mark.parametrize("question,opening", [
    ("what is ML?", "Machine learning is a subset of artificial intelligence"),
    ("what does a sr ML engineer do?", "Senior Machine Learning Engineer: Senior engineers typically lead teams"),
    ("How can networking help me get a machine learning job?", "Networking"),
    ("How do I build a portfolio?", "Work on Projects"),
])
def test_the_sentence_about_the_thing_asked_leads(advisor, question, opening):
    assert advisor.ask(question).answer.startswith(opening)


def test_questions_in_the_text_are_not_quoted_as_answers(advisor):
    answer = advisor.ask("How long does it take to become an ML engineer?")  # the text asks it word for word
    assert answer.found and answer.citations
    assert all(not c.quote.rstrip().endswith("?") for c in answer.citations)
