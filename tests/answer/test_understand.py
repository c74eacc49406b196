"""A question read once: its kind, its places and its words in the corpus's terms (answer/understand.py)."""

import pytest

from careerbot.answer.understand import understand


@pytest.mark.parametrize("question,kind", [
    ("How much do entry-level ML engineers make in Seattle?", "figure"),
    ("Which city pays the most?", "ranking"),
    ("What are the top 3 programming languages?", "ranking"),
    ("Compare salaries in Seattle and Austin", "comparison"),
    ("What is Keras?", "definition"),
    ("What does a machine learning engineer do?", "duties"),
    ("How do I become a machine learning engineer?", "howto"),
    ("Is ML a good career path?", "yesno"),
    ("When was TensorFlow released?", "wh"),
    ("What skills does a machine learning engineer need?", "list"),
])
def test_the_kind_of_question_is_read_from_its_shape(advisor, question, kind):
    assert understand(question, advisor.corpus).kind == kind


@pytest.mark.parametrize("written,corpus_spelling", [
    ("Massachusetts", "Boston, MA"), ("WA", "Seattle"), ("Texas", "Austin, TX"), ("seattle", "Seattle, WA")])
def test_places_written_another_way_become_the_corpus_spelling(advisor, written, corpus_spelling):
    query = understand(f"What do ML engineers earn in {written}?", advisor.corpus)
    assert corpus_spelling in query.text
    assert not query.missing and not query.missing_places


def test_word_forms_abbreviations_and_typos_meet_the_corpus_vocabulary(advisor):
    corpus = advisor.corpus
    assert not understand("What awards does the field give?", corpus).missing  # "awarded" in the text
    assert "salary" in understand("ml engineer salery", corpus).text
    assert "engineer" in understand("entry lvl ML eng pay", corpus).text
    assert "level" in understand("entry lvl ML eng pay", corpus).text


def test_a_state_answers_with_its_city(advisor):
    answer = advisor.ask("What do entry-level ML engineers earn in Massachusetts?")
    assert answer.found and answer.answer.startswith("Boston, MA")
    assert [f.value for f in answer.facts] == ["$85,000 – $115,000"]
