import re

import pytest

from careerbot.errors import InvalidQuestion

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


def test_markers_are_numbered_in_order_and_every_citation_is_used(advisor):
    answer = advisor.ask("What skills do I need to become a machine learning engineer?")
    markers = [int(m) for m in re.findall(r"\[(\d+)\]", answer.answer)]
    assert markers == list(range(1, len(answer.citations) + 1))
    assert [c.id for c in answer.citations] == markers


def test_citations_point_at_the_exact_quoted_text(advisor):
    answer = advisor.ask("What does a machine learning engineer do?")
    for citation in answer.citations:
        source = advisor.corpus.documents[citation.doc_id].text
        assert source[citation.start:citation.end] == citation.quote
        assert citation.quote in citation.text
        assert " ".join(citation.quote.split()) in answer.answer


def test_questions_in_the_text_are_not_quoted_as_answers(advisor):
    answer = advisor.ask("How long does it take to become an ML engineer?")
    assert all(not c.quote.rstrip().endswith("?") for c in answer.citations)


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


def test_a_name_the_sources_never_mention_is_named_in_the_reply(advisor):
    answer = advisor.ask("How much does a machine learning engineer make in Tokyo?")
    assert "Tokyo" in answer.answer


@pytest.mark.parametrize("question,message", [
    ("", "empty"), ("   \n\t ", "empty"), ("why? " * 300, "limit is 1000"),
])
def test_bad_questions_raise_a_clear_error(advisor, question, message):
    with pytest.raises(InvalidQuestion, match=message):
        advisor.ask(question)


def test_footnote_numbers_in_the_source_do_not_pose_as_markers(embedder, tmp_path):
    from careerbot.answer.advisor import load_advisor
    from careerbot.config import Settings
    from careerbot.index.build import build_index

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "pilots.txt").write_text("Pilot Careers\n\nAirline pilots must log 1,500 flight hours [2] before they "
                                       "can fly for an airline.\n")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    build_index(settings, embedder)
    answer = load_advisor(settings, embedder).ask("How many flight hours must airline pilots log?")
    assert "(2)" in answer.answer and "[2]" not in answer.answer
    assert "[2]" in answer.citations[0].quote  # the quote stays exactly as written
