"""The CLI through its installed entry point, in a subprocess, as a user runs it."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from conftest import free_port


def careerbot(*args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERBOT_")}
    command = [sys.executable, "-m", "careerbot", *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def test_ask_prints_the_answer_with_its_sources(shipped_index, tmp_path):
    result = careerbot("--index", str(shipped_index.index_dir), "ask", "What is Keras?", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Keras is a deep learning application programming interface" in result.stdout
    assert "Sources:" in result.stdout and "[1]" in result.stdout
    assert "how-to-become-an-ml-engineer.txt" in result.stdout


def test_ask_json_prints_the_raw_response(shipped_index, tmp_path):
    result = careerbot("--index", str(shipped_index.index_dir), "ask", "--json", "What is the capital of France?",
                       cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["found"] is False and body["citations"] == []


def test_errors_are_one_line_messages_with_exit_code_1(shipped_index, tmp_path):
    missing = careerbot("--index", str(tmp_path / "none"), "ask", "What is Keras?", cwd=tmp_path)
    assert missing.returncode == 1
    assert "Error: No index" in missing.stderr and "careerbot index" in missing.stderr
    assert "Traceback" not in missing.stderr
    empty = careerbot("--index", str(shipped_index.index_dir), "ask", "  ", cwd=tmp_path)
    assert empty.returncode == 1 and "Error: The question is empty" in empty.stderr


def test_index_reports_documents_and_skipped_files(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bakers.txt").write_text("Baker Careers\n\nBakers bake bread and pastries early in the morning.\n")
    (corpus / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = careerbot("index", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Indexed 1 documents" in result.stdout
    assert "skipped photo.png: unsupported file type '.png'" in result.stdout
    assert (tmp_path / "index" / "CURRENT").is_file()


def test_serve_builds_a_missing_index_then_answers_over_http(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "welders.md").write_text("# Welding Careers\n\nWelders join metal parts using heat and filler metal.\n")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERBOT_")}
    server = subprocess.Popen([sys.executable, "-m", "careerbot", "serve", "--port", str(port)], cwd=tmp_path,
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 240
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"server did not start: {server.stdout.read() if server.stdout else ''}")
            time.sleep(0.5)
        answer = httpx.post(f"http://127.0.0.1:{port}/ask", json={"question": "What do welders do?"}, timeout=30)
        assert answer.status_code == 200
        assert answer.json()["citations"][0]["doc_id"] == "welders.md"
        assert httpx.get(f"http://127.0.0.1:{port}/", timeout=5).status_code == 200
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "building it" in output


def test_eval_runs_end_to_end_on_the_shipped_corpus(shipped_index, tmp_path):
    result = careerbot("--index", str(shipped_index.index_dir), "eval", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["cases"] >= 40
    for part in ("passage", "facts", "followups", "abstention", "latency_ms"):
        assert part in report
    assert report["passage"]["hit@5"] >= 0.8 and report["abstention"]["accuracy"] >= 0.9
    assert report["facts"]["accuracy"] >= 0.9 and report["followups"]["accuracy"] >= 0.9


def test_eval_beir_scores_a_beir_folder(tmp_path):
    from test_retrieval import write_beir

    write_beir(tmp_path / "tiny")
    result = careerbot("eval", "beir", str(tmp_path / "tiny"), "--split", "test", "--cache", str(tmp_path / "cache"),
                       cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "nDCG@10" in result.stdout and "hybrid" in result.stdout and "0.6451" in result.stdout
    missing = careerbot("eval", "beir", str(tmp_path / "tiny"), "--split", "dev", cwd=tmp_path)
    assert missing.returncode == 1 and "qrels/dev.tsv" in missing.stderr


def test_output_cut_short_by_its_reader_is_not_an_error(shipped_index, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERBOT_")}
    process = subprocess.Popen([sys.executable, "-m", "careerbot", "--index", str(shipped_index.index_dir), "facts"],
                               cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()  # `careerbot facts | head -1`: read one line, then stop listening
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 0, stderr
    assert "bug" not in stderr and "Traceback" not in stderr
