"""GET /index and POST /reindex on a live server: the admin token, asks during a rebuild, and a build from
outside picked up by the index watcher (http/routes/index.py, http/watcher.py)."""

from __future__ import annotations

import os
import threading
import time

import httpx
import pytest

from careerbot.answer.advisor import CurrentAdvisor
from careerbot.http.app import create_app
from careerbot.index.build import build_index
from careerbot.index.lock import build_lock
from helpers import running_server, shipped_copy, welders


@pytest.fixture
def live(embedder, shipped_index, tmp_path):
    settings = shipped_copy(tmp_path, shipped_index, admin_token="s3cret-token", reload_seconds=0.2)
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


def test_reindex_is_off_without_a_token(client):
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

    def wait_for_answer_from(version: str) -> None:
        deadline = time.monotonic() + 60
        while not any(answered == version for _, answered, _ in list(results)):
            assert time.monotonic() < deadline, f"no answer from version {version}"
            time.sleep(0.02)

    askers = [threading.Thread(target=keep_asking) for _ in range(3)]
    for asker in askers:
        asker.start()
    wait_for_answer_from(before)  # the askers are asking when the rebuild starts
    reindex = httpx.post(f"{url}/reindex", headers={"Authorization": "Bearer s3cret-token"}, timeout=300)
    assert reindex.status_code == 200 and reindex.json()["added"] == ["welders.txt"]
    after = reindex.json()["version"]
    wait_for_answer_from(after)  # and go on asking after the swap
    done.set()
    for asker in askers:
        asker.join(timeout=120)
    assert all(status == 200 for status, _, _ in results)
    assert {version for _, version, _ in results} == {before, after}
    for _, version, cited in results:  # an answer from the old version never cites the new document
        assert version == after or "welders.txt" not in cited
    assert any("welders.txt" in cited for _, version, cited in results if version == after)  # the new one does
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
