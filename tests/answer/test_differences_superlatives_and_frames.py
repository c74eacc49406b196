"""Questions of the nineteenth round (issue 10): a sentence that says several things exist without naming them
announces the list (or the sentence) after it, a superlative the text states of what is ranked, a table whose rows
are not of the kind a ranking asks for, a question word opening a clause is no name (misspelt or capitalised), and
"what does the X role involve?" asks what X does (answer/pointers.py, answer/coverage.py, answer/fact_kinds.py,
answer/understand.py, answer/rewrite.py, answer/evidence.py)."""

from careerbot.answer.understand import understand
from careerbot.evaluation.scoring import first_sentence
from careerbot.records import Turn


def test_a_difference_said_to_exist_is_answered_by_the_differences_it_announces(advisor):
    # "..., there are distinct differences between the two positions." is followed by a list of them
    head = first_sentence(advisor.ask("whats the actual difference between an ml engineer and a data scientist")
                          .answer)
    assert "focuses on designing and implementing" in head, head
    assert "misconception" not in head.lower(), head


def test_a_sentence_that_says_things_exist_and_answers_is_not_a_pointer(advisor):
    # "Yes, there are certifications available ..." says what was asked; it is not joined to what follows
    answer = advisor.ask("Does Google offer a machine learning engineer certification?").answer
    assert "Google is working on" in first_sentence(answer), answer


def test_a_superlative_stated_of_what_is_ranked_is_found_below_the_table(advisor):
    answer = advisor.ask("which certification is the most popular one").answer
    quoted = answer.split("[1]")[0]  # "Amazon: ... This is the most popular ...": one quote, "This" with its referent
    assert quoted.startswith("Amazon") and "most popular certification" in quoted, answer
    assert "Python" not in answer, answer


def test_a_table_of_another_kind_of_thing_ranks_nothing_asked(advisor):
    # a table of programming languages' popularity does not say which company is the most popular
    answer = advisor.ask("which of the companies is the most popular one").answer
    assert "Python" not in answer and "83%" not in answer, answer
    # a table of the kind asked still ranks
    head = first_sentence(advisor.ask("which company has the most open ML positions").answer)
    assert "Google" in head and "45" in head, head


def test_a_question_word_opening_a_clause_names_nothing(advisor):
    read = understand("What certifications can machine learning engineers get: Which one is the most popular?",
                      advisor.corpus)
    assert not [m for m in read.subjects if m.role == "name"], read.subjects
    answer = advisor.ask("Which one is the most popular?",
                         [Turn("user", "What certifications can machine learning engineers get?"),
                          Turn("assistant", "")])
    assert "Amazon" in first_sentence(answer.answer), answer.answer


def test_a_misspelt_question_word_opening_the_question_is_read_as_the_word(advisor):
    answer = advisor.ask("Wich industry hires the most machine lerning engineers?")
    assert answer.found and "Technology" in first_sentence(answer.answer), answer.answer
    # four letters in capitals elsewhere are still a name, not a slip
    assert "AWS" in understand("Do I need AWS skills?", advisor.corpus).text


def test_what_a_role_involves_asks_what_it_does(advisor):
    read = understand("What does the architect role involve?", advisor.corpus)
    assert read.kind == "duties" and "involve" not in read.topic, read
    answer = advisor.ask("What does the architect role involve?")
    assert answer.found and "Machine Learning Architect" in first_sentence(answer.answer), answer.answer


def test_a_ranking_of_years_ranks_rows_labelled_by_year(advisor):
    head = first_sentence(advisor.ask("which year has the highest projected growth rate for machine lerning?").answer)
    assert head.startswith("2024") and "20%" in head, head


def test_a_yes_no_question_is_answered_by_the_sentence_that_says_what_it_asks(advisor):
    # "... you should know that this isn't an entry-level job": the question's own predicate, said of the job
    head = first_sentence(advisor.ask("Is machine learning engineer an entry-level job?").answer)
    assert "isn’t an entry-level job" in head or "isn't an entry-level job" in head, head


def test_the_highest_paid_role_ranks_roles_not_one_roles_top_earners(advisor):
    read = understand("highest paid role on the MLE career ladder per glassdoor?", advisor.corpus)
    assert read.kind == "ranking" and "percentile" not in read.text, read
    head = first_sentence(advisor.ask("highest paid ML role in the Glassdoor pay figures?").answer)
    assert "Machine Learning Engineer Manager" in head and "287K" in head, head


def test_a_follow_up_opening_with_and_that_asks_its_own_question_is_not_an_ellipsis(onet_advisor):
    history = [Turn("user", "I'm thinking of becoming an electrician."), Turn("assistant", ""),
               Turn("user", "What's the median pay?"), Turn("assistant", "")]
    answer = onet_advisor.ask("And how many electricians are employed in the US?", history)
    head = first_sentence(answer.answer)
    assert "employment" in head.lower() and "median" not in head.lower(), answer.answer


def test_a_superlative_an_item_of_a_chosen_list_states_is_quoted_whole(advisor):
    # the list shows each item's first sentence; the item's second says "This is the most popular ..."
    history = [Turn("user", "what certifications can I get?"), Turn("assistant", "")]
    answer = advisor.ask("which one is the most popular?", history).answer
    quoted = answer.split("[1]")[0]
    assert quoted.startswith("Amazon") and "most popular certification" in quoted, answer
