"""Twenty-first round (issue 10): a span of working years is the level the corpus gives it, a place asked at a level
is looked for at that level, pay of no level does not pad a level's answer, "how does B compare?" asks the first
question of B, a source that "says" is no subject, "the one in X" is one of the things asked for before, short words
the corpus's lists of other names swap for long ones (or spell out in brackets) are read as the long ones, a clipped
word beside a clipped neighbour completes a name, the "and" of one title joins nothing compared, "what kind of work
does X do" asks for duties, a name several pages list is answered for each, "top" in a yes/no question ranks nothing,
whether two are the same is answered by what says they differ, a state typed by its code is named, and a question
about someone the sources never name is not answered from other pages (answer/understand.py, answer/conversation.py,
answer/coverage.py, answer/rewrite.py, answer/evidence.py, answer/advisor.py, index/load.py, text/places.py)."""

import pytest

from careerbot.evaluation.scoring import first_sentence
from helpers import history, occupation_page, pages_advisor


def test_a_place_asked_at_a_level_is_looked_for_at_that_level(advisor):
    # "New York" names two rows: the median table's (no level) and the entry-level table's "New York City"
    for question in ("jr MLE comp in NYC?", "junior ML engineer salary in new york?"):
        answer = advisor.ask(question)
        assert answer.found and "$95,000 – $130,000" in first_sentence(answer.answer), (question, answer.answer)


def test_a_span_of_years_typed_is_the_level_stating_that_very_span(advisor):
    answer = advisor.ask("what do ml engineers with 5+ years make")  # 5 ends the mid-level span too
    assert "$150,000 to $200,000" in first_sentence(answer.answer), answer.answer
    answer = advisor.ask("what do ml engineers with 3-5 years of experience make")
    assert "$110,000 and $150,000" in first_sentence(answer.answer), answer.answer


def test_another_span_of_years_asks_the_question_before_of_it(advisor):
    answer = advisor.ask("how about 3-5 years?",
                         history("What does an ML engineer earn with 0-2 years of experience?"))
    assert "$110,000 and $150,000" in first_sentence(answer.answer), answer.answer
    answer = advisor.ask("What does an ML engineer earn with 0-2 years of experience, and how about 3-5 years?")
    assert "$80,000 and $110,000" in answer.answer and "$110,000 and $150,000" in answer.answer, answer.answer


def test_a_levels_answer_is_not_padded_with_figures_of_no_level(advisor):
    answer = advisor.ask("How much do mid-level machine learning engineers earn?")
    assert "$110,000 and $150,000" in first_sentence(answer.answer), answer.answer
    assert "$112,850" not in answer.answer, answer.answer  # every ML engineer's average is no mid-level figure


def test_how_does_b_compare_asks_the_first_question_of_b(advisor):
    answer = advisor.ask("What's the median ML engineer salary in San Francisco, and how does New York compare?")
    assert "$125,000 – $170,000" in answer.answer and "$115,000 – $160,000" in answer.answer, answer.answer
    answer = advisor.ask("how does London compare?", history("What's the median ML engineer salary in San Francisco?"))
    assert "£60,000 – £85,000" in answer.answer, answer.answer


def test_a_source_that_says_is_no_subject(advisor):
    answer = advisor.ask("how much does payscale say ml engineers make on average")
    assert answer.found and "$112,850" in first_sentence(answer.answer), answer.answer


def test_the_one_in_a_place_is_one_of_the_things_asked_for_before(advisor):
    answer = advisor.ask("How many openings does the one in Seattle have?",
                         history("Which companies are hiring the most entry-level machine learning engineers?"))
    assert "Amazon" in first_sentence(answer.answer) and "28" in first_sentence(answer.answer), answer.answer


def test_a_state_typed_by_its_code_is_named_when_the_sources_lack_its_figure(advisor):
    answer = advisor.ask("ML engineer median salary in WA")  # Seattle, WA has an entry-level range, no median
    assert "Washington (WA)" in first_sentence(answer.answer), answer.answer


def test_top_in_a_yes_no_question_describes_what_it_asks_about(advisor):
    answer = advisor.ask("Do ML engineers at top companies get bonuses?")  # not a ranking of companies
    assert "bonuses" in first_sentence(answer.answer), answer.answer


