"""Every API error in one shape, {"error": "..."}, saying what went wrong and what to send (http/errors.py)."""

import pytest


@pytest.mark.parametrize("payload,status,message", [
    ({"question": ""}, 422, "empty"),
    ({"question": "   "}, 422, "empty"),
    ({"question": "x" * 5000}, 422, "limit is 1000"),
    ({}, 422, "'question' is required"),
    ({"question": 42}, 422, "question"),
    ({"question": None}, 422, "question"),
    ({"question": ["a"]}, 422, "question"),
    ({"question": "What is Keras?", "history": "earlier"}, 422, "list of turns"),
    ({"question": "What is Keras?", "history": [{"role": "system", "content": "x"}]}, 422, "'user' or 'assistant'"),
    ({"question": "What is Keras?", "history": ["hello"]}, 422, "list of turns"),
    ({"question": "What is Keras?", "history": [{"role": "user"}]}, 422, "history.0.content"),
    ({"question": "What is Keras?", "questoin": "typo"}, 422, "'questoin' is not a field"),
    (["What is Keras?"], 422, "JSON object"),
    ("just a string", 422, "JSON object"),
])
def test_bad_input_gets_a_clear_4xx(client, payload, status, message):
    response = client.post("/ask", json=payload)
    assert response.status_code == status
    assert message in response.json()["error"]


def test_malformed_json_gets_a_400_that_says_what_to_send(client):
    response = client.post("/ask", content=b'{"question": "What is', headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert "not valid JSON" in response.json()["error"]
