"""Builds: corpus -> a new index version, incremental, published atomically, crash-safe (index/build.py)."""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path

import pytest

from careerbot.answer.advisor import load_advisor
from careerbot.config import Settings
from careerbot.errors import BuildFailed, CorpusEmpty
from careerbot.index.build import build_index
from careerbot.index.embedding import SentenceTransformerEmbedder
from careerbot.index.load import load_corpus_index
from careerbot.index.lock import build_in_progress
from careerbot.index.store import VERSIONS, current_version
from helpers import shipped_copy, start_careerbot, tiny_corpus, welders


class CountingEmbedder(SentenceTransformerEmbedder):
    """The real model, counting the texts it is asked to embed."""

    def __init__(self, loaded: SentenceTransformerEmbedder) -> None:
        super().__init__(loaded.model_path)
        self._model = loaded._model  # share the weights the session already loaded
        self.texts = 0

    def embed(self, texts, show_progress=False):  # type: ignore[no-untyped-def]
        self.texts += len(texts)
        return super().embed(texts, show_progress)


def test_broken_files_are_skipped_and_the_rest_indexed(embedder, tmp_path: Path):
    settings = tiny_corpus(tmp_path, {
        "good.md": "# Welding Careers\n\nWelders join metal parts with heat. They earn $48,000.\n",
        "bad.txt": b"\xff\xfe\x00\x00garbage",
        "data.xlsx": b"PK"})
    report = build_index(settings, embedder)
    assert report.documents == ["good.md"]
    assert {s.path for s in report.skipped} == {"bad.txt", "data.xlsx"}
    answer = load_advisor(settings, embedder).ask("What do welders do?")
    assert answer.found and answer.citations[0].doc_id == "good.md"


def test_a_failed_build_leaves_the_current_index_in_place(embedder, tmp_path: Path):
    settings = tiny_corpus(tmp_path, {
        "good.txt": "Baker Careers\n\nBakers bake bread and pastries early in the morning.\n"})
    first = build_index(settings, embedder)
    (settings.corpus_dir / "good.txt").unlink()
    (settings.corpus_dir / "empty.txt").write_text("")
    with pytest.raises(CorpusEmpty, match="empty.txt: empty file"):
        build_index(settings, embedder)
    assert current_version(settings.index_dir) == first.version
    assert load_advisor(settings, embedder).ask("What do bakers do?").found


def test_missing_corpus_folder_is_a_clear_error(embedder, tmp_path: Path):
    with pytest.raises(CorpusEmpty, match="no corpus folder"):
        build_index(Settings(corpus_dir=tmp_path / "absent", index_dir=tmp_path / "index"), embedder)


def test_a_changed_reader_reads_unchanged_documents_again_and_keeps_their_vectors(tmp_path, embedder):
    settings = tiny_corpus(tmp_path, {
        "pay.txt": "Career Path\nLead Engineer\n276K /yrMost Likely Range\nLearn More\n"
                   "Engineers design systems. They test them carefully.\n"})
    build_index(settings, embedder)
    manifest = settings.index_dir / VERSIONS / current_version(settings.index_dir) / "manifest.json"
    raw = json.loads(manifest.read_text(encoding="utf-8"))
    raw["parser_fingerprint"] = "an older careerbot"
    manifest.write_text(json.dumps(raw), encoding="utf-8")
    report = build_index(settings, embedder)
    assert report.reread == ["pay.txt"] and report.reused == [] and report.embedded == 0
    again = build_index(settings, embedder)
    assert again.reused == ["pay.txt"] and again.reread == []


def test_an_incremental_build_embeds_only_what_changed(embedder, tmp_path):
    settings = shipped_copy(tmp_path)
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
    settings = shipped_copy(tmp_path, shipped_index)
    for _ in range(4):
        build_index(settings, embedder)
    assert len([p for p in (settings.index_dir / VERSIONS).iterdir()]) == 2


def test_strict_mode_publishes_nothing_when_a_file_cannot_be_read(embedder, shipped_index, tmp_path):
    settings = shipped_copy(tmp_path, shipped_index)
    good = build_index(settings, embedder)
    (settings.corpus_dir / "scan.pdf").write_bytes(b"%PDF-1.4 broken")
    with pytest.raises(BuildFailed, match="scan.pdf"):
        build_index(settings, embedder, strict=True)
    assert current_version(settings.index_dir) == good.version
    relaxed = build_index(settings, embedder)
    assert [s.path for s in relaxed.skipped] == ["scan.pdf"] and relaxed.version != good.version


