"""Corpus -> chunks, sentences and facts -> vectors -> a new index version, published atomically.

Builds are incremental: a document whose content hash is unchanged keeps its stored records and vectors, so only
new and changed documents are embedded. When the reading code itself changed (a new careerbot), every document is
read again, and only texts whose embedding text changed go through the model. A build writes a complete version
beside the current one and switches CURRENT to it in one atomic rename; a build that fails or is killed leaves the
current version in use.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

import numpy as np

from careerbot import records as record_types
from careerbot.config import Settings
from careerbot.errors import BuildFailed, CareerbotError, CorpusEmpty
from careerbot.index.embedding import Embedder
from careerbot.index.lock import build_lock, now
from careerbot.index.store import (
    CURRENT,
    FORMAT_VERSION,
    VERSIONS,
    Manifest,
    current_version,
    read_version,
    write_version,
)
from careerbot.ingest import chunking, facts, readers, structure
from careerbot.ingest.chunking import chunk_document
from careerbot.ingest.facts import extract_facts
from careerbot.ingest.readers import read_corpus
from careerbot.records import Chunk, Document, Fact, Sentence, Skipped
from careerbot.text import values

# The modules whose code decides a document's records: when any changes, stored records are read again.
_READING_MODULES = (readers, structure, chunking, values, facts, record_types)


def parser_fingerprint() -> str:
    digest = hashlib.sha256()
    for module in _READING_MODULES:
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class BuildReport:
    version: str
    documents: list[str]
    chunks: int
    sentences: int
    facts: int
    skipped: list[Skipped]
    seconds: float
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    embedded: int = 0  # texts (chunks and sentences) that went through the model
    reread: list[str] = field(default_factory=list)  # unchanged documents read again by a changed careerbot


@dataclass(frozen=True)
class DocumentRecords:
    """Everything one document contributes to a version; ids are local to the document (from 0)."""

    document: Document
    chunks: list[Chunk]
    sentences: list[Sentence]
    facts: list[Fact]
    chunk_vectors: np.ndarray | None = None
    sentence_vectors: np.ndarray | None = None


def chunk_embedding_text(chunk: Chunk) -> str:
    """A chunk that does not open with its heading carries the heading, so the section's topic is in its vector."""
    return chunk.text if chunk.text.startswith(chunk.section) else f"{chunk.section}\n{chunk.text}"


def sentence_embedding_text(sentence: Sentence, chunk: Chunk) -> str:
    """A sentence alone loses its topic; its section heading (and a row its table's header) puts it back."""
    if sentence.kind == "heading":
        return sentence.text
    header = f"{sentence.context}: " if sentence.context else ""
    return f"{sentence.section or chunk.section}: {header}{sentence.text}"


def records_of(document: Document) -> DocumentRecords:
    chunked = chunk_document(document)
    return DocumentRecords(document, chunked.chunks, chunked.sentences, extract_facts(document, chunked))


def _previous(settings: Settings, embedder: Embedder) -> tuple[dict[str, DocumentRecords], bool]:
    """The current version's records per document, ids made local again, when it was built with this model; and
    whether they were read by this careerbot's reading code (else only their vectors may be reused)."""
    try:
        corpus = read_version(settings.index_dir)
    except CareerbotError:
        return {}, False  # nothing reusable: everything is embedded again
    if corpus.manifest.model_fingerprint != embedder.fingerprint:
        return {}, False
    chunk_vectors = corpus.chunk_matrix
    by_doc: dict[str, DocumentRecords] = {}
    chunks_of: dict[str, list[Chunk]] = {}
    sentences_of: dict[str, list[Sentence]] = {}
    facts_of: dict[str, list[Fact]] = {}
    for chunk in corpus.chunks:
        chunks_of.setdefault(chunk.doc_id, []).append(chunk)
    for sentence in corpus.sentences:
        sentences_of.setdefault(sentence.doc_id, []).append(sentence)
    for fact in corpus.facts:
        facts_of.setdefault(fact.doc_id, []).append(fact)
    for doc_id, document in corpus.documents.items():
        chunks, sentences = chunks_of.get(doc_id, []), sentences_of.get(doc_id, [])
        if not chunks:
            continue
        # Ids stay as they were; _assemble moves them to their new places in one pass (often by zero).
        by_doc[doc_id] = DocumentRecords(
            document, chunks, sentences, facts_of.get(doc_id, []),
            chunk_vectors[[c.chunk_id for c in chunks]], corpus.sentence_vectors[[s.sentence_id for s in sentences]])
    return by_doc, corpus.manifest.parser_fingerprint == parser_fingerprint()


def _known_vectors(previous: dict[str, DocumentRecords]) -> dict[str, np.ndarray]:
    """Embedding text -> stored vector, so records read again keep the vectors of texts that did not change."""
    known: dict[str, np.ndarray] = {}
    for records in previous.values():
        if records.chunk_vectors is None or records.sentence_vectors is None:
            continue
        chunk_of = {c.chunk_id: c for c in records.chunks}
        for chunk, vector in zip(records.chunks, records.chunk_vectors, strict=False):
            known[chunk_embedding_text(chunk)] = vector
        for sentence, vector in zip(records.sentences, records.sentence_vectors, strict=False):
            owner = chunk_of.get(sentence.chunk_id)
            if owner is not None:
                known[sentence_embedding_text(sentence, owner)] = vector
    return known


