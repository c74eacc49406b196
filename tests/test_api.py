import pytest
from fastapi.testclient import TestClient

from careerbot.answer.advisor import CurrentAdvisor
from careerbot.http.app import create_app


@pytest.fixture(scope="module")
def client(advisor):
    with TestClient(create_app(CurrentAdvisor(advisor)), raise_server_exceptions=False) as client:
        yield client


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
    response = client.post("/ask", json={"question": "What is Keras?",
                                         "history": [{"role": "user", "content": "Hi"},
                                                     {"role": "assistant", "content": "Hello"}]})
    assert response.status_code == 200


def test_off_topic_question_is_an_answer_not_an_error(client):
    response = client.post("/ask", json={"question": "What is the capital of France?"})
    assert response.status_code == 200
    assert response.json()["found"] is False


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


def test_chat_page_and_its_assets_are_served_with_a_strict_policy(client):
    page = client.get("/")
    assert page.status_code == 200
    assert "<textarea" in page.text and "/static/app.js" in page.text
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in page.headers["Content-Security-Policy"]
    assert client.get("/static/app.js").status_code == 200


def test_api_docs_work_without_a_cdn(client):
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "cdn" not in docs.text.lower()
    assert client.get("/openapi.json").json()["paths"]["/ask"]["post"]
