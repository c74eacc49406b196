"""Follow-up questions resolved from the earlier turns (answer/conversation.py), through the advisor."""

import pytest

from careerbot.errors import InvalidQuestion
from careerbot.records import Turn


def conversation(advisor, *questions):
    history, answers = [], []
    for question in questions:
        answer = advisor.ask(question, history)
        answers.append(answer)
        history += [Turn("user", question), Turn("assistant", answer.answer)]
    return answers


@pytest.mark.parametrize("questions,resolved,value", [
    (["What is the entry-level salary in Seattle?", "And in Boston?"],
     "What is the entry-level salary in Boston?", "$85,000 – $115,000"),
    (["How many positions is Google hiring for?", "What about Amazon?"],
     "How many positions is Amazon hiring for?", "28"),
    (["What share of machine learning engineers are women?", "And data scientists?"],
     "What share of data scientists are women?", "35%"),
])
def test_subject_swap(advisor, questions, resolved, value):
    last = conversation(advisor, *questions)[-1]
    assert last.resolved_question == resolved
    assert last.question == questions[-1]
    assert last.facts[0].value == value


def test_subject_swap_carries_through_several_turns(advisor):
    answers = conversation(advisor, "What is the entry-level salary in Seattle?", "And in Boston?",
                           "What about Austin?")
    assert answers[-1].resolved_question == "What is the entry-level salary in Austin?"
    assert answers[-1].facts[0].value == "$80,000 – $110,000"


def test_attribute_swap_keeps_the_subject(advisor):
    last = conversation(advisor, "What is the average salary of a data scientist?", "And the number of openings?")[-1]
    assert "openings" in last.resolved_question and "data scientist" in last.resolved_question
    assert last.facts[0].subject == "Data Scientist" and last.facts[0].value == "450"


def test_level_swap(advisor):
    answers = conversation(advisor, "How much do entry-level ML engineers earn?", "And senior ones?",
                           "What about mid-level?")
    assert answers[1].resolved_question == "How much do senior ML engineers earn?"
    assert answers[1].facts[0].value == "$150,000 to $200,000+ annually"
    assert answers[2].resolved_question == "How much do mid-level ML engineers earn?"
    assert answers[2].facts[0].value == "$110,000 and $150,000 per year"


def test_pronoun_stands_for_the_last_topic(advisor):
    last = conversation(advisor, "Tell me about TensorFlow", "Who developed it?")[-1]
    assert last.resolved_question == "Who developed TensorFlow?"
    assert "Developed by Google" in last.answer


@pytest.mark.parametrize("first,second", [
    ("What is the entry-level salary in Seattle?", "What is Keras?"),
    ("How many positions is Google hiring for?", "Do I have to attend a bootcamp?"),
])
def test_a_complete_new_question_is_not_polluted_by_the_history(advisor, first, second):
    last = conversation(advisor, first, second)[-1]
    assert last.resolved_question == second
    assert last.answer == advisor.ask(second).answer


def test_a_follow_up_about_an_uncovered_subject_says_so(advisor):
    last = conversation(advisor, "What is the salary in New York?", "And in Tokyo?")[-1]
    assert last.resolved_question == "What is the salary in Tokyo?"
    assert not last.found and "Tokyo" in last.answer


def test_long_histories_are_trimmed_and_oversized_ones_refused(advisor):
    filler = [Turn("user", f"What is Keras? ({n})") if n % 2 == 0 else Turn("assistant", "Keras is an API.")
              for n in range(150)]
    history = filler + [Turn("user", "What is the entry-level salary in Seattle?"), Turn("assistant", "...")]
    assert advisor.ask("And in Boston?", history).resolved_question == "What is the entry-level salary in Boston?"
    with pytest.raises(InvalidQuestion, match="limit is 200"):
        advisor.ask("And in Boston?", [Turn("user", "hi")] * 201)
    with pytest.raises(InvalidQuestion, match=r"history\[0\].content"):
        advisor.ask("And in Boston?", [Turn("user", "x" * 5000)])


def test_which_one_after_a_list_and_a_missing_level_for_a_place(advisor):
    which = advisor.ask("Which one does Microsoft offer?",
                        [Turn("user", "Which certification does Google issue?"), Turn("assistant", "")])
    assert which.resolved_question == "Which certification does Microsoft offer?"
    assert all(f.value == "Microsoft" for f in which.facts) and which.facts
    senior = advisor.ask("And senior ones?", [Turn("user", "How much do ML engineers make in Boston?"),
                                              Turn("assistant", "")])
    assert not senior.found
    assert senior.answer.startswith("The sources give no senior figure for Boston, MA.")


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
