"""The vector index: inner product over L2-normalised vectors (cosine). The only module that imports faiss."""

from __future__ import annotations

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
            index.add(vectors)
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
        scores, ids = self._index.search(np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32), k)
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
