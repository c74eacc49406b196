"""create_app(current) -> the FastAPI app. It only wires: routers, static files and templates, security headers,
error handlers, and the watcher that swaps in new index versions."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from fastapi_offline import FastAPIOffline

from careerbot import __version__
from careerbot.answer.advisor import CurrentAdvisor
from careerbot.config import Settings
from careerbot.http.errors import install_error_handlers
from careerbot.http.routes import ask, chat, index, pages
from careerbot.http.watcher import IndexWatcher

# Pages may run only their own scripts and styles: nothing inline, nothing from elsewhere.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                           "form-action 'self'")
# The API docs page (Swagger UI, served from the package, not a CDN) starts itself with an inline script.
DOCS_SECURITY_POLICY = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                        "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'")


def document_limits(app: FastAPI, settings: Settings) -> None:
    """Put the limits the advisor enforces (from the settings, so not known to the pydantic models) into the OpenAPI
    document, so that what it calls a valid /ask request is one the server accepts."""
    plain_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = plain_openapi()
            models = document["components"]["schemas"]
            models["AskRequest"]["properties"]["question"].update(
                minLength=1, maxLength=settings.max_question_chars, pattern=r"\S")
            models["AskRequest"]["properties"]["history"]["maxItems"] = settings.max_history_turns
            models["TurnIn"]["properties"]["content"]["maxLength"] = settings.max_turn_chars
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(current: CurrentAdvisor) -> FastAPI:
    """The web app over the advisor of the current index version; all state lives on app.state."""
    settings = current.settings

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        watcher = IndexWatcher(current)
        watcher.start()
        yield
        watcher.stop()

    app = FastAPIOffline(title="careerbot", version=__version__, lifespan=lifespan,
                         description="Grounded career advice: every sentence of an answer cites the text it came from.")
    app.state.current = current
    app.state.templates = Jinja2Templates(directory=str(settings.web_dir / "templates"))
    app.include_router(ask.router)
    app.include_router(index.router)
    app.include_router(chat.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(settings.web_dir / "static")), name="static")
    install_error_handlers(app)
    document_limits(app, settings)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        docs = request.url.path.startswith(("/docs", "/redoc"))
        response.headers["Content-Security-Policy"] = DOCS_SECURITY_POLICY if docs else CONTENT_SECURITY_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    return app
