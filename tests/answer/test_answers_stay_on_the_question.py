"""Answers about what was asked, and only that (classes found by fresh-eyes graders, issue 10, third round): the
place of a self-introduction, thanks before a follow-up, slips of the keyboard, who/where from a table column,
padding, one occupation per answer, yes/no against a figure, follow-up chains that swap the statistic or subject."""

import pytest

from careerbot.records import Turn


def history(*questions):
    return [turn for q in questions for turn in (Turn("user", q), Turn("assistant", ""))]


# The shipped corpus.

def test_the_place_of_a_self_introduction_is_where_the_question_asks_about(advisor):
    moving = advisor.ask("Hello! I'm moving to New York soon. What's the median salary for machine learning "
                         "engineers there?")
    assert moving.answer.startswith("New York, NY") and "$115,000 – $160,000" in moving.answer
    assert "San Francisco" not in moving.answer
    denver = advisor.ask("Hi! I live in Denver, Colorado. What do entry-level ML engineers earn here?")
    assert not denver.found and "Denver" in denver.answer
    assert "San Francisco, CA" in denver.answer  # the places the sources give pay for, not a table of degrees


def test_thanks_before_a_follow_up_keeps_it_a_follow_up(advisor):
    answer = advisor.ask("Thanks, that helps! And in Boston?", history("What is the entry-level salary in Seattle?"))
    assert "$85,000 – $115,000" in answer.answer


@pytest.mark.parametrize("question,expected", [
    ("who isues the Azure AI Engineer Associate certification?", "Microsoft"),  # not "infrastructure"
    ("wich certifcations should I get as an ML enginer?", "Google"),  # "wich" is "which", not "with"
])
def test_slips_of_the_keyboard_are_mended_to_the_word_meant(advisor, question, expected):
    answer = advisor.ask(question)
    assert answer.found and expected in answer.answer.split(". ")[0] + answer.answer[:300]


def test_a_typo_in_a_follow_up_and_a_place_name_kept_as_typed(advisor):
    keras = advisor.ask("waht languge is it writen in?", history("What is Keras?"))
    assert keras.resolved_question == "what language is Keras written in?"
    assert keras.answer.startswith("Keras is written in Python")
    angeles = advisor.ask("entry level ml salary in los angeles")
    assert not angeles.found and "los angeles" in angeles.answer and "location" not in angeles.answer


def test_who_is_read_from_the_table_column_that_holds_it(advisor):
    answer = advisor.ask("Who issues the Azure AI Engineer Associate certification?")
    assert answer.found and "issuing organization is Microsoft" in answer.answer
    made = advisor.ask("who made tensorflow")  # "Developed by Google, TensorFlow is ..."
    assert made.found and "Google" in made.answer


def test_a_sentence_that_counts_things_is_quoted_with_the_one_naming_them(advisor):
    answer = advisor.ask("What are the 4 math pillars of ML?")
    assert "statistics, probability, calculus, and linear algebra" in answer.answer


def test_passages_after_the_lead_are_about_what_was_asked(advisor):
    answer = advisor.ask("What skills do I need to become a machine learning engineer?")
    assert answer.found
    assert all("skill" in c.quote.lower() or c.quote.count("\n") >= 3 for c in answer.citations)  # no filler
    tools = advisor.ask("What tools do ML engineers use?")  # the FAQ answer about tools, not the maths list
    assert tools.answer.startswith("Machine learning engineers often work with a variety of tools")


def test_a_weak_match_that_holds_every_word_asked_is_an_answer(advisor):
    answer = advisor.ask("How do I meet potential employers?")
    assert answer.found and "meet potential employers" in answer.answer


def test_a_table_about_something_else_is_not_ranked(advisor):
    bootcamps = advisor.ask("which machine lerning bootcamps are the best?")
    assert "Springboard" in bootcamps.answer and "%" not in bootcamps.answer
    cheapest = advisor.ask("where do entry level ml engineers get paid the least")
    assert cheapest.answer.startswith("Austin, TX has the lowest")


def test_a_stated_superlative_leads_with_its_figure_when_the_table_agrees(advisor):
    answer = advisor.ask("Which programming language is most popular?")
    assert answer.answer.startswith("Python is the most popular programming language")
    assert [f.value for f in answer.facts] == ["83%"]
    minimum = advisor.ask("What is the minimum education level for a machine learning engineer?")
    assert minimum.found and minimum.answer.startswith("The minimum education level")
    assert "15%" not in minimum.answer.split("[1]")[0]


def test_each_part_of_a_double_question_is_answered_once(advisor):
    growth = advisor.ask("What is the projected growth rate of the machine learning sector for 2023, and for 2024?")
    assert growth.answer.count("20%") == 1 and growth.answer.count("15%") == 1
    levels = advisor.ask("How much does a mid-level ML engineer make, and how much does a senior one make?")
    assert "$110,000 and $150,000" in levels.answer and "$150,000 to $200,000+" in levels.answer
    parts = advisor.ask("How do I meet potential employers, and where should I apply for jobs?")
    assert parts.found and "Networking" in parts.answer and "do not say where" not in parts.answer


# The shipped corpus with three O*NET occupations (Data Scientists, Electricians, Registered Nurses).

def test_a_yes_or_no_against_a_figure_says_yes_or_no_from_the_cited_figure(onet_advisor):
    above = onet_advisor.ask("Do RNs earn more than $100,000 at the median?")
    assert above.answer.startswith("No. The median annual wage of Registered Nurses is $93,600 [1], below $100,000")
    below = onet_advisor.ask("Do registered nurses make more than $50,000 a year?")
    assert below.answer.startswith("Yes.")


def test_one_occupation_per_answer(onet_advisor):
    answer = onet_advisor.ask("How much does an electrician make?")
    assert answer.found and {c.doc_id for c in answer.citations} == {"onet/47-2111.00-electricians.md"}


def test_a_follow_up_chain_swaps_the_statistic_then_the_subject(onet_advisor):
    answer = onet_advisor.ask("and for registered nurses?", history(
        "What's the 90th percentile wage for electricians?", "What about the median?"))
    assert answer.resolved_question == "What's the median wage for registered nurses?"
    assert "$93,600" in answer.answer
    employed = onet_advisor.ask("How many are employed?", history("How much do registered nurses make?"))
    assert employed.found and "Registered Nurses" in employed.answer and "employment" in employed.answer


def test_an_acronym_in_the_plural_and_a_country_scope(onet_advisor):
    rns = onet_advisor.ask("90th percentile wage for RNs?")
    assert rns.found and rns.answer.startswith("Registered Nurses: the 90th percentile annual wage")
    national = onet_advisor.ask("How many people work as registered nurses in the US?")
    assert national.found and "US" not in national.answer.split(".")[0]


# Found reading whole conversations in `careerbot chat`.

def test_an_earlier_turn_with_a_greeting_is_resolved_as_written(advisor):
    answer = advisor.ask("and senior ones?", history(
        "hi, im a nurse thinking about switching careers. what do entry level ml engineers make in boston?"))
    assert "im a nurse" in answer.resolved_question  # "hi" and "im" are not taken for clipped words
    assert "senior" in answer.resolved_question and "Boston" in answer.answer


def test_a_pronoun_stands_for_the_thing_not_its_quality(advisor):
    answer = advisor.ask("who issues it?", history("which certification is the most popular?"))
    assert answer.resolved_question == "who issues certification?"


def test_a_sentence_pointing_back_is_quoted_with_the_one_before_on_its_line(advisor):
    answer = advisor.ask("which certification is the most popular?")
    assert answer.answer.startswith("Amazon: Amazon offers a specific machine learning certification")
