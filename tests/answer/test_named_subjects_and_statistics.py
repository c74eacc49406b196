"""Subjects and statistics as the question names them (issue 10, eighth round): rankings among the occupations
named, head counts, the statistics asked for and only those, the role or thing a setting names, a career level's
own duties, amounts bounded by "less than", and a subject the sources lack said back as typed
(answer/fact_kinds.py, answer/facts.py, answer/advisor.py, answer/understand.py, answer/rewrite.py, text/terms.py)."""


from careerbot.answer.rewrite import as_typed
from careerbot.answer.understand import understand
from careerbot.evaluation.scoring import first_sentence
from careerbot.text.terms import acronyms, inverted_name


def test_an_acronym_written_before_its_long_form_is_learnt():
    found = acronyms("Also called: CCU RN (Cardiac Care Unit Registered Nurse), machine learning (ML).")
    assert found == {"ml": "machine learning", "rn": "registered nurse"}


def test_a_title_written_last_name_first_is_asked_as_said():
    assert inverted_name("Cooks, Restaurant") == "Restaurant Cooks"
    assert inverted_name("Engineers, All Other") is None  # no kind of engineer
    assert inverted_name("Architects, Except Landscape and Naval") is None


def test_a_corrected_word_is_said_back_as_typed():
    said = as_typed("how much do social media influences make", "how much do social media influencer make")
    assert said == "how much do social media influencer make"


# The shipped corpus.

def test_a_career_level_named_is_answered_by_what_that_level_does(advisor):
    head = first_sentence(advisor.ask("What responsibilites does a mid-level machine learning engineer take on?")
                          .answer)
    assert "mentor junior engineers" in head, head


def test_a_thing_the_setting_speaks_of_stands_for_it(advisor):
    answer = advisor.ask("Hey, I keep hearing about deep learning in job ads. What is it exactly?")
    assert answer.found and "subset of machine learning" in first_sentence(answer.answer), answer.answer


def test_less_than_an_amount_is_a_bound_not_a_comparison(advisor):
    corpus = advisor.corpus
    bounded = "what fraction of entry-level ML engineers come in with less than two years of experience?"
    assert understand(bounded, corpus).kind == "figure"
    assert understand("Do ML engineers earn more than data scientists?", corpus).kind == "comparison"
    assert "55%" in first_sentence(advisor.ask(bounded).answer)


# The shipped corpus with three O*NET occupations (Data Scientists, Electricians, Registered Nurses).

def test_a_ranking_among_the_occupations_named_ranks_those_and_shows_each(onet_advisor):
    answer = onet_advisor.ask("rank electricians, registered nurses and data scientists by median annual wage")
    assert answer.answer.startswith("Data Scientists have the highest median annual wage: $112,590"), answer.answer
    assert answer.answer.index("Registered Nurses") < answer.answer.index("Electricians")  # $93,600, then $62,350
    assert "(of 3)" in answer.answer


def test_how_many_of_an_occupation_there_are_is_its_head_count(onet_advisor):
    answer = onet_advisor.ask("how many electricians are there in the US, and what's their median wage?")
    assert "742,580" in first_sentence(answer.answer), answer.answer
    assert "$62,350" in answer.answer and "%" not in answer.answer  # the wage of electricians, not of the US


def test_the_statistics_named_are_said_and_only_those(onet_advisor):
    answer = onet_advisor.ask("what do electricians make at the 25th percentile? and at the 75th?")
    assert "$48,820" in answer.answer and "$81,730" in answer.answer, answer.answer
    assert {fact.value for fact in answer.facts} == {"$48,820", "$81,730"}  # not the median or the mean
    median = onet_advisor.ask("whats the median salary for an RN?")
    assert [fact.value for fact in median.facts] == ["$93,600"]


def test_the_role_the_asker_wants_is_what_a_figure_question_asks_about(onet_advisor):
    lacking = onet_advisor.ask("Hi! I'm 19 and want to be a social media influencer. What's the median salary?")
    assert not lacking.found and "social media influencer" in lacking.answer, lacking.answer
    covered = onet_advisor.ask("I want to become an electrician. What's the median salary?")
    assert covered.found and "$62,350" in first_sentence(covered.answer), covered.answer
