"""The records careerbot passes around: documents, chunks, sentences, citations and answers.

Frozen dataclasses with no behaviour beyond small conveniences; this module imports nothing from the package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

# A quotable unit: a sentence of prose, a list item, a table row, a heading; a run of short items quoted as one list;
# (at answer time) a lead-in joined with what it points at.
SentenceKind = Literal["sentence", "item", "row", "heading", "list", "block", "steps"]
ValueKind = Literal["money", "percent", "number", "text"]
FactSource = Literal["table", "prose"]  # a table cell, or a figure stated in a sentence
Role = Literal["user", "assistant"]


@dataclass(frozen=True)
class Document:
    """A source document as read from the corpus; offsets everywhere refer to `text`."""

    doc_id: str  # path relative to the corpus folder, with '/' separators
    title: str
    text: str
    content_hash: str
    format: str  # txt, md, html, pdf


@dataclass(frozen=True)
class Chunk:
    """A passage of a document: a span of whole blocks under one section heading."""

    chunk_id: int
    doc_id: str
    title: str
    section: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    """The smallest quotable unit: a sentence, a list item or a table row, with its exact span."""

    sentence_id: int
    chunk_id: int
    doc_id: str
    start: int
    end: int
    text: str
    kind: SentenceKind = "sentence"
    context: str = ""  # for a table row: the table's header line
    section: str = ""  # the nearest heading above it


@dataclass(frozen=True)
class ParsedValue:
    """A figure as a number: a single value has low == high."""

    kind: ValueKind
    low: float | None = None
    high: float | None = None
    currency: str | None = None  # ISO code
    unit: str | None = None  # per year | per hour | per month | per week


@dataclass(frozen=True)
class Fact:
    """One figure of the corpus: a table cell under its row label and column, or a figure in a sentence."""

    fact_id: int
    doc_id: str
    title: str
    subject: str  # the row label ("Seattle, WA") or what a sentence's figure is about
    attribute: str  # the column ("Salary Range") or the measure a sentence names
    value: str  # exactly as written
    parsed: ParsedValue
    caption: str  # the table's heading, or the sentence's section
    qualifiers: tuple[str, ...]  # level, statistic, place, source ("entry-level", "median", "according to PayScale")
    quote: str  # the row or sentence the fact comes from
    start: int  # the quote's span in the document
    end: int
    sentence_id: int  # the quotable unit the quote is
    source: FactSource
    table: int = -1  # facts of one table share this number (per document); -1 for prose


@dataclass(frozen=True)
class Skipped:
    """A corpus file that was not indexed, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Citation:
    id: int
    doc_id: str
    title: str
    section: str
    text: str  # the cited passage
    quote: str  # the exact sentence(s) used
    start: int  # offsets of the quote in the source document
    end: int
    score: float


@dataclass(frozen=True)
class FactUse:
    """A fact as an answer uses it, with the citation of its row or sentence."""

    subject: str
    attribute: str
    value: str
    parsed: ParsedValue
    caption: str
    qualifiers: tuple[str, ...]
    source: FactSource
    citation: Citation


@dataclass(frozen=True)
class Answer:
    question: str
    resolved_question: str
    answer: str
    found: bool
    citations: list[Citation] = field(default_factory=list)
    facts: list[FactUse] = field(default_factory=list)
    index_version: str = ""  # the index version that answered: one version answers a whole question
    explain: dict[str, Any] | None = None  # the question as understood and why each piece was chosen, when asked


@dataclass(frozen=True)
class Turn:
    """One earlier message of a conversation (OpenAI-style)."""

    role: Role
    content: str
