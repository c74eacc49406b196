"""Follow-up questions: resolved from the history through the advisor, the API and `careerbot chat`."""

import os
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from careerbot.answer.advisor import CurrentAdvisor
from careerbot.errors import InvalidQuestion
from careerbot.http.app import create_app
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


def test_the_api_resolves_follow_ups_statelessly(advisor):
    with TestClient(create_app(CurrentAdvisor(advisor))) as client:
        history = [{"role": "user", "content": "What is the entry-level salary in Seattle?"},
                   {"role": "assistant", "content": "Seattle, WA — Salary Range: $90,000 – $120,000 [1]."}]
        body = client.post("/ask", json={"question": "And in Boston?", "history": history}).json()
        assert body["resolved_question"] == "What is the entry-level salary in Boston?"
        assert body["facts"][0]["value"] == "$85,000 – $115,000"
        alone = client.post("/ask", json={"question": "And in Boston?"}).json()
        assert alone["resolved_question"] == "And in Boston?"
        too_long = client.post("/ask", json={"question": "And in Boston?", "history": history * 101})
        assert too_long.status_code == 422 and "limit is 200" in too_long.json()["error"]
        bad_role = client.post("/ask", json={"question": "x?", "history": [{"role": "bot", "content": "hi"}]})
        assert bad_role.status_code == 422 and "'user' or 'assistant'" in bad_role.json()["error"]
        not_list = client.post("/ask", json={"question": "x?", "history": {"role": "user", "content": "hi"}})
        assert not_list.status_code == 422 and "list of turns" in not_list.json()["error"]


def test_chat_in_the_terminal_follows_the_conversation(shipped_index, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERBOT_")}
    script = "What is the entry-level salary in Seattle?\nAnd in Boston?\n\n/clear\nAnd in Boston?\n/quit\n"
    result = subprocess.run([sys.executable, "-m", "careerbot", "--index", str(shipped_index.index_dir), "chat"],
                            input=script, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "$90,000 – $120,000" in out
    assert "(reading it as: What is the entry-level salary in Boston?)" in out
    assert "$85,000 – $115,000" in out and "Sources:" in out
    assert "(conversation cleared)" in out
    assert out.count("(reading it as:") == 1  # after /clear, "And in Boston?" has nothing to follow
