"""A question understood once (query.py), and answers composed by its kind, on the shipped corpus."""

import pytest

from careerbot.answer.understand import understand
from careerbot.records import Turn


@pytest.mark.parametrize("question,kind", [
    ("How much do entry-level ML engineers make in Seattle?", "figure"),
    ("Which city pays the most?", "ranking"),
    ("What are the top 3 programming languages?", "ranking"),
    ("Compare salaries in Seattle and Austin", "comparison"),
    ("What is Keras?", "definition"),
    ("What does a machine learning engineer do?", "duties"),
    ("How do I become a machine learning engineer?", "howto"),
    ("Is ML a good career path?", "yesno"),
    ("When was TensorFlow released?", "wh"),
    ("What skills does a machine learning engineer need?", "list"),
])
def test_the_kind_of_question_is_read_from_its_shape(advisor, question, kind):
    assert understand(question, advisor.corpus).kind == kind


def test_greetings_and_self_introductions_are_not_what_is_asked(advisor):
    query = understand("Hello, I'm Priya, a physics teacher: could I move into ML engineering?", advisor.corpus)
    assert query.preamble.startswith("Hello")
    assert "Priya" not in query.text and not query.missing
    answer = advisor.ask("Hello, I'm Priya, a physics teacher: could I move into ML engineering?")
    assert answer.found and "Priya" not in answer.answer


@pytest.mark.parametrize("written,corpus_spelling", [
    ("Massachusetts", "Boston, MA"), ("WA", "Seattle"), ("Texas", "Austin, TX"), ("seattle", "Seattle, WA")])
def test_places_written_another_way_become_the_corpus_spelling(advisor, written, corpus_spelling):
    query = understand(f"What do ML engineers earn in {written}?", advisor.corpus)
    assert corpus_spelling in query.text
    assert not query.missing and not query.missing_places


def test_word_forms_abbreviations_and_typos_meet_the_corpus_vocabulary(advisor):
    corpus = advisor.corpus
    assert not understand("What awards does the field give?", corpus).missing  # "awarded" in the text
    assert "salary" in understand("ml engineer salery", corpus).text
    assert "engineer" in understand("entry lvl ML eng pay", corpus).text
    assert "level" in understand("entry lvl ML eng pay", corpus).text


def test_a_real_place_the_corpus_lacks_makes_the_question_uncovered(advisor):
    answer = advisor.ask("What do machine learning engineers earn in Tokyo?")
    assert not answer.found and "Tokyo" in answer.answer


def test_a_state_answers_with_its_city(advisor):
    answer = advisor.ask("What do entry-level ML engineers earn in Massachusetts?")
    assert answer.found and answer.answer.startswith("Boston, MA")
    assert [f.value for f in answer.facts] == ["$85,000 – $115,000"]


def test_ranking_within_a_table(advisor):
    most = advisor.ask("Which city pays entry-level machine learning engineers the most?")
    assert most.answer.startswith("San Francisco, CA has the highest")
    least = advisor.ask("Which company has the fewest open positions?")
    assert least.answer.startswith("Facebook has the lowest")
    top = advisor.ask("What are the top 3 programming languages for ML engineers?")
    assert [f.subject for f in top.facts] == ["Python", "R", "Java"]


def test_two_named_subjects_side_by_side(advisor):
    answer = advisor.ask("Compare entry-level salaries in Seattle and Austin")
    assert {f.value for f in answer.facts} == {"$90,000 – $120,000", "$80,000 – $110,000"}
    assert answer.answer.index("Seattle") < answer.answer.index("Austin")  # highest first


def test_a_who_when_where_the_sources_do_not_answer_says_so(advisor):
    answer = advisor.ask("When was TensorFlow released?")
    assert not answer.found
    assert answer.answer.startswith("The sources do not say when TensorFlow was released.")


def test_a_subject_no_source_covers_is_not_answered_with_a_neighbour(advisor):
    answer = advisor.ask("What does a unicorn groomer earn?")
    assert not answer.found and "unicorn groomer" in answer.answer
    ibm = advisor.ask("How many open machine learning positions does IBM have?")
    assert not ibm.found and ibm.answer.startswith("The sources give no figure for IBM")


def test_text_cells_are_facts(advisor):
    answer = advisor.ask("What is the proficiency required for R?")
    assert [(f.subject, f.value) for f in answer.facts] == [("R", "Intermediate")]


def test_a_lead_in_hands_its_match_to_what_it_announces(advisor):
    answer = advisor.ask("What challenges do ML engineers face?")
    assert answer.answer.startswith("Some common challenges include")


