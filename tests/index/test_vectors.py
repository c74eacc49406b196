"""The vector index alone, on small deterministic vectors, no model needed (index/vectors.py)."""

import numpy as np

from careerbot.index.vectors import VectorIndex


def unit_vectors(count: int, dimension: int = 32, seed: int = 7) -> np.ndarray:
    vectors = np.random.default_rng(seed).normal(size=(count, dimension)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_exact_search_finds_each_vector_first_with_cosine_one(tmp_path):
    vectors = unit_vectors(50)
    index = VectorIndex.build(vectors)
    assert index.kind == "flat"
    for row in (0, 17, 49):
        best, score = index.search(vectors[row], 3)[0]
        assert best == row and abs(score - 1.0) < 1e-5
    index.save(tmp_path / "flat.faiss")
    assert VectorIndex.load(tmp_path / "flat.faiss").search(vectors[5], 1)[0][0] == 5


def test_large_indexes_are_approximate_and_agree_with_exact_search(tmp_path):
    vectors = unit_vectors(3000)
    exact = VectorIndex.build(vectors, approximate=False)
    approximate = VectorIndex.build(vectors, approximate=True)
    assert approximate.kind == "hnsw"
    queries = unit_vectors(40, seed=11)
    overlap = [len({i for i, _ in exact.search(q, 10)} & {i for i, _ in approximate.search(q, 10)}) / 10
               for q in queries]
    assert sum(overlap) / len(overlap) >= 0.9
    approximate.save(tmp_path / "hnsw.faiss")
    assert VectorIndex.load(tmp_path / "hnsw.faiss").kind == "hnsw"


def test_size_chooses_the_kind():
    from careerbot.index import vectors as module

    assert VectorIndex.build(unit_vectors(10)).kind == "flat"
    assert VectorIndex.build(unit_vectors(module.APPROXIMATE_FROM, dimension=8)).kind == "hnsw"


def test_empty_and_oversized_k_are_safe():
    index = VectorIndex.build(unit_vectors(3))
    assert len(index.search(unit_vectors(1)[0], 10)) == 3
    assert index.search(unit_vectors(1)[0], 0) == []
    empty = VectorIndex.build(np.zeros((0, 32), dtype=np.float32))
    assert empty.size == 0 and empty.search(unit_vectors(1)[0], 5) == []
