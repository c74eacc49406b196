"""Rebuilds: incremental, atomic, crash-safe, one at a time, hot-swapped into a running server."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from careerbot.answer.advisor import CurrentAdvisor, load_advisor
from careerbot.config import PROJECT_ROOT, Settings
from careerbot.errors import BuildFailed
from careerbot.http.app import create_app
from careerbot.index.build import build_index
from careerbot.index.embedding import SentenceTransformerEmbedder
from careerbot.index.load import load_corpus_index
from careerbot.index.lock import build_in_progress, build_lock
from careerbot.index.store import VERSIONS, current_version
from conftest import SHIPPED_CORPUS, running_server

ONET_DATA = PROJECT_ROOT.parent / "shared" / "data"


class CountingEmbedder(SentenceTransformerEmbedder):
    """The real model, counting the texts it is asked to embed."""

    def __init__(self, loaded: SentenceTransformerEmbedder) -> None:
        super().__init__(loaded.model_path)
        self._model = loaded._model  # share the weights the session already loaded
        self.texts = 0

    def embed(self, texts, show_progress=False):  # type: ignore[no-untyped-def]
        self.texts += len(texts)
        return super().embed(texts, show_progress)


def small_corpus(root: Path, prebuilt: Settings | None = None) -> Settings:
    """The shipped corpus in a folder of its own; with `prebuilt`, its index too, so the next build reuses it all."""
    corpus = root / "corpus"
    shutil.copytree(SHIPPED_CORPUS, corpus)
    if prebuilt is not None:
        shutil.copytree(prebuilt.index_dir, root / "index", ignore=shutil.ignore_patterns(".build.lock"))
    return Settings(corpus_dir=corpus, index_dir=root / "index", reload_seconds=0.2)


def welders(salary: str) -> str:
    return (f"Welding Careers\n\nWelders join metal parts with heat.\n\nWelder Pay\n\nCity Annual Pay\n"
            f"Tulsa, OK {salary}\nReno, NV $51,000\nMobile, AL $47,500\n")


def test_an_incremental_build_embeds_only_what_changed(embedder, tmp_path):
    settings = small_corpus(tmp_path)
    counting = CountingEmbedder(embedder)
    first = build_index(settings, counting)
    assert len(first.added) == 5 and first.embedded == counting.texts > 0

    counting.texts = 0
    again = build_index(settings, counting)
    assert again.embedded == counting.texts == 0
    assert sorted(again.reused) == sorted(first.documents)

    (settings.corpus_dir / "welders.txt").write_text(welders("$49,000"))
    added = build_index(settings, counting)
    assert added.added == ["welders.txt"] and len(added.reused) == 5
    assert 0 < counting.texts == added.embedded < first.embedded / 10

    (settings.corpus_dir / "welders.txt").write_text(welders("$53,250"))
    (settings.corpus_dir / "why-machine-learning-engineer.txt").unlink()
    changed = build_index(settings, counting)
    assert changed.changed == ["welders.txt"] and changed.removed == ["why-machine-learning-engineer.txt"]
    advisor = load_advisor(settings, embedder)
    assert advisor.ask("What is the annual pay of welders in Tulsa?").facts[0].value == "$53,250"
    assert "why-machine-learning-engineer.txt" not in advisor.corpus.documents
    # Reused records are as good as fresh ones: the same answers as a full rebuild.
    full = build_index(settings, counting, full=True)
    assert len(full.added) == 5 and full.embedded > changed.embedded
    fresh = load_advisor(settings, embedder)
    for question in ("What is Keras?", "What is the entry-level salary in Seattle?"):
        assert fresh.ask(question).answer == advisor.ask(question).answer


def test_old_versions_are_cleaned_up_keeping_the_previous_one(embedder, shipped_index, tmp_path):
    settings = small_corpus(tmp_path, shipped_index)
    for _ in range(4):
        build_index(settings, embedder)
    assert len([p for p in (settings.index_dir / VERSIONS).iterdir()]) == 2


def test_strict_mode_publishes_nothing_when_a_file_cannot_be_read(embedder, shipped_index, tmp_path):
    settings = small_corpus(tmp_path, shipped_index)
    good = build_index(settings, embedder)
    (settings.corpus_dir / "scan.pdf").write_bytes(b"%PDF-1.4 broken")
    with pytest.raises(BuildFailed, match="scan.pdf"):
        build_index(settings, embedder, strict=True)
    assert current_version(settings.index_dir) == good.version
    relaxed = build_index(settings, embedder)
    assert [s.path for s in relaxed.skipped] == ["scan.pdf"] and relaxed.version != good.version


def test_a_second_build_at_once_is_refused_clearly(embedder, shipped_index, tmp_path):
    settings = small_corpus(tmp_path, shipped_index)
    build_index(settings, embedder)
    with build_lock(settings.index_dir):
        assert build_in_progress(settings.index_dir)["pid"] == os.getpid()
        with pytest.raises(BuildFailed, match="Another build .* is running"):
            build_index(settings, embedder)
        env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERBOT_")}
        cli = subprocess.run([sys.executable, "-m", "careerbot", "--corpus", str(settings.corpus_dir), "--index",
                              str(settings.index_dir), "index"], capture_output=True, text=True, env=env, timeout=300)
        assert cli.returncode == 1 and "Another build" in cli.stderr and "Traceback" not in cli.stderr
    assert build_in_progress(settings.index_dir) is None


def test_a_build_killed_at_any_moment_leaves_the_current_version_served(embedder, tmp_path):
    settings = small_corpus(tmp_path)
    for number in range(40):  # enough text that a full build takes a few seconds
        (settings.corpus_dir / f"extra-{number:02}.txt").write_text(
            f"Extra Career Notes {number}\n\n"
            + " ".join(f"Sentence {i} about careers in field {number}." for i in range(60)))
    first = build_index(settings, embedder)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERBOT_")}
    command = [sys.executable, "-m", "careerbot", "--corpus", str(settings.corpus_dir), "--index",
               str(settings.index_dir), "index", "--full"]
    for delay in (1.5, 5.0, 8.5):  # while the model loads, while embedding, and later
        build = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        build.send_signal(signal.SIGKILL)
        build.wait(timeout=30)
        served = current_version(settings.index_dir)
        corpus = load_corpus_index(settings.index_dir)  # whatever CURRENT names is complete and loadable
        assert corpus.version == served and len(corpus.documents) == 45
        assert served == first.version or (settings.index_dir / VERSIONS / served / "manifest.json").is_file()
    after = build_index(settings, embedder)
    assert current_version(settings.index_dir) == after.version
    assert not list((settings.index_dir / VERSIONS).glob(".tmp-*"))
    assert load_advisor(settings, embedder).ask("What is the entry-level salary in Seattle?").found


@pytest.fixture
def live(embedder, shipped_index, tmp_path):
    from dataclasses import replace

    settings = replace(small_corpus(tmp_path, shipped_index), admin_token="s3cret-token")
    build_index(settings, embedder)
    with running_server(create_app(CurrentAdvisor.load(settings, embedder))) as url:
        yield settings, url


def test_reindex_needs_the_admin_token(live):
    settings, url = live
    assert httpx.post(f"{url}/reindex", timeout=60).status_code == 401
    wrong = httpx.post(f"{url}/reindex", headers={"Authorization": "Bearer nope"}, timeout=60)
    assert wrong.status_code == 401 and "admin token" in wrong.json()["error"]
    assert httpx.post(f"{url}/reindex", headers={"Authorization": "Basic s3cret-token"}, timeout=60).status_code == 401
    ok = httpx.post(f"{url}/reindex", headers={"Authorization": "Bearer s3cret-token"}, timeout=120)
    assert ok.status_code == 200 and len(ok.json()["reused"]) == 5


def test_reindex_is_off_without_a_token(advisor):
    from fastapi.testclient import TestClient

    with TestClient(create_app(CurrentAdvisor(advisor))) as client:
        response = client.post("/reindex", headers={"Authorization": "Bearer anything"})
        assert response.status_code == 404 and "CAREERBOT_ADMIN_TOKEN" in response.json()["error"]


def test_asks_during_a_reindex_all_succeed_each_from_one_version(live):
    settings, url = live
    before = httpx.get(f"{url}/index").json()["version"]
    (settings.corpus_dir / "welders.txt").write_text(welders("$49,000"))
    results: list[tuple[int, str, list[str]]] = []
    done = threading.Event()

    def keep_asking() -> None:
        with httpx.Client(base_url=url, timeout=60) as client:
            for _ in range(150):  # bounded
                response = client.post("/ask", json={"question": "What is the annual pay of welders in Tulsa?"})
                body = response.json()
                results.append((response.status_code, body.get("index_version", ""),
                                [c["doc_id"] for c in body.get("citations", [])]))
                if done.is_set():
                    break

    askers = [threading.Thread(target=keep_asking) for _ in range(3)]
    for asker in askers:
        asker.start()
    reindex = httpx.post(f"{url}/reindex", headers={"Authorization": "Bearer s3cret-token"}, timeout=300)
    time.sleep(0.3)
    done.set()
    for asker in askers:
        asker.join(timeout=120)
    assert reindex.status_code == 200 and reindex.json()["added"] == ["welders.txt"]
    after = reindex.json()["version"]
    assert results and all(status == 200 for status, _, _ in results)
    assert {version for _, version, _ in results} <= {before, after}
    for _, version, cited in results:  # an answer from the old version never cites the new document
        assert version == after or "welders.txt" not in cited
    assert httpx.get(f"{url}/index").json()["version"] == after


def test_a_build_from_the_cli_is_picked_up_by_the_running_server(live, embedder):
    settings, url = live
    before = httpx.get(f"{url}/index").json()
    assert before["documents"] == 5 and before["vector_index"] == "flat" and before["build_in_progress"] is None
    (settings.corpus_dir / "welders.txt").write_text(welders("$49,000"))
    report = build_index(settings, embedder)  # what `careerbot index` does, from outside the server
    deadline = time.monotonic() + 20
    while httpx.get(f"{url}/index").json()["version"] != report.version:
        assert time.monotonic() < deadline, "the server did not pick up the new version"
        time.sleep(0.1)
    status = httpx.get(f"{url}/index").json()
    assert status["documents"] == 6 and status["facts"] > before["facts"] and status["model"]
    answer = httpx.post(f"{url}/ask", json={"question": "What is the annual pay of welders in Tulsa?"}).json()
    assert answer["facts"][0]["value"] == "$49,000"
    with build_lock(settings.index_dir):
        assert httpx.get(f"{url}/index").json()["build_in_progress"]["pid"] == os.getpid()


@pytest.mark.skipif(not (ONET_DATA / "onet-29.3").is_dir(), reason="shared/data is not beside the project")
def test_onet_import_answers_wage_questions_from_the_bls_row(embedder, shipped_index, tmp_path):
    settings = small_corpus(tmp_path, shipped_index)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERBOT_")}
    result = subprocess.run([sys.executable, "-m", "careerbot", "--corpus", str(settings.corpus_dir), "import",
                             "onet", "--codes", "15-2051.00,29-1141.00,15-1252.00"], capture_output=True, text=True,
                            env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    documents = sorted((settings.corpus_dir / "onet").iterdir())
    assert [d.name for d in documents] == ["15-1252.00-software-developers.md", "15-2051.00-data-scientists.md",
                                           "29-1141.00-registered-nurses.md"]
    text = documents[1].read_text()
    assert "CC BY 4.0" in text and "| Data Scientists | 233,440 | $112,590 |" in text
    build_index(settings, embedder)
    advisor = load_advisor(settings, embedder)
    answer = advisor.ask("What is the median wage of data scientists?")
    top = answer.facts[0]
    assert (top.subject, top.attribute, top.value) == ("Data Scientists", "Median annual wage", "$112,590")
    assert top.citation.doc_id == "onet/15-2051.00-data-scientists.md"
    source = advisor.corpus.documents[top.citation.doc_id].text
    assert "$112,590" in source[top.citation.start:top.citation.end]
    nurses = advisor.ask("What is the mean annual wage of registered nurses?").facts[0]
    assert nurses.value == "$98,430"