def test_whether_two_are_the_same_is_answered_by_what_says_they_differ_or_not(advisor):
    for question in ("Are a machine learning engineer and a data scientist the same role?",
                     "Is a machine learning engineer the same as a data scientist?"):
        answer = advisor.ask(question)
        assert any(w in first_sentence(answer.answer) for w in ("distinct", "different", "differ")), answer.answer


def _called_page(title: str, called: str, annual: str, task: str = "Repair and maintain the equipment.") -> str:
    return occupation_page(title, f"{title} keep things in working order.", task, "Mechanics",
                           "High School Diploma", "61%", "10,000", annual, called)


PAGES = {
    "Automotive Service Technicians and Mechanics": (
        "Auto Body Technician, Automotive Body Technician, Auto Service Technician, Automotive Service Technician, "
        "Car Fixer", "$49,670"),
    "Surgical Technologists": ("Scrub Technician, Operating Room Technician", "$60,610"),
    "Museum Technicians and Conservators": ("Art Conservator, Collections Technician", "$47,460"),
    "Cartographers and Photogrammetrists": ("Map Maker, Mapping Technician", "$76,210"),
    "Bicycle Repairers": ("Bicycle Mechanic, Bike Assembler Tech (Bicycle Assembler Technician)", "$40,360"),
    "Fallers": ("Woodsman, Timber Cutter", "$48,870"),
    "Tree Trimmers and Pruners": ("Woodsman, Pruner", "$43,690"),
}


@pytest.fixture(scope="module")
def called_advisor(embedder, tmp_path_factory):
    return pages_advisor(tmp_path_factory.mktemp("called"), embedder, PAGES, _called_page)


def test_a_short_word_the_lists_of_other_names_swap_for_a_long_one_is_read_as_it(called_advisor):
    assert called_advisor.corpus.short_forms.get("auto") == "automotive"  # two names listed both ways
    answer = called_advisor.ask("how much do auto mechanics make?")
    assert answer.found and "$49,670" in first_sentence(answer.answer), answer.answer


def test_a_short_word_a_name_is_spelled_out_with_in_brackets_is_read_as_the_long_one(called_advisor):
    assert called_advisor.corpus.short_forms.get("bike") == "bicycle"  # one gloss, word for word
    answer = called_advisor.ask("how much do bike mechanics make?")
    assert answer.found and "$40,360" in first_sentence(answer.answer), answer.answer
    answer = called_advisor.ask("What does a bike mechanic do?")  # another name, glossed with the title: duties
    assert "keep things in working order" in answer.answer or "Repair and maintain" in answer.answer, answer.answer


def test_a_clipped_word_beside_a_clipped_neighbour_completes_a_name(called_advisor):
    answer = called_advisor.ask("what do surg techs earn?")
    assert answer.found and "$60,610" in first_sentence(answer.answer), answer.answer


def test_the_and_of_one_title_joins_nothing_compared(called_advisor):
    answer = called_advisor.ask("What share of museum technicians and conservators need a high school diploma?")
    assert "61%" in first_sentence(answer.answer) and "$47,460" not in first_sentence(answer.answer), answer.answer


def test_what_kind_of_work_someone_does_asks_for_their_duties(called_advisor):
    answer = called_advisor.ask("What kind of work does a cartographer do?")
    duties = ("keep things in working order", "Repair and maintain", "Maintain records")  # the page's own
    assert any(duty in first_sentence(answer.answer) for duty in duties), answer.answer
    assert "$76,210" not in answer.answer and "61%" not in answer.answer, answer.answer


def test_a_name_several_pages_list_with_no_more_right_to_it_is_answered_for_each(called_advisor):
    assert called_advisor.corpus.shared_names.get("woodsman") == ("Fallers", "Tree Trimmers and Pruners")
    answer = called_advisor.ask("how much does a woodsman make?")
    assert answer.found and "$48,870" in answer.answer and "$43,690" in answer.answer, answer.answer
    assert "another name of each of these 2 occupations" in answer.answer, answer.answer




def test_a_question_about_someone_the_sources_never_name_is_not_answered_from_other_pages(called_advisor):
    for question in ("what skills does a farrier need?", "what training do farriers need?"):
        answer = called_advisor.ask(question)
        assert not answer.found and "farrier" in first_sentence(answer.answer), (question, answer.answer)
