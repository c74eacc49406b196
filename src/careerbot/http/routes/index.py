"""GET /index and POST /reindex, and the watcher that swaps newly published index versions into a running server."""

from __future__ import annotations

import hmac
import logging
import threading
from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import JSONResponse

from careerbot.answer.advisor import Advisor
from careerbot.errors import CareerbotError
from careerbot.index.build import build_in_progress, build_index

log = logging.getLogger("careerbot.index.vectors")
router = APIRouter()


class IndexWatcher:
    """Polls index/CURRENT and swaps a newly published version into the advisor (a build from the CLI, say)."""

    def __init__(self, advisor: Advisor) -> None:
        self.advisor = advisor
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="careerbot-index-watcher", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.wait(self.advisor.settings.reload_seconds):
            try:
                if self.advisor.reload_if_changed():
                    log.info("now serving index version %s", self.advisor.corpus.version)
            except Exception:  # a broken version must not stop the watcher; the loaded one keeps serving
                log.exception("could not load the new index version; still serving %s", self.advisor.corpus.version)


def get_advisor(request: Request) -> Advisor:
    return request.app.state.advisor


AdvisorDep = Annotated[Advisor, Depends(get_advisor)]


@router.get("/index")
def index_status(request: Request, advisor: AdvisorDep) -> dict:
    """The index version being served, its size and model, and any build in progress."""
    corpus = advisor.corpus
    manifest = corpus.manifest
    building = build_in_progress(advisor.settings.index_dir)  # any build: from the CLI or from POST /reindex
    return {"version": corpus.version, "documents": len(corpus.documents), "chunks": len(corpus.chunks),
            "sentences": len(corpus.sentences), "facts": len(corpus.facts), "model": manifest.model_name,
            "dimension": manifest.dimension, "vector_index": corpus.chunk_vectors.kind, "built_at": manifest.built_at,
            "build_seconds": manifest.build_seconds, "skipped": manifest.skipped, "build_in_progress": building}


def _authorised(expected: str, authorization: str | None) -> bool:
    scheme, _, token = (authorization or "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(token.strip().encode(), expected.encode())


@router.post("/reindex")
def reindex(request: Request, advisor: AdvisorDep, full: bool = False,
            authorization: Annotated[str | None, Header()] = None) -> JSONResponse:
    """Rebuild the index from the corpus folder and swap it in (needs CAREERBOT_ADMIN_TOKEN as a Bearer token)."""
    expected = advisor.settings.admin_token
    if not expected:
        return JSONResponse({"error": "Reindexing over HTTP is off: set CAREERBOT_ADMIN_TOKEN to turn it on."},
                            status_code=404)
    if not _authorised(expected, authorization):
        return JSONResponse({"error": "A valid admin token is required: send 'Authorization: Bearer <token>'."},
                            status_code=401, headers={"WWW-Authenticate": "Bearer"})
    report = build_index(advisor.settings, advisor.embedder, full=full)
    body = asdict(report)
    try:
        advisor.reload_if_changed()
        body["serving"] = advisor.corpus.version
    except CareerbotError as error:  # the build is published; only the swap failed, and the old version serves
        body["serving"] = advisor.corpus.version
        body["swap_error"] = str(error)
    return JSONResponse(body)
