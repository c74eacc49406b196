"""How a question's cost grows with the corpus: /ask p50 and p95 at several index sizes, in one process, the sizes
taking turns question by question, so the machine's load falls on all of them alike.

Run: python bench/bench_growth.py --index shipped=INDEX --index onet=INDEX --index onet10=INDEX [--rounds 3]
(an index with no name is named by its folder; with no --index, the shipped corpus is built in a temp folder).
The questions are the O*NET and shipped evaluation questions that stand alone (no follow-ups), each asked once per
round at every size after one warm-up pass. Prints per size: chunks, sentences, facts, p50, p95, and p50 as a
multiple of the first size's; and the same for the retrieval step alone. The 10x O*NET fixture is made by
bench/make_scale_fixture.py.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from careerbot.answer.advisor import Advisor, load_advisor  # noqa: E402
from careerbot.config import Settings  # noqa: E402
from careerbot.index.build import build_index  # noqa: E402
from careerbot.index.embedding import SentenceTransformerEmbedder  # noqa: E402

SETS = ("onet.json", "onet_fresh.json", "shipped.json")


def questions(limit: int) -> list[str]:
    found: list[str] = []
    for name in SETS:
        for case in json.loads((ROOT / "tests" / "eval" / name).read_text(encoding="utf-8")):
            if isinstance(case.get("question"), str) and not case.get("history"):
                found.append(case["question"])
    return list(dict.fromkeys(found))[:limit]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", action="append", default=[], help="NAME=INDEX_DIR (repeat; first is the base)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, default=150, help="questions per round")
    args = parser.parse_args()
    settings = Settings()
    embedder = SentenceTransformerEmbedder(settings.resolved_model_path)
    named: list[tuple[str, Path]] = []
    for spec in args.index:
        name, _, path = spec.rpartition("=")
        named.append((name or Path(path).name, Path(path)))
    if not named:
        work = Path(tempfile.mkdtemp())
        shipped = Settings(index_dir=work / "index")
        build_index(shipped, embedder)
        named.append(("shipped", shipped.index_dir))
    advisors: list[tuple[str, Advisor]] = []
    for name, path in named:
        began = time.perf_counter()
        advisor = load_advisor(Settings(index_dir=path), embedder)
        corpus = advisor.corpus
        print(f"{name}: {len(corpus.chunks):,} chunks, {len(corpus.sentences):,} sentences, {len(corpus.facts):,} "
              f"facts; loaded in {time.perf_counter() - began:.1f} s", flush=True)
        advisors.append((name, advisor))
    asked = questions(args.limit)
    times: dict[str, list[float]] = {name: [] for name, _ in advisors}
    retrieval: dict[str, list[float]] = {name: [] for name, _ in advisors}
    for round_ in range(args.rounds + 1):
        for question in asked:
            for name, advisor in advisors:
                began = time.perf_counter()
                advisor.ask(question)
                spent = time.perf_counter() - began
                began = time.perf_counter()
                advisor.retrieve(advisor.corpus, question)
                retrieved = time.perf_counter() - began
                if round_:  # round 0 warms every cache up
                    times[name].append(spent * 1000)
                    retrieval[name].append(retrieved * 1000)
    base = statistics.median(times[advisors[0][0]])
    base_retrieval = statistics.median(retrieval[advisors[0][0]])
    print(f"\n{len(asked)} questions x {args.rounds} rounds")
    print(f"{'index':<10} {'ask p50':>9} {'ask p95':>9} {'x base':>7} {'retrieve p50':>13} {'x base':>7}")
    for name, _ in advisors:
        p50, p50_retrieval = statistics.median(times[name]), statistics.median(retrieval[name])
        print(f"{name:<10} {p50:>7.1f}ms {percentile(times[name], 0.95):>7.1f}ms {p50 / base:>6.2f}x "
              f"{p50_retrieval:>11.1f}ms {p50_retrieval / base_retrieval:>6.2f}x")


if __name__ == "__main__":
    main()
