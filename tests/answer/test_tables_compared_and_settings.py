"""Twenty-third round (issue 10): two occupations compared on what their pages tell under one heading the question
reads closest to by meaning ("which needs more schooling": each page's education table), also as a follow-up
("which one needs more schooling?"); a word clipped beside a clipped neighbour ("pharm techs") and capitals clipped
before a head noun ("SW devs"); "what software do they use" asks for things; the role a setting says the asker wants
("I want to become a dental hygienist. What education do I need?"); the setting a "can I ...?" turns on; a sentence
naming things before one that only says they matter; "which organization's report ...?" asks who; "the manager
level" after a level; "several years of training" announces nothing (answer/aspects.py, answer/advisor.py,
answer/conversation.py, answer/rewrite.py, answer/understand.py, answer/evidence.py, answer/pointers.py)."""

import pytest

from careerbot.answer.advisor import load_advisor
from careerbot.answer.pointers import is_pointer
from careerbot.answer.understand import understand
from careerbot.evaluation.scoring import first_sentence
from careerbot.records import Sentence
from helpers import history, tiny_index


def _page(title: str, schooling: list[tuple[str, str]], skills: list[tuple[str, str]], annual: str,
          tools: str) -> str:
    education = "".join(f"| {level} | {share} |\n" for level, share in schooling)
    abilities = "".join(f"| {skill} | {importance} | 3.00 |\n" for skill, importance in skills)
    return (f"# {title}\n\n## What {title} do\n\n{title} do the work their title says, in pharmacies, clinics and "
            f"offices.\n\n## Education of {title}\n\nThe table below gives the share of {title} respondents by the "
            f"education their job requires.\n\n| Required education | Share of respondents |\n|---|---|\n{education}\n"
            f"## Skills of {title}\n\nThe table below gives the most important skills for {title} (importance 1-5, "
            f"level 0-7).\n\n| Skill | Importance | Level |\n|---|---|---|\n{abilities}\n"
            f"## Technologies {title} use\n\nIn-demand technologies: {tools}.\nOther tools: Database software, "
            f"Spreadsheet software, Word processing software.\n\n"
            f"## Wages of {title}\n\nThe table below gives U.S. national employment and wages of {title}.\n\n"
            "| Occupation | Employment | Median annual wage |\n|---|---|---|\n"
            f"| {title} | 10,000 | {annual} |\n")


PAGES = {
    "Dental Hygienists": ([("Associate's Degree", "75%"), ("Bachelor's Degree", "13%")],
                          [("Active Listening", "3.75"), ("Speaking", "3.50")], "$94,260", "Dentrix, Eaglesoft"),
    "Dental Assistants": ([("Post-Secondary Certificate", "46%"), ("High School Diploma", "29%")],
                          [("Speaking", "3.62"), ("Monitoring", "3.25")], "$47,300", "Dentrix, Microsoft Excel"),
    "Pharmacy Technicians": ([("High School Diploma", "53%"), ("Post-Secondary Certificate", "42%")],
                             [("Active Listening", "3.50"), ("Reading Comprehension", "3.38")], "$43,460",
                             "Medication dispensing software, Microsoft Excel"),
    "Software Developers": ([("Bachelor's Degree", "63%"), ("Master's Degree", "20%")],
                            [("Programming", "4.12"), ("Complex Problem Solving", "3.88")], "$133,080",
                            "Python, Git, Amazon Web Services AWS"),
    "Web Developers": ([("Bachelor's Degree", "48%"), ("Associate's Degree", "21%")],
                       [("Programming", "3.88"), ("Active Listening", "3.50")], "$90,930", "JavaScript, React"),
}


@pytest.fixture(scope="module")
def pages(embedder, tmp_path_factory):
    documents: dict[str, str | bytes] = {f"{title.lower().replace(' ', '-')}.md": _page(title, *cells)
                                         for title, cells in PAGES.items()}
    return load_advisor(tiny_index(tmp_path_factory.mktemp("tables"), embedder, documents), embedder)


