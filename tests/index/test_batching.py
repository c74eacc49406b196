"""Questions asked at once share one encode (index/batching.py), on the real packaged model."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from careerbot.index.batching import BatchingEmbedder

QUESTIONS = [f"What does a machine learning engineer earn in city number {n}?" for n in range(24)]


def test_concurrent_questions_share_batches_and_get_their_own_vectors(embedder):
    batching = BatchingEmbedder(embedder, window_seconds=0.05)
    batching.embed(["warm"])  # the last batch held one: the next lone question would not wait
    start = threading.Barrier(len(QUESTIONS))

    def ask(question: str) -> np.ndarray:
        start.wait()
        return batching.embed([question])

    with ThreadPoolExecutor(len(QUESTIONS)) as pool:
        vectors = list(pool.map(ask, QUESTIONS))
    assert max(batching.batches) > 1, "questions arriving together were encoded together"
    assert sum(batching.batches[1:]) == len(QUESTIONS)
    alone = embedder.embed(QUESTIONS)
    for mine, expected in zip(vectors, alone, strict=True):
        assert mine.shape == (1, embedder.dimension)
        assert np.allclose(mine[0], expected, atol=1e-5)


def test_a_failed_encode_reaches_every_caller_and_the_next_one_works(embedder):
    class Flaky:
        name, fingerprint, dimension = embedder.name, embedder.fingerprint, embedder.dimension
        fail = True

        def warm_up(self) -> None: ...

        def embed(self, texts, show_progress=False):  # type: ignore[no-untyped-def]
            if self.fail:
                raise RuntimeError("model gone")
            return embedder.embed(texts)

    flaky = Flaky()
    batching = BatchingEmbedder(flaky)  # type: ignore[arg-type]
    with pytest.raises(RuntimeError, match="model gone"):
        batching.embed(["a question"])
    flaky.fail = False
    assert batching.embed(["a question"]).shape == (1, embedder.dimension)


def test_a_build_sized_encode_goes_straight_through(embedder):
    batching = BatchingEmbedder(embedder, max_batch=4)
    vectors = batching.embed([f"text {n}" for n in range(10)])
    assert vectors.shape == (10, embedder.dimension) and batching.batches == []
