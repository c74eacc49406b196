"""Questions as people type them (issue 10, fifth round): shorthand, missing apostrophes, an introduction with no
full stop, a scene set before the question, a typo that swaps two letters; what the asker says about themselves
never makes a question uncovered; follow-ups of common shapes; structure read from plain text (numbered headings
and the list their section announces, figure lines under headings as on a scraped page's cards)."""

import pytest

from careerbot.evaluation.scoring import first_sentence
from careerbot.records import Turn


@pytest.mark.parametrize("question,said", [
    ("im a data engineer rn how do i switch over to ml engineering", "transition from a role"),
    ("what is kears exactly", "Keras is"),  # two letters swapped: keras, not "years"
    ("avg pay for an entry lvl MLE per PayScale?", "$93,339"),  # PayScale named earlier in the paragraph
    ("how many ml openings does microsoft have", "32"),
    ("whats machine learning in simple terms", "subset of artificial intelligence"),
    ("how do i bulid a portfolio to show off my ml skils", "portfolio"),
    ("how should i go about networking in the ml world?", "Attend ML conferences"),
])
def test_questions_as_typed_are_answered_by_what_says_it(advisor, question, said):
    answer = advisor.ask(question)
    assert answer.found and said in first_sentence(answer.answer), answer.answer


@pytest.mark.parametrize("question", [
    "Good morning! I just started my first job as a junior ML engineer. Once I have a few years under my belt, what "
    "more senior roles could I move into?",
    "Hey there, CS sophomore here. How do I get familiar with the tools ML engineers use every day?",
    "Hey, I've been an ML engineer for about 6 years now. What salary range should someone at my level expect?",
])
def test_what_the_asker_says_of_themselves_never_makes_a_question_uncovered(advisor, question):
    answer = advisor.ask(question)
    assert answer.found, answer.answer
    assert not answer.answer.startswith("The sources do not")


def test_a_how_question_is_not_answered_by_an_faq_asking_how_long(advisor):
    answer = advisor.ask("hi! how do i become an ml engineer?")
    assert "time frame" not in first_sentence(answer.answer), answer.answer
    assert "by getting an education" in first_sentence(answer.answer)


def test_a_belief_the_text_corrects_is_quoted_with_its_correction(advisor):
    answer = advisor.ask("do ml engineers realy need domain knowlege or is tech skill enough")
    quote = answer.citations[0].quote
    assert "misconception" in quote and "However, domain knowledge is crucial" in quote, quote


@pytest.mark.parametrize("question,said", [
    ("which cloud platforms do ml engineers use", "Amazon Web Services (AWS), Microsoft Azure"),
    ("what machine lerning frameworks and libaries should i know", "PyTorch"),
    ("Which neural network architectures should an ML engineer be familiar with?", "Convolutional Neural Networks"),
])
def test_a_list_question_is_answered_by_the_list(advisor, question, said):
    assert said in first_sentence(advisor.ask(question).answer)


@pytest.mark.parametrize("before,question,said,not_said", [
    ("What is the average entry-level machine learning engineer salary according to PayScale?",
     "And for all machine learning engineers?", "$112,850", "$93,339"),
    ("Which city pays entry-level machine learning engineers the most?", "What about the lowest?", "Austin", ""),
    ("what is Keras?", "what lang is it written in?", "written in Python", ""),
    ("What does data modeling involve?", "Which types of algorithms does it use?", "regression, classification", ""),
    ("how many openings does google have", "and apple", "21", ""),
])
def test_follow_ups_of_common_shapes(advisor, before, question, said, not_said):
    answer = advisor.ask(question, [Turn("user", before), Turn("assistant", "")])
    head = first_sentence(answer.answer)
    assert said in head, (answer.resolved_question, answer.answer)
    assert not not_said or not_said not in answer.answer


def test_rankings_read_figure_lines_under_headings(advisor):
    # the Glassdoor page's career path: a heading per role, a "... /yr Most Likely Range" line under each
    answer = advisor.ask("highest paying role on the Glassdoor MLE career path?")
    assert answer.answer.startswith("Machine Learning Engineer Manager has the highest"), answer.answer
    assert "287K" in first_sentence(answer.answer)
    share = advisor.ask("what percentage of ml enginers get promotd to lead on glassdor")
    assert "32%" in first_sentence(share.answer) and "276K" not in share.answer


BAKERY = """# Pastry Careers

Pastry cooks make breads, cakes and desserts in bakeries and restaurants.

1. Baking Tools

Pastry cooks rely on a handful of tools. Familiarity with the following tools is a must:

  • Stand mixer: Mixes doughs and batters in large batches.
  • Piping bag: Shapes cream and icing into decorations.
  • Bench scraper: Divides dough and cleans the work surface.

2. Food Safety

Every pastry cook follows food safety rules to keep customers healthy.

Pastry Career Path

Pastry Cook

48K /yr Most Likely Range

41% advanced to

Pastry Chef

63K /yr Most Likely Range

Executive Pastry Chef

79K /yr Most Likely Range
"""


@pytest.fixture(scope="module")
def bakery_advisor(embedder, tmp_path_factory):
    from careerbot.answer.advisor import load_advisor
    from helpers import tiny_index

    return load_advisor(tiny_index(tmp_path_factory.mktemp("bakery"), embedder, {"pastry.txt": BAKERY}), embedder)


def test_a_numbered_heading_hands_its_match_to_the_list_its_section_announces(bakery_advisor):
    answer = bakery_advisor.ask("which tools should a pastry cook know?")
    head = first_sentence(answer.answer)
    assert "Stand mixer" in head and "Piping bag" in head and "Bench scraper" in head, answer.answer


def test_figure_lines_under_headings_rank_and_a_broken_line_is_about_the_next_heading(bakery_advisor):
    ranked = bakery_advisor.ask("highest paying pastry role?")
    assert ranked.answer.startswith("Executive Pastry Chef has the highest"), ranked.answer
    assert "79K" in first_sentence(ranked.answer)
    share = bakery_advisor.ask("what percentage of pastry cooks advance to pastry chef?")
    assert "41%" in first_sentence(share.answer), share.answer
