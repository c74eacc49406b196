"""Pages of other shapes and what is asked of them (issue 10, eleventh round): an occupation's page without wages,
a template's sentence many pages share against the subject's own table, lists under their labels, "... for that?",
"is X the most ...?", "which pays better", "..., and how does that compare to B?" (index/load.py,
answer/evidence.py, answer/pointers.py, answer/coverage.py, answer/conversation.py, answer/advisor.py,
answer/fact_kinds.py, answer/rewrite.py)."""

from careerbot.answer.rewrite import split_questions
from careerbot.evaluation.scoring import first_sentence
from careerbot.records import Turn

# onet_pages_advisor: the shipped corpus with Mental Health Counselors (no wages), Pharmacists, Mathematicians,
# Statisticians (one job zone) and Court Reporters and Simultaneous Captioners.


def test_an_occupations_page_without_wages_names_its_subject_and_pay_is_not_covered(onet_pages_advisor):
    corpus = onet_pages_advisor.corpus
    page = next(doc_id for doc_id, title in corpus.pages.items() if title == "Mental Health Counselors")
    assert not any(f.doc_id == page and f.parsed.currency for f in corpus.facts)  # the page has no wages
    for question in ("What's the median salary for mental health counselors?",
                     "how much do mental health counselors make"):
        answer = onet_pages_advisor.ask(question)
        head = first_sentence(answer.answer)
        assert not answer.found and "Mental Health Counselors" in head, answer.answer
        assert "$" not in answer.answer and "tasks" in answer.answer, answer.answer  # what the page gives
    paid = onet_pages_advisor.ask("What's the median salary for pharmacists?")
    assert paid.found and "$137,480" in first_sentence(paid.answer), paid.answer


def test_articles_are_not_pages(onet_pages_advisor):
    titles = set(onet_pages_advisor.corpus.pages.values())
    assert "Pharmacists" in titles and "Mental Health Counselors" in titles
    assert not any("Machine Learning" in title for title in titles), titles


def test_the_subjects_own_table_leads_over_a_sentence_many_pages_share(onet_pages_advisor):
    corpus = onet_pages_advisor.corpus
    template = "For example, they may require a master's degree, and some require a Ph.D., M.D., or J.D. (law degree)."
    assert template in corpus.shared  # said word for word on the three pages of one job zone
    answer = onet_pages_advisor.ask("what degree do pharmacists need")
    head = first_sentence(answer.answer)
    assert "Doctoral Degree" in head and "78%" in head, answer.answer
    assert all("pharmacists" in c.doc_id for c in answer.citations), answer.answer


def test_lists_under_their_labels_are_one_answer_to_what_is_used(onet_pages_advisor):
    for question in ("what software do court reporters use?", "what s/w do court reporters use?"):
        answer = onet_pages_advisor.ask(question)
        head = first_sentence(answer.answer)
        assert head.startswith("In-demand technologies:"), answer.answer
        assert "Other tools:" in answer.answer and "Stenograph Case CATalyst" in answer.answer, answer.answer


def test_a_question_ending_on_that_means_the_subject_before(onet_advisor):
    answer = onet_advisor.ask("what skills r most important 4 that?",
                              [Turn("user", "I'm thinking about becoming an electrician."), Turn("assistant", "")])
    assert "electrician" in answer.resolved_question.lower(), answer.resolved_question
    assert answer.citations and all("electricians" in c.doc_id for c in answer.citations), answer.answer


def test_is_x_the_most_is_answered_yes_or_no_against_the_highest(advisor):
    yes = advisor.ask("is Python the most used lang for ML eng?")
    assert yes.answer.startswith("Yes.") and "83%" in yes.answer, yes.answer
    no = advisor.ask("is java the most popular language for ml engineers?")
    assert no.answer.startswith("No.") and "83%" in no.answer and "Python" in no.answer, no.answer


def test_which_pays_better_compares_the_medians(onet_advisor):
    answer = onet_advisor.ask("which pays better, electricians or registered nurses?")
    assert "median annual wage" in first_sentence(answer.answer), answer.answer


def test_how_does_that_compare_to_b_makes_one_comparison_of_figures(onet_advisor):
    question = "What's the median wage of electricians, and how does that compare to registered nurses?"
    assert split_questions(question) == ("What's the median wage of electricians vs registered nurses?",)
    answer = onet_advisor.ask(question)
    head = first_sentence(answer.answer)
    assert "higher median annual wage" in head, answer.answer
    assert {"electricians", "registered-nurses"} <= {part for c in answer.citations for part in
                                                      ("electricians", "registered-nurses") if part in c.doc_id}
    # not figures asked for: each question answered in its turn
    assert len(split_questions("What education do electricians have, and how does that compare with nurses?")) == 2