def test_two_occupations_are_compared_on_the_table_the_question_asks_about(pages):
    answer = pages.ask("which needs more schooling, dental hygienists or dental assistants?")
    assert "Associate's Degree: 75%" in first_sentence(answer.answer), answer.answer
    assert "Post-Secondary Certificate: 46%" in answer.answer, answer.answer
    assert "10,000" not in answer.answer and "$94,260" not in answer.answer, answer.answer  # not their wages
    answer = pages.ask("compare the skills of dental hygienists and dental assistants")
    assert "Active Listening" in first_sentence(answer.answer) and "Monitoring" in answer.answer, answer.answer
    answer = pages.ask("which pays more: dental hygienists or dental assistants?")  # their wages: figure by figure
    assert "Dental Hygienists have the higher" in first_sentence(answer.answer), answer.answer
    assert "$47,300" in answer.answer and "Associate" not in answer.answer, answer.answer


def test_which_one_needs_more_after_two_is_asked_of_both(pages):
    answer = pages.ask("which one needs more schooling?",
                       history("compare the pay of dental hygienists and dental assistants"))
    assert "Associate's Degree: 75%" in first_sentence(answer.answer), answer.answer
    assert "Post-Secondary Certificate: 46%" in answer.answer, answer.answer
    answer = pages.ask("which one needs more schooling?",
                       history("how much do dental hygienists make?", "and dental assistants?"))
    assert "Associate's Degree: 75%" in answer.answer and "46%" in answer.answer, answer.answer
    answer = pages.ask("which one is higher?", history("compare the pay of dental hygienists and dental assistants"))
    assert "$94,260" in first_sentence(answer.answer), answer.answer  # the measure asked before


def test_clipped_words_beside_clipped_neighbours_name_the_occupation(pages):
    answer = pages.ask("what % of pharm techs need a post-secondary certificate?")
    assert answer.found and "42%" in first_sentence(answer.answer), answer.answer
    answer = pages.ask("median salary for SW devs?")
    assert "$133,080" in first_sentence(answer.answer), answer.answer
    answer = pages.ask("& for SW devs?", history("what's the median salary for a web dev?"))
    assert "$133,080" in first_sentence(answer.answer), answer.answer


def test_what_software_someone_uses_is_a_list_of_things(pages):
    assert understand("what software do dental assistants use", pages.corpus).kind == "list"
    answer = pages.ask("what software do dental assistants use")
    assert first_sentence(answer.answer).startswith("In-demand technologies: Dentrix"), answer.answer
    assert "Other tools" in answer.answer, answer.answer


def test_the_role_a_setting_says_the_asker_wants_is_what_is_asked_about(pages):
    answer = pages.ask("Good morning! I want to become a dental hygienist. What education do I need?")
    assert "Associate's Degree: 75%" in first_sentence(answer.answer), answer.answer


def test_the_setting_a_can_i_question_turns_on_is_read(advisor):
    answer = advisor.ask("Hey! I have a physics degree. Can I still become a machine learning engineer?")
    assert "physics" in answer.answer, answer.answer


def test_a_sentence_naming_the_things_leads_one_that_only_says_they_matter(advisor):
    answer = advisor.ask("Which cloud platforms and big data technologies should a machine learning engineer be "
                         "comfortable with?")
    assert "Azure" in first_sentence(answer.answer), answer.answer


def test_which_organizations_report_asks_who(advisor):
    answer = advisor.ask("which org's report says AI/ML jobs are going to grow a lot?")
    assert "World Economic Forum" in first_sentence(answer.answer), answer.answer


def test_the_manager_level_after_a_level_is_that_rung(advisor):
    answer = advisor.ask("And the manager level?", history(
        "What does Glassdoor list as the typical pay for a machine learning engineer?",
        "What about a lead machine learning engineer?"))
    assert "287K" in first_sentence(answer.answer), answer.answer


def test_several_years_of_training_announces_nothing():
    def sentence(text: str) -> Sentence:
        return Sentence(0, 0, "page.md", 0, len(text), text)
    assert not is_pointer(sentence("For example, an electrician must have completed three or four years of "
                                   "apprenticeship or several years of vocational training, and often must have "
                                   "passed a licensing exam, in order to perform the job."))
    assert is_pointer(sentence("Machine learning engineers may encounter several challenges throughout their work."))
