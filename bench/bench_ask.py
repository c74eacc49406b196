"""Timings of careerbot v1 on the shipped corpus: build, model load, /ask in-process and over HTTP, bare encode.

Run: python bench/bench_ask.py [--repeat N]
Prints figures only; the overhead of everything but the model shows as the ratio /ask p50 : bare encode p50.
It also times an encode right after a FAISS search and a numpy product in fresh processes: careerbot as shipped
(FAISS and BLAS on one thread, OMP_WAIT_POLICY unset), FAISS on two threads, BLAS on two threads, and
OMP_WAIT_POLICY=PASSIVE, to show whether idle threads slow the next encode and what the usual remedy costs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

QUESTIONS = [
    "What skills do I need to become a machine learning engineer?",
    "What is the salary of an entry-level machine learning engineer in Seattle?",
    "Which programming languages do ML engineers use?",
    "What degree do I need to become a machine learning engineer?",
    "Which companies are hiring machine learning engineers?",
    "What is Keras?",
    "What is the difference between a data scientist and a machine learning engineer?",
    "Do I have to attend a bootcamp?",
    "How much do senior machine learning engineers earn?",
    "What is the capital of France?",
]
ROOT = Path(__file__).resolve().parents[1]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(values: list[float]) -> str:
    return f"p50 {percentile(values, .5) * 1000:6.1f} ms   p95 {percentile(values, .95) * 1000:6.1f} ms"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def probe(repeat: int) -> dict:
    """Encode time of a question right after a FAISS search (run in a fresh process per OMP policy)."""
    from careerbot.answer.advisor import load_advisor
    from careerbot.config import Settings
    from careerbot.index.embedding import SentenceTransformerEmbedder

    settings = Settings(corpus_dir=ROOT / "corpus", index_dir=Path(os.environ["BENCH_INDEX"]))
    embedder = SentenceTransformerEmbedder(settings.resolved_model_path)
    advisor = load_advisor(settings, embedder)
    embedder.warm_up()  # careerbot sets BLAS to one thread here; the variants below change that afterwards
    if os.environ.get("BENCH_FAISS_THREADS"):
        import faiss

        faiss.omp_set_num_threads(int(os.environ["BENCH_FAISS_THREADS"]))
    if os.environ.get("BENCH_BLAS_THREADS"):
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=int(os.environ["BENCH_BLAS_THREADS"]), user_api="blas")
    embedder.embed(QUESTIONS)
    # Sentence scores at O*NET size: a 56,000 x 384 product, as the advisor computes for every question.
    sentences = np.random.default_rng(0).random((56_000, 384), dtype=np.float32)
    plain, after_search = [], []
    for _ in range(repeat):
        for question in QUESTIONS:
            began = time.perf_counter()
            embedder.embed([question])
            plain.append(time.perf_counter() - began)
            vector = embedder.embed([question])[0]
            advisor.corpus.chunk_vectors.search(vector, 8)
            sentences @ vector
            began = time.perf_counter()
            embedder.embed([question])
            after_search.append(time.perf_counter() - began)
    return {"plain": statistics.median(plain), "after_search": statistics.median(after_search)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        print(json.dumps(probe(args.repeat)))
        return

    work = Path(tempfile.mkdtemp(prefix="careerbot-bench-"))
    try:
        run(args.repeat, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(repeat: int, work: Path) -> None:
    from careerbot.index.embedding import quiet_threads

    quiet_threads()
    began = time.perf_counter()
    from careerbot.config import Settings
    from careerbot.index.embedding import SentenceTransformerEmbedder

    settings = Settings(corpus_dir=ROOT / "corpus", index_dir=work / "index")
    embedder = SentenceTransformerEmbedder(settings.resolved_model_path)
    embedder.warm_up()
    load_seconds = time.perf_counter() - began

    from careerbot.answer.advisor import CurrentAdvisor, load_advisor
    from careerbot.http.app import create_app
    from careerbot.index.build import build_index

    report = build_index(settings, embedder)
    advisor = load_advisor(settings, embedder)
    print(f"corpus: {len(report.documents)} documents, {report.chunks} chunks, {report.sentences} sentences")
    print(f"model load (import + weights):  {load_seconds:6.2f} s")
    print(f"index build (read+embed+save):  {report.seconds:6.2f} s")

    for question in QUESTIONS:  # warm every path once
        embedder.embed([question])
        advisor.ask(question)

    encode, in_process, over_http = [], [], []
    for _ in range(repeat):
        for question in QUESTIONS:
            began = time.perf_counter()
            embedder.embed([question])
            encode.append(time.perf_counter() - began)
            began = time.perf_counter()
            advisor.ask(question)
            in_process.append(time.perf_counter() - began)

    import httpx
    import uvicorn

    port = free_port()
    config = uvicorn.Config(create_app(CurrentAdvisor(advisor)), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
        for question in QUESTIONS:
            client.post("/ask", json={"question": question})
        for _ in range(repeat):
            for question in QUESTIONS:
                began = time.perf_counter()
                response = client.post("/ask", json={"question": question})
                over_http.append(time.perf_counter() - began)
                assert response.status_code == 200
    server.should_exit = True
    thread.join()

    bare = percentile(encode, .5)
    print(f"\n{len(encode)} questions each ({repeat} rounds of {len(QUESTIONS)}):")
    print(f"  bare model encode   {summary(encode)}")
    print(f"  /ask in-process     {summary(in_process)}   ratio p50 {percentile(in_process, .5) / bare:4.2f}x encode")
    print(f"  /ask over HTTP      {summary(over_http)}   ratio p50 {percentile(over_http, .5) / bare:4.2f}x encode")

    print("\nencode alone, and right after a FAISS search and a 56,000 x 384 numpy product (the sentence scores at "
          "O*NET size), one fresh process each (median):")
    variants = {"as shipped (1 thread each)": {}, "faiss 2 threads": {"BENCH_FAISS_THREADS": "2"},
                "BLAS threads on (2)": {"BENCH_BLAS_THREADS": "2"},
                "OMP_WAIT_POLICY=PASSIVE": {"OMP_WAIT_POLICY": "PASSIVE"}}
    for label, extra in variants.items():
        env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
        env.update(extra, BENCH_INDEX=str(settings.index_dir))
        out = subprocess.run([sys.executable, __file__, "--probe", "--repeat", str(repeat)], env=env,
                             capture_output=True, text=True, check=True).stdout
        figures = json.loads(out.strip().splitlines()[-1])
        print(f"  {label:28} encode {figures['plain'] * 1000:5.1f} ms   after a search "
              f"{figures['after_search'] * 1000:5.1f} ms   ({figures['after_search'] / figures['plain']:4.2f}x)")


if __name__ == "__main__":
    main()
