"""GET /index (what is being served) and POST /reindex (rebuild from the corpus folder and swap it in)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Header

from careerbot.errors import CareerbotError, NotAuthorised, ReindexDisabled
from careerbot.http.deps import AdvisorDep, CurrentDep, bearer_matches
from careerbot.http.schemas import BuildHolder, ErrorResponse, IndexStatus, ReindexResponse, SkippedOut
from careerbot.index.build import build_index
from careerbot.index.lock import build_in_progress

router = APIRouter()


@router.get("/index", response_model=IndexStatus)
def index_status(advisor: AdvisorDep) -> IndexStatus:
    """The index version being served, its size and model, and any build in progress."""
    corpus = advisor.corpus
    manifest = corpus.manifest
    building = build_in_progress(advisor.settings.index_dir)  # any build: from the CLI or from POST /reindex
    return IndexStatus(version=corpus.version, documents=len(corpus.documents), chunks=len(corpus.chunks),
                       sentences=len(corpus.sentences), facts=len(corpus.facts), model=manifest.model_name,
                       dimension=manifest.dimension, vector_index=corpus.chunk_vectors.kind,
                       built_at=manifest.built_at, build_seconds=manifest.build_seconds,
                       skipped=[SkippedOut(**skipped) for skipped in manifest.skipped],
                       build_in_progress=BuildHolder(**building) if building is not None else None)


@router.post("/reindex", response_model=ReindexResponse, responses={
    401: {"model": ErrorResponse, "description": "No valid admin token was sent."},
    404: {"model": ErrorResponse, "description": "Reindexing over HTTP is off (no CAREERBOT_ADMIN_TOKEN)."},
    409: {"model": ErrorResponse, "description": "The build failed or another build is running."},
    422: {"model": ErrorResponse, "description": "The corpus folder holds no readable document."}})
def reindex(current: CurrentDep, full: bool = False,
            authorization: Annotated[str | None, Header()] = None) -> ReindexResponse:
    """Rebuild the index from the corpus folder and swap it in (needs CAREERBOT_ADMIN_TOKEN as a Bearer token)."""
    advisor = current.advisor
    expected = advisor.settings.admin_token
    if not expected:
        raise ReindexDisabled("Reindexing over HTTP is off: set CAREERBOT_ADMIN_TOKEN to turn it on.")
    if not bearer_matches(expected, authorization):
        raise NotAuthorised("A valid admin token is required: send 'Authorization: Bearer <token>'.")
    report = build_index(advisor.settings, advisor.embedder, full=full)
    swap_error = None
    try:
        current.reload_if_changed()
    except CareerbotError as error:  # the build is published; only the swap failed, and the old version serves
        swap_error = str(error)
    return ReindexResponse(**asdict(report), serving=current.version, swap_error=swap_error)
