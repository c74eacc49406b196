"""What a question measures, of which kind of subject, from which source (issue 10, twelfth round): "how much
experience", a heading's list of names, another kind of the subject ("data engineers"), a source named in lower
case, "how common", a ranking asked as "which X do most of them hold", hourly comparisons and "which of the two"
(answer/advisor.py, answer/evidence.py, answer/pointers.py, answer/coverage.py, answer/conversation.py,
answer/understand.py, answer/fact_kinds.py, answer/rewrite.py)."""

from careerbot.evaluation.scoring import first_sentence
from careerbot.records import Turn

# onet_pages_advisor: the shipped corpus with Mental Health Counselors, Pharmacists, Mathematicians, Statisticians
# and Court Reporters and Simultaneous Captioners; onet_advisor: with Data Scientists, Electricians, Registered Nurses.


def test_how_much_experience_is_answered_by_the_passage_that_measures_it(onet_pages_advisor):
    for question in ("how much experience do pharmacists need", "how many years of experience do pharmacists need"):
        answer = onet_pages_advisor.ask(question)
        head = first_sentence(answer.answer)
        assert answer.found and "years of experience" in head, answer.answer
        assert "$" not in answer.answer, answer.answer  # their wages measure something else
    paid = onet_pages_advisor.ask("how much do pharmacists make")
    assert "$137,480" in first_sentence(paid.answer), paid.answer


def test_a_headings_list_of_names_answers_a_question_asking_for_them(onet_pages_advisor):
    answer = onet_pages_advisor.ask("what occupations are related to pharmacists?")
    head = first_sentence(answer.answer)
    assert head.startswith("Related occupations:") and "Nurse Practitioners" in head, answer.answer
    assert "pharmacists" in answer.citations[0].doc_id, answer.answer
    defined = onet_pages_advisor.ask("what is a pharmacist?")  # names are no definition
    assert not first_sentence(defined.answer).startswith("Related occupations"), defined.answer


def test_another_kind_of_the_subject_is_a_near_miss(advisor):
    for question, named in (("how much do data engineers make", "data engineers"),
                            ("how much do software engineers make", "software engineers"),
                            ("how much do summer intern ML engineers make on glassdoor", "summer intern")):
        answer = advisor.ask(question)
        assert not answer.found and named in first_sentence(answer.answer).lower(), answer.answer
    for question in ("how much do ml engineers make", "what percentage of machine learning engineers use R?",
                     "how much do machine learning engineers in boston make"):
        assert advisor.ask(question).found, question


def test_a_source_named_in_lower_case_is_that_sources_answer(advisor):
    answer = advisor.ask("what is the average salary of an ml engineer according to glassdoor")
    head = first_sentence(answer.answer)
    assert "Glassdoor" in head and "$110,000" in head, answer.answer
    listed = advisor.ask("Which skills do machine learning engineers most often list on their resumes according to "
                         "Glassdoor?")
    assert "Pytorch" in first_sentence(listed.answer), listed.answer
    assert "glassdoor" in listed.citations[0].doc_id, listed.answer


def test_a_close_passage_saying_more_of_what_was_asked_leads(advisor):
    answer = advisor.ask("Which industries are hiring machine learning engineers?")
    head = first_sentence(answer.answer)
    assert "Technology" in head and "Finance" in head and "Google" not in head, answer.answer


def test_a_terms_theme_words_do_not_hide_its_definition(advisor):
    answer = advisor.ask("whats an ml bootcamp exactly")
    assert "short-term intensive programs" in first_sentence(answer.answer), answer.answer


def test_how_common_asks_for_shares_side_by_side(advisor):
    answer = advisor.ask("Among entry-level ML engineers, how common is a bachelor's degree compared to a master's?")
    assert "82%" in answer.answer and "15%" in answer.answer, answer.answer
    assert "82%" in first_sentence(answer.answer), answer.answer


def test_which_thing_do_most_of_them_hold_is_the_most_common(onet_pages_advisor):
    history = [Turn("user", "What do pharmacists do?"), Turn("assistant", "")]
    answer = onet_pages_advisor.ask("Which degree do most of them hold?", history)
    head = first_sentence(answer.answer)
    assert "Doctoral Degree" in head and "78%" in head, answer.answer


def test_that_occupation_after_a_bare_name_and_shorthand(onet_pages_advisor):
    history = [Turn("user", "Tell me about pharmacists."), Turn("assistant", "")]
    answer = onet_pages_advisor.ask("How many people are employed in that occupation?", history)
    assert "328,870" in first_sentence(answer.answer), answer.answer
    yearly = onet_pages_advisor.ask("median yrly pay for pharmacists?")
    assert "$137,480" in first_sentence(yearly.answer), yearly.answer


def test_an_hourly_comparison_and_which_of_the_two(onet_pages_advisor):
    answer = onet_pages_advisor.ask("How much do statisticians make per hour compared with mathematicians, and "
                                    "which of the two jobs employs more people?")
    assert "$58.50" in answer.answer and "$49.66" in answer.answer, answer.answer  # hourly, as asked
    assert "$121,680" not in answer.answer, answer.answer
    assert "29,800" in answer.answer and "2,220" in answer.answer, answer.answer  # the two, by employment
    history = [Turn("user", "compare statisticians and mathematicians"), Turn("assistant", "")]
    pair = onet_pages_advisor.ask("which of them employs more people?", history)
    head = first_sentence(pair.answer)
    assert "Statisticians" in head and "29,800" in head, pair.answer
