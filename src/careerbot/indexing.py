"""Corpus -> chunks and sentences -> vectors -> a new index version, published atomically."""

from __future__ import annotations

import fcntl
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from careerbot.chunking import chunk_document
from careerbot.config import Settings
from careerbot.corpus import read_corpus
from careerbot.documents import Chunk, Document, Fact, Sentence, Skipped
from careerbot.embedding import Embedder
from careerbot.errors import BuildFailed, CorpusEmpty
from careerbot.facts import extract_facts
from careerbot.store import CURRENT, FORMAT_VERSION, VERSIONS, Manifest, current_version, write_version
from careerbot.terms import words

KEEP_VERSIONS = 2  # the current one and the one before it


@dataclass(frozen=True)
class BuildReport:
    version: str
    documents: list[str]
    chunks: int
    sentences: int
    facts: int
    skipped: list[Skipped]
    seconds: float


def chunk_embedding_text(chunk: Chunk) -> str:
    """A chunk that does not open with its heading carries the heading, so the section's topic is in its vector."""
    return chunk.text if chunk.text.startswith(chunk.section) else f"{chunk.section}\n{chunk.text}"


def sentence_embedding_text(sentence: Sentence, chunk: Chunk) -> str:
    """A sentence alone loses its topic; its section heading (and a row its table's header) puts it back."""
    if sentence.kind == "heading":
        return sentence.text
    header = f"{sentence.context}: " if sentence.context else ""
    return f"{sentence.section or chunk.section}: {header}{sentence.text}"


@contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """One build at a time per index folder; a second one is refused at once with a clear message."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with (index_dir / ".build.lock").open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildFailed(f"Another build of {index_dir} is running; wait for it to finish, then try again.") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def split_corpus(documents: list[Document]) -> tuple[list[Chunk], list[Sentence], list[Fact]]:
    chunks: list[Chunk] = []
    sentences: list[Sentence] = []
    facts: list[Fact] = []
    for document in documents:
        chunked = chunk_document(document, first_chunk_id=len(chunks), first_sentence_id=len(sentences))
        chunks.extend(chunked.chunks)
        sentences.extend(chunked.sentences)
        facts.extend(extract_facts(document, chunked, first_fact_id=len(facts)))
    return chunks, sentences, facts


def _publish(index_dir: Path, version: str) -> None:
    """Point CURRENT at the new version in one atomic rename, then drop all but the newest versions."""
    pointer = index_dir / f".{CURRENT}.{version}.tmp"
    pointer.write_text(version + "\n", encoding="utf-8")
    with pointer.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(pointer, index_dir / CURRENT)
    versions = index_dir / VERSIONS
    kept = sorted((p for p in versions.iterdir() if not p.name.startswith(".")), reverse=True)
    for stale in kept[KEEP_VERSIONS:]:
        if stale.name != version:
            shutil.rmtree(stale, ignore_errors=True)
    for leftover in versions.glob(".tmp-*"):  # folders of builds that were killed part-way
        shutil.rmtree(leftover, ignore_errors=True)


def build_index(settings: Settings, embedder: Embedder, show_progress: bool = False) -> BuildReport:
    """Read the corpus, embed it and publish a new version; the current version stays in use until then."""
    began = time.perf_counter()
    corpus_dir = settings.corpus_dir
    if not corpus_dir.is_dir():
        raise CorpusEmpty(f"There is no corpus folder at {corpus_dir}. Create it and add documents (.txt, .md, .html, .pdf).")
    with build_lock(settings.index_dir):
        documents, skipped = read_corpus(corpus_dir)
        if not documents:
            reasons = "; ".join(f"{s.path}: {s.reason}" for s in skipped) or "the folder is empty"
            raise CorpusEmpty(f"No readable document in {corpus_dir} ({reasons}). Add .txt, .md, .html or .pdf files.")
        chunks, sentences, facts = split_corpus(documents)
        chunk_vectors = embedder.embed([chunk_embedding_text(c) for c in chunks], show_progress=show_progress)
        sentence_vectors = embedder.embed([sentence_embedding_text(s, chunks[s.chunk_id]) for s in sentences],
                                          show_progress=show_progress)
        vocabulary = {word for document in documents for word in words(document.text)}
        version = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
        manifest = Manifest(
            format_version=FORMAT_VERSION, model_name=embedder.name, model_fingerprint=embedder.fingerprint,
            dimension=int(chunk_vectors.shape[1]), built_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            build_seconds=round(time.perf_counter() - began, 3),
            documents={d.doc_id: d.content_hash for d in documents}, chunk_count=len(chunks),
            sentence_count=len(sentences), fact_count=len(facts), skipped=[{"path": s.path, "reason": s.reason} for s in skipped])
        staging = settings.index_dir / VERSIONS / f".tmp-{version}"
        write_version(staging, manifest, documents, chunks, sentences, facts, chunk_vectors, sentence_vectors,
                      vocabulary)
        os.rename(staging, settings.index_dir / VERSIONS / version)
        _publish(settings.index_dir, version)
    return BuildReport(version, [d.doc_id for d in documents], len(chunks), len(sentences), len(facts), skipped,
                       round(time.perf_counter() - began, 3))


def has_index(settings: Settings) -> bool:
    return current_version(settings.index_dir) is not None
