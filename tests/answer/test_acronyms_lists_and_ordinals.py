"""Twentieth round (issue 10): acronyms typed in capitals name the occupation they stand for, a long title said after
another name is one subject, a follow-up picks among the things the answer before listed ("which of those ...", "in
that list", "the second one"), a supposed job is what the question asks about, and who/where questions are answered
by the row that holds the person or place (answer/understand.py, answer/conversation.py, answer/rewrite.py,
answer/evidence.py, answer/advisor.py, index/load.py)."""

import pytest

from careerbot.answer.rewrite import as_typed, strip_preamble
from careerbot.evaluation.scoring import first_sentence
from careerbot.records import Turn
from helpers import tiny_index


def _page(title: str, also: str, median: str) -> str:
    return f"""# {title}

Also called: {also}.

## What {title} do

{title} care for patients in hospitals, clinics and homes, and keep records of their care.

## Wages of {title} (BLS, May 2024)

The table below gives U.S. national employment and wages from BLS occupation 99-0000 ({title}).

| Occupation | Occupation group | Employment | Median annual wage |
|---|---|---|---|
| {title} | Care Occupations | 100,000 | {median} |
"""


PAGES = {
    "aides.md": _page("Home Care Aides", "Certified Nurse Aide (CNA), Home Aide", "$34,900"),
    "helpers.md": _page("Patient Helpers", "Certified Nursing Assistant (CNA), Certified Nurse Helper (CNA), "
                                           "Certified Nursing Attendant (CNA), Ward Helper", "$39,530"),
    "midwives.md": _page("Nurse Midwives", "Certified Nurse Midwife (CNM), Staff Midwife", "$128,790"),
    "therapists.md": _page("Respiratory, Speech, and Occupational Care Therapists",
                           "Breathing Therapist, Registered Care Therapist (RCT)", "$80,450"),
}


@pytest.fixture(scope="module")
def care_advisor(embedder, tmp_path_factory):
    from careerbot.answer.advisor import load_advisor

    return load_advisor(tiny_index(tmp_path_factory.mktemp("care"), embedder, PAGES), embedder)


def test_an_acronym_typed_in_capitals_names_the_occupation_it_stands_for(care_advisor):
    answer = care_advisor.ask("what do CNMs earn?")  # four letters: short, but the page spells it out
    assert answer.found and "$128,790" in first_sentence(answer.answer), answer.answer


def test_an_acronym_several_pages_list_is_the_page_that_spells_it_out_most(care_advisor):
    assert care_advisor.corpus.other_names.get("cna") == "Patient Helpers"
    answer = care_advisor.ask("how much does a CNA make?")
    assert "$39,530" in first_sentence(answer.answer) and "$34,900" not in answer.answer, answer.answer


def test_three_subjects_named_by_acronyms_and_other_names_are_all_ranked(care_advisor):
    answer = care_advisor.ask("CNM vs CNA vs RCT: which one has the lowest median pay?")
    head = first_sentence(answer.answer)
    assert head.startswith("Patient Helpers") and all(f in head for f in ("$39,530", "$80,450", "$128,790")), head


def test_a_long_title_said_after_an_other_name_is_one_subject(care_advisor):
    from careerbot.answer.understand import understand

    read = understand("Do breathing therapists earn more than nurse midwives?", care_advisor.corpus)
    subjects = [m.text for m in read.subjects if m.role == "subject"]
    assert "Respiratory, Speech, and Occupational Care Therapists" in subjects, read
    assert not [m for m in read.subjects if m.role == "name"], read.subjects
    answer = care_advisor.ask("Do breathing therapists earn more than nurse midwives?")
    head = first_sentence(answer.answer)
    assert "$128,790" in head and "$80,450" in head, answer.answer


def test_which_of_them_after_two_subjects_asked_in_turn_compares_both(care_advisor):
    history = [Turn("user", "median pay for nurse midwives"), Turn("assistant", ""),
               Turn("user", "and CNAs?"), Turn("assistant", "")]
    answer = care_advisor.ask("which of them pays more", history)
    head = first_sentence(answer.answer)
    assert head.startswith("Nurse Midwives") and "$39,530" in head, answer.answer


def test_a_word_read_as_another_is_said_back_as_typed():
    # "feng" was taken for a corpus word; the question is said back with the word the user typed
    said = as_typed("what does a quantum filtering shui consultant do", "What does a quantum feng shui consultant do?")
    assert said == "what does a quantum feng shui consultant do"


