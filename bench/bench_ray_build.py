"""A full build of the same documents locally and on Ray Data (a local Ray on this machine), and what a million
documents would cost at the measured rates.

Run: python bench/bench_ray_build.py --corpus C [--documents 100] [--actors N]
C is a corpus with the O*NET import (`careerbot import onet`); the first N of its onet/ documents are copied into a
temp folder and built twice with `--full`: in this process, then with `careerbot index --ray`'s engine. Ray's start-up
is timed apart from the build. Needs the extra: pip install 'careerbot[ray]'.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from careerbot.config import Settings  # noqa: E402
from careerbot.index.build import build_index  # noqa: E402
from careerbot.index.embedding import SentenceTransformerEmbedder  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--actors", type=int, default=None)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp())
    corpus = work / "corpus"
    corpus.mkdir()
    for path in sorted((args.corpus / "onet").glob("*.md"))[: args.documents]:
        shutil.copy(path, corpus / path.name)
    embedder = SentenceTransformerEmbedder(Settings().resolved_model_path)
    embedder.warm_up()
    local = Settings(corpus_dir=corpus, index_dir=work / "local")
    report = build_index(local, embedder, full=True)
    texts = report.chunks + report.sentences
    print(f"{len(report.documents)} documents, {texts:,} texts (chunks + sentences)")
    print(f"local build:  {report.seconds:7.1f} s  ({len(report.documents) / report.seconds:5.2f} documents/s)")

    from careerbot.index.ray_build import RayEngine

    began = time.perf_counter()
    engine = RayEngine(local.resolved_model_path, actors=args.actors)
    started = time.perf_counter() - began
    on_ray = build_index(Settings(corpus_dir=corpus, index_dir=work / "ray"), embedder, full=True, engine=engine)
    print(f"Ray start-up: {started:7.1f} s  ({engine.actors} embedding actor(s), {engine.gpus} GPU(s))")
    print(f"Ray build:    {on_ray.seconds:7.1f} s  ({len(on_ray.documents) / on_ray.seconds:5.2f} documents/s), "
          f"{on_ray.seconds / report.seconds:.2f}x the local build")
    per_million = 1_000_000 / (len(on_ray.documents) / on_ray.seconds) / 3600
    print(f"a million such documents at this rate: {per_million:,.0f} hours on this machine's {engine.actors} "
          f"actor(s); {per_million * engine.actors:,.0f} actor-hours")
    engine.ray.shutdown()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
