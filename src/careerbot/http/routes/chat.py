"""The OpenAI-compatible API: POST /v1/chat/completions (plain and streamed) and GET /v1/models, answered by the same
advisor as POST /ask. An SDK or chat front end that speaks the OpenAI protocol gets a readable, cited answer; one
that knows careerbot reads everything else from the reply's `careerbot` field."""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import asdict
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from careerbot.answer.advisor import Advisor
from careerbot.errors import CareerbotError, InvalidQuestion, NotAuthorised, UnknownModel
from careerbot.http.deps import AdvisorDep, CurrentDep, bearer_matches
from careerbot.http.errors import SERVER_ERROR, status_of
from careerbot.http.openai_schemas import (
    MODEL_ID,
    AssistantMessage,
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionRequest,
    ChatMessage,
    Choice,
    ChunkChoice,
    Delta,
    ModelCard,
    ModelList,
    OpenAIError,
    Usage,
    openai_error,
)
from careerbot.http.schemas import AskResponse
from careerbot.records import Answer, Turn

log = logging.getLogger("careerbot.api")

SOURCES_HEADING = "Sources:"
# Where a streamed answer is cut into chunks: after a sentence's end or its [n] marker, before the next one.
_PIECE_END = re.compile(r"(?<=[.!?\]:;])\s+")


async def check_api_key(current: CurrentDep, authorization: Annotated[str | None, Header()] = None) -> None:
    """With CAREERBOT_API_KEY set, every /v1 request needs it as 'Authorization: Bearer <key>'."""
    expected = current.settings.api_key
    if expected and not bearer_matches(expected, authorization):
        raise NotAuthorised("Incorrect or missing API key: send 'Authorization: Bearer <key>' with the key the server "
                            "was started with (CAREERBOT_API_KEY); an OpenAI client sends its api_key this way.")


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": OpenAIError, "description": description} for status, description in [
        (400, "The request is not one careerbot can answer (no user message, too long, not JSON)."),
        (401, "CAREERBOT_API_KEY is set and the request did not send it."),
        (404, "The model named is not careerbot."),
        (503, "No index is loaded.")]}

# One Server-Sent Event of a streamed reply.
SSE_EVENT = {"type": "object", "required": ["data"], "properties": {
    "data": {"type": "string", "description": "A ChatCompletionChunk as JSON; an OpenAIError if the answer failed "
                                              "midway; the last event is [DONE]."},
    "event": {"type": "string"}, "id": {"type": "string"}, "retry": {"type": "integer"}}}

router = APIRouter(prefix="/v1", tags=["OpenAI-compatible"], dependencies=[Depends(check_api_key)])


def conversation(messages: Sequence[ChatMessage], advisor: Advisor) -> tuple[str, list[Turn]]:
    """The question (the last user message) and the user and assistant turns before it, each within the limits
    /ask enforces: a long chat keeps its latest turns, a long turn its first characters."""
    last = max((n for n, message in enumerate(messages) if message.role == "user"), default=None)
    if last is None:
        raise InvalidQuestion("The messages hold no user message: the last one with role 'user' is the question.")
    question = messages[last].text()
    if not question.strip():
        raise InvalidQuestion(f"messages[{last}] (the question) has no text: send it as a string or text parts.")
    settings = advisor.settings
    turns = [Turn(role="user" if m.role == "user" else "assistant", content=_without_sources(m.text())
                  [: settings.max_turn_chars]) for m in messages[:last] if m.role in ("user", "assistant")]
    return question, turns[-settings.max_history_turns:] if settings.max_history_turns else []


def _without_sources(text: str) -> str:
    """An earlier careerbot reply without the sources list it ended with, as /ask's history holds it."""
    head, marker, _ = text.rpartition(f"\n\n{SOURCES_HEADING}\n")
    return head if marker else text


def content_of(answer: Answer) -> str:
    """The answer text with its [n] markers, then one short Markdown line per source."""
    if not answer.citations:
        return answer.answer
    lines = [f"- [{c.id}] {c.title}" + (f", {c.section}" if c.section and c.section != c.title else "")
             + f" ({c.doc_id})" for c in answer.citations]
    return f"{answer.answer}\n\n{SOURCES_HEADING}\n" + "\n".join(lines)


def pieces(text: str) -> list[str]:
    """The content cut sentence by sentence (each piece keeps the space after it, so the pieces join back to it)."""
    cuts = [0] + [match.end() for match in _PIECE_END.finditer(text)] + [len(text)]
    return [text[low:high] for low, high in zip(cuts, cuts[1:], strict=False) if high > low]


