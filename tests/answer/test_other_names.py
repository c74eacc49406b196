"""Names a document says its subject is also called, lists of them asked for, a table of one row, pay asked of a
document with no pay, and the short second half of a double question (index/load.py, answer/understand.py,
answer/evidence.py, answer/facts.py, answer/conversation.py)."""

import pytest

from careerbot.evaluation.scoring import first_sentence
from careerbot.index.build import build_index
from careerbot.ingest.onet import import_onet
from helpers import ONET_FIXTURE, tiny_corpus

# An unseen document: education as a table of one row, and no pay anywhere.
CYTOLOGY = """# Slide Readers

## What Slide Readers do

Slide readers examine stained cell samples under a microscope to find abnormal cells.

## Education of Slide Readers

The table below gives the share of Slide Readers respondents by the education their job requires.

| Required education | Share of respondents |
|---|---|
| Bachelor's Degree | 100% |
"""


@pytest.fixture(scope="module")
def occupations_advisor(embedder, tmp_path_factory):
    from careerbot.answer.advisor import load_advisor

    settings = tiny_corpus(tmp_path_factory.mktemp("occupations"), {"slide-readers.md": CYTOLOGY})
    import_onet(ONET_FIXTURE, settings.corpus_dir / "onet")
    build_index(settings, embedder)
    return load_advisor(settings, embedder)


@pytest.mark.parametrize("question,subject", [
    ("how much does a charge nurse make?", "Registered Nurses"),
    ("what does an antenna rigger earn", "Electricians"),
])
def test_a_name_the_document_says_its_subject_is_also_called_finds_its_figures(occupations_advisor, question,
                                                                               subject):
    answer = occupations_advisor.ask(question)
    assert answer.found and answer.facts and answer.facts[0].subject == subject, answer.answer


def test_the_end_of_a_longer_name_is_not_another_name(occupations_advisor):
    # "Data Architect" is another name of data scientists; "cloud data architect" is not it, read whole
    from careerbot.answer.understand import understand

    corpus = occupations_advisor.corpus
    assert "Data Scientists" not in understand("what do cloud data architects earn", corpus).text
    assert "Data Scientists" in understand("what does a data architect earn", corpus).text


@pytest.mark.parametrize("question", ["what other titles do electricians go by?",
                                      "what else is an electrician called"])
def test_other_names_asked_for_are_answered_by_the_list_of_them(occupations_advisor, question):
    head = first_sentence(occupations_advisor.ask(question).answer)
    assert "Airport Electrician" in head and "Antenna Installer" in head, head


def test_a_table_of_one_row_is_the_table_its_lead_in_announces(occupations_advisor):
    answer = occupations_advisor.ask("What education do you need to become a slide reader?")
    head = first_sentence(answer.answer)
    assert "Bachelor's Degree" in head and "100%" in head and "table below" not in head, head


def test_pay_asked_of_a_document_with_no_pay_is_said_missing_not_answered_with_shares(occupations_advisor):
    answer = occupations_advisor.ask("how much do slide readers get paid")
    head = first_sentence(answer.answer)
    assert not answer.found and "no figure" in head and "100%" not in head, answer.answer


def test_the_short_second_half_of_a_double_question_asks_the_first_again(advisor):
    answer = advisor.ask("How many machine learning engineer jobs were there in 2016, and how many in 2017?")
    assert "15,000" in answer.answer and "20,000" in answer.answer, answer.answer
    assert len({(c.doc_id, c.start, c.end) for c in answer.citations}) == len(answer.citations)
    sentences = [s for s in answer.answer.split("] ") if s]
    assert len(sentences) == len(set(sentences))  # a passage both halves quote is said once
