"""The sentence index: a question's nearest sentences without scoring every sentence, each distinct vector once."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from careerbot.answer.advisor import Advisor, score_sentences
from careerbot.index.vectors import SentenceIndex


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_repeated_sentences_are_one_vector_and_come_back_together(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    distinct = _unit(rng.normal(size=(50, 16)))
    vectors = np.vstack([distinct, distinct[[3, 3, 3]]])  # sentence 3 repeated word for word as 50, 51, 52
    index = SentenceIndex.build(vectors)
    index.save(tmp_path, "sentences")
    loaded = SentenceIndex.load(tmp_path, "sentences")
    assert loaded is not None and loaded.size == 53

    found = loaded.search(distinct[3], 1, per_vector=10)
    assert sorted(sid for sid, _ in found) == [3, 50, 51, 52]
    assert all(abs(score - 1.0) < 1e-5 for _, score in found)
    assert len(loaded.search(distinct[3], 1, per_vector=2)) == 2  # boilerplate in every document: a few of it


def test_a_version_without_a_sentence_index_is_read(tmp_path: Path) -> None:
    assert SentenceIndex.load(tmp_path, "sentences") is None


def test_the_nearest_sentences_are_those_an_exact_product_finds(advisor: Advisor) -> None:
    corpus = advisor.corpus
    for question in ("What is the entry-level salary in Seattle?", "What skills do ML engineers need?",
                     "Which companies are hiring?"):
        query = advisor.embedder.embed([question])[0]
        scores = score_sentences(corpus, query, [])
        every = np.asarray(corpus.sentence_vectors) @ query
        best = scores.best(24)
        assert np.allclose(sorted((float(every[i]) for i in best), reverse=True), np.sort(every)[::-1][:24],
                           atol=1e-5)
        # a sentence nobody ranked is scored when asked for, exactly
        last = len(corpus.sentences) - 1
        assert abs(scores[last] - float(every[last])) < 1e-5
