"""careerbot eval beir: the BEIR reader, the metrics and a run on a hand-made data set (evaluation/beir.py)."""

import json
import math
import re
from pathlib import Path

import pytest

from careerbot.errors import CareerbotError
from careerbot.evaluation.beir import evaluate_fusion, ndcg_at, rank, read_dataset, recall_at, score_runs
from careerbot.index.lexical import fuse
from helpers import run_careerbot


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
    write_beir(tmp_path)
    with pytest.raises(CareerbotError, match="qrels/train.tsv"):
        read_dataset(tmp_path, "train")


def test_eval_beir_scores_a_beir_folder(tmp_path):
    write_beir(tmp_path / "tiny")
    beir = ("eval", "beir", str(tmp_path / "tiny"), "--split", "test", "--cache", str(tmp_path / "cache"))
    as_json = run_careerbot(*beir, "--json", cwd=tmp_path)
    assert as_json.returncode == 0, as_json.stderr
    figures = json.loads(as_json.stdout)
    assert set(figures) == {"dense", "lexical", "hybrid"}
    assert figures["dense"] == figures["hybrid"] == {"ndcg@10": 1.0, "recall@100": 1.0, "queries": 2}
    assert any((tmp_path / "cache").iterdir())  # the document vectors are kept for the next run
    result = run_careerbot(*beir, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("tiny test: 4 documents, 2 queries")
    # Each row holds this run's figures (beside the published SciFact ones, which are printed whatever happens).
    for name, row in figures.items():
        line = re.search(rf"^{name}\s+(\S+)\s+(\S+)", result.stdout, re.MULTILINE)
        assert line and (float(line[1]), float(line[2])) == (row["ndcg@10"], row["recall@100"]), name
    missing = run_careerbot("eval", "beir", str(tmp_path / "tiny"), "--split", "dev", cwd=tmp_path)
    assert missing.returncode == 1 and "qrels/dev.tsv" in missing.stderr
