"""Every error of the JSON API in one shape, {"error": "<what went wrong and what to do>"}, mapped here and only
here: careerbot's exceptions, invalid requests, the framework's own 404 and 405, and anything unexpected."""

from __future__ import annotations

import logging
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
)

log = logging.getLogger("careerbot.api")

# The status of each careerbot error; anything not listed is a server error.
STATUS: list[tuple[type[CareerbotError], int]] = [
    (InvalidQuestion, 422), (CorpusEmpty, 422), (NotAuthorised, 401), (ReindexDisabled, 404), (BuildFailed, 409),
    (IndexMissing, 503), (IndexMismatch, 503), (IndexCorrupt, 503)]


def _field(location: tuple[Any, ...]) -> str:
    parts = [str(part) for part in location if part != "body"]
    return ".".join(parts) or "body"


def validation_message(error: RequestValidationError) -> tuple[int, str]:
    problems = error.errors()
    if any(problem.get("type") == "json_invalid" for problem in problems):
        return 400, ('The request body is not valid JSON. Send a JSON object such as '
                     '{"question": "What does a machine learning engineer do?"}.')
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
            messages.append(f"'{where}' must be 'user' or 'assistant'")
        elif kind == "model_attributes_type" or where == "body":
            messages.append('the body must be a JSON object such as {"question": "..."}')
        else:
            messages.append(f"'{where}': {problem.get('msg', 'invalid value').lower()}")
    return 422, "Invalid request: " + "; ".join(messages) + "."


def status_of(error: CareerbotError) -> int:
    return next((status for kind, status in STATUS if isinstance(error, kind)), 500)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        status, message = validation_message(error)
        return JSONResponse({"error": message}, status_code=status)

    @app.exception_handler(CareerbotError)
    async def careerbot_error(request: Request, error: CareerbotError) -> JSONResponse:
        status = status_of(error)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse({"error": str(error)}, status_code=status, headers=headers)

    @app.exception_handler(HTTPException)
    async def framework_error(request: Request, error: HTTPException) -> JSONResponse:
        if error.status_code == 404:
            message = f"There is nothing at {request.url.path}. The API is POST /ask; its docs are at /docs."
        elif error.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}; see /docs for the methods it takes."
        else:
            message = str(error.detail)
        return JSONResponse({"error": message}, status_code=error.status_code, headers=error.headers)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        return JSONResponse({"error": "Something went wrong on the server; the error was logged. Try again."},
                            status_code=500)
