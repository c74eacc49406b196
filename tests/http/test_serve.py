"""`careerbot serve` as a user runs it (http/serve.py): the port is checked before anything heavy, --port 0, and N
worker processes over one index version, each swapping in a newly published one."""

from __future__ import annotations

import socket
import subprocess
import time

import httpx
import pytest

from careerbot.http.serve import PortBusy, listen
from helpers import free_port, run_careerbot, start_careerbot, tiny_corpus, wait_until_up, welders


@pytest.fixture
def taken_port():
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen(1)
    yield holder.getsockname()[1]
    holder.close()


def test_a_busy_port_is_reported_before_the_model_loads(taken_port, tmp_path):
    # The model path leads nowhere: had serve loaded the model first, the error would be about the model.
    result = run_careerbot("serve", "--port", str(taken_port), cwd=tmp_path, timeout=60,
                           env_extra={"CAREERBOT_MODEL_PATH": str(tmp_path / "no-model")})
    assert result.returncode == 1
    assert f"Port {taken_port} on 127.0.0.1 is already in use" in result.stderr
    assert "--port" in result.stderr and "model" not in result.stderr.lower()
    assert "Traceback" not in result.stderr + result.stdout


def test_listen_names_a_free_port_to_use_instead(taken_port):
    with pytest.raises(PortBusy) as raised:
        listen("127.0.0.1", taken_port)
    free = raised.value.free
    assert free is not None and free != taken_port and f"--port {free}" in str(raised.value)
    listener = listen("127.0.0.1", free)  # and it is free
    listener.sock.close()


def test_an_address_not_of_this_machine_is_explained():
    with pytest.raises(Exception, match="not an address of this machine"):
        listen("203.0.113.7", 0)


def test_port_zero_serves_on_a_free_port_and_says_which(tmp_path):
    tiny_corpus(tmp_path, {"welders.md": welders("$48,000")})
    server = start_careerbot("serve", "--port", "0", cwd=tmp_path, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    try:
        line = ""
        while "is serving" not in line:
            line = server.stdout.readline()
            assert line or server.poll() is None, "serve exited before saying where it serves"
        url = line.split("serving ")[1].split("/ ")[0]
        wait_until_up(url, server)
        assert httpx.get(f"{url}/health", timeout=10).json()["documents"] == 1
    finally:
        server.terminate()
        server.communicate(timeout=30)


def _processes_seen(url: str, want: int, version: str | None = None, timeout: float = 120) -> dict[int, str]:
    """pid -> version answering, from /health over fresh connections, until `want` processes answered (with
    `version`, when given)."""
    seen: dict[int, str] = {}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        health = httpx.get(f"{url}/health", timeout=10).json()  # a new connection each time: any worker may accept
        seen[health["process"]] = health["version"]
        if len(seen) >= want and (version is None or all(v == version for v in seen.values())):
            return seen
        time.sleep(0.05)
    raise AssertionError(f"after {timeout} s the processes seen were {seen}")


def test_workers_share_one_port_and_each_swaps_in_a_new_version(tmp_path):
    settings = tiny_corpus(tmp_path, {"welders.md": welders("$48,000")})
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_careerbot("serve", "--port", str(port), "--workers", "2", cwd=tmp_path,
                             env_extra={"CAREERBOT_RELOAD_SECONDS": "0.2"}, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    try:
        wait_until_up(url, server)
        before = _processes_seen(url, want=2)
        assert len(before) == 2 and server.pid not in before and len(set(before.values())) == 1
        (settings.corpus_dir / "plumbers.md").write_text(
            "# Plumbing Careers\n\nPlumbers install and repair pipes that carry water and gas.\n")
        built = run_careerbot("index", cwd=tmp_path)
        assert built.returncode == 0, built.stderr
        new_version = (settings.index_dir / "CURRENT").read_text().strip()
        after = _processes_seen(url, want=2, version=new_version)
        assert set(after) == set(before), "the same two workers, each on the new version"
        answer = httpx.post(f"{url}/ask", json={"question": "What do plumbers do?"}, timeout=60).json()
        assert answer["citations"][0]["doc_id"] == "plumbers.md"
    finally:
        server.terminate()
        output = server.communicate(timeout=60)[0]
    assert "with 2 workers" in output and "Traceback" not in output


def test_connections_are_accepted_with_nagle_off():
    # asyncio sets TCP_NODELAY only on connections of a socket that names TCP; without it a response waits ~40 ms.
    listener = listen("127.0.0.1", 0)
    try:
        client = socket.create_connection(("127.0.0.1", listener.port))
        accepted, _ = listener.sock.accept()
        assert accepted.proto == socket.IPPROTO_TCP
        client.close()
        accepted.close()
    finally:
        listener.sock.close()


def test_many_questions_at_once_all_get_their_own_answers(shipped_index, tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_careerbot("--index", str(shipped_index.index_dir), "serve", "--port", str(port), cwd=tmp_path,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    cities = {"Seattle": "$90,000 – $120,000", "Boston": "$85,000 – $115,000", "Austin": "$80,000 – $110,000"}

    def ask(city: str) -> tuple[str, httpx.Response]:
        return city, httpx.post(f"{url}/ask", timeout=120, json={
            "question": f"What is the entry-level salary for machine learning engineers in {city}?"})

    try:
        wait_until_up(url, server)
        with ThreadPoolExecutor(24) as pool:
            replies = list(pool.map(ask, list(cities) * 8))
    finally:
        server.terminate()
        server.communicate(timeout=60)
    for city, reply in replies:
        assert reply.status_code == 200
        assert cities[city] in reply.json()["answer"], (city, reply.json()["answer"])
