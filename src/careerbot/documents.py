"""The records careerbot passes around: documents, chunks, sentences, citations and answers.

Frozen dataclasses with no behaviour beyond small conveniences; this module imports nothing from the package.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


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
    kind: str = "sentence"  # sentence | item | row | heading
    context: str = ""  # for a table row: the table's header line


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
class Answer:
    question: str
    resolved_question: str
    answer: str
    found: bool
    citations: list[Citation] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Turn:
    """One earlier message of a conversation (OpenAI-style)."""

    role: str  # user | assistant
    content: str
