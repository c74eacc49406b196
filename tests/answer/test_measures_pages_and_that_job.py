"""What an occupation's page holds, and the ways people name it (issue 10, tenth round): a measure the page never
speaks of, "that job" after a question, a country as a question's scope, a ranking across every page, a subject's
education rather than its wages, a field named by its work ("get into ... nursing"), a clipped word completed by a
name the corpus uses (answer/coverage.py, answer/conversation.py, answer/understand.py, answer/fact_kinds.py,
answer/advisor.py, answer/rewrite.py)."""

from careerbot.answer.understand import understand
from careerbot.evaluation.scoring import first_sentence
from careerbot.records import Turn


def _asked_after(advisor, before: str, question: str):  # type: ignore[no-untyped-def]
    return advisor.ask(question, [Turn("user", before), Turn("assistant", "")])


# The shipped corpus with three O*NET occupations (Data Scientists, Electricians, Registered Nurses).

def test_a_measure_the_occupations_page_never_speaks_of_is_not_covered(onet_advisor):
    answer = onet_advisor.ask("What is the projected job growth for electricians over the next ten years?")
    head = first_sentence(answer.answer)
    assert not answer.found
    assert "projected job growth" in head and "Electricians" in head, answer.answer
    assert "wages" in answer.answer and "$" not in answer.answer  # what the page gives, named, not shown as growth


def test_a_measure_the_page_holds_is_answered(onet_advisor):
    answer = onet_advisor.ask("What is the median annual wage for electricians?")
    assert answer.found and "$" in first_sentence(answer.answer), answer.answer


def test_a_place_no_figure_of_the_occupation_is_given_for_is_said_so(onet_advisor):
    question = "how much do electricians make in texas specifically"
    assert understand(question, onet_advisor.corpus).kind == "figure"  # a figure at a place, not a comparison
    answer = onet_advisor.ask(question)
    assert not answer.found and "texas" in first_sentence(answer.answer).lower(), answer.answer


def test_that_job_after_a_question_is_its_subject(onet_advisor):
    answer = _asked_after(onet_advisor, "what does an electrician do?", "top skills req'd for that job?")
    assert "electrician" in answer.resolved_question.lower(), answer.resolved_question
    assert answer.citations and all("electricians" in c.doc_id for c in answer.citations), answer.answer
    both = _asked_after(onet_advisor, "What does a registered nurse do?",
                        "How many people work in that field, and what's the median pay?")
    assert "3," in both.answer and "$" in both.answer, both.answer  # employment (millions) and the wage
    assert all("registered-nurses" in c.doc_id for c in both.citations), both.answer


def test_a_country_is_the_scope_of_a_question_not_a_subject(onet_advisor):
    for question in ("what do electricians make in the united states", "what do electricians make in the US",
                     "what do electricians make in the us"):
        assert understand(question, onet_advisor.corpus).topic == ("electricians",), question
    answer = onet_advisor.ask("which occupation employs the most people in the us")
    assert first_sentence(answer.answer).startswith("Registered Nurses have the highest employment"), answer.answer


def test_all_of_them_ranks_every_page_and_average_is_the_mean(onet_advisor):
    answer = onet_advisor.ask("what job has the highest average salary out of all of them")
    head = first_sentence(answer.answer)
    assert "highest mean annual wage" in head and "of 3" in head, answer.answer


def test_a_subjects_education_is_not_its_wages(onet_advisor):
    answer = onet_advisor.ask("what education do most electricians have?")
    head = first_sentence(answer.answer)
    assert "%" in head and "$" not in answer.answer, answer.answer  # shares by education, not wages


def test_a_field_named_by_its_work_is_its_workers(onet_advisor):
    query = understand("How do I get into registered nursing as a career?", onet_advisor.corpus)
    assert "registered nurses" in query.text, query.text
    assert [m.text for m in query.subjects] == ["registered nurses"]
    # a name as it stands is kept: "machine learning" is no "machine learner"
    assert "machine learning" in understand("how do I get into machine learning", onet_advisor.corpus).text


def test_a_clipped_word_is_completed_by_the_name_its_neighbour_makes(onet_advisor):
    query = understand("how much do data scis make", onet_advisor.corpus)
    assert "data scientists" in query.text, query.text
    assert "average" in understand("avg registered nurse salary", onet_advisor.corpus).text
    # a word the corpus uses is not taken for a clipped one ("come" is no "complete")
    kept = understand("what share of entry level ML engineers come in with 2 to 5 years of experience",
                      onet_advisor.corpus)
    assert " come in " in kept.text, kept.text


def test_nationally_after_a_place_drops_the_place(onet_advisor):
    answer = _asked_after(onet_advisor, "how much do electricians make in texas?", "what about nationally?")
    assert "texas" not in answer.resolved_question.lower(), answer.resolved_question
    assert answer.found and "$" in first_sentence(answer.answer), answer.answer
    country = _asked_after(onet_advisor, "how much do electricians make in texas?", "and across the US?")
    assert "texas" not in country.resolved_question.lower(), country.resolved_question


def test_top_skills_are_several(onet_advisor):
    head = first_sentence(onet_advisor.ask("top skills required for electricians?").answer)
    assert "; then " in head, head
