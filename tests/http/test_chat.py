"""The OpenAI-compatible API (http/routes/chat.py), driven by the official `openai` package against a live server
over the shipped index, as a user's SDK or chat front end would."""

from __future__ import annotations

import re
from dataclasses import replace

import httpx
import openai
import pytest

from careerbot.answer.advisor import Advisor, CurrentAdvisor
from careerbot.http.app import create_app
from helpers import running_server

QUESTION = "What is the entry-level salary range for machine learning engineers in Seattle?"
MARKER = re.compile(r"\[(\d+)\]")


@pytest.fixture(scope="module")
def base_url(advisor):
    with running_server(create_app(CurrentAdvisor(advisor))) as url:
        yield url


@pytest.fixture(scope="module")
def sdk(base_url):
    return openai.OpenAI(base_url=f"{base_url}/v1", api_key="unused", max_retries=0)


def user(text: str) -> dict[str, str]:
    return {"role": "user", "content": text}


def test_models_lists_careerbot_with_its_index_version(sdk, advisor):
    models = sdk.models.list().data
    assert [model.id for model in models] == ["careerbot"]
    assert models[0].index_version == advisor.corpus.version
    assert sdk.models.retrieve("careerbot").id == "careerbot"


def test_plain_completion_is_a_cited_answer_with_its_sources(sdk):
    reply = sdk.chat.completions.create(model="careerbot", messages=[
        {"role": "system", "content": "You are a helpful assistant."}, user(QUESTION)], temperature=0.2,
        max_tokens=300)
    content = reply.choices[0].message.content
    assert reply.choices[0].finish_reason == "stop" and reply.choices[0].message.role == "assistant"
    assert "$90,000 – $120,000" in content
    answer, _, sources = content.partition("\n\nSources:\n")
    careerbot = reply.model_extra["careerbot"]
    # Every marker in the text has a source line, and the careerbot field holds the same answer with its citations.
    assert answer == careerbot["answer"] and careerbot["found"] is True
    cited = {int(n) for n in MARKER.findall(answer)}
    assert cited and cited == {c["id"] for c in careerbot["citations"]}
    assert [line.split("]")[0] for line in sources.splitlines()] == [f"- [{n}" for n in sorted(cited)]
    assert any(fact["value"] == "$90,000 – $120,000" for fact in careerbot["facts"])
    assert reply.system_fingerprint == careerbot["index_version"]
    assert reply.usage.completion_tokens == len(content.split())


def test_streamed_completion_reassembles_to_the_plain_one(sdk):
    plain = sdk.chat.completions.create(model="careerbot", messages=[user(QUESTION)])
    chunks = list(sdk.chat.completions.create(model="careerbot", messages=[user(QUESTION)], stream=True,
                                              stream_options={"include_usage": True}))
    assert chunks[0].choices[0].delta.role == "assistant"
    text_chunks = [c for c in chunks if c.choices and c.choices[0].delta.content]
    assert len(text_chunks) > 1, "the answer streams in pieces, sentence by sentence"
    assert "".join(c.choices[0].delta.content for c in text_chunks) == plain.choices[0].message.content
    finals = [c for c in chunks if c.choices and c.choices[0].finish_reason]
    assert [c.choices[0].finish_reason for c in finals] == ["stop"]
    assert finals[0].model_extra["careerbot"]["answer"] == plain.model_extra["careerbot"]["answer"]
    assert chunks[-1].choices == [] and chunks[-1].usage.completion_tokens == plain.usage.completion_tokens
    assert len({c.id for c in chunks}) == 1


def test_stream_ends_with_done(base_url):
    with httpx.stream("POST", f"{base_url}/v1/chat/completions", timeout=60, json={
            "model": "careerbot", "messages": [user(QUESTION)], "stream": True}) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        events = [line for line in response.iter_lines() if line]
    assert all(line.startswith("data: ") for line in events)
    assert events[-1] == "data: [DONE]"


def test_follow_up_reads_the_earlier_turns(sdk):
    first = sdk.chat.completions.create(model="careerbot", messages=[user(QUESTION)])
    follow = sdk.chat.completions.create(model="careerbot", messages=[
        user(QUESTION), {"role": "assistant", "content": first.choices[0].message.content}, user("And in Boston?")])
    careerbot = follow.model_extra["careerbot"]
    assert "Boston" in careerbot["resolved_question"]
    assert "$85,000 – $115,000" in follow.choices[0].message.content


def test_text_parts_are_read_like_a_string(sdk):
    reply = sdk.chat.completions.create(model="careerbot", messages=[
        {"role": "user", "content": [{"type": "text", "text": QUESTION}]}])
    assert "$90,000 – $120,000" in reply.choices[0].message.content


