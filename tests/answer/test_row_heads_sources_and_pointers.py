"""Questions of the sixteenth round (issue 10): a table row named without the word it shares with its neighbours
("a master's"), "what was it for 2022?" as the same question again, a role the asker wants to move into, a
source's name typed in lower case and the ranking of that source's table, a career switch "from X to Y", a
short clipped word that is no slip ("pctile"), "most common" as a share of people, even of a job whose name says
"workers", a source named that is no subject, and "it" for the one thing the answer before named (answer/facts.py,
answer/fact_kinds.py, answer/conversation.py, answer/understand.py, answer/rewrite.py, index/corpus_index.py)."""

import pytest

from careerbot.answer.rewrite import normalise
from careerbot.evaluation.scoring import first_sentence
from careerbot.records import Turn


def test_a_row_named_without_the_word_it_shares_with_its_neighbours(advisor):
    answer = advisor.ask("what percent of entry level ml engineers have a master's")
    head = first_sentence(answer.answer)
    assert "15%" in head and "82%" not in answer.answer, answer.answer
    # a span of numbers is no name of its own: "more than 5 years" is not the "2-5 years" row
    assert "35%" not in advisor.ask("how many entry level ml engineers have more than 5 years").answer


def test_what_was_it_for_another_year_is_the_same_question_again(advisor):
    answer = advisor.ask("What growth rate is projected for the machine learning sector in 2024, and what was "
                         "it for 2022?")
    assert "20%" in answer.answer and "10%" in answer.answer and "do not answer" not in answer.answer, answer.answer
    history = [Turn("user", "how many machine learning engineer jobs were there in 2015"), Turn("assistant", "")]
    again = advisor.ask("what was it in 2017?", history)
    assert again.found and "20,000" in first_sentence(again.answer), again.answer


def test_a_role_the_asker_may_move_into_is_what_that_role_means(advisor):
    answer = advisor.ask("Hi! My boss says I could move into a Data Science Manager role someday. What does that "
                         "role involve?")
    assert "Leading a team" in first_sentence(answer.answer), answer.answer


def test_a_source_named_in_lower_case_ranks_that_sources_table(advisor):
    answer = advisor.ask("which glassdoor career step pays the most")
    assert "287K" in first_sentence(answer.answer) and "$110,000" not in answer.answer, answer.answer


def test_a_switch_from_one_job_to_another_is_a_transition(advisor):
    answer = advisor.ask("how do I switch from SWE to MLE?")
    assert "transition" in first_sentence(answer.answer), answer.answer


def test_a_short_clipped_word_is_not_read_as_a_shorter_word(onet_advisor):
    assert "75th percentile" in normalise("75th pctile pay for electricians?", onet_advisor.corpus)
    answer = onet_advisor.ask("75th pctile pay for electricians?")
    assert answer.found and "75th percentile" in first_sentence(answer.answer), answer.answer


def _page(title: str, employed: str, shares: tuple[str, str]) -> str:
    return (f"# {title}\n\n## What {title} do\n\nLook after others.\n\n"
            f"## Education of {title}\n\nThe table below gives the share of {title} respondents by the education "
            "their job requires.\n\n| Required education | Share of respondents |\n|---|---|\n"
            f"| High School Diploma | {shares[0]} |\n| Bachelor's Degree | {shares[1]} |\n\n"
            f"## Skills of {title}\n\n| Skill | Importance | Level |\n|---|---|---|\n"
            "| Monitoring | 3.50 | 4.12 |\n| Speaking | 3.25 | 3.88 |\n\n"
            f"## Wages of {title}\n\nThe table below gives U.S. national employment and wages of {title}.\n\n"
            f"| Occupation | Employment | Median annual wage |\n|---|---|---|\n| {title} | {employed} | $31,000 |\n")


@pytest.fixture(scope="module")
def workers_advisor(embedder, tmp_path_factory):
    from helpers import pages_advisor

    pages = {"Childcare Workers": ("520,180", ("39%", "9%")), "Retail Salespersons": ("3,800,250", ("61%", "7%"))}
    return pages_advisor(tmp_path_factory.mktemp("workers"), embedder, pages, _page)


def test_most_common_is_a_share_of_people_even_for_a_job_named_workers(workers_advisor):
    answer = workers_advisor.ask("which education level is most common for childcare workers")
    head = first_sentence(answer.answer)
    assert "High School Diploma" in head and "39%" in head and "Retail" not in answer.answer, answer.answer
    # the same, asked second in one message
    both = workers_advisor.ask("What education do childcare workers have, and which level is most common?")
    assert "4.12" not in both.answer and "39%" in both.answer, both.answer


def test_a_source_named_is_where_from_not_a_subject_to_compare(advisor):
    answer = advisor.ask("According to Glassdoor, what is the average base pay for a machine learning engineer, "
                         "depending on experience and location?")
    assert "$110,000" in first_sentence(answer.answer) and "no figure" not in answer.answer, answer.answer
    # "a regular ..." is the job itself; "glassdoors career path" is Glassdoor's
    plain = advisor.ask("whats the most likely pay for a regular machine learning engineer on glassdoors career path")
    assert plain.found and "210K" in first_sentence(plain.answer), plain.answer


def test_it_after_a_question_for_one_thing_is_the_thing_the_answer_named(advisor):
    history = [Turn("user", "What programming languages should ML engineers know?"), Turn("assistant", ""),
               Turn("user", "Which one is the most popular?"), Turn("assistant", "Python.")]
    answer = advisor.ask("What percentage of ML engineers use it?", history)
    assert "Python" in answer.resolved_question and "83%" in first_sentence(answer.answer), answer.answer
    # an answer that names nothing leaves the pronoun to the question before
    unnamed = advisor.ask("Who developed it?", [Turn("user", "What is TensorFlow?"), Turn("assistant", "")])
    assert "Google" in first_sentence(unnamed.answer), unnamed.answer
