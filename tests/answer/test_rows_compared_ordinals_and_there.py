"""Twenty-second round (issue 10): "what portion" asks a share; "the second one" after a list is its second item; a
first-person setting ended by a colon is no part of the question; "there" is the place (or the one asked where of)
of the question before, and a part of a double question that only says again what the part before said is not
said twice; "how does their pay compare to B?" asks the question before of B too; two occupations compared on a row
of their own pages; a line of other names points at nothing a how-to question asks; a ranking by place is not read
from a table of places about another job (answer/query.py, answer/conversation.py, answer/rewrite.py,
answer/assemble.py, answer/fact_kinds.py, answer/compose.py, answer/evidence.py, answer/advisor.py)."""

import pytest

from careerbot.answer.advisor import load_advisor
from careerbot.evaluation.scoring import first_sentence
from careerbot.records import Turn
from helpers import occupation_page, tiny_index, welders


def _history(*questions: str) -> list[Turn]:
    return [turn for q in questions for turn in (Turn("user", q), Turn("assistant", ""))]


def test_what_portion_asks_for_a_share(advisor):
    answer = advisor.ask("What portion of entry-level machine learning engineers hold a master's degree?")
    assert "15%" in first_sentence(answer.answer), answer.answer


def test_the_second_one_after_a_list_is_its_second_item(advisor):
    asked = "What deep learning architectures should ML engineers be familiar with?"
    answer = advisor.ask("What's the second one used for?", _history(asked))  # the answer given again
    assert "sequential" in first_sentence(answer.answer), answer.answer
    answer = advisor.ask("What's the second one used for?",
                         [Turn("user", asked), Turn("assistant", "CNNs, RNNs and GANs.")])  # as the client sent it
    assert "sequential" in first_sentence(answer.answer), answer.answer
    answer = advisor.ask("and the last one?", _history(asked))
    assert answer.found


def test_a_setting_told_before_a_colon_is_no_part_of_the_question(advisor):
    answer = advisor.ask("Hello, I work in online retail and I'm curious: what ML roles exist in e-commerce for "
                         "someone at entry level?")
    assert "Recommendation Systems Engineer" in first_sentence(answer.answer), answer.answer


def test_there_is_the_one_the_question_before_asked_where_of(advisor):
    answer = advisor.ask("Where is Apple hiring entry-level ML engineers, and how many positions are open there?")
    assert "Cupertino" in first_sentence(answer.answer) and "21" in answer.answer, answer.answer
    assert "Google" not in answer.answer and answer.answer.count("21") == 1, answer.answer  # said once, of Apple
    answer = advisor.ask("how many openings are there?", _history("Where is Apple hiring?"))
    assert answer.found  # "are there" is no place


def _page(title: str, called: str, schooling: str, share: str, annual: str) -> str:
    return occupation_page(title, f"{title} do the work their title says.", "Keep records of the work.", "Clerks",
                           schooling, share, "10,000", annual, called)


PAGES = {
    "Court Reporters and Simultaneous Captioners": ("Stenographer, Captioner", "Post-Secondary Certificate", "75%",
                                                    "$63,560"),
    "Medical Transcriptionists": ("Medical Typist, Transcriber", "Post-Secondary Certificate", "39%", "$37,550"),
    "Nurse Anesthetists": ("Certified Registered Nurse Anesthetist (CRNA), Staff Nurse Anesthetist",
                           "Doctoral Degree", "56%", "$223,210"),
    "Pharmacists": ("Staff Pharmacist, Clinical Pharmacist", "Doctoral Degree", "81%", "$137,480"),
    "Pharmacy Technicians": ("Pharmacy Tech, Certified Pharmacy Technician", "High School Diploma", "53%",
                             "$43,460"),
    "Heavy and Tractor-Trailer Truck Drivers": ("Semi Driver, Truck Driver", "High School Diploma", "64%",
                                                "$57,440"),
}


@pytest.fixture(scope="module")
def pages(embedder, tmp_path_factory):
    documents: dict[str, str | bytes] = {f"{title.split(',')[0].lower().replace(' ', '-')}.md": _page(title, *cells)
                                         for title, cells in PAGES.items()}
    documents["welders.txt"] = welders("$58,000")  # a table of cities, about welders
    return load_advisor(tiny_index(tmp_path_factory.mktemp("rows"), embedder, documents), embedder)


def test_two_occupations_are_compared_on_a_row_of_their_own_pages(pages):
    answer = pages.ask("What share of court reporters versus medical transcriptionists need a post-secondary "
                       "certificate?")
    lead = first_sentence(answer.answer)
    assert "Court Reporters" in lead and "75%" in lead and "39%" in lead, answer.answer
    assert "10,000" not in answer.answer, answer.answer  # not their employment


def test_how_does_their_pay_compare_asks_the_question_before_of_both(pages):
    answer = pages.ask("how does their pay compare to pharmacy techs?", _history("how much do pharmacists make?"))
    assert "$137,480" in answer.answer and "$43,460" in answer.answer, answer.answer


def test_a_line_of_other_names_points_at_nothing_a_how_to_question_asks(pages):
    answer = pages.ask("how do I become a CRNA?")
    assert "do the work their title says" not in first_sentence(answer.answer), answer.answer
    assert "56%" in answer.answer, answer.answer


def test_a_ranking_by_place_is_not_read_from_a_table_of_places_about_another_job(pages):
    answer = pages.ask("which city pays truck drivers the most?")
    assert not answer.found and "Tulsa" not in answer.answer, answer.answer
    assert "by place" in first_sentence(answer.answer) and "$57,440" in answer.answer, answer.answer
    answer = pages.ask("which city pays welders the most?")
    assert answer.found and "Tulsa" in first_sentence(answer.answer), answer.answer
