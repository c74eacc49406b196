"""A published index version on disk: its manifest, records and vectors, written and read as one unit."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from careerbot.errors import IndexCorrupt, IndexMismatch, IndexMissing
from careerbot.index.vectors import SentenceIndex, VectorIndex
from careerbot.records import Chunk, Document, Fact, ParsedValue, Sentence

FORMAT_VERSION = 3
SENTENCE_INDEX = "sentences"  # sentences.faiss and sentences_rows.npy; a version without them is still read
CURRENT = "CURRENT"
VERSIONS = "versions"


@dataclass(frozen=True)
class Manifest:
    format_version: int
    model_name: str
    model_fingerprint: str
    dimension: int
    built_at: str
    build_seconds: float
    documents: dict[str, str]  # doc_id -> content hash
    chunk_count: int
    sentence_count: int
    fact_count: int
    skipped: list[dict[str, str]] = field(default_factory=list)
    parser_fingerprint: str = ""  # the reading code the records came from (indexing.parser_fingerprint)


def _plain(record: Any) -> dict[str, Any]:
    """A record's fields as JSON-ready values; a shallow walk (asdict's deep copy was most of a rebuild's time)."""
    return {key: _plain(value) if hasattr(value, "__dataclass_fields__") else value
            for key, value in vars(record).items()}


def _write_jsonl(path: Path, records: list[Any]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(_plain(record), ensure_ascii=False) + "\n" for record in records)


def _read_jsonl(path: Path, record_type: type) -> list[Any]:
    with path.open(encoding="utf-8") as handle:
        return [record_type(**json.loads(line)) for line in handle if line.strip()]


def _fact(raw: dict[str, Any]) -> Fact:
    raw["parsed"] = ParsedValue(**raw["parsed"])
    raw["qualifiers"] = tuple(raw["qualifiers"])
    return Fact(**raw)


def write_version(folder: Path, manifest: Manifest, documents: list[Document], chunks: list[Chunk],
                  sentences: list[Sentence], facts: list[Fact], chunk_vectors: np.ndarray,
                  sentence_vectors: np.ndarray) -> None:
    """Write every file of a version into an empty folder; the manifest goes last and marks it complete."""
    folder.mkdir(parents=True)
    _write_jsonl(folder / "documents.jsonl", documents)
    _write_jsonl(folder / "chunks.jsonl", chunks)
    _write_jsonl(folder / "sentences.jsonl", sentences)
    _write_jsonl(folder / "facts.jsonl", facts)
    VectorIndex.build(chunk_vectors).save(folder / "chunks.faiss")
    # a question's nearest sentences, found without scoring every sentence
    SentenceIndex.build(sentence_vectors).save(folder, SENTENCE_INDEX)
    np.save(folder / "chunk_vectors.npy", chunk_vectors.astype(np.float32))  # kept for incremental rebuilds
    np.save(folder / "sentence_vectors.npy", sentence_vectors.astype(np.float32))
    for path in folder.iterdir():
        with path.open("rb") as handle:
            os.fsync(handle.fileno())
    (folder / "manifest.json").write_text(json.dumps(asdict(manifest), indent=1), encoding="utf-8")


def current_version(index_dir: Path) -> str | None:
    try:
        version = (index_dir / CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return version or None


def read_manifest(folder: Path) -> Manifest:
    try:
        raw = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise IndexCorrupt(f"The index version {folder} has no manifest. Rebuild it: careerbot index --full") from None
    except json.JSONDecodeError as error:
        raise IndexCorrupt(f"The manifest in {folder} is not valid JSON ({error}). "
                           "Rebuild: careerbot index --full") from None
    if raw.get("format_version") != FORMAT_VERSION:
        raise IndexMismatch(f"The index in {folder} has format {raw.get('format_version')}, this careerbot reads "
                            f"format {FORMAT_VERSION}. Rebuild it: careerbot index --full")
    try:
        return Manifest(**raw)
    except TypeError as error:
        raise IndexCorrupt(f"The manifest in {folder} is not one careerbot wrote ({error}). "
                           "Rebuild: careerbot index --full") from None


@dataclass(frozen=True)
class StoredVersion:
    """One published version's records and vectors as written: what a rebuild reuses and loading starts from."""

    version: str
    manifest: Manifest
    documents: dict[str, Document]
    chunks: list[Chunk]
    sentences: list[Sentence]
    facts: list[Fact]
    chunk_vectors: VectorIndex
    chunk_matrix: np.ndarray  # the same chunk vectors as a matrix
    sentence_vectors: np.ndarray
    sentence_index: SentenceIndex | None = None


def read_version(index_dir: Path, version: str | None = None) -> StoredVersion:
    """The records and vectors of the version CURRENT points at (or the one named), checked for consistency."""
    version = version or current_version(index_dir)
    if version is None:
        raise IndexMissing(f"No index in {index_dir}. Build it first: careerbot index")
    folder = index_dir / VERSIONS / version
    manifest = read_manifest(folder)
    try:
        documents = {d.doc_id: d for d in _read_jsonl(folder / "documents.jsonl", Document)}
        chunks = _read_jsonl(folder / "chunks.jsonl", Chunk)
        sentences = _read_jsonl(folder / "sentences.jsonl", Sentence)
        with (folder / "facts.jsonl").open(encoding="utf-8") as handle:
            facts = [_fact(json.loads(line)) for line in handle if line.strip()]
        # Memory-mapped, read-only: processes serving one version share one copy in the page cache.
        sentence_vectors = np.load(folder / "sentence_vectors.npy", mmap_mode="r")
        chunk_matrix = np.load(folder / "chunk_vectors.npy", mmap_mode="r")
    except (OSError, ValueError, TypeError, KeyError) as error:
        raise IndexCorrupt(f"The index version {folder} cannot be read ({error}). "
                           "Rebuild: careerbot index --full") from None
    chunk_vectors = VectorIndex.load(folder / "chunks.faiss")
    sentence_index = SentenceIndex.load(folder, SENTENCE_INDEX)
    if chunk_vectors.size != len(chunks) or len(sentence_vectors) != len(sentences) \
            or (sentence_index is not None and sentence_index.size != len(sentences)):
        raise IndexCorrupt(f"The index version {folder} is inconsistent. Rebuild it: careerbot index --full")
    return StoredVersion(version, manifest, documents, chunks, sentences, facts, chunk_vectors, chunk_matrix,
                         sentence_vectors, sentence_index)


def check_model(manifest: Manifest, model_name: str, fingerprint: str) -> None:
    if manifest.model_fingerprint != fingerprint:
        raise IndexMismatch(
            f"The index was built with the model '{manifest.model_name}' ({manifest.dimension} dimensions), but the "
            f"configured model is '{model_name}'. Rebuild the index with the configured model (careerbot index "
            "--full), or set CAREERBOT_MODEL_PATH back to the model the index was built with.")


