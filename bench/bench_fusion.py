"""Choose the fusion on SciFact's train split, then report the test split: the figures behind lexical.fuse.

Run: python bench/bench_fusion.py [--data ../shared/data/scifact]
Prints nDCG@10 / Recall@100 of dense, lexical and each fusion candidate on train (used to choose) and test
(reported). Document vectors are cached in ~/.cache/careerbot, so a second run takes seconds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from careerbot.config import Settings  # noqa: E402
from careerbot.evaluation.beir import evaluate_fusion, rank, read_dataset  # noqa: E402
from careerbot.index.embedding import SentenceTransformerEmbedder  # noqa: E402
from careerbot.index.lexical import reciprocal_rank_fusion, weighted_fusion  # noqa: E402

CANDIDATES = {
    "rrf k=60": lambda dense, lex: reciprocal_rank_fusion(dense, lex),
    "rrf k=20": lambda dense, lex: reciprocal_rank_fusion(dense, lex, k=20),
    "rrf k=60, dense 0.4": lambda dense, lex: reciprocal_rank_fusion(dense, lex, weights=[0.4, 0.6]),
    "rrf k=60, dense 0.6": lambda dense, lex: reciprocal_rank_fusion(dense, lex, weights=[0.6, 0.4]),
    **{f"weighted, dense {w}": (lambda dense, lex, w=w: weighted_fusion(dense, lex, w))
       for w in (0.3, 0.4, 0.5, 0.6, 0.7)},
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "scifact")
    args = parser.parse_args()
    embedder = SentenceTransformerEmbedder(Settings().resolved_model_path)
    for split in ("train", "test"):
        dataset = read_dataset(args.data, split)
        rankings = rank(dataset, embedder, cache_dir=Path.home() / ".cache" / "careerbot")
        print(f"\n{split}: {len(dataset.queries)} queries        nDCG@10  Recall@100")
        for number, (name, fuse) in enumerate(CANDIDATES.items()):
            figures = evaluate_fusion(dataset, rankings, fuse)
            if number == 0:
                for alone in ("dense", "lexical"):
                    print(f"  {alone:26} {figures[alone]['ndcg@10']:.4f}   {figures[alone]['recall@100']:.4f}")
            print(f"  {name:26} {figures['hybrid']['ndcg@10']:.4f}   {figures['hybrid']['recall@100']:.4f}")


if __name__ == "__main__":
    main()
