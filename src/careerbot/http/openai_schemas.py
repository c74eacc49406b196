"""The OpenAI chat-completions contract, as much of it as careerbot serves: requests are read leniently (fields a
chat front end or SDK sends that do not apply to a retrieval answer are accepted and ignored), replies carry
careerbot's own answer in an extra `careerbot` field beside the standard ones."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr

from careerbot.http.schemas import AskResponse

MODEL_ID = "careerbot"


class ContentPart(BaseModel):
    """One part of a message's content; only text parts are read."""

    model_config = ConfigDict(extra="allow", strict=True)

    type: StrictStr
    text: StrictStr | None = None


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)

    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: StrictStr | list[ContentPart] | None = None
    name: StrictStr | None = None

    def text(self) -> str:
        if isinstance(self.content, str):
            return self.content
        parts = self.content or []
        return "\n".join(part.text for part in parts if part.type == "text" and part.text)


class StreamOptions(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)

    include_usage: StrictBool = False


class ChatCompletionRequest(BaseModel):
    """OpenAI's request body. `model` must be "careerbot"; sampling and tool fields are accepted and ignored (an
    answer is composed from the sources, not sampled)."""

    model_config = ConfigDict(extra="allow", strict=True, json_schema_extra={"examples": [{
        "model": MODEL_ID, "messages": [{"role": "user", "content": "What does a machine learning engineer do?"}]}]})

    model: StrictStr = Field(description='The model id from GET /v1/models: "careerbot".')
    messages: list[ChatMessage] = Field(min_length=1, description="The conversation, oldest first; the last user "
                                        "message is the question, earlier user and assistant turns its history. "
                                        "System and tool messages are ignored.")
    stream: StrictBool | None = Field(default=False, description="Send the answer as Server-Sent Events.")
    stream_options: StreamOptions | None = None
    # Accepted so standard clients work, ignored: the answer does not depend on them.
    temperature: float | None = None
    top_p: float | None = None
    n: int | None = None
    max_tokens: int | None = None
    max_completion_tokens: int | None = None
    stop: StrictStr | list[StrictStr] | None = None
    presence_penalty: float | None = None
    frequency_penalty: float | None = None
    seed: int | None = None
    user: StrictStr | None = None


class AssistantMessage(BaseModel):
    role: Literal["assistant"] = "assistant"
    content: str = Field(description="The answer with its [n] markers, then the numbered sources as Markdown lines.")
    refusal: None = None


class Choice(BaseModel):
    index: int = 0
    message: AssistantMessage
    finish_reason: Literal["stop"] = "stop"
    logprobs: None = None


class Usage(BaseModel):
    """Counted in words (careerbot runs no generative model and spends no tokens)."""

    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class ChatCompletion(BaseModel):
    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    system_fingerprint: str = Field(description="The index version that answered.")
    choices: list[Choice]
    usage: Usage
    careerbot: AskResponse = Field(description="careerbot's full answer: citations with offsets, facts, `found` "
                                   "(false when the sources do not cover the question) and `resolved_question`.")


class Delta(BaseModel):
    role: Literal["assistant"] | None = None
    content: str | None = None


class ChunkChoice(BaseModel):
    index: int = 0
    delta: Delta
    finish_reason: Literal["stop"] | None = None
    logprobs: None = None


class ChatCompletionChunk(BaseModel):
    """One Server-Sent Event of a streamed reply. The last chunk with choices has `finish_reason` and carries the
    `careerbot` answer; with `stream_options.include_usage` a chunk with `usage` and no choices follows."""

    id: str
    object: Literal["chat.completion.chunk"] = "chat.completion.chunk"
    created: int
    model: str
    system_fingerprint: str
    choices: list[ChunkChoice]
    usage: Usage | None = None
    careerbot: AskResponse | None = None


class ModelCard(BaseModel):
    id: str
    object: Literal["model"] = "model"
    created: int = Field(description="When the index version was built (Unix time).")
    owned_by: str = "careerbot"
    index_version: str = Field(description="The index version answering.")


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelCard]


class OpenAIErrorBody(BaseModel):
    message: str
    type: str = Field(description="invalid_request_error for 4xx, server_error for 5xx")
    param: str | None = None
    code: str | None = None


class OpenAIError(BaseModel):
    """The error shape of /v1/*, as OpenAI's API returns it."""

    error: OpenAIErrorBody


def openai_error(message: str, status: int, code: str | None = None, param: str | None = None) -> dict[str, Any]:
    kind = "server_error" if status >= 500 else "invalid_request_error"
    return {"error": {"message": message, "type": kind, "param": param, "code": code}}
