"""Twenty-sixth round (issue 10): learning "on my own" is the corpus's self-study; "hrs/week" is hours per week; a
share of what the sources have no word for is not covered by the shares beside it; a level one name compared holds
is that name's; a name typed in another form of a title's word ("cremation operator") is that
title's; "Director of Machine Learning" is one name; a second question's "it" may point into the first one's answer;
"it" before another name stands for the topic before; "Developed by Google" says who made it; the section asked of
a page named is among its own headings; "recommend learning" (its object asked for) is "recommend"; keeping
one's skills current is learning on; a ranking of the places a question names ranks them alone; "which has more?"
after two companies asked in turn compares them; "at that level" is the level before; two new places are both asked
(answer/rewrite.py, answer/aspects.py, answer/assemble.py, answer/advisor.py, answer/conversation.py,
answer/evidence.py, answer/query.py, answer/coverage.py, answer/fact_kinds.py, answer/understand.py,
index/corpus_index.py)."""

import pytest

from careerbot.answer.rewrite import normalise
from careerbot.evaluation.scoring import first_sentence
from helpers import history, occupation_page, pages_advisor


def test_learning_on_ones_own_is_self_study(advisor):
    assert "through self-study" in normalise("How can I learn machine learning on my own?", advisor.corpus)
    assert "self-study machine learning" in normalise("how do i teach myself machine learning?", advisor.corpus)
    # working on one's own is no learning
    assert normalise("Do ML engineers mostly work on their own?", advisor.corpus).endswith("on their own?")
    said = "do I need to study to work independently as an ML engineer?"
    assert normalise(said, advisor.corpus) == said
    answer = advisor.ask("how can i learn machine learning on my own without going back to school?")
    assert answer.found
    assert any(w in first_sentence(answer.answer) for w in ("Self-study", "online courses")), answer.answer


def test_so_much_per_a_span_of_time():
    from careerbot.answer.rewrite import _PER_SPAN

    assert _PER_SPAN.sub(r"\1 per \2", "How many hrs/week do they work? $30/hr? night/day shifts?") == \
        "How many hrs per week do they work? $30 per hr? night/day shifts?"


def test_a_share_of_what_the_sources_have_no_word_for_is_not_covered(advisor):
    answer = advisor.ask("What percentage of machine learning engineers work remotely?")
    assert not answer.found and "remotely" in first_sentence(answer.answer), answer.answer
    assert "30%" not in answer.answer  # (the share of women stands nearest)
    # a word of its own for a share the figures measure is no other share
    assert advisor.ask("what percent of ml engineers are really happy with their job").found
    assert advisor.ask("what percent of ml engineers end up moving up to lead").found


def test_a_level_one_name_compared_holds_is_that_names(advisor):
    answer = advisor.ask("Glassdoor pay: MLE vs Lead MLE?")
    assert "276K" in answer.answer and "210K" in answer.answer, answer.answer


PAGES = {  # (summary, task, related, schooling, share, employed, median, other names)
    "Coaches and Scouts": ("Instruct or coach groups or individuals in sports.", "Plan team practices.",
                           "Umpires", "Bachelor's Degree", "49%", "300,000", "$45,920", "Basketball Coach, Scout"),
    "Life Scientists": ("Study living things.", "Run field studies.", "Biologists", "Doctoral Degree", "60%",
                        "40,000", "$90,000", "Biologist, Researcher"),
    "Crematory Operators": ("Operate crematory equipment.", "Keep cremation records.", "Embalmers",
                            "High School Diploma", "55%", "3,000", "$42,880", "Cremator, Crematory Technician"),
}


@pytest.fixture(scope="module")
def pages(embedder, tmp_path_factory):
    return pages_advisor(tmp_path_factory.mktemp("kinds"), embedder, PAGES, occupation_page)


def test_a_name_in_another_form_of_a_titles_word_is_that_titles(pages):
    answer = pages.ask("how much does a cremation operator make?")
    assert answer.found and "$42,880" in first_sentence(answer.answer), answer.answer


