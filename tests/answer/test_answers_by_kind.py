"""Answers shaped by what the question asks (issue 10, fourth round): a how-to question is answered by a sentence
that says how; a count and the sentence naming what it counts read as one; a figure the sources lack is said to be
missing, and what they give nearby is named without its value; "paid" and "make" ask for pay only as verbs of pay."""

import pytest

from careerbot.answer.query import asks_figure
from careerbot.evaluation.scoring import first_sentence


@pytest.mark.parametrize("question,figure", [
    ("How much do ML engineers make?", True),
    ("what do nurses make a year", True),
    ("how well paid are ml engineers", True),
    ("what does an electrician make in texas", True),
    ("what's the pay range for ML engineers", True),
    ("should i start with free or paid ml courses", False),
    ("How do I make a portfolio?", False),
    ("how do i make connections in the field", False),
])
def test_make_and_paid_ask_for_pay_only_as_verbs_of_pay(question, figure):
    assert asks_figure(question) is figure


def test_a_how_to_question_is_answered_by_a_sentence_that_says_how(advisor):
    for question in ("How do I become a machine learning engineer?", "how do i becme a machine learning engneer"):
        head = first_sentence(advisor.ask(question).answer)
        assert "by getting an education in computer science" in head, head
    courses = advisor.ask("should i start with free or paid ml courses")
    assert courses.found and "free courses" in first_sentence(courses.answer)


def test_a_count_and_the_sentence_naming_what_it_counts_read_as_one(advisor):
    answer = advisor.ask("What are the four pillars of math in machine learning?")
    head = first_sentence(answer.answer)
    assert "four pillars" in head and "statistics, probability, calculus, and linear algebra" in head
    quote = answer.citations[0].quote  # both source sentences are quoted, verbatim
    assert "They include statistics" in quote
    assert advisor.corpus.documents[answer.citations[0].doc_id].text[answer.citations[0].start:
                                                                     answer.citations[0].end] == quote


@pytest.mark.parametrize("question,correction", [
    ("do ml engineers realy need domain knowlege or is tech skill enough", "domain knowledge is crucial"),
    ("is it true ml engineers basically just tweak algorithms all day", "there is much more to the job"),
])
def test_a_belief_the_source_corrects_is_one_sentence_with_its_correction(advisor, question, correction):
    answer = advisor.ask(question)
    head = first_sentence(answer.answer)
    assert "misconception" in head or "mistakenly" in head
    assert correction in head, head  # the belief alone says the opposite of the source
    quote = answer.citations[0].quote
    assert correction in quote and quote == advisor.corpus.documents[answer.citations[0].doc_id].text[
        answer.citations[0].start:answer.citations[0].end]


def test_a_bare_yes_is_one_sentence_with_its_reason(advisor):
    head = first_sentence(advisor.ask("Is ML actually a good career path?").answer)
    assert head.startswith("Yes") and "high demand" in head, head


@pytest.mark.parametrize("question,missing,neighbour", [
    ("how much do senior ml engineers make in boston", "Boston", "$85,000"),
    ("How many machine learning engineer jobs were there in 2020?", "2020", "10,000"),
    ("whats the ml growth rate for 2025", "2025", "10%"),
])
def test_a_missing_figure_is_said_missing_and_neighbours_are_named_without_values(advisor, question, missing,
                                                                                  neighbour):
    answer = advisor.ask(question)
    assert not answer.found and missing in first_sentence(answer.answer)
    assert neighbour not in answer.answer and not answer.facts  # no figure that answers another question
    assert answer.citations and "They give the" in answer.answer  # what the sources have nearby, cited


def test_two_named_subjects_are_compared_on_the_measure_they_share(advisor):
    # the subjects as typed in lower case, misspelt and possessive, read as the names the table uses
    for question in ("which pays more, data scientist or ml engineer",
                     "how does a machne learning engineer's salary compare to a data scientst's?"):
        answer = advisor.ask(question)
        assert answer.answer.startswith("Machine Learning Engineer has the higher average salary: $120,000"), \
            answer.answer
        assert "$110,000 for Data Scientist" in answer.answer
    # a name that also issues a certification is compared on the figure both have
    openings = advisor.ask("google or microsoft which has more ml openings")
    assert openings.answer.startswith("Google has the higher number of open positions: 45")
    assert "32 for Microsoft" in openings.answer


def test_a_difference_asked_in_words_is_answered_in_words(advisor):
    answer = advisor.ask("What is the difference between a machine learning engineer and a data scientist?")
    head = first_sentence(answer.answer)
    assert "while a Data Scientist" in head and not answer.facts
    # a measure the question names is still compared by its figures
    satisfaction = advisor.ask("Compare the job satisfaction of machine learning engineers and data scientists.")
    assert "85%" in first_sentence(satisfaction.answer) and "80%" in first_sentence(satisfaction.answer)


ROLES = {  # one role per document, as an import writes them; the team is a word cell of the role's row
    "Line Cooks": ("Kitchen Staff", "$34,100"), "Pastry Chefs": ("Kitchen Staff", "$41,900"),
    "Head Chefs": ("Kitchen Staff", "$58,300"), "Sommeliers": ("Dining Room Staff", "$61,200"),
    "Hosts": ("Dining Room Staff", "$29,800"), "Restaurant Accountants": ("Office Staff", "$72,400"),
}


def role_document(title: str, team: str, pay: str) -> str:
    return (f"# {title}\n\n{title} work in restaurants. This page is part of a guide to restaurant careers.\n\n"
            f"## Pay of {title}\n\nThe table below gives the pay of {title}.\n\n"
            "| Role | Team | Median yearly pay |\n|---|---|---|\n"
            f"| {title} | {team} | {pay} |\n")


@pytest.fixture(scope="module")
def roles_advisor(embedder, tmp_path_factory):
    from helpers import pages_advisor as over_pages

    return over_pages(tmp_path_factory.mktemp("roles"), embedder, ROLES, role_document)


def test_a_ranking_across_documents_is_narrowed_to_the_group_a_word_cell_names(roles_advisor):
    kitchen = roles_advisor.ask("Which kitchen job pays the most?")
    assert kitchen.answer.startswith("Head Chefs have the highest median yearly pay: $58,300"), kitchen.answer
    assert "Sommeliers" not in kitchen.answer and "Accountants" not in kitchen.answer
    lowest = roles_advisor.ask("what's the lowest paying dining room role")
    assert lowest.answer.startswith("Hosts have the lowest median yearly pay: $29,800"), lowest.answer
    everyone = roles_advisor.ask("Which role pays the most?")  # no group named: every document's row
    assert everyone.answer.startswith("Restaurant Accountants have the highest median yearly pay: $72,400")