def test_which_one_after_a_list_and_a_missing_level_for_a_place(advisor):
    which = advisor.ask("Which one does Microsoft offer?",
                        [Turn("user", "Which certification does Google issue?"), Turn("assistant", "")])
    assert which.resolved_question == "Which certification does Microsoft offer?"
    assert all(f.value == "Microsoft" for f in which.facts) and which.facts
    senior = advisor.ask("And senior ones?", [Turn("user", "How much do ML engineers make in Boston?"),
                                              Turn("assistant", "")])
    assert not senior.found
    assert senior.answer.startswith("The sources give no senior figure for Boston, MA.")


def test_explain_shows_the_query_and_the_steps(advisor):
    answer = advisor.ask("What do ML engineers earn in Massachusetts?", explain=True)
    assert answer.explain is not None
    assert answer.explain["query"]["kind"] == "figure"
    assert list(answer.explain["query"]["places"][0]["known_as"]) == ["Boston, MA"]
    assert any(step.startswith("fact Boston, MA") for step in answer.explain["steps"])
    assert advisor.ask("What is Keras?").explain is None


def test_a_figure_line_under_a_heading_is_that_headings_fact(advisor):
    # Scraped pages put a role on one line and its pay on the next ("276K /yrMost Likely Range").
    lead = advisor.ask("How much does a Lead Machine Learning Engineer make according to Glassdoor?")
    assert lead.answer.startswith("Lead Machine Learning Engineer: the most likely range is 276K /yr")
    assert [f.value for f in lead.facts] == ["276K /yr"]
    manager = advisor.ask("what's the pay for an ML engineer manager")
    assert manager.answer.startswith("Machine Learning Engineer Manager:") and "287K /yr" in manager.answer


def test_a_named_source_and_an_faq_answered_by_its_list(advisor):
    answer = advisor.ask("What skills do you need to be a machine learning engineer according to Glassdoor?")
    assert answer.answer.startswith("Machine Learning; Pytorch; Tensorflow; Deep Learning; Keras")
    assert answer.citations[0].doc_id == "ml-engineer-career-path-glassdoor.txt"
    degree = advisor.ask("According to Glassdoor, what percentage of machine learning engineers earned a "
                         "Bachelor's Degree?")  # typed with a straight apostrophe, written with a curly one
    assert degree.found and degree.answer.startswith("68%")


@pytest.mark.parametrize("question,opening", [
    ("what is ML?", "Machine learning is a subset of artificial intelligence"),
    ("what does a sr ML engineer do?", "Senior Machine Learning Engineer: Senior engineers typically lead teams"),
    ("How can networking help me get a machine learning job?", "Networking"),
    ("How do I build a portfolio?", "Work on Projects"),
])
def test_the_sentence_about_the_thing_asked_leads(advisor, question, opening):
    assert advisor.ask(question).answer.startswith(opening)


def test_a_share_of_earners_is_a_percentile(advisor):
    from careerbot.answer.rewrite import normalise
    assert "the 90th percentile" in normalise("what do the top 10 percent of nurses make", advisor.corpus)
    assert "the 10th percentile" in normalise("bottom 10% pay for cashiers", advisor.corpus)
    assert understand("what do the top 10 percent of nurses make", advisor.corpus).kind == "figure"


def test_a_comparison_leads_with_its_verdict(advisor):
    answer = advisor.ask("is python or r more popular with ml engineers?")
    assert answer.answer.startswith("Python has the higher popularity percentage: 83% [1], against 9% for R [2].")
    cities = advisor.ask("Compare salaries of ML engineers in Boston and Seattle")
    assert cities.answer.startswith("Seattle, WA has the higher")


def test_a_follow_up_naming_another_thing_asks_the_same_about_it(advisor):
    history = [Turn("user", "What is TensorFlow?"), Turn("assistant", "")]
    assert advisor.ask("and keras?", history).resolved_question == "What is keras?"
    place = advisor.ask("in boston?", [Turn("user", "how much do ml engineers make"), Turn("assistant", "")])
    assert "Boston, MA" in place.answer


def test_a_follow_up_naming_another_place_replaces_the_place(advisor):
    history = [Turn("user", "how much do ml engineers make in seattle"), Turn("assistant", "")]
    answer = advisor.ask("what about boston", history)
    assert answer.resolved_question == "how much do ml engineers make in boston"
    assert answer.answer.startswith("Boston, MA:")