def _renumber(records: DocumentRecords, chunk_shift: int, sentence_shift: int, fact_shift: int) -> DocumentRecords:
    """The same records with their ids (and the ids they point at) moved by the given amounts."""
    if chunk_shift == sentence_shift == fact_shift == 0:
        return records
    return replace(
        records,
        chunks=[replace(c, chunk_id=c.chunk_id + chunk_shift) for c in records.chunks],
        sentences=[replace(s, sentence_id=s.sentence_id + sentence_shift, chunk_id=s.chunk_id + chunk_shift)
                   for s in records.sentences],
        facts=[replace(f, fact_id=f.fact_id + fact_shift, sentence_id=f.sentence_id + sentence_shift)
               for f in records.facts])


def embed_texts(embedder: Embedder, texts: list[str], known: dict[str, np.ndarray],
                show_progress: bool) -> tuple[np.ndarray, int]:
    """Vectors of texts in order: known ones looked up, the rest in one batched call."""
    missing = list(dict.fromkeys(t for t in texts if t not in known))
    if missing:
        known = known | dict(zip(missing, embedder.embed(missing, show_progress=show_progress), strict=False))
    if not texts:
        return np.zeros((0, embedder.dimension), dtype=np.float32), 0
    return np.vstack([known[t] for t in texts]).astype(np.float32), len(missing)


def embed_records(embedder: Embedder, fresh: list[DocumentRecords], show_progress: bool,
                  known: dict[str, np.ndarray]) -> tuple[list[DocumentRecords], int]:
    """Vectors for the documents that need them, in two batched calls (chunks, sentences)."""
    chunk_texts = [chunk_embedding_text(c) for r in fresh for c in r.chunks]
    sentence_texts = [sentence_embedding_text(s, r.chunks[s.chunk_id]) for r in fresh for s in r.sentences]
    if not chunk_texts:
        return fresh, 0
    chunk_vectors, chunk_count = embed_texts(embedder, chunk_texts, known, show_progress)
    sentence_vectors, sentence_count = embed_texts(embedder, sentence_texts, known, show_progress)
    done: list[DocumentRecords] = []
    c = s = 0
    for records in fresh:
        nc, ns = len(records.chunks), len(records.sentences)
        done.append(replace(records, chunk_vectors=chunk_vectors[c:c + nc],
                            sentence_vectors=sentence_vectors[s:s + ns]))
        c, s = c + nc, s + ns
    return done, chunk_count + sentence_count


