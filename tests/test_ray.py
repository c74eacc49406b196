"""careerbot on Ray: a Ray Data build publishes what a local build publishes, incremental builds reuse unchanged
documents, and two Ray Serve replicas answer concurrent questions and both move to a newly published version.

Ray is an optional extra: these tests install it (the extra's requirements, from pyproject.toml) when it is
missing, as a user would with pip install 'careerbot[ray]'."""

from __future__ import annotations

import importlib
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import numpy as np
import pytest

from careerbot.config import Settings
from careerbot.index.build import build_index
from careerbot.index.embedding import SentenceTransformerEmbedder
from careerbot.index.store import read_version
from helpers import PROJECT_ROOT, free_port, shipped_copy, start_careerbot, wait_until_up, welders


@pytest.fixture(scope="module")
def ray_available() -> Iterator[None]:
    try:
        importlib.import_module("ray.data")
        importlib.import_module("ray.serve")
    except ImportError:
        extra = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["ray"]
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "-c", str(PROJECT_ROOT / "constraints.txt"),
                        *extra], check=True)
        importlib.invalidate_caches()
    yield


def _records(index: Path) -> tuple[list[dict[str, object]], ...]:
    stored = read_version(index)
    return tuple([vars(r) for r in records] for records in (stored.chunks, stored.sentences, stored.facts))


def test_a_ray_build_publishes_what_a_local_build_does(ray_available: None, tmp_path: Path,
                                                       embedder: SentenceTransformerEmbedder) -> None:
    from careerbot.index.ray_build import RayEngine

    local = shipped_copy(tmp_path / "local")
    on_ray = Settings(corpus_dir=local.corpus_dir, index_dir=tmp_path / "ray" / "index")
    build_index(local, embedder)
    engine = RayEngine(local.resolved_model_path, actors=1)
    try:
        report = build_index(on_ray, embedder, engine=engine)
        assert report.added and report.embedded > 0
        assert _records(on_ray.index_dir) == _records(local.index_dir)
        mine, theirs = read_version(on_ray.index_dir), read_version(local.index_dir)
        assert np.allclose(mine.sentence_vectors, theirs.sentence_vectors, atol=1e-5)
        assert np.allclose(mine.chunk_matrix, theirs.chunk_matrix, atol=1e-5)
        # Incremental on Ray too: a new document is embedded, the unchanged ones keep their records and vectors.
        (local.corpus_dir / "welders.txt").write_text(welders("$58,000"), encoding="utf-8")
        again = build_index(on_ray, embedder, engine=engine)
    finally:
        engine.ray.shutdown()
    assert again.added == ["welders.txt"] and len(again.reused) == 5
    build_index(local, embedder)
    assert _records(on_ray.index_dir) == _records(local.index_dir)


def test_two_ray_serve_replicas_answer_together_and_move_to_a_new_version(
        ray_available: None, tmp_path: Path, embedder: SentenceTransformerEmbedder) -> None:
    settings = shipped_copy(tmp_path)
    build_index(settings, embedder)
    first = read_version(settings.index_dir).version
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_careerbot("--corpus", str(settings.corpus_dir), "--index", str(settings.index_dir), "serve",
                             "--ray", "--replicas", "2", "--port", str(port),
                             env_extra={"CAREERBOT_RELOAD_SECONDS": "0.5"},
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_until_up(url, server, timeout=400)
        questions = ["What is the entry-level salary in Seattle?", "What skills do ML engineers need?",
                     "What is Keras?", "How do I become an ML engineer?"] * 6

        def ask(question: str) -> tuple[int, str, str]:
            response = httpx.post(f"{url}/ask", json={"question": question}, timeout=120)
            body = response.json()
            return response.status_code, response.headers.get("x-careerbot-replica", ""), body.get("index_version")

        with ThreadPoolExecutor(8) as pool:
            answered = list(pool.map(ask, questions))
        assert all(status == 200 for status, _, _ in answered), answered
        assert {version for _, _, version in answered} == {first}
        assert len({replica for _, replica, _ in answered}) == 2  # both replicas answered

        (settings.corpus_dir / "welders.txt").write_text(welders("$58,000"), encoding="utf-8")
        second = build_index(settings, embedder).version
        seen: dict[str, str] = {}
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and (len(seen) < 2 or set(seen.values()) != {second}):
            with ThreadPoolExecutor(4) as pool:
                for status, replica, version in pool.map(ask, ["What do welders earn in Tulsa?"] * 8):
                    assert status == 200
                    seen[replica] = version
            time.sleep(0.5)
        assert len(seen) == 2 and set(seen.values()) == {second}, seen
        answer = httpx.post(f"{url}/ask", json={"question": "What do welders earn in Tulsa?"}, timeout=60).json()
        assert "$58,000" in answer["answer"]
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
