"""Names of occupations' pages a question may use (issue 10, nineteenth round): a name several titles join is the
title that adds least to it, a bracketed other name is both names, and a comparison asked which pays less leads with
the lower (index/load.py, answer/compose.py, answer/conversation.py)."""

import pytest

from careerbot.evaluation.scoring import first_sentence
from careerbot.index.build import build_index
from careerbot.records import Turn
from helpers import tiny_corpus


def _page(title: str, also: str, median: str, employment: str) -> str:
    return f"""# {title}

Also called: {also}.

## What {title} do

{title} keep the records of an office and file its papers, letters and forms.

## Wages of {title} (BLS, May 2024)

The table below gives U.S. national employment and wages from BLS occupation 99-0000 ({title}).

| Occupation | Occupation group | Employment | Median annual wage |
|---|---|---|---|
| {title} | Office Occupations | {employment} | {median} |
"""


PAGES = {
    # the legal page comes first in the corpus: its title joins "records keepers" too, with a word more
    "a-legal.md": _page("Legal Filers and Records Keepers", "Court Filer, Docket Keeper", "$54,140", "150,000"),
    "b-general.md": _page("Filers and Records Keepers, Except Legal and Medical",
                          "Certified Records Keeper (CRK), Office Filer", "$46,290", "1,800,000"),
}


@pytest.fixture(scope="module")
def filing_advisor(embedder, tmp_path_factory):
    from careerbot.answer.advisor import load_advisor

    settings = tiny_corpus(tmp_path_factory.mktemp("filers"), PAGES)
    build_index(settings, embedder)
    return load_advisor(settings, embedder)


def test_a_name_several_titles_join_is_the_title_that_adds_least_to_it(filing_advisor):
    answer = filing_advisor.ask("what's the median salary for a records keeper?")
    assert "$46,290" in first_sentence(answer.answer) and "$54,140" not in answer.answer, answer.answer


def test_a_bracketed_other_name_is_both_names(filing_advisor):
    for question in ("how much does a certified records keeper make?", "how much does a CRK make?"):
        answer = filing_advisor.ask(question)
        assert answer.found and "$46,290" in first_sentence(answer.answer), (question, answer.answer)


def test_a_comparison_asked_which_pays_less_leads_with_the_lower(filing_advisor):
    from careerbot.answer.understand import understand

    question = "Legal Filers and Records Keepers vs Office Filers: which one pays less?"
    # "less" is a word, not "les" clipped from "letters" (a word of these pages)
    assert understand(question, filing_advisor.corpus).text.endswith("pays less?")
    answer = filing_advisor.ask(question)
    head = first_sentence(answer.answer)
    assert "lower" in head and head.index("$46,290") < head.index("$54,140"), answer.answer


def test_an_and_follow_up_asking_a_figure_of_its_own_subject_is_its_own_question(filing_advisor):
    history = [Turn("user", "What's the median pay for a docket keeper?"), Turn("assistant", "")]
    answer = filing_advisor.ask("And how many office filers are employed?", history)
    assert "1,800,000" in first_sentence(answer.answer), answer.answer


def test_a_word_the_sources_never_use_before_a_subject_says_a_kind_they_lack(onet_advisor):
    answer = onet_advisor.ask("what do moon electricians earn")
    assert not answer.found and "moon electricians" in first_sentence(answer.answer), answer.answer


def test_an_other_name_at_the_end_of_a_list_renames_itself_not_the_list(onet_advisor):
    from careerbot.answer.understand import understand

    question = "out of data scientists, electricians and charge nurse which has the highest median pay"
    read = understand(question, onet_advisor.corpus)
    assert "(Registered Nurses)" in read.text and len(read.subjects) == 3, read
    head = first_sentence(onet_advisor.ask(question).answer)
    assert all(name in head for name in ("Data Scientists", "Electricians", "Registered Nurses")), head


def test_i_m_is_the_asker_not_a_name(advisor):
    from careerbot.answer.understand import understand

    read = understand("how do i keep my skills up to date once im working as an ml engineer", advisor.corpus)
    assert not [m for m in read.subjects if m.role == "name"], read.subjects
