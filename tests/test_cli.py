"""The CLI through its installed entry point, in a subprocess, as a user runs it (cli.py, terminal.py)."""

import json
import subprocess
import sys

import httpx

from careerbot.index.store import read_version
from careerbot.terminal import facts_text
from helpers import free_port, run_careerbot, start_careerbot, tiny_corpus, tiny_index, wait_until_up

PIPE_BUFFER = 65536  # what Linux holds in a pipe for a reader that has stopped reading


def test_ask_prints_the_answer_with_its_sources(shipped_index, tmp_path):
    result = run_careerbot("--index", str(shipped_index.index_dir), "ask", "What is Keras?", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Keras is a deep learning application programming interface" in result.stdout
    assert "Sources:" in result.stdout and "[1]" in result.stdout
    assert "how-to-become-an-ml-engineer.txt" in result.stdout


def test_ask_json_prints_the_raw_response(shipped_index, tmp_path):
    result = run_careerbot("--index", str(shipped_index.index_dir), "ask", "--json", "What is the capital of France?",
                           cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["found"] is False and body["citations"] == []


def test_errors_are_one_line_messages_with_exit_code_1(shipped_index, tmp_path):
    missing = run_careerbot("--index", str(tmp_path / "none"), "ask", "What is Keras?", cwd=tmp_path)
    assert missing.returncode == 1
    assert "Error: No index" in missing.stderr and "careerbot index" in missing.stderr
    assert "Traceback" not in missing.stderr
    empty = run_careerbot("--index", str(shipped_index.index_dir), "ask", "  ", cwd=tmp_path)
    assert empty.returncode == 1 and "Error: The question is empty" in empty.stderr


def test_index_reports_documents_and_skipped_files(tmp_path):
    tiny_corpus(tmp_path, {"bakers.txt": "Baker Careers\n\nBakers bake bread and pastries early in the morning.\n",
                           "photo.png": b"\x89PNG\r\n\x1a\n\x00\x00"})
    result = run_careerbot("index", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Indexed 1 documents" in result.stdout
    assert "skipped photo.png: unsupported file type '.png'" in result.stdout
    assert (tmp_path / "index" / "CURRENT").is_file()


def test_serve_builds_a_missing_index_then_answers_over_http(tmp_path):
    tiny_corpus(tmp_path, {
        "welders.md": "# Welding Careers\n\nWelders join metal parts using heat and filler metal.\n"})
    port = free_port()
    server = start_careerbot("serve", "--port", str(port), cwd=tmp_path, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    try:
        wait_until_up(f"http://127.0.0.1:{port}", server)
        answer = httpx.post(f"http://127.0.0.1:{port}/ask", json={"question": "What do welders do?"}, timeout=30)
        assert answer.status_code == 200
        assert answer.json()["citations"][0]["doc_id"] == "welders.md"
        assert httpx.get(f"http://127.0.0.1:{port}/", timeout=5).status_code == 200
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "building it" in output


def test_chat_in_the_terminal_follows_the_conversation(shipped_index, tmp_path):
    script = "What is the entry-level salary in Seattle?\nAnd in Boston?\n\n/clear\nAnd in Boston?\n/quit\n"
    result = run_careerbot("--index", str(shipped_index.index_dir), "chat", input=script, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "$90,000 – $120,000" in out
    assert "(reading it as: What is the entry-level salary in Boston?)" in out
    assert "$85,000 – $115,000" in out and "Sources:" in out
    assert "(conversation cleared)" in out
    assert out.count("(reading it as:") == 1  # after /clear, "And in Boston?" has nothing to follow


def test_output_cut_short_by_its_reader_is_not_an_error(embedder, tmp_path):
    # Enough facts that the output cannot sit in the pipe's buffer: the write is still going when the reader leaves.
    rows = "".join(f"| Town {n} | ${40_000 + n * 10:,} | {n % 90}% | {n * 3} | ${n + 10}.50 per hour |\n"
                   for n in range(200))
    settings = tiny_index(tmp_path, embedder, {"towns.md": "# Pay by Town\n\n## Towns\n\n"
                                               "| Town | Pay | Share | Openings | Hourly |\n|---|---|---|---|---|\n"
                                               + rows})
    written = facts_text(read_version(settings.index_dir).facts, "json")
    assert len(written.encode()) > 4 * PIPE_BUFFER
    # Unbuffered, Python drops what a pipe did not take instead of raising BrokenPipeError: run as a user's shell does.
    process = start_careerbot("--index", str(settings.index_dir), "facts", "--format", "json", cwd=tmp_path,
                              unset=("PYTHONUNBUFFERED",), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()  # `careerbot facts | head -1`: read one line, then stop listening
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 0, stderr
    assert "bug" not in stderr and "Traceback" not in stderr and "Error" not in stderr


def test_importing_careerbot_loads_neither_torch_nor_faiss():
    code = ("import sys, careerbot, careerbot.http.app, careerbot.cli, careerbot.answer.advisor, "
            "careerbot.index.build; "
            "print(sorted(m for m in ('torch', 'faiss', 'sentence_transformers', 'bm25s') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
