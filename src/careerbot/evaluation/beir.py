"""careerbot eval beir: a BEIR-format dataset through careerbot's own retrieval, scored with nDCG@10 and Recall@100.

The same pieces answer careerbot's questions: the embedder, the FAISS VectorIndex, the BM25 LexicalIndex and the
fusion. Each BEIR document (title + text) is one passage.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from careerbot.errors import CareerbotError
from careerbot.index.embedding import Embedder
from careerbot.index.lexical import LexicalIndex
from careerbot.index.vectors import VectorIndex

Ranking = list[tuple[int, float]]
DEPTH = 100


@dataclass(frozen=True)
class Dataset:
    doc_ids: list[str]
    texts: list[str]  # title and text, as MTEB joins them
    queries: dict[str, str]
    qrels: dict[str, dict[str, int]]  # query id -> doc id -> relevance


def _jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        with path.open(encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]
    except FileNotFoundError:
        raise CareerbotError(f"{path} is missing: a BEIR folder has corpus.jsonl, queries.jsonl and qrels/.") from None
    except json.JSONDecodeError as error:
        raise CareerbotError(f"{path} is not JSON Lines ({error}).") from None


def read_qrels(path: Path) -> dict[str, dict[str, int]]:
    if not path.is_file():
        raise CareerbotError(f"{path} is missing: name a split that has a qrels/<split>.tsv file.")
    qrels: dict[str, dict[str, int]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        parts = line.split("\t")
        if number == 0 and not parts[-1].strip().lstrip("-").isdigit():
            continue  # header
        if len(parts) >= 3:
            qrels.setdefault(parts[0], {})[parts[1]] = int(parts[2])
    return qrels


def read_dataset(folder: Path, split: str) -> Dataset:
    corpus = _jsonl(folder / "corpus.jsonl")
    qrels = read_qrels(folder / "qrels" / f"{split}.tsv")
    queries = {q["_id"]: q.get("text", "") for q in _jsonl(folder / "queries.jsonl") if q.get("_id") in qrels}
    try:
        texts = [f"{d.get('title', '')} {d.get('text', '')}".strip() for d in corpus]
        return Dataset([d["_id"] for d in corpus], texts, queries, qrels)
    except (KeyError, AttributeError) as error:
        raise CareerbotError(f"{folder}/corpus.jsonl has a line without an _id ({error!r}).") from None


def ndcg_at(ranked: Sequence[str], relevant: dict[str, int], k: int = 10) -> float:
    """nDCG@k with graded gains (relevance) and log2 discounts, as pytrec_eval computes it."""
    dcg = sum(relevant.get(doc, 0) / math.log2(rank + 2) for rank, doc in enumerate(ranked[:k]))
    ideal = sorted((r for r in relevant.values() if r > 0), reverse=True)[:k]
    idcg = sum(gain / math.log2(rank + 2) for rank, gain in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 0.0


def recall_at(ranked: Sequence[str], relevant: dict[str, int], k: int = 100) -> float:
    wanted = {doc for doc, r in relevant.items() if r > 0}
    return len(wanted & set(ranked[:k])) / len(wanted) if wanted else 0.0


def score_runs(runs: dict[str, list[str]], qrels: dict[str, dict[str, int]]) -> dict[str, float]:
    """Mean nDCG@10 and Recall@100 over the queries that have judgements."""
    judged = [q for q in qrels if q in runs]
    if not judged:
        return {"ndcg@10": 0.0, "recall@100": 0.0, "queries": 0}
    return {"ndcg@10": round(sum(ndcg_at(runs[q], qrels[q]) for q in judged) / len(judged), 5),
            "recall@100": round(sum(recall_at(runs[q], qrels[q]) for q in judged) / len(judged), 5),
            "queries": len(judged)}


def embed_corpus(texts: list[str], embedder: Embedder, cache_dir: Path | None) -> np.ndarray:
    """Document vectors, kept in cache_dir between runs (keyed by the model and the texts)."""
    key = hashlib.sha256((embedder.fingerprint + "\x00" + "\x00".join(texts)).encode()).hexdigest()[:20]
    cached = cache_dir / f"beir-{key}.npy" if cache_dir else None
    if cached and cached.is_file():
        loaded: np.ndarray = np.load(cached)
        return loaded
    vectors = embedder.embed(texts, show_progress=True)
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        np.save(cached, vectors)
    return vectors


@dataclass(frozen=True)
class Rankings:
    """Per query id: the dense and the lexical ranking of document rows, DEPTH deep."""

    dense: dict[str, Ranking]
    lexical: dict[str, Ranking]


def rank(dataset: Dataset, embedder: Embedder, cache_dir: Path | None = None) -> Rankings:
    vectors = embed_corpus(dataset.texts, embedder, cache_dir)
    dense_index = VectorIndex.build(vectors, approximate=False)
    lexical_index = LexicalIndex(dataset.texts)
    ids = list(dataset.queries)
    query_vectors = embedder.embed([dataset.queries[q] for q in ids])
    dense = {q: dense_index.search(v, DEPTH) for q, v in zip(ids, query_vectors, strict=False)}
    lexical = {q: lexical_index.search(dataset.queries[q], DEPTH) for q in ids}
    return Rankings(dense, lexical)


def evaluate_fusion(dataset: Dataset, rankings: Rankings,
                    fuse: Callable[[Ranking, Ranking], Ranking]) -> dict[str, dict[str, float]]:
    """nDCG@10 and Recall@100 of dense alone, lexical alone and their fusion."""
    def as_ids(ranking: Ranking) -> list[str]:
        return [dataset.doc_ids[row] for row, _ in ranking[:DEPTH]]

    runs = {
        "dense": {q: as_ids(r) for q, r in rankings.dense.items()},
        "lexical": {q: as_ids(r) for q, r in rankings.lexical.items()},
        "hybrid": {q: as_ids(fuse(rankings.dense[q], rankings.lexical[q])) for q in rankings.dense},
    }
    return {name: score_runs(run, dataset.qrels) for name, run in runs.items()}


# The published figures for SciFact test that careerbot's are printed beside.
PUBLISHED = {"dense": ("all-MiniLM-L6-v2 dense (MTEB)", 0.64508, 0.925),
             "lexical": ("BM25s 0.1.10 (MTEB baseline)", 0.68736, 0.91267)}


def figure_table(figures: dict[str, dict[str, float]]) -> str:
    """nDCG@10 and Recall@100 per retrieval, beside the published figures where there are some."""
    lines = [f"{'retrieval':10} {'nDCG@10':>8} {'Recall@100':>11}   published"]
    for name, result in figures.items():
        published = PUBLISHED.get(name)
        note = f"{published[1]:.4f} / {published[2]:.4f}  {published[0]}" if published else ""
        lines.append(f"{name:10} {result['ndcg@10']:8.4f} {result['recall@100']:11.4f}   {note}")
    return "\n".join(lines)
