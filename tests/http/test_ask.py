"""POST /ask: cited answers as JSON, follow-ups resolved from the history the client sends (http/routes/ask.py)."""

def test_ask_returns_a_cited_answer(client):
    response = client.post("/ask", json={"question": "What is Keras?"})
    assert response.status_code == 200
    body = response.json()
    assert body["found"] is True
    assert body["facts"] == []
    citation = body["citations"][0]
    assert set(citation) >= {"id", "doc_id", "title", "section", "text", "quote", "start", "end", "score"}
    assert citation["id"] == 1 and "[1]" in body["answer"]
    assert citation["doc_id"] == "how-to-become-an-ml-engineer.txt"


def test_ask_accepts_history(client):
    # The history as the chat page sends it: the earlier question and the API's own answer to it.
    first = client.post("/ask", json={"question": "What is the entry-level salary in Seattle?"}).json()
    history = [{"role": "user", "content": "What is the entry-level salary in Seattle?"},
               {"role": "assistant", "content": first["answer"]}]
    response = client.post("/ask", json={"question": "And in Boston?", "history": history})
    assert response.status_code == 200
    body = response.json()
    assert body["question"] == "And in Boston?"
    assert body["resolved_question"] == "What is the entry-level salary in Boston?"
    assert body["found"] and (body["facts"][0]["subject"], body["facts"][0]["value"]) == \
        ("Boston, MA", "$85,000 – $115,000")
    # Small talk in the history leaves a complete question as it is.
    small_talk = [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}]
    keras = client.post("/ask", json={"question": "What is Keras?", "history": small_talk}).json()
    assert keras["resolved_question"] == "What is Keras?"
    assert keras["citations"][0]["doc_id"] == "how-to-become-an-ml-engineer.txt"


def test_off_topic_question_is_an_answer_not_an_error(client):
    response = client.post("/ask", json={"question": "What is the capital of France?"})
    assert response.status_code == 200
    assert response.json()["found"] is False


def test_the_api_resolves_follow_ups_statelessly(client):
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
