"""The HTTP contract: what each endpoint takes and returns (pydantic models at the edge only)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr


class TurnIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Literal["user", "assistant"]
    content: StrictStr


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "examples": [{"question": "What skills does a machine learning engineer need?", "history": []}]})

    question: StrictStr = Field(description="The question, in plain words.")
    history: list[TurnIn] = Field(default_factory=list, description="Earlier turns, oldest first.")
    explain: StrictBool = Field(default=False, description="Also return how the question was read and why each "
                                "piece of evidence was chosen (the response's `explain`).")


class CitationOut(BaseModel):
    id: int
    doc_id: str
    title: str
    section: str
    text: str = Field(description="The cited passage.")
    quote: str = Field(description="The exact sentence(s) used.")
    start: int = Field(description="Offset of the quote in the source document.")
    end: int
    score: float


class ParsedValueOut(BaseModel):
    kind: str = Field(description="money, percent, number or text")
    low: float | None
    high: float | None
    currency: str | None
    unit: str | None


class FactOut(BaseModel):
    subject: str = Field(description="The row label, or what a sentence's figure is about.")
    attribute: str = Field(description="The column, or the measure the sentence names.")
    value: str = Field(description="The value exactly as written.")
    parsed: ParsedValueOut
    caption: str
    qualifiers: list[str] = Field(description="Level, statistic, place or source the text states.")
    source: str = Field(description="table or prose")
    citation: CitationOut


class AskResponse(BaseModel):
    question: str
    resolved_question: str
    answer: str
    found: bool
    citations: list[CitationOut]
    facts: list[FactOut]
    index_version: str = Field(description="The index version that answered.")
    explain: dict[str, Any] | None = Field(default=None, description="With `explain: true`: the question as "
                                           "understood (kind, subjects, places, levels, missing words) and the steps "
                                           "that chose the evidence.")


class ErrorResponse(BaseModel):
    error: str


class HealthResponse(BaseModel):
    status: Literal["ok"]
    version: str = Field(description="The index version being served.")
    documents: int
    chunks: int
    process: int = Field(description="The id of the server process that answered (one of N with --workers N).")


class SkippedOut(BaseModel):
    path: str
    reason: str


class BuildHolder(BaseModel):
    pid: int | None
    started: str | None


class IndexStatus(BaseModel):
    version: str
    documents: int
    chunks: int
    sentences: int
    facts: int
    model: str
    dimension: int
    vector_index: Literal["flat", "hnsw"]
    built_at: str
    build_seconds: float
    skipped: list[SkippedOut] = Field(description="Corpus files the build could not read, and why.")
    build_in_progress: BuildHolder | None = Field(description="The build holding the index folder's lock, if any.")


class ReindexResponse(BaseModel):
    version: str = Field(description="The version the build published.")
    documents: list[str]
    chunks: int
    sentences: int
    facts: int
    skipped: list[SkippedOut]
    seconds: float
    added: list[str]
    changed: list[str]
    removed: list[str]
    reused: list[str]
    embedded: int = Field(description="Texts (chunks and sentences) that went through the model.")
    reread: list[str] = Field(description="Unchanged documents read again because careerbot's reading code changed.")
    serving: str = Field(description="The version answering now.")
    swap_error: str | None = Field(default=None, description="Why the new version could not be swapped in; the "
                                   "previous one keeps serving.")
