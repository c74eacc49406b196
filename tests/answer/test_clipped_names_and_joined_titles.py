"""Names typed short or in part, and what a question asks of them (issue 10, thirteenth round): an acronym inside a
title ("software QA analyst"), a clipped word ("cytotech", "info sec"), each name a title joins with "and"
("waitresses", "crane operators"), a ranking among the subjects named, "the top earning X", a word English knows
that is no slip ("esports"), a phrase the corpus never shortens ("DL"), a noun phrase's head ("a registered
nurse"), a year next to the one asked about, a sentence that turns the one before it ("However, ..."), a list read
with the line leading into it, and pay nobody asked for (answer/rewrite.py, answer/understand.py,
answer/conversation.py, answer/fact_kinds.py, answer/facts.py, answer/pointers.py, answer/evidence.py,
answer/advisor.py, index/corpus_index.py, index/load.py, text/terms.py)."""

import pytest

from careerbot.evaluation.scoring import first_sentence
from careerbot.records import Turn

# One occupation per page, as the O*NET import writes them (made-up figures).
PAGES = {
    "Software Quality Assurance Analysts and Testers": ("Develop and execute software tests to identify problems.",
                                                        "$102,610", "$49.33", "$160,100"),
    "Software Developers": ("Research, design, and develop computer and network software.",
                            "$133,080", "$63.98", "$211,450"),
    "Financial Quantitative Analysts": ("Develop quantitative financial products used to inform investment "
                                        "decisions.", "$99,890", "$48.02", "$185,000"),
    "Crane and Tower Operators": ("Operate mechanical boom and cable or tower and cable equipment to lift and move "
                                  "materials.", "$66,370", "$31.91", "$98,120"),
    "Locomotive Engineers": ("Drive locomotives to transport passengers or freight.", "$77,400", "$37.21",
                             "$112,600"),
    "Heavy and Tractor-Trailer Truck Drivers": ("Drive a tractor-trailer combination or a truck to transport "
                                                "goods.", "$57,440", "$27.62", "$78,800"),
    "Waiters and Waitresses": ("Take orders and serve food and beverages to patrons at tables.", "$33,760", "$16.23",
                               "$59,010"),
    "Dietitians and Nutritionists": ("Plan and conduct food service or nutritional programs to assist in the "
                                     "promotion of health.", "$75,260", "$36.18", "$101,760"),
    "Cytotechnologists": ("Stain, mount, and study cells to detect evidence of cancer.", "$60,780", "$29.22",
                          "$91,500"),
    "Information Security Analysts": ("Plan, implement, upgrade, or monitor security measures for the protection "
                                      "of computer networks.", "$124,910", "$60.05", "$186,420"),
    "Tour Guides and Escorts": ("Escorts individuals or groups on sightseeing tours or through places of "
                                "interest.", "$34,570", "$16.62", "$52,300"),
}


def occupation_page(title: str, task: str, annual: str, hourly: str, top: str) -> str:
    return (f"# {title}\n\n## What {title} do\n\n{task}\n\n## Wages of {title}\n\n"
            f"The table below gives U.S. national employment and wages of {title}.\n\n"
            "| Occupation | Median annual wage | Median hourly wage | 90th percentile annual wage |\n"
            "|---|---|---|---|\n"
            f"| {title} | {annual} | {hourly} | {top} |\n")


@pytest.fixture(scope="module")
def pages_advisor(embedder, tmp_path_factory):
    from helpers import pages_advisor as over_pages

    return over_pages(tmp_path_factory.mktemp("clipped-names"), embedder, PAGES, occupation_page)


def test_an_acronym_inside_a_title_names_that_subject(pages_advisor):
    answer = pages_advisor.ask("how does software QA analyst pay compare w/ software devs?")
    head = first_sentence(answer.answer)
    assert "$133,080" in head and "$102,610" in head, answer.answer
    assert "Quantitative" not in answer.answer  # "Quantitative Analysts" spells QA too, but not beside "software"


def test_a_clipped_word_is_the_one_word_it_opens(pages_advisor):
    defined = pages_advisor.ask("what's a cytotech?")
    assert defined.found and "study cells" in first_sentence(defined.answer), defined.answer
    paid = pages_advisor.ask("median pay for info sec analysts?")
    assert "$124,910" in first_sentence(paid.answer), paid.answer


