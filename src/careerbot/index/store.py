"""A published index version on disk: its manifest, records and vectors, written and read as one unit."""

from __future__ import annotations

import json
import math
import os
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from careerbot.errors import IndexCorrupt, IndexMismatch, IndexMissing
from careerbot.index.lexical import LexicalIndex
from careerbot.index.vectors import VectorIndex
from careerbot.records import Chunk, Document, Fact, ParsedValue, Sentence
from careerbot.text.places import Gazetteer, build_gazetteer
from careerbot.text.terms import (
    acronyms,
    lemma,
    name_key,
    parts_of_speech,
    singular,
    subject_words,
    words,
)

FORMAT_VERSION = 3
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


@dataclass(frozen=True)
class CorpusIndex:
    """Everything a question is answered from; loaded whole from one version and never changed afterwards."""

    version: str
    manifest: Manifest
    documents: dict[str, Document]
    chunks: list[Chunk]
    sentences: list[Sentence]
    chunk_vectors: VectorIndex
    sentence_vectors: np.ndarray
    facts: list[Fact] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)  # "ml" -> "machine learning", as the corpus defines them
    sentences_by_chunk: dict[int, list[int]] = field(default_factory=dict)
    idf: dict[str, float] = field(default_factory=dict)  # over sentences, of singular word forms: the vocabulary
    facts_by_sentence: dict[int, list[int]] = field(default_factory=dict)
    facts_by_word: dict[str, list[int]] = field(default_factory=dict)  # subject word -> facts whose subject has it
    facts_by_table: dict[tuple[str, int], list[int]] = field(default_factory=dict)
    chunk_matrix: np.ndarray | None = None  # the chunk vectors, for scoring chunks that lexical search found
    lexical: LexicalIndex | None = None  # BM25 over the chunks, built at load
    subject_names: dict[str, str] = field(default_factory=dict)  # name_key -> fact subject name, for follow-ups
    vocabulary: frozenset[str] = frozenset()  # every word form of the corpus: as written, singular and lemma
    gazetteer: Gazetteer = field(default_factory=Gazetteer)  # the places the facts name, by every name they go by
    source_names: dict[str, str] = field(default_factory=dict)  # a source's name (lower case) -> as written

    spelling: Spelling = field(default_factory=lambda: Spelling(frozenset(), {}))  # typos and clipped words
    median_idf: float = 0.0  # words rarer than this are names and specific terms, not the corpus's common words
    sentences_by_word: dict[str, list[int]] = field(default_factory=dict)  # rare word -> sentences that use it

    @property
    def rare_idf(self) -> float:
        """Words rarer than this (in under 3 sentences, or under 1 in 2,000 of a large corpus) name something
        specific: a question about one that the evidence never uses is about something else."""
        count = max(len(self.sentences), 1)
        return math.log(1 + count / max(3.0, count / 2000))

    def closest_word(self, word: str) -> str | None:
        """The corpus word a misspelt one most likely means (enginer -> engineer), or None."""
        return self.spelling.closest(word)

    def clipped_word(self, short: str) -> str | None:
        """The corpus's most common word that a clipped form opens and runs through (eng -> engineer,
        lvl -> level, mgmt -> management), or None."""
        return self.spelling.clipped(short)


class Spelling:
    """Look-ups of misspelt and clipped words against one version's vocabulary, remembered per word."""

    def __init__(self, vocabulary: frozenset[str], idf: dict[str, float]) -> None:
        self._words = tuple(sorted(w for w in vocabulary if len(w) >= 4 and w.isalpha()))
        self._idf = idf
        self._closest: dict[str, str | None] = {}
        self._clipped: dict[str, str | None] = {}

    def closest(self, word: str) -> str | None:
        if word not in self._closest:
            from rapidfuzz import fuzz, process

            # 80: one wrong, missing or extra letter in a word of five or more ("salery", "enginer"), not another
            # word ("unicorn" is 71 from "uniform").
            match = process.extractOne(word, self._words, scorer=fuzz.ratio, score_cutoff=80)
            self._closest[word] = match[0] if match else None
        return self._closest[word]

    def clipped(self, short: str) -> str | None:
        if short not in self._clipped:
            pattern = re.compile(short[0] + "".join(f"[a-z]*{re.escape(c)}" for c in short[1:]))
            found = [w for w in self._words if w[0] == short[0] and len(w) > len(short) and pattern.match(w)
                     and (w.startswith(short) or len(short) >= 3)]
            self._clipped[short] = min(found, key=lambda w: self._idf.get(w, 99.0)) if found else None
        return self._clipped[short]


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
        raise IndexCorrupt(f"The manifest in {folder} is not valid JSON ({error}). Rebuild: careerbot index --full") from None
    if raw.get("format_version") != FORMAT_VERSION:
        raise IndexMismatch(f"The index in {folder} has format {raw.get('format_version')}, this careerbot reads "
                            f"format {FORMAT_VERSION}. Rebuild it: careerbot index --full")
    try:
        return Manifest(**raw)
    except TypeError as error:
        raise IndexCorrupt(f"The manifest in {folder} is not one careerbot wrote ({error}). Rebuild: careerbot index --full") from None


