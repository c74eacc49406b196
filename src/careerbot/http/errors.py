"""Every error of the JSON API in one shape, mapped here and only here: careerbot's exceptions, invalid requests, the
framework's own 404 and 405, and anything unexpected. The shape is {"error": "<what went wrong and what to do>"},
and under /v1/ (the OpenAI-compatible API) OpenAI's own {"error": {"message", "type", "param", "code"}}, so that
its SDKs raise their usual exceptions with careerbot's message."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from careerbot.errors import (
    BuildFailed,
    CareerbotError,
    CorpusEmpty,
    IndexCorrupt,
    IndexMismatch,
    IndexMissing,
    InvalidQuestion,
    NotAuthorised,
    ReindexDisabled,
    UnknownModel,
)
from careerbot.http.openai_schemas import openai_error

log = logging.getLogger("careerbot.api")

# The status of each careerbot error; anything not listed is a server error.
STATUS: list[tuple[type[CareerbotError], int]] = [
    (InvalidQuestion, 422), (CorpusEmpty, 422), (NotAuthorised, 401), (ReindexDisabled, 404),
    (UnknownModel, 404), (BuildFailed, 409),
    (IndexMissing, 503), (IndexMismatch, 503), (IndexCorrupt, 503)]


def _field(location: tuple[Any, ...]) -> str:
    parts = [str(part) for part in location if part != "body"]
    return ".".join(parts) or "body"


# The OpenAI error code of each status where one applies.
OPENAI_CODES = {401: "invalid_api_key", 404: "model_not_found", 405: "method_not_allowed", 409: "conflict",
                503: "index_unavailable"}
SERVER_ERROR = "Something went wrong on the server; the error was logged. Try again."
EXAMPLE = '{"question": "What does a machine learning engineer do?"}'
OPENAI_EXAMPLE = '{"model": "careerbot", "messages": [{"role": "user", "content": "What does an ML engineer do?"}]}'


def is_openai(request: Request) -> bool:
    return request.url.path == "/v1" or request.url.path.startswith("/v1/")


def error_response(request: Request, status: int, message: str, headers: Mapping[str, str] | None = None,
                   param: str | None = None, code: str | None = None) -> JSONResponse:
    """The error in the shape of the API the request went to."""
    if is_openai(request):
        status = 400 if status == 422 else status  # OpenAI's status for a request it cannot take
        body: dict[str, Any] = openai_error(message, status, code or OPENAI_CODES.get(status), param)
    else:
        body = {"error": message}
    return JSONResponse(body, status_code=status, headers=headers)


def validation_message(error: RequestValidationError, openai: bool = False) -> tuple[int, str]:
    problems = error.errors()
    if any(problem.get("type") == "json_invalid" for problem in problems):
        return 400, ("The request body is not valid JSON. Send a JSON object such as "
                     f"{OPENAI_EXAMPLE if openai else EXAMPLE}.")
    messages = []
    for problem in problems[:5]:
        where = _field(tuple(problem.get("loc", ())))
        kind = problem.get("type", "")
        if kind == "missing":
            messages.append(f"'{where}' is required")
        elif kind == "extra_forbidden":
            messages.append(f"'{where}' is not a field this endpoint takes (it takes 'question' and 'history')")
        elif where.startswith("history") and kind in ("list_type", "model_type", "dict_type", "model_attributes_type"):
            messages.append(f"'{where}' must be a list of turns like {{\"role\": \"user\", \"content\": \"...\"}}")
        elif kind == "literal_error":
            messages.append(f"'{where}' must be one of {problem.get('ctx', {}).get('expected', 'the roles listed')}")
        elif kind == "model_attributes_type" or where == "body":
            messages.append(f"the body must be a JSON object such as {OPENAI_EXAMPLE if openai else EXAMPLE}")
        else:
            messages.append(f"'{where}': {problem.get('msg', 'invalid value').lower()}")
    # OpenAI answers a request it cannot take with 400; careerbot's own API with 422, as FastAPI does.
    return 400 if openai else 422, "Invalid request: " + "; ".join(messages) + "."


def status_of(error: CareerbotError) -> int:
    return next((status for kind, status in STATUS if isinstance(error, kind)), 500)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        openai = is_openai(request)
        status, message = validation_message(error, openai)
        problems = error.errors()
        param = _field(tuple(problems[0].get("loc", ()))) if problems and openai else None
        return error_response(request, status, message, param=param)

    @app.exception_handler(CareerbotError)
    async def careerbot_error(request: Request, error: CareerbotError) -> JSONResponse:
        status = status_of(error)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return error_response(request, status, str(error), headers)

    @app.exception_handler(HTTPException)
    async def framework_error(request: Request, error: HTTPException) -> JSONResponse:
        if error.status_code == 404:
            message = (f"There is nothing at {request.url.path}. The API is POST /ask, and POST /v1/chat/completions "
                       "for OpenAI clients; the docs are at /docs.")
        elif error.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}; see /docs for the methods it takes."
        else:
            message = str(error.detail)
        code = "not_found" if error.status_code == 404 else None
        return error_response(request, error.status_code, message, error.headers, code=code)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        return error_response(request, 500, SERVER_ERROR)
