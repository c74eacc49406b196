"""Hybrid retrieval: the tokeniser, BM25, fusion, and the BEIR reader and metrics on hand-made data."""

import json
import math
from pathlib import Path

import pytest

from careerbot.evaluation.beir import (
    evaluate_fusion,
    ndcg_at,
    rank,
    read_dataset,
    recall_at,
    score_runs,
)
from careerbot.index.lexical import (
    LexicalIndex,
    fuse,
    reciprocal_rank_fusion,
    tokenize,
    weighted_fusion,
)
from careerbot.index.vectors import VectorIndex


@pytest.mark.parametrize("text,expected", [
    ("$90,000 – $120,000", ["$90000", "90000", "$120000", "120000"]),
    ("3-5 years", ["3-5", "year"]),
    ("C++ and C# and R", ["c++", "c#", "r"]),
    ("Seattle, WA", ["seattl", "wa"]),
    ("AWS certification", ["aw", "certif"]),
    ("83% of engineers", ["83%", "engin"]),
    ("The salaries of the engineers", ["salari", "engin"]),
])
def test_the_tokeniser_keeps_money_ranges_short_names_and_places(text, expected):
    assert tokenize(text) == expected


def test_bm25_finds_exact_tokens_dense_search_blurs():
    texts = ["Seattle, WA $90,000 – $120,000", "Boston, MA $85,000 – $115,000", "R is used for statistics",
             "C++ is fast for models"]
    index = LexicalIndex(texts)
    assert index.search("pay in Boston", 4)[0][0] == 1
    assert index.search("who uses R", 4)[0][0] == 2
    assert index.search("C++", 4)[0][0] == 3
    assert index.search("120,000", 4)[0][0] == 0
    assert index.search("of the and", 4) == []


def test_fusion_on_a_small_corpus_where_lexical_and_dense_disagree(embedder):
    texts = ["Kubernetes orchestrates containers across a cluster of machines.",
             "Engineers schedule workloads so that software runs on many computers at once.",
             "The K8s certification CKA is held by 12% of platform engineers.",
             "Bread is baked in an oven at high heat."]
    question = "What share of platform engineers hold the CKA?"
    vectors = embedder.embed(texts)
    dense = VectorIndex.build(vectors).search(embedder.embed([question])[0], 4)
    lexical = LexicalIndex(texts).search(question, 4)
    assert lexical[0][0] == 2  # the only text with "CKA"
    fused = [row for row, _ in fuse(dense, lexical)]
    assert fused[0] == 2 and fused[-1] == 3
    assert set(fused) == {row for row, _ in dense} | {row for row, _ in lexical}


def test_rank_fusion_arithmetic():
    assert reciprocal_rank_fusion([(1, 0.9), (2, 0.8)], [(2, 7.0), (3, 5.0)], k=60)[0] == (2, 1 / 62 + 1 / 61)
    fused = dict(weighted_fusion([(1, 0.9), (2, 0.5)], [(2, 10.0), (3, 2.0)], dense_weight=0.5))
    assert fused == {1: 0.5, 2: 0.5, 3: 0.0}


def test_metrics_match_hand_computed_values():
    relevant = {"a": 1, "c": 2}
    # Ranked a, b, c: DCG = 1/log2(2) + 2/log2(4) = 2; ideal c, a: 2/1 + 1/log2(3).
    assert math.isclose(ndcg_at(["a", "b", "c"], relevant), 2 / (2 + 1 / math.log2(3)))
    assert ndcg_at(["x", "y"], relevant) == 0.0
    assert ndcg_at(["c", "a"], relevant) == 1.0
    assert recall_at(["a", "b"], relevant) == 0.5 and recall_at(["b"], relevant, k=1) == 0.0
    assert score_runs({"q1": ["c", "a"], "q2": ["z"]}, {"q1": relevant, "q2": {"y": 1}}) == \
        {"ndcg@10": 0.5, "recall@100": 0.5, "queries": 2}


def write_beir(folder: Path) -> None:
    (folder / "qrels").mkdir(parents=True)
    docs = [("d1", "Welders", "Welders join metal with heat."), ("d2", "Bakers", "Bakers bake bread before dawn."),
            ("d3", "Pilots", "Pilots fly planes between cities."), ("d4", "", "Nurses care for patients.")]
    (folder / "corpus.jsonl").write_text("\n".join(json.dumps({"_id": i, "title": t, "text": x}) for i, t, x in docs))
    queries = [("q1", "Who bakes bread?"), ("q2", "Who flies planes?"), ("q3", "unjudged question")]
    (folder / "queries.jsonl").write_text("\n".join(json.dumps({"_id": i, "text": x}) for i, x in queries))
    (folder / "qrels" / "test.tsv").write_text("query-id\tcorpus-id\tscore\nq1\td2\t1\nq2\td3\t1\n")


def test_the_beir_reader_and_an_end_to_end_run(tmp_path, embedder):
    write_beir(tmp_path)
    dataset = read_dataset(tmp_path, "test")
    assert dataset.doc_ids == ["d1", "d2", "d3", "d4"] and dataset.texts[3] == "Nurses care for patients."
    assert set(dataset.queries) == {"q1", "q2"} and dataset.qrels["q1"] == {"d2": 1}
    figures = evaluate_fusion(dataset, rank(dataset, embedder), fuse)
    for name in ("dense", "lexical", "hybrid"):
        assert figures[name]["queries"] == 2
    assert figures["dense"]["ndcg@10"] == 1.0 and figures["hybrid"]["ndcg@10"] == 1.0


def test_a_missing_split_is_a_clear_error(tmp_path):
    from careerbot.errors import CareerbotError

    write_beir(tmp_path)
    with pytest.raises(CareerbotError, match="qrels/train.tsv"):
        read_dataset(tmp_path, "train")
