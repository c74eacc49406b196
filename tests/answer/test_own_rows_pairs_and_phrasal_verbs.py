"""Questions of the seventeenth round (issue 10): a row named by a word of its own beyond the subject every row is
about ("move up to lead", "at the manager level"), jobs counted as open positions, "what kinds of X ... and what is
each one used for?", "make up" and "makes", two places named in an introduction or in two turns, sums in two
currencies, a document speaking of itself, "go about X-ing", a double follow-up, the bottom of one subject's pay,
and a sound-alike that does not end as the word typed (answer/facts.py, answer/conversation.py,
answer/understand.py, answer/rewrite.py, answer/compose.py, answer/evidence.py, answer/coverage.py,
index/corpus_index.py)."""

from careerbot.answer.compose import comparison_verdict
from careerbot.answer.query import asks_figure
from careerbot.answer.rewrite import split_questions
from careerbot.evaluation.scoring import first_sentence
from careerbot.index.corpus_index import Spelling
from careerbot.records import Turn


def test_a_row_named_by_a_word_of_its_own_answers_before_rows_it_does_not_name(advisor):
    answer = advisor.ask("What share of machine learning engineers move up to lead engineer?")
    head = first_sentence(answer.answer)
    # the share reads as the source says it, share first
    assert answer.found and head.startswith("32% advanced to Lead"), answer.answer
    assert "35%" not in answer.answer and "85%" not in answer.answer, answer.answer


def test_at_the_manager_level_after_a_career_path_question_is_that_rung(advisor):
    history = [Turn("user", "What's the typical MLE pay on Glassdoor's career path?"),
               Turn("assistant", "Machine learning engineers most likely earn around 210K /yr.")]
    answer = advisor.ask("And at the mgr level?", history)
    assert answer.found and "287K" in first_sentence(answer.answer), answer.answer


def test_jobs_are_counted_by_a_table_of_open_positions(advisor):
    answer = advisor.ask("how many entry level ml engineer jobs does microsoft have open")
    assert "32" in first_sentence(answer.answer) and "Microsoft" in first_sentence(answer.answer), answer.answer
    # and a count of something else still finds nothing there
    assert "32" not in first_sentence(advisor.ask("how many certifications does microsoft offer").answer)


def test_kinds_of_things_and_what_each_one_is_used_for_is_one_list_question(advisor):
    question = "What kinds of deep learning networks should an ML engineer know, and what is each one used for?"
    assert split_questions(question) == (question,)
    head = first_sentence(advisor.ask(question).answer)
    assert "Convolutional" in head or "Recurrent" in head, head


def test_make_up_is_no_pay_and_makes_is():
    assert not asks_figure("What job titles make up the machine learning engineer career path on Glassdoor?")
    assert asks_figure("ml engineer vs data scientist who makes more on average")
    assert not asks_figure("what makes a good ML engineer")


def test_who_makes_more_compares_their_pay(advisor):
    answer = advisor.ask("ml engineer vs data scientist who makes more on average")
    assert "$120,000" in answer.answer and "$110,000" in answer.answer, answer.answer


def test_two_places_of_an_introduction_are_both_compared(advisor):
    answer = advisor.ask("Hi, I'm weighing two offers, one in San Francisco and one in London. How do median ML "
                         "engineer salaries compare between those two cities?")
    assert "$125,000 – $170,000" in answer.answer and "£60,000 – £85,000" in answer.answer, answer.answer
    # sums in dollars and in pounds are not ranked against each other
    assert "higher" not in answer.answer, answer.answer


def test_sums_in_two_currencies_get_no_verdict(advisor):
    facts = [f for f in advisor.corpus.facts if f.value in ("$125,000 – $170,000", "£60,000 – £85,000")]
    assert len({f.value for f in facts}) == 2
    one = {f.value: f for f in facts}
    assert comparison_verdict([(one["$125,000 – $170,000"], 1), (one["£60,000 – £85,000"], 2)]) == ""


def test_which_of_those_two_after_two_places_compares_them_and_a_third_asks_its_own(advisor):
    history = [Turn("user", "whats the median ml engineer pay in san francisco"), Turn("assistant", ""),
               Turn("user", "ok and new york"), Turn("assistant", "")]
    pair = advisor.ask("which of those two is higher", history)
    assert "$125,000 – $170,000" in pair.answer and "$115,000 – $160,000" in pair.answer, pair.answer
    history += [Turn("user", "which of those two is higher"), Turn("assistant", "San Francisco is higher.")]
    london = advisor.ask("what about london", history)
    assert "£60,000 – £85,000" in first_sentence(london.answer), london.answer


def test_a_double_follow_up_resolves_its_first_part_against_the_conversation(advisor):
    history = [Turn("user", "What growth rate is projected for 2022?"),
               Turn("assistant", "The projected growth rate for 2022 is 10%.")]
    answer = advisor.ask("What about 2024, and how many ML engineer jobs were there back in 2017?", history)
    assert "20%" in answer.answer and "20,000" in answer.answer, answer.answer


def test_how_to_questions_skip_a_document_speaking_of_itself(advisor):
    for question in ("ok how do i actually go about landing an ml engineer job",
                     "how should i go about networking in the ml world"):
        head = first_sentence(advisor.ask(question).answer)
        assert "this guide" not in head and "The world of Machine Learning" not in head, head


def test_the_lowest_paid_of_one_occupation_is_its_bottom_percentile(onet_advisor):
    answer = onet_advisor.ask("how much do the lowest paid electricians make")
    assert "10th percentile" in first_sentence(answer.answer), answer.answer


def test_a_word_spelt_as_it_sounds_ends_as_it_does():
    spelling = Spelling(frozenset({"cutlery", "pharmacist", "phlebotomist", "physician"}), {})
    assert spelling.closest("cuddler") is None  # not "cutlery", though their Metaphone keys agree
    assert spelling.closest("farmacist") == "pharmacist" and spelling.closest("flebotomist") == "phlebotomist"
    assert spelling.closest("fisician") == "physician"  # found by sound alone, and it ends as typed