def test_which_of_those_picks_among_what_the_question_before_asked_for(advisor):
    history = [Turn("user", "Which companies offer certifications for ML engineers according to Glassdoor?"),
               Turn("assistant", "")]
    answer = advisor.ask("thanks! which of those is the most popular one", history)
    assert answer.found and first_sentence(answer.answer).startswith("Amazon"), answer.answer


def test_them_after_a_which_question_is_what_it_asked_for(advisor):
    history = [Turn("user", "Which certifications can a machine learning engineer earn?"), Turn("assistant", "")]
    answer = advisor.ask("Which companies offer them?", history)
    assert "certification" in answer.resolved_question.lower(), answer.resolved_question


def test_a_row_of_the_list_before_is_found_in_that_list(advisor):
    history = [Turn("user", "what skills matter most for entry-level ML jobs?"), Turn("assistant", "")]
    answer = advisor.ask("how important is data analysis in that list", history)
    assert answer.found and "90%" in first_sentence(answer.answer), answer.answer


def test_the_second_one_is_the_second_thing_the_ranking_named(advisor):
    # the answers were left out (as an API client may send them): the ranking is answered again to find it
    history = [Turn("user", "Which companies are hiring the most entry-level ML engineers?"), Turn("assistant", ""),
               Turn("user", "How many openings does the top one have?"), Turn("assistant", "")]
    answer = advisor.ask("Where is the second one based?", history)
    assert "Microsoft" in answer.resolved_question and "Redmond" in first_sentence(answer.answer), answer.answer


def test_where_a_named_row_is_based_is_its_place_column(advisor):
    answer = advisor.ask("Where is Apple based?")
    assert answer.found and "Cupertino" in first_sentence(answer.answer), answer.answer


def test_who_with_a_measure_named_asks_a_person_not_the_figure(advisor):
    answer = advisor.ask("Who conducted the survey behind the average salary by job title figures?")
    assert not answer.found and "$120,000" not in first_sentence(answer.answer), answer.answer


def test_a_supposed_job_is_what_a_question_pointing_back_at_it_asks_about():
    preamble, body = strip_preamble("If I take a software engineer job to prepare, what would I be doing in it?")
    assert body == "what would I be doing as a software engineer?" and preamble.startswith("If I take"), body


def test_a_job_description_said_to_its_holder_says_what_the_job_does(advisor):
    answer = advisor.ask("What does a software engineer do?")
    assert "write, test, and fix" in first_sentence(answer.answer), answer.answer


def test_a_passage_about_the_level_asked_is_not_passed_over_for_the_generic_list(advisor):
    answer = advisor.ask("What are the responsibilities of a senior machine learning engineer?")
    assert "lead teams" in first_sentence(answer.answer), answer.answer


def test_two_levels_of_one_job_are_compared_side_by_side(advisor):
    answer = advisor.ask("How does entry-level ML engineer pay compare to mid-level pay?")
    head = first_sentence(answer.answer)
    assert head.startswith("Mid-Level") and "$80,000" in head and "$110,000" in head, answer.answer


def test_an_adverb_before_a_figure_is_not_what_it_measures(advisor):
    # "can earn anywhere from $150,000 to $200,000+": the figure is the section's salary expectation
    senior = [f for f in advisor.corpus.facts if f.subject.startswith("Senior-Level")]
    assert senior and all(f.attribute.lower() != "anywhere" for f in senior), senior


def test_actually_before_the_verb_asks_nothing_more(advisor):
    from careerbot.answer.understand import understand

    assert understand("what does an ML engineer actually do?", advisor.corpus).text == "what does an ML engineer do?"
    plain = advisor.ask("What does an ML engineer do?").answer
    assert advisor.ask("What does an ML engineer actually do?").answer == plain


def test_two_different_questions_before_are_not_a_pair(advisor):
    history = [Turn("user", "Where is Microsoft based?"), Turn("assistant", ""),
               Turn("user", "What certifications does Glassdoor suggest for machine learning engineers?"),
               Turn("assistant", "")]
    answer = advisor.ask("which of those is the most popular one?", history)
    assert "Microsoft or" not in answer.resolved_question and first_sentence(answer.answer).startswith("Amazon"), \
        answer.resolved_question


def test_an_it_the_question_supposes_itself_is_not_the_answer_before(advisor):
    history = [Turn("user", "Which companies offer certifications for ML engineers?"),
               Turn("assistant", "Amazon: Amazon offers a specific machine learning certification. [1]")]
    answer = advisor.ask("If I take a software engineer job to prepare, what would I be doing in it?", history)
    assert "Amazon" not in answer.resolved_question and "write, test, and fix" in first_sentence(answer.answer), \
        answer.answer
