"""The vector index: inner product over L2-normalised vectors (cosine). The only module that imports faiss."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

import numpy as np

from careerbot.errors import IndexCorrupt
from careerbot.index.embedding import quiet_threads


def _faiss() -> Any:
    quiet_threads()
    import faiss

    # Searches here are single small queries: threads only add wake-up cost and spin against torch.
    faiss.omp_set_num_threads(1)
    return faiss


# Below this many vectors an exact search takes about a millisecond on these machines: no reason to approximate.
APPROXIMATE_FROM = 5000
HNSW_NEIGHBOURS = 32
HNSW_BUILD_DEPTH = 80
HNSW_SEARCH_DEPTH = 128


class VectorIndex:
    """Inner-product search over normalised vectors (cosine): exact while small, HNSW when large.

    Ids are the row numbers of the vectors it was built from.
    """

    def __init__(self, index: Any) -> None:
        self._index = index

    @classmethod
    def build(cls, vectors: np.ndarray, approximate: bool | None = None) -> VectorIndex:
        """approximate=None chooses by size (APPROXIMATE_FROM)."""
        faiss = _faiss()
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if approximate is None:
            approximate = len(vectors) >= APPROXIMATE_FROM
        if approximate:
            index = faiss.IndexHNSWFlat(vectors.shape[1], HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = HNSW_BUILD_DEPTH
            index.hnsw.efSearch = HNSW_SEARCH_DEPTH
        else:
            index = faiss.IndexFlatIP(vectors.shape[1])
        if len(vectors):
            # Building is the one long job here: every core (searches stay on one thread).
            faiss.omp_set_num_threads(os.cpu_count() or 1)
            try:
                index.add(vectors)
            finally:
                faiss.omp_set_num_threads(1)
        return cls(index)

    @property
    def kind(self) -> Literal["flat", "hnsw"]:
        return "hnsw" if "HNSW" in type(self._index).__name__ else "flat"

    @property
    def size(self) -> int:
        return int(self._index.ntotal)

    @property
    def dimension(self) -> int:
        return int(self._index.d)

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        """The k nearest rows to one query vector, best first, as (row, cosine score)."""
        k = min(k, self.size)
        if k <= 0:
            return []
        vector = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        if k > HNSW_SEARCH_DEPTH and self.kind == "hnsw":  # a deep search explores at least as many as it returns
            scores, ids = self._index.search(vector, k, params=_faiss().SearchParametersHNSW(efSearch=k))
        else:
            scores, ids = self._index.search(vector, k)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=False) if i >= 0]

    def save(self, path: Path) -> None:
        _faiss().write_index(self._index, str(path))

    @classmethod
    def load(cls, path: Path) -> VectorIndex:
        faiss = _faiss()
        try:
            # The vectors memory-mapped from the file, not copied: N serving processes share them.
            index = faiss.read_index(str(path), faiss.IO_FLAG_MMAP_IFC)
            if hasattr(index, "hnsw"):
                index.hnsw.efSearch = HNSW_SEARCH_DEPTH  # a search-time setting, not stored with the index
            return cls(index)
        except RuntimeError as error:
            raise IndexCorrupt(f"Cannot read the vector index {path}: {error}. "
                               "Rebuild it: careerbot index --full") from None


class SentenceIndex:
    """Nearest sentences to a question without scoring every sentence: a vector index over the distinct sentence
    vectors, and which sentences have each. Boilerplate repeated in every document ("Source: ...") is one vector
    here: duplicates crowd an HNSW graph's neighbour lists until whole regions cannot be reached (measured on the
    O*NET import: the best sentence missed for 13 questions in 100 with duplicates in the graph, none without)."""

    def __init__(self, index: VectorIndex, rows: np.ndarray) -> None:
        self._index = index
        self._rows = rows  # sentence id -> its vector's row in the index
        order = np.argsort(rows, kind="stable")
        self._order = order
        self._starts = np.searchsorted(rows[order], np.arange(index.size + 1))

    @classmethod
    def build(cls, vectors: np.ndarray) -> SentenceIndex:
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if not len(vectors):
            return cls(VectorIndex.build(vectors), np.zeros(0, dtype=np.int32))
        as_bytes = vectors.view(np.dtype((np.void, vectors.dtype.itemsize * vectors.shape[1]))).ravel()
        _, first, rows = np.unique(as_bytes, return_index=True, return_inverse=True)
        return cls(VectorIndex.build(vectors[first]), rows.astype(np.int32))

    @property
    def size(self) -> int:
        return len(self._rows)

    def search(self, query: np.ndarray, k: int, per_vector: int) -> list[tuple[int, float]]:
        """Sentences of the k nearest distinct vectors, as (sentence id, cosine), at most `per_vector` of those
        sharing one vector (in corpus order)."""
        found: list[tuple[int, float]] = []
        for row, score in self._index.search(query, k):
            start, end = int(self._starts[row]), int(self._starts[row + 1])
            found.extend((int(sid), score) for sid in self._order[start:min(end, start + per_vector)])
        return found

    def save(self, folder: Path, name: str) -> None:
        self._index.save(folder / f"{name}.faiss")
        np.save(folder / f"{name}_rows.npy", self._rows)

    @classmethod
    def load(cls, folder: Path, name: str) -> SentenceIndex | None:
        """None when the version has none (written before sentence indexes)."""
        if not (folder / f"{name}.faiss").is_file() or not (folder / f"{name}_rows.npy").is_file():
            return None
        try:
            rows = np.load(folder / f"{name}_rows.npy")
        except (OSError, ValueError) as error:
            raise IndexCorrupt(f"Cannot read {folder / f'{name}_rows.npy'}: {error}. "
                               "Rebuild it: careerbot index --full") from None
        return cls(VectorIndex.load(folder / f"{name}.faiss"), rows)
