"""POST /ask and GET /health."""

from __future__ import annotations

import os
from dataclasses import asdict
from typing import Any

from fastapi import APIRouter

from careerbot.http.deps import AdvisorDep
from careerbot.http.schemas import AskRequest, AskResponse, ErrorResponse, HealthResponse
from careerbot.records import Turn

router = APIRouter()


@router.post("/ask", response_model=AskResponse, responses={400: {"model": ErrorResponse},
                                                           422: {"model": ErrorResponse},
                                                           503: {"model": ErrorResponse}})
def ask(body: AskRequest, advisor: AdvisorDep) -> dict[str, Any]:
    """Answer a question from the corpus, citing the exact sentences used."""
    history = [Turn(role=turn.role, content=turn.content) for turn in body.history]
    return asdict(advisor.ask(body.question, history, explain=body.explain))


@router.get("/health", response_model=HealthResponse)
def health(advisor: AdvisorDep) -> HealthResponse:
    """The server is up and answering from this index version."""
    corpus = advisor.corpus
    return HealthResponse(status="ok", version=corpus.version, documents=len(corpus.documents),
                          chunks=len(corpus.chunks), process=os.getpid())