def _words(text: str) -> int:
    return len(text.split())


def usage_of(question: str, turns: Sequence[Turn], content: str) -> Usage:
    prompt = _words(question) + sum(_words(turn.content) for turn in turns)
    completion = _words(content)
    return Usage(prompt_tokens=prompt, completion_tokens=completion, total_tokens=prompt + completion)


def _created(built_at: str) -> int:
    try:
        return int(datetime.fromisoformat(built_at.replace("Z", "+00:00")).timestamp())
    except ValueError:
        return 0


@router.get("/models", response_model=ModelList, responses=ERRORS)
def list_models(advisor: AdvisorDep) -> ModelList:
    """The one model this server answers as, with the index version it answers from."""
    corpus = advisor.corpus
    return ModelList(data=[ModelCard(id=MODEL_ID, created=_created(corpus.manifest.built_at),
                                     index_version=corpus.version)])


@router.get("/models/{model}", response_model=ModelCard, responses=ERRORS)
def get_model(model: str, advisor: AdvisorDep) -> ModelCard:
    _check_model(model)
    return list_models(advisor).data[0]


def _check_model(model: str) -> None:
    if model != MODEL_ID:
        raise UnknownModel(f"The model '{model}' does not exist here: this server answers as '{MODEL_ID}' "
                           "(GET /v1/models lists it).")


@router.post("/chat/completions", response_model=ChatCompletion, responses={
    **ERRORS, 200: {"description": "The answer; with `stream: true`, Server-Sent Events of ChatCompletionChunk "
                                   "objects ending with `data: [DONE]`.",
                    "content": {"text/event-stream": {"schema": SSE_EVENT}}}})
async def chat_completions(body: ChatCompletionRequest, advisor: AdvisorDep) -> Any:
    """Answer the last user message from the corpus, the earlier turns as its history (OpenAI's chat format)."""
    _check_model(body.model)
    question, turns = conversation(body.messages, advisor)
    advisor.validate(question, turns)  # a bad question is a 400 before any stream starts
    ident, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
    if body.stream:
        include_usage = bool(body.stream_options and body.stream_options.include_usage)
        return StreamingResponse(_stream(advisor, question, turns, ident, created, include_usage),
                                 media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
    answer = await run_in_threadpool(advisor.ask, question, turns)
    content = content_of(answer)
    return ChatCompletion(id=ident, created=created, model=MODEL_ID, system_fingerprint=answer.index_version,
                          choices=[Choice(message=AssistantMessage(content=content))],
                          usage=usage_of(question, turns, content), careerbot=AskResponse(**asdict(answer)))


def _event(payload: dict[str, Any] | ChatCompletionChunk) -> str:
    data = payload.model_dump_json() if isinstance(payload, ChatCompletionChunk) else json.dumps(payload)
    return f"data: {data}\n\n"


async def _stream(advisor: Advisor, question: str, turns: list[Turn], ident: str, created: int,
                  include_usage: bool) -> AsyncIterator[str]:
    """The role chunk at once, the content sentence by sentence, a last chunk with finish_reason (and careerbot's
    answer), the usage when asked for, then [DONE]. An error midway is one error event, then [DONE]."""
    version = advisor.corpus.version

    def chunk(delta: Delta, finish: bool = False, **extra: Any) -> ChatCompletionChunk:
        return ChatCompletionChunk(id=ident, created=created, model=MODEL_ID, system_fingerprint=version,
                                   choices=[ChunkChoice(delta=delta, finish_reason="stop" if finish else None)],
                                   **extra)

    yield _event(chunk(Delta(role="assistant", content="")))
    try:
        answer = await run_in_threadpool(advisor.ask, question, turns)
    except CareerbotError as error:
        yield _event(openai_error(str(error), status_of(error)))
        yield "data: [DONE]\n\n"
        return
    except Exception:  # logged; the client gets a clean end, not a cut connection
        log.exception("unexpected error while streaming an answer")
        yield _event(openai_error(SERVER_ERROR, 500))
        yield "data: [DONE]\n\n"
        return
    content = content_of(answer)
    for piece in pieces(content):
        yield _event(chunk(Delta(content=piece)))
    yield _event(chunk(Delta(), finish=True, careerbot=AskResponse(**asdict(answer))))
    if include_usage:
        yield _event(ChatCompletionChunk(id=ident, created=created, model=MODEL_ID, system_fingerprint=version,
                                         choices=[], usage=usage_of(question, turns, content)))
    yield "data: [DONE]\n\n"