# `careerbot index` that stops itself at one step of a build, so the test can kill it there: it writes its pid into
# the marker file and sleeps until killed. The steps are build.py's own: the model embedding the corpus, the new
# version written into its staging folder, and that folder renamed into versions/ just before CURRENT is switched.
PAUSED_BUILD = """
import os, sys, time
from pathlib import Path

from careerbot.cli import main
from careerbot.index import build
from careerbot.index.embedding import SentenceTransformerEmbedder

step, marker = sys.argv[1], Path(sys.argv[2])


def pause():
    marker.write_text(str(os.getpid()))
    time.sleep(600)


def then_pause(function, calls=1):
    done = []

    def wrapped(*args, **kwargs):
        result = function(*args, **kwargs)
        done.append(1)
        if len(done) == calls:
            pause()
        return result
    return wrapped


def pause_first(function):
    def wrapped(*args, **kwargs):
        pause()
        return function(*args, **kwargs)
    return wrapped


if step == "embedding":  # the chunks embedded, the sentences not yet
    SentenceTransformerEmbedder.embed = then_pause(SentenceTransformerEmbedder.embed)
elif step == "written":
    build.write_version = then_pause(build.write_version)
elif step == "renamed":
    build._publish = pause_first(build._publish)
main(sys.argv[3:], prog_name="careerbot")
"""


def wait_for(condition, process, what: str, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert process.poll() is None, f"the build ended (exit {process.returncode}) before {what}"
        assert time.monotonic() < deadline, f"no {what} after {timeout} s"
        time.sleep(0.01)


def test_a_build_killed_at_any_moment_leaves_the_current_version_served(embedder, shipped_index, tmp_path):
    settings = shipped_copy(tmp_path, shipped_index)
    first = build_index(settings, embedder)
    (settings.corpus_dir / "welders.txt").write_text(welders("$49,000"))  # each build has something new to publish
    versions = settings.index_dir / VERSIONS
    published = {p.name for p in versions.iterdir()}
    where = ("--corpus", str(settings.corpus_dir), "--index", str(settings.index_dir), "index")
    # --full where the step comes before the embedding ends: the whole corpus to embed keeps the build busy there.
    for step, options in (("lock taken", ["--full"]), ("embedding", ["--full"]), ("written", []), ("renamed", [])):
        marker = tmp_path / f"paused-{step}"
        if step == "lock taken":  # the real command, killed the moment its build holds the lock
            build = start_careerbot(*where, *options)
            wait_for(lambda process=build: (build_in_progress(settings.index_dir) or {}).get("pid") == process.pid,
                     build, "build lock held by the build")
        else:
            build = start_careerbot(*where, *options, entry=("-c", PAUSED_BUILD, step, str(marker)))
            wait_for(marker.exists, build, f"pause at step {step!r}")
        assert current_version(settings.index_dir) == first.version  # the kill lands mid-build
        build.send_signal(signal.SIGKILL)
        assert build.wait(timeout=30) == -signal.SIGKILL
        staged = list(versions.glob(".tmp-*"))
        unpublished = [p for p in versions.iterdir() if not p.name.startswith(".") and p.name not in published]
        if step == "written":
            assert len(staged) == 1 and (staged[0] / "manifest.json").is_file()
        if step == "renamed":
            assert len(unpublished) == 1 and (unpublished[0] / "manifest.json").is_file()
        # The build was interrupted: CURRENT still names the old version, which loads whole and answers.
        assert current_version(settings.index_dir) == first.version
        assert build_in_progress(settings.index_dir) is None  # the kill released the lock
        corpus = load_corpus_index(settings.index_dir)
        assert corpus.version == first.version and "welders.txt" not in corpus.documents
        assert load_advisor(settings, embedder).ask("What is the entry-level salary in Seattle?").found
    after = build_index(settings, embedder)
    assert after.added == ["welders.txt"] and current_version(settings.index_dir) == after.version
    assert not list(versions.glob(".tmp-*"))
    assert {p.name for p in versions.iterdir()} == {first.version, after.version}  # what was killed is gone too
    assert load_advisor(settings, embedder).ask("What is the annual pay of welders in Tulsa?").facts[0].value \
        == "$49,000"