def test_each_name_a_title_joins_with_and_names_its_page(pages_advisor):
    assert "$33,760" in first_sentence(pages_advisor.ask("what do waitresses make").answer)
    ranked = pages_advisor.ask("which of these makes the most per hour: locomotive engineers, crane operators or "
                               "heavy truck drivers")
    head = first_sentence(ranked.answer)
    assert head.startswith("Locomotive Engineers have the highest median hourly wage: $37.21"), ranked.answer
    assert "$31.91" in head and "$27.62" in head and "(of 3)" in head, ranked.answer
    assert "Software" not in ranked.answer


def test_the_top_earners_of_one_subject_are_its_top_percentile(pages_advisor):
    answer = pages_advisor.ask("what do the top earning dietitians make")
    assert "$101,760" in first_sentence(answer.answer), answer.answer
    carried = pages_advisor.ask("and what do the top 10% earn?", [Turn("user", "what do cytotechnologists do?"),
                                                                 Turn("assistant", "")])
    assert "$91,500" in first_sentence(carried.answer), carried.answer


def test_a_word_english_knows_is_no_slip_for_a_corpus_word(pages_advisor):
    answer = pages_advisor.ask("how much do professional esports players make")
    assert not answer.found and "esports" in first_sentence(answer.answer), answer.answer


def test_the_head_of_a_noun_phrase_names_what_is_asked(advisor):
    answer = advisor.ask("Hi, I'm a nurse thinking about my options. What's the average salary for a registered "
                         "nurse?")
    assert not answer.found and "registered nurse" in first_sentence(answer.answer), answer.answer
    changer = advisor.ask("Hey there, career changer here with no industry background. What share of entry-level "
                          "machine learning engineers have 0-2 years of experience?")
    assert changer.found and "55%" in first_sentence(changer.answer), changer.answer


def test_a_phrase_the_corpus_never_shortens_is_read_from_its_initials(advisor):
    answer = advisor.ask("what's a GAN in DL?")
    assert answer.found and "Generative Adversarial" in first_sentence(answer.answer), answer.answer


def test_fillers_do_not_hide_a_definition(advisor):
    answer = advisor.ask("ok so what even is machine learning")
    assert "subset of artificial intelligence" in first_sentence(answer.answer), answer.answer


def test_lower_case_rows_of_one_table_are_compared(advisor):
    answer = advisor.ask("how does python popularity compare to R for machine learning enginers")
    head = first_sentence(answer.answer)
    assert "83%" in head and "9%" in head, answer.answer
    assert "no figure" not in answer.answer  # whom the table is about is no subject compared


def test_a_sentence_that_turns_the_answer_is_quoted_with_it(advisor):
    answer = advisor.ask("how long does it take to becom an ml enginer")
    assert "four years" in first_sentence(answer.answer), answer.answer


def test_a_rate_of_growth_is_a_figure(advisor):
    answer = advisor.ask("how fast is the ML sector expected to grow in 2024, and was growth slower in 2022?")
    head = first_sentence(answer.answer)
    assert "20%" in head and "10%" in head, answer.answer


def test_the_year_after_the_one_asked_about(advisor):
    history = [Turn("user", "How many machine learning engineer jobs were there in 2015?"), Turn("assistant", ""),
               Turn("user", "And in 2016?"), Turn("assistant", "")]
    answer = advisor.ask("And the year after that?", history)
    assert "20,000" in first_sentence(answer.answer) and "2017" in answer.resolved_question, answer.answer


def test_a_ranking_that_ranks_nothing_shows_no_pay_nobody_asked_for(advisor):
    answer = advisor.ask("what skills show up most on glassdoor resumes for ml engineers")
    assert "Pytorch" in first_sentence(answer.answer) and "210K" not in answer.answer, answer.answer


def test_a_list_is_about_the_line_that_leads_into_it(advisor):
    answer = advisor.ask("What are the day-to-day tasks of a machine learning engineer?")
    assert first_sentence(answer.answer).startswith("Designing machine learning systems"), answer.answer
