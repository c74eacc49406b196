"""Build and query figures at two sizes: the shipped corpus, and the shipped corpus plus the full O*NET + BLS import.

Run: python bench/bench_scale.py [--data ../shared/data] [--limit N]
For each corpus it prints: full build time and peak memory (a fresh `careerbot index --full` process), index size on
disk, the incremental rebuild after adding one document next to that document's own embedding time, /ask p50/p95
in-process, and the recall@10 of the approximate (HNSW) chunk index against exact search.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

QUESTIONS = [
    "What is the entry-level salary in Seattle?", "What is Keras?", "How many positions is Google hiring for?",
    "What is the median wage of data scientists?", "What do registered nurses do?",
    "What is the mean annual wage of software developers?", "What skills do electricians need?",
    "What education do pharmacists need?", "How many web developers are employed?", "What is the capital of France?",
]
NEW_DOCUMENT = ("# Drone Pilot Careers\n\nCommercial drone pilots fly unmanned aircraft for surveys and film.\n\n"
                "## Pay\n\nThe table below gives the median pay for drone pilots.\n\n| City | Median Pay |\n|---|---|\n"
                "| Denver | $61,000 |\n| Austin | $58,500 |\n")


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def full_build(corpus: Path, index: Path) -> tuple[float, float]:
    """(build seconds as reported, peak RSS in MB) of a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    out = subprocess.run([sys.executable, "-m", "careerbot", "--corpus", str(corpus), "--index", str(index),
                          "index", "--full"], capture_output=True, text=True, check=True).stdout
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    seconds = float(re.search(r"in ([\d.]+) s", out).group(1))
    return seconds, max(peak, before) / 1024


def recall_at_10(index: Path, embedder) -> float | None:  # type: ignore[no-untyped-def]
    """Share of the exact top 10 chunks that HNSW also returns, over questions and sampled chunks as queries."""
    from careerbot.index.store import current_version
    from careerbot.index.vectors import VectorIndex

    vectors = np.load(index / "versions" / current_version(index) / "chunk_vectors.npy")
    if len(vectors) < 200:
        return None
    exact = VectorIndex.build(vectors, approximate=False)
    approximate = VectorIndex.build(vectors, approximate=True)
    rng = np.random.default_rng(0)
    queries = np.vstack([embedder.embed(QUESTIONS), vectors[rng.choice(len(vectors), 190, replace=False)]])
    overlaps = [len({i for i, _ in exact.search(q, 10)} & {i for i, _ in approximate.search(q, 10)}) / 10
                for q in queries]
    return float(np.mean(overlaps))


def measure(name: str, corpus: Path, work: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    from careerbot.answer.advisor import load_advisor
    from careerbot.config import Settings
    from careerbot.index.build import build_index, chunk_embedding_text, records_of, sentence_embedding_text

    index = work / f"index-{name}"
    seconds, peak_mb = full_build(corpus, index)
    settings = Settings(corpus_dir=corpus, index_dir=index)
    version = next(p for p in (index / "versions").iterdir() if not p.name.startswith("."))
    size_mb = folder_size(version) / 1e6

    added = corpus / "drone-pilots.md"
    added.write_text(NEW_DOCUMENT)
    report = build_index(settings, embedder)
    assert report.added == ["drone-pilots.md"], report.added
    from careerbot.ingest.readers import read_document

    records = records_of(read_document(added, "drone-pilots.md"))
    texts = [chunk_embedding_text(c) for c in records.chunks]
    texts += [sentence_embedding_text(s, records.chunks[s.chunk_id]) for s in records.sentences]
    began = time.perf_counter()
    embedder.embed(texts[: len(records.chunks)])
    embedder.embed(texts[len(records.chunks):])
    own = time.perf_counter() - began
    added.unlink()

    advisor = load_advisor(settings, embedder)
    for question in QUESTIONS:
        advisor.ask(question)
    latencies = []
    for _ in range(5):
        for question in QUESTIONS:
            began = time.perf_counter()
            advisor.ask(question)
            latencies.append(time.perf_counter() - began)
    latencies.sort()
    recall = recall_at_10(index, embedder)
    corpus_size = advisor.corpus
    print(f"\n== {name} (after adding one): {len(corpus_size.documents)} documents, {len(corpus_size.chunks)} chunks, "
          f"{len(corpus_size.sentences)} sentences, {len(corpus_size.facts)} facts")
    print(f"full build (fresh process, incl. model load)   {seconds:8.1f} s   peak memory {peak_mb:7.0f} MB")
    print(f"index size on disk                             {size_mb:8.1f} MB")
    print(f"incremental rebuild, one document added        {report.seconds:8.2f} s   "
          f"(that document's own embedding: {own:.2f} s; overhead {report.seconds - own:.2f} s)")
    print(f"/ask in-process                                p50 {statistics.median(latencies) * 1000:6.1f} ms   "
          f"p95 {latencies[int(0.95 * (len(latencies) - 1))] * 1000:6.1f} ms")
    print(f"chunk index: {corpus_size.chunk_vectors.kind}; HNSW recall@10 vs exact: "
          f"{'n/a (too small)' if recall is None else f'{recall:.3f}'}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, help="Import only the first N occupations (for a quick run).")
    args = parser.parse_args()

    from careerbot.config import Settings
    from careerbot.index.embedding import SentenceTransformerEmbedder
    from careerbot.ingest.onet import import_onet

    embedder = SentenceTransformerEmbedder(Settings().resolved_model_path)
    embedder.warm_up()
    work = Path(tempfile.mkdtemp(prefix="careerbot-scale-"))
    try:
        shipped = work / "shipped"
        shutil.copytree(ROOT / "corpus", shipped)
        measure("shipped corpus", shipped, work, embedder)
        onet = work / "onet"
        shutil.copytree(ROOT / "corpus", onet)
        began = time.perf_counter()
        written = import_onet(args.data, onet / "onet", limit=args.limit)
        print(f"\nO*NET import: {len(written)} occupation documents in {time.perf_counter() - began:.1f} s")
        measure("shipped + O*NET/BLS", onet, work, embedder)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
