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
from helpers import history, occupation_page, tiny_index, welders


def test_what_portion_asks_for_a_share(advisor):
    answer = advisor.ask("What portion of entry-level machine learning engineers hold a master's degree?")
    assert "15%" in first_sentence(answer.answer), answer.answer


def test_the_second_one_after_a_list_is_its_second_item(advisor):
    asked = "What deep learning architectures should ML engineers be familiar with?"
    answer = advisor.ask("What's the second one used for?", history(asked))  # the answer given again
    assert "sequential" in first_sentence(answer.answer), answer.answer
    answer = advisor.ask("What's the second one used for?",
                         [Turn("user", asked), Turn("assistant", "CNNs, RNNs and GANs.")])  # as the client sent it
    assert "sequential" in first_sentence(answer.answer), answer.answer
    answer = advisor.ask("and the last one?", history(asked))
    assert answer.found


def test_a_setting_told_before_a_colon_is_no_part_of_the_question(advisor):
    answer = advisor.ask("Hello, I work in online retail and I'm curious: what ML roles exist in e-commerce for "
                         "someone at entry level?")
    assert "Recommendation Systems Engineer" in first_sentence(answer.answer), answer.answer


def test_there_is_the_one_the_question_before_asked_where_of(advisor):
    answer = advisor.ask("Where is Apple hiring entry-level ML engineers, and how many positions are open there?")
    assert "Cupertino" in first_sentence(answer.answer) and "21" in answer.answer, answer.answer
    assert "Google" not in answer.answer and answer.answer.count("21") == 1, answer.answer  # said once, of Apple
    answer = advisor.ask("how many openings are there?", history("Where is Apple hiring?"))
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
    answer = pages.ask("how does their pay compare to pharmacy techs?", history("how much do pharmacists make?"))
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


def test_a_second_question_after_a_question_mark_is_answered_too(advisor):
    answer = advisor.ask("what programming langs should i learn for ml engineering? and which frameworks")
    assert "Python" in answer.answer and "TensorFlow" in answer.answer, answer.answer


def test_what_about_a_place_after_a_ranking_of_places_asks_its_pay(advisor):
    answer = advisor.ask("and what about austin?", history("which city pays ml engineers the most"))
    assert "$80,000 – $110,000" in first_sentence(answer.answer), answer.answer


def test_no_figure_for_a_place_then_the_subjects_figures_of_no_place(pages):
    # Tulsa is a row of the welders' table of cities; no figure of pharmacists is stated for any place
    answer = pages.ask("how much do pharmacists make in tulsa?")
    assert not answer.found and "no figure" in first_sentence(answer.answer), answer.answer
    assert "$137,480" in answer.answer and "no particular place" in answer.answer, answer.answer


def _welding_page(title: str, helpers: bool) -> str:
    rows = ("| Post-Secondary Certificate | 52% |\n| High School Diploma | 30% |\n| Some College Courses | 18% |\n"
            if not helpers else "| High School Diploma | 71% |\n| Less than a High School Diploma | 29% |\n")
    return (f"# {title}\n\n## What {title} do\n\nJoin pipes and fixtures.\n\n"
            f"Also called: {'Plumber Helper' if helpers else 'Plumber, Pipefitter'}.\n\n"
            f"## Education of {title}\n\nThe table below gives the share of {title} respondents by the education "
            f"their job requires.\n\n| Required education | Share of respondents |\n|---|---|\n{rows}\n"
            f"## Occupations related to {title}\n\nRelated occupations: Welders, Boilermakers.\n\n"
            f"## Wages of {title}\n\nThe table below gives U.S. national employment and wages of {title}.\n\n"
            "| Occupation | Employment | Median annual wage |\n|---|---|---|\n"
            f"| {title} | 10,000 | {'$39,270' if helpers else '$62,970'} |\n")


@pytest.fixture(scope="module")
def trades(embedder, tmp_path_factory):
    documents: dict[str, str | bytes] = {
        "plumbers.md": _welding_page("Plumbers, Pipefitters, and Steamfitters", False),
        "helpers.md": _welding_page("Helpers--Pipelayers, Plumbers, Pipefitters, and Steamfitters", True),
        "pharmacists.md": _page("Pharmacists", *PAGES["Pharmacists"]),
    }
    return load_advisor(tiny_index(tmp_path_factory.mktemp("trades"), embedder, documents), embedder)


def test_a_title_is_preferred_to_a_longer_one_built_on_it(trades):
    answer = trades.ask("median pay for pharmacists vs pipefitters?")
    assert "$62,970" in answer.answer and "$39,270" not in answer.answer, answer.answer


def test_what_is_needed_is_answered_by_the_whole_table_of_a_row_it_matched(trades):
    answer = trades.ask("do pipefitters need a college degree?")
    lead = first_sentence(answer.answer)
    assert "Post-Secondary Certificate: 52%" in lead and "Some College Courses: 18%" in lead, answer.answer
    assert "Related occupations" not in answer.answer, answer.answer  # a list of names says nothing of it


def test_there_that_is_no_place_is_left_alone(advisor):
    from careerbot.answer.conversation import resolve

    for previous, question in (("What's the entry-level salary in Seattle?", "will there be more jobs?"),
                               ("What's the entry-level salary in Seattle?", "where do I go from there?"),
                               ("where do ml engineers work?", "how much do they make there?")):
        resolved = resolve(question, previous, advisor.corpus).question
        assert "in Seattle" not in resolved and "at ml engineers" not in resolved, resolved


def test_a_list_answers_lead_in_is_no_item_of_it():
    from careerbot.answer.conversation import _listed

    assert _listed("Top skills: Python, R, SQL") == ["Python", "R", "SQL"]
    assert _listed("Deep Learning Architectures — CNNs: Used for images; RNNs: Used for sequences. [1]") == [
        "CNNs", "RNNs"]
    assert _listed("You should learn Python, R and SQL [1].") == []  # a sentence, not a list of names


def test_a_part_with_new_figures_from_the_same_passage_is_still_said():
    from careerbot.answer.assemble import _said_already

    assert not _said_already("Apple: Number of Open Positions 15 [1].", "Apple pays a median of $150,000 [1].")
    assert _said_already("Apple: 21, Cupertino, CA [1].", "Apple: Cupertino, CA; 21 positions [1].")