def test_a_titles_of_between_capitals_is_part_of_the_name_missing(advisor):
    answer = advisor.ask("How much does a Director of Machine Learning earn?")
    assert "Director of Machine Learning" in first_sentence(answer.answer), answer.answer


def test_a_second_question_pointing_into_the_first_ones_answer(advisor):
    answer = advisor.ask("which company has the most open ml engineer positions, and where is it based?")
    assert answer.answer.startswith("Google") and "Mountain View" in answer.answer, answer.answer


def test_it_before_another_name_stands_for_the_topic_before(advisor):
    answer = advisor.ask("Is it written in Python?", history("What is Keras?"))
    assert answer.resolved_question == "Is Keras written in Python?"
    answer = advisor.ask("What ecosystem does it connect to?", history("What is Keras?", "Is it written in Python?"))
    assert "TensorFlow 2.0" in first_sentence(answer.answer), answer.answer


def test_a_capitalised_verb_by_a_name_says_who(advisor):
    answer = advisor.ask("Who created TensorFlow?")
    assert answer.found and "Google" in first_sentence(answer.answer), answer.answer


def test_the_section_asked_of_a_page_named_is_among_its_own_headings(onet_advisor):
    answer = onet_advisor.ask("What software do data scientists use?")
    assert first_sentence(answer.answer).startswith(("In-demand technologies", "Other tools")), answer.answer


def test_a_gerund_after_advice_says_nothing_more_of_the_thing_asked(advisor):
    said = normalise("which languages does Glassdoor recommend learning, and which tools?", advisor.corpus)
    assert said == "which languages does Glassdoor recommend, and which tools?"
    assert normalise("do they recommend learning Java?", advisor.corpus) == "do they recommend learning Java?"
    assert normalise("How do I keep learning?", advisor.corpus) == "How do I keep learning?"
    answer = advisor.ask("Besides Python, which programming languages does Glassdoor recommend learning?")
    assert "Java" in first_sentence(answer.answer), answer.answer


def test_keeping_ones_skills_current_is_learning_on(advisor):
    assert normalise("how do i keep my ml skils up to date?", advisor.corpus) == "how do i continue learning ml?"
    assert normalise("how do i keep the skills current?", advisor.corpus) == "how do i continue learning?"
    said = "Will this job stay relevant in 10 years?"
    assert normalise(said, advisor.corpus) == said
    answer = advisor.ask("How do I keep my skills current once I'm working as an ML engineer?")
    assert any(w in first_sentence(answer.answer) for w in ("bootcamps", "online courses")), answer.answer


def test_a_ranking_of_the_places_a_question_names_ranks_them_alone(advisor):
    answer = advisor.ask("which pays most?", history("how much do entry level ml engineers make in seattle?",
                                                     "and in new york?"))
    assert answer.answer.startswith("New York City, NY") and "San Francisco" not in answer.answer, answer.answer


def test_which_has_more_after_two_companies_asked_in_turn(advisor):
    answer = advisor.ask("which has more?", history("how many entry-level openings does Amazon have?", "and Apple?"))
    assert answer.answer.startswith("Amazon") and "21" in answer.answer and "Google" not in answer.answer, \
        answer.answer


def test_that_level_is_the_level_before_and_two_new_places_are_both_asked(advisor):
    turns = history("what does a mid level ml engineer earn?", "what about seniors?")
    assert advisor.ask("what about seniors?", turns[:2]).resolved_question == "what does a senior ml engineer earn?"
    answer = advisor.ask("and what do they do at that level", turns)
    assert "senior" in answer.resolved_question and "that ml" not in answer.resolved_question
    assert "lead teams" in first_sentence(answer.answer), answer.answer
    answer = advisor.ask("how about boston and austin?", history("entry level salary in seattle"))
    assert "Boston" in answer.answer and "Austin" in answer.answer, answer.answer