def check_model(manifest: Manifest, model_name: str, fingerprint: str) -> None:
    if manifest.model_fingerprint != fingerprint:
        raise IndexMismatch(
            f"The index was built with the model '{manifest.model_name}' ({manifest.dimension} dimensions), but the "
            f"configured model is '{model_name}'. Rebuild the index with the configured model (careerbot index "
            "--full), or set CAREERBOT_MODEL_PATH back to the model the index was built with.")


def load_version(index_dir: Path, version: str | None = None, serving: bool = True) -> CorpusIndex:
    """The version CURRENT points at (or the one named). serving=False skips what only answering needs (the BM25
    index, term statistics, fact look-ups): a rebuild reads the records and vectors alone."""
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
        sentence_vectors = np.load(folder / "sentence_vectors.npy")
        chunk_matrix = np.load(folder / "chunk_vectors.npy")
    except (OSError, ValueError, TypeError, KeyError) as error:
        raise IndexCorrupt(f"The index version {folder} cannot be read ({error}). Rebuild: careerbot index --full") from None
    chunk_vectors = VectorIndex.load(folder / "chunks.faiss")
    if chunk_vectors.size != len(chunks) or len(sentence_vectors) != len(sentences):
        raise IndexCorrupt(f"The index version {folder} is inconsistent. Rebuild it: careerbot index --full")
    if not serving:
        return CorpusIndex(version, manifest, documents, chunks, sentences, chunk_vectors, sentence_vectors, facts,
                           chunk_matrix=chunk_matrix)
    by_chunk: dict[int, list[int]] = {}
    for sentence in sentences:
        by_chunk.setdefault(sentence.chunk_id, []).append(sentence.sentence_id)
    defined: dict[str, str] = {}
    for document in documents.values():
        for short, long in acronyms(document.text).items():
            defined.setdefault(short, long)
    by_sentence: dict[int, list[int]] = {}
    by_word: dict[str, list[int]] = {}
    by_table: dict[tuple[str, int], list[int]] = {}
    for position, fact in enumerate(facts):
        by_sentence.setdefault(fact.sentence_id, []).append(position)
        for word in set(subject_words(fact.subject)):
            by_word.setdefault(word, []).append(position)
        if fact.table >= 0:
            by_table.setdefault((fact.doc_id, fact.table), []).append(position)
    lexical = LexicalIndex([f"{c.section}\n{c.text}" for c in chunks])
    names: dict[str, str] = {}
    for fact in facts:  # subject names (before any comma) a follow-up question may name
        name = " ".join(fact.subject.split(",")[0].split())
        if 0 < len(name) <= 60 and len(name.split()) <= 5:
            names.setdefault(name_key(name.split()), name)
    idf, by_term = _sentence_terms(sentences)
    vocabulary = frozenset(form for term in idf for form in (term, lemma(term)))
    labels = [fact.subject for fact in facts] + [q for fact in facts for q in fact.qualifiers]
    median_idf = sorted(idf.values())[len(idf) // 2] if idf else 0.0
    return CorpusIndex(version, manifest, documents, chunks, sentences, chunk_vectors, sentence_vectors,
                       facts, defined, by_chunk, idf, by_sentence, by_word, by_table, chunk_matrix, lexical, names,
                       vocabulary, build_gazetteer(labels, {fact.subject for fact in facts}),
                       _source_names(documents, facts, idf, median_idf), Spelling(vocabulary, idf), median_idf,
                       by_term)


def _source_names(documents: dict[str, Document], facts: list[Fact], idf: dict[str, float],
                  common: float) -> dict[str, str]:
    """Names of sources a question may ask for: sources the facts cite ("according to PayScale") and the rare
    capitalised words of document titles ("Glassdoor")."""
    names: dict[str, str] = {}
    for fact in facts:
        for qualifier in fact.qualifiers:
            if qualifier.startswith("according to "):
                name = qualifier[len("according to "):]
                names.setdefault(name.lower(), name)
    for document in documents.values():
        for word in re.findall(r"\b[A-Z][\w&.-]*[A-Za-z]", document.title):
            if idf.get(singular(word.lower()), 99.0) > common and len(word) > 3 and not parts_of_speech(word):
                names.setdefault(word.lower(), word)
    return names


def sentence_idf(sentences: list[Sentence]) -> dict[str, float]:
    return _sentence_terms(sentences)[0]


MAX_POSTINGS = 200  # a word in more sentences than this is not rare: it gets no list of its own


def _sentence_terms(sentences: list[Sentence]) -> tuple[dict[str, float], dict[str, list[int]]]:
    """IDF of every word (singular) over the sentences, and for the rarer words the sentences that use them."""
    frequency: Counter[str] = Counter()
    postings: dict[str, list[int]] = {}
    for sentence in sentences:
        terms = {singular(w) for w in words(sentence.text + " " + sentence.context)}
        frequency.update(terms)
        for term in terms:
            listed = postings.setdefault(term, [])
            if len(listed) <= MAX_POSTINGS:
                listed.append(sentence.sentence_id)
    count = max(len(sentences), 1)
    rare = max(20, min(MAX_POSTINGS, count // 20))  # in at most 5% of the sentences
    return ({term: math.log(1 + count / df) for term, df in frequency.items()},
            {term: ids for term, ids in postings.items() if len(ids) <= rare})
