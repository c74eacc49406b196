"""create_app(advisor) -> the FastAPI app: POST /ask, the chat page and its static files."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from dataclasses import asdict

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from fastapi_offline import FastAPIOffline

from careerbot import __version__
from careerbot.answer.advisor import Advisor
from careerbot.errors import (
    BuildFailed,
    CareerbotError,
    CorpusEmpty,
    IndexCorrupt,
    IndexMismatch,
    IndexMissing,
    InvalidQuestion,
)
from careerbot.http.routes.index import AdvisorDep, IndexWatcher
from careerbot.http.routes.index import router as index_router
from careerbot.http.routes.pages import router as page_router
from careerbot.http.schemas import AskRequest, AskResponse, ErrorResponse
from careerbot.records import Turn

log = logging.getLogger("careerbot.http.app")

# Pages may run only their own scripts and styles: nothing inline, nothing from elsewhere.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                           "form-action 'self'")
# The API docs page (Swagger UI, served from the package, not a CDN) starts itself with an inline script.
DOCS_SECURITY_POLICY = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                        "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'")




def _field(location: tuple) -> str:
    parts = [str(part) for part in location if part != "body"]
    return ".".join(parts) or "body"


def _validation_message(error: RequestValidationError) -> tuple[int, str]:
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


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        status, message = _validation_message(error)
        return JSONResponse({"error": message}, status_code=status)

    @app.exception_handler(CareerbotError)
    async def careerbot_error(request: Request, error: CareerbotError) -> JSONResponse:
        if isinstance(error, (InvalidQuestion, CorpusEmpty)):
            status = 422
        elif isinstance(error, BuildFailed):
            status = 409
        elif isinstance(error, (IndexMissing, IndexMismatch, IndexCorrupt)):
            status = 503
        else:
            status = 500
        return JSONResponse({"error": str(error)}, status_code=status)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        return JSONResponse({"error": "Something went wrong on the server; the error was logged. Try again."},
                            status_code=500)


def create_app(advisor: Advisor) -> FastAPI:
    """The web app over one advisor; all state lives on app.state."""
    settings = advisor.settings

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        watcher = IndexWatcher(advisor)
        watcher.start()
        yield
        watcher.stop()

    app = FastAPIOffline(title="careerbot", version=__version__, lifespan=lifespan,
                         description="Grounded career advice: every sentence of an answer cites the text it came from.")
    app.state.advisor = advisor
    app.include_router(index_router)
    app.state.templates = Jinja2Templates(directory=str(settings.web_dir / "templates"))
    app.include_router(page_router)
    app.mount("/static", StaticFiles(directory=str(settings.web_dir / "static")), name="static")
    _install_error_handlers(app)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        docs = request.url.path.startswith(("/docs", "/redoc"))
        response.headers["Content-Security-Policy"] = DOCS_SECURITY_POLICY if docs else CONTENT_SECURITY_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.post("/ask", response_model=AskResponse, responses={400: {"model": ErrorResponse},
                                                            422: {"model": ErrorResponse}})
    def ask(body: AskRequest, advisor: AdvisorDep) -> dict:
        """Answer a question from the corpus, citing the exact sentences used."""
        history = [Turn(role=turn.role, content=turn.content) for turn in body.history]
        return asdict(advisor.ask(body.question, history, explain=body.explain))

    @app.get("/health")
    def health(advisor: AdvisorDep) -> dict:
        corpus = advisor.corpus
        return {"status": "ok", "version": corpus.version, "documents": len(corpus.documents),
                "chunks": len(corpus.chunks)}

    return app
