"""Everyday names and words a page never uses (issue 10, fifteenth round): two clipped words written as one
("infosec analyst"), a follow-up word that makes the job before another the sources name ("and the manager?"
after a lead ML engineer), chat shorthand for pay ("comp"), "the lowest 10 percent of earners" as a percentile,
and a measure a page writes only inside a product's name ("outlook" of Microsoft Outlook) that it does not hold
(answer/rewrite.py, answer/conversation.py, answer/coverage.py, answer/query.py)."""

import pytest

from careerbot.answer.rewrite import normalise
from careerbot.evaluation.scoring import first_sentence
from careerbot.records import Turn

# One occupation per page, shaped as the O*NET import writes them (made-up figures).
PAGES = {
    "Information Security Analysts": (
        "Plan, implement, upgrade, or monitor security measures for the protection of computer networks.",
        "Send incident reports to managers by Microsoft Outlook.", "Network Architects, Penetration Testers",
        "Bachelor's Degree", "63%", "180,700", "$124,910", "Computer Security Specialist, Security Analyst"),
    "Penetration Testers": (
        "Evaluate network system security by conducting simulated internal and external cyberattacks.",
        "Identify security vulnerabilities in computer systems.", "Information Security Analysts",
        "Bachelor's Degree", "58%", "20,100", "$110,500", "Ethical Hacker, Security Tester"),
}


@pytest.fixture(scope="module")
def pages_advisor(embedder, tmp_path_factory):
    from helpers import occupation_page
    from helpers import pages_advisor as over_pages

    return over_pages(tmp_path_factory.mktemp("clippings"), embedder, PAGES, occupation_page)


def test_two_clipped_words_written_as_one_name_the_job(pages_advisor):
    assert "information security analyst" in normalise("infosec analyst median salary?", pages_advisor.corpus)
    answer = pages_advisor.ask("infosec analyst median salary?")
    assert answer.found and "$124,910" in first_sentence(answer.answer), answer.answer
    assert "$110,500" not in answer.answer, answer.answer


def test_a_measure_a_page_writes_only_inside_a_name_is_not_held(pages_advisor):
    answer = pages_advisor.ask("whats the job outlook for information security analysts")
    head = first_sentence(answer.answer)
    assert not answer.found and "job outlook" in head and "what's" not in head.lower(), answer.answer
    # what the page does give is still answered
    assert pages_advisor.ask("what is the median wage for information security analysts").found


def test_a_follow_up_word_makes_the_job_before_another_the_sources_name(advisor):
    history = [Turn("user", "Tell me about Glassdoor's career path for machine learning engineers."),
               Turn("assistant", ""), Turn("user", "How much does a lead ML engineer make there?"),
               Turn("assistant", "")]
    answer = advisor.ask("and the manager?", history)
    assert answer.found and "287K" in first_sentence(answer.answer), answer.answer
    # a word that makes no other named job of it is still the same question about another thing
    other = advisor.ask("and keras?", [Turn("user", "What is TensorFlow?"), Turn("assistant", "")])
    assert "Keras" in first_sentence(other.answer), other.answer


def test_chat_shorthand_for_pay_asks_for_pay(advisor):
    assert "compensation" in normalise("entry level ml engineer comp in seattle", advisor.corpus)
    # a share of earners is the percentile the wage tables give
    assert normalise("What do pilots in the lowest 10 percent of earners make?", advisor.corpus) == \
        "What do pilots in the 10th percentile make?"
    answer = advisor.ask("entry level ml engineer comp in seattle")
    assert "$90,000" in first_sentence(answer.answer), answer.answer