def _publish(index_dir: Path, version: str) -> None:
    """Point CURRENT at the new version in one atomic rename, then drop every version but it and the one before."""
    previous = current_version(index_dir)
    pointer = index_dir / f".{CURRENT}.{version}.tmp"
    pointer.write_text(version + "\n", encoding="utf-8")
    with pointer.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(pointer, index_dir / CURRENT)
    directory = os.open(index_dir, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
    for stale in (index_dir / VERSIONS).iterdir():
        if stale.name not in (version, previous) and not stale.name.startswith("."):
            shutil.rmtree(stale, ignore_errors=True)


def _clear_leftovers(index_dir: Path) -> None:
    """Folders and pointers of builds that were killed part-way (we hold the lock: none is running)."""
    for leftover in (index_dir / VERSIONS).glob(".tmp-*") if (index_dir / VERSIONS).is_dir() else []:
        shutil.rmtree(leftover, ignore_errors=True)
    for pointer in index_dir.glob(f".{CURRENT}.*.tmp"):
        pointer.unlink(missing_ok=True)


class Engine(Protocol):
    """Where a build reads documents and makes their records and vectors: in this process (LocalEngine) or on a
    cluster (index/ray_build.py). Everything else about a build (what is reused, the publish step) is the same."""

    def read(self, corpus_dir: Path) -> tuple[list[Document], list[Skipped]]: ...

    def records(self, documents: list[Document], known: dict[str, np.ndarray],
                show_progress: bool) -> tuple[list[DocumentRecords], int]:
        """Each document's records with their vectors, in the order given; and how many texts went through the
        model (texts in `known` keep their vectors)."""
        ...


class LocalEngine:
    """Reading, structuring and embedding in this process, the model's batches over every new text at once."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def read(self, corpus_dir: Path) -> tuple[list[Document], list[Skipped]]:
        return read_corpus(corpus_dir)

    def records(self, documents: list[Document], known: dict[str, np.ndarray],
                show_progress: bool) -> tuple[list[DocumentRecords], int]:
        return embed_records(self.embedder, [records_of(d) for d in documents], show_progress, known)


def build_index(settings: Settings, embedder: Embedder, show_progress: bool = False, full: bool = False,
                strict: bool = False, engine: Engine | None = None) -> BuildReport:
    """Read the corpus, embed what changed and publish a new version; the current version stays in use until then.
    `engine` does the reading and embedding (default: this process)."""
    engine = engine or LocalEngine(embedder)
    began = time.perf_counter()
    corpus_dir = settings.corpus_dir
    if not corpus_dir.is_dir():
        raise CorpusEmpty(f"There is no corpus folder at {corpus_dir}. Create it and add documents "
                          "(.txt, .md, .html, .pdf, .csv, .tsv).")
    with build_lock(settings.index_dir):
        _clear_leftovers(settings.index_dir)
        documents, skipped = engine.read(corpus_dir)
        if strict and skipped:
            reasons = "; ".join(f"{s.path}: {s.reason}" for s in skipped)
            raise BuildFailed(f"--strict: {len(skipped)} file(s) could not be read, so nothing was published "
                              f"({reasons}). Fix or remove them, or build without --strict.")
        if not documents:
            reasons = "; ".join(f"{s.path}: {s.reason}" for s in skipped) or "the folder is empty"
            raise CorpusEmpty(f"No readable document in {corpus_dir} ({reasons}). Add .txt, .md, .html, .pdf, "
                              ".csv or .tsv files.")
        previous, same_reader = ({}, False) if full else _previous(settings, embedder)
        kept: dict[str, DocumentRecords] = {}
        changed: list[Document] = []
        for document in documents:
            old = previous.get(document.doc_id)
            if same_reader and old is not None and old.document.content_hash == document.content_hash:
                kept[document.doc_id] = old
            else:
                changed.append(document)
        known = {} if same_reader else _known_vectors(previous)
        fresh, embedded = engine.records(changed, known, show_progress)
        by_doc = kept | {r.document.doc_id: r for r in fresh}
        version = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f") + "-" + uuid.uuid4().hex[:6]
        total = _assemble([by_doc[d.doc_id] for d in documents])
        manifest = Manifest(
            format_version=FORMAT_VERSION, model_name=embedder.name, model_fingerprint=embedder.fingerprint,
            dimension=int(total.chunk_vectors.shape[1]), built_at=now(),
            build_seconds=round(time.perf_counter() - began, 3),
            documents={d.doc_id: d.content_hash for d in documents}, chunk_count=len(total.chunks),
            sentence_count=len(total.sentences), fact_count=len(total.facts),
            skipped=[{"path": s.path, "reason": s.reason} for s in skipped], parser_fingerprint=parser_fingerprint())
        staging = settings.index_dir / VERSIONS / f".tmp-{version}"
        write_version(staging, manifest, documents, total.chunks, total.sentences, total.facts, total.chunk_vectors,
                      total.sentence_vectors)
        os.rename(staging, settings.index_dir / VERSIONS / version)
        _publish(settings.index_dir, version)
    ids = [d.doc_id for d in documents]
    return BuildReport(
        version, ids, len(total.chunks), len(total.sentences), len(total.facts), skipped,
        round(time.perf_counter() - began, 3),
        added=[r.document.doc_id for r in fresh if r.document.doc_id not in previous],
        changed=[r.document.doc_id for r in fresh if r.document.doc_id in previous
                 and r.document.content_hash != previous[r.document.doc_id].document.content_hash],
        reread=[r.document.doc_id for r in fresh if r.document.doc_id in previous
                and r.document.content_hash == previous[r.document.doc_id].document.content_hash],
        removed=sorted(set(previous) - set(ids)), reused=sorted(kept), embedded=embedded)


@dataclass(frozen=True)
class _Total:
    chunks: list[Chunk]
    sentences: list[Sentence]
    facts: list[Fact]
    chunk_vectors: np.ndarray
    sentence_vectors: np.ndarray


def _assemble(parts: list[DocumentRecords]) -> _Total:
    """All documents' records with ids made global, in corpus order, and their vectors stacked to match."""
    chunks: list[Chunk] = []
    sentences: list[Sentence] = []
    facts: list[Fact] = []
    for records in parts:
        first_chunk = records.chunks[0].chunk_id if records.chunks else 0
        first_sentence = records.sentences[0].sentence_id if records.sentences else 0
        first_fact = records.facts[0].fact_id if records.facts else 0
        moved = _renumber(records, len(chunks) - first_chunk, len(sentences) - first_sentence, len(facts) - first_fact)
        chunks += moved.chunks
        sentences += moved.sentences
        facts += moved.facts
    return _Total(chunks, sentences, facts, np.vstack([_embedded(p.chunk_vectors) for p in parts]),
                  np.vstack([_embedded(p.sentence_vectors) for p in parts]))


def _embedded(vectors: np.ndarray | None) -> np.ndarray:
    if vectors is None:
        raise BuildFailed("A document reached the publish step without its vectors: a careerbot bug; report it.")
    return vectors


def has_index(settings: Settings) -> bool:
    return current_version(settings.index_dir) is not None

