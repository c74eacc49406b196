"""Lexical search: the tokeniser, BM25 and rank fusion (index/lexical.py)."""

import pytest

from careerbot.index.lexical import LexicalIndex, fuse, reciprocal_rank_fusion, tokenize, weighted_fusion
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