def test_off_topic_question_says_it_is_not_covered(sdk):
    reply = sdk.chat.completions.create(model="careerbot", messages=[user("What is the best recipe for lasagna?")])
    assert reply.model_extra["careerbot"]["found"] is False
    assert "\n\nSources:" not in reply.choices[0].message.content or reply.model_extra["careerbot"]["citations"]
    assert "not" in reply.choices[0].message.content.lower()


@pytest.mark.parametrize("messages, param", [
    ([], "messages"),
    ([{"role": "system", "content": "Only instructions."}], None),
    ([{"role": "user", "content": "   "}], None),
    ([{"role": "wizard", "content": "hi"}], "messages.0.role"),
    ([user("x" * 5000)], None),
])
def test_bad_input_is_a_400_in_openai_shape(sdk, messages, param):
    with pytest.raises(openai.BadRequestError) as raised:
        sdk.chat.completions.create(model="careerbot", messages=messages)
    error = raised.value.body
    assert error["type"] == "invalid_request_error" and error["message"]
    assert "Traceback" not in error["message"]
    if param:
        assert error["param"] == param


def test_unknown_model_is_a_404_naming_the_model_there_is(sdk):
    with pytest.raises(openai.NotFoundError) as raised:
        sdk.chat.completions.create(model="gpt-4o", messages=[user(QUESTION)])
    assert raised.value.body["code"] == "model_not_found" and "'careerbot'" in raised.value.body["message"]


def test_not_json_and_unknown_paths_get_the_openai_shape(base_url):
    bad = httpx.post(f"{base_url}/v1/chat/completions", content=b"{not json", timeout=30,
                     headers={"Content-Type": "application/json"})
    assert bad.status_code == 400 and set(bad.json()["error"]) == {"message", "type", "param", "code"}
    missing = httpx.get(f"{base_url}/v1/embeddings", timeout=30)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    wrong = httpx.get(f"{base_url}/v1/chat/completions", timeout=30)
    assert wrong.status_code == 405 and wrong.json()["error"]["type"] == "invalid_request_error"


def test_api_key_is_required_when_set(advisor):
    keyed = CurrentAdvisor(Advisor(replace(advisor.settings, api_key="s3cret"), advisor.embedder, advisor.corpus))
    with running_server(create_app(keyed)) as url:
        wrong = openai.OpenAI(base_url=f"{url}/v1", api_key="guess", max_retries=0)
        with pytest.raises(openai.AuthenticationError) as raised:
            wrong.chat.completions.create(model="careerbot", messages=[user(QUESTION)])
        assert raised.value.body["code"] == "invalid_api_key"
        with pytest.raises(openai.AuthenticationError):
            wrong.models.list()
        right = openai.OpenAI(base_url=f"{url}/v1", api_key="s3cret", max_retries=0)
        assert "$90,000" in right.chat.completions.create(model="careerbot", messages=[user(QUESTION)]) \
            .choices[0].message.content
        # careerbot's own API and page are not behind the key.
        assert httpx.post(f"{url}/ask", json={"question": QUESTION}, timeout=60).status_code == 200


class FailingAdvisor(Advisor):
    """The shipped advisor, failing after the question was accepted: the stream has started when it fails."""

    def ask(self, question, history=(), explain=False):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk gone")


def test_an_error_midway_ends_the_stream_cleanly(advisor):
    failing = CurrentAdvisor(FailingAdvisor(advisor.settings, advisor.embedder, advisor.corpus))
    with running_server(create_app(failing)) as url:
        sdk = openai.OpenAI(base_url=f"{url}/v1", api_key="unused", max_retries=0)
        stream = sdk.chat.completions.create(model="careerbot", messages=[user(QUESTION)], stream=True)
        with pytest.raises(openai.APIError) as raised:
            list(stream)
        assert "went wrong on the server" in str(raised.value) and "disk gone" not in str(raised.value)
        with httpx.stream("POST", f"{url}/v1/chat/completions", timeout=60, json={
                "model": "careerbot", "messages": [user(QUESTION)], "stream": True}) as response:
            events = [line for line in response.iter_lines() if line]
        assert events[-1] == "data: [DONE]" and '"error"' in events[-2]


def test_a_body_that_is_not_utf8_gets_the_openai_shape(base_url):
    response = httpx.post(f"{base_url}/v1/chat/completions", content="{\"model\": \"caf\xe9\"}".encode("latin-1"),
                          headers={"Content-Type": "application/json"}, timeout=30)
    assert response.status_code == 400
    assert response.json()["error"]["type"] == "invalid_request_error"
