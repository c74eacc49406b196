"""One build at a time per index folder (index/lock.py)."""

import os

import pytest

from careerbot.errors import BuildFailed
from careerbot.index.build import build_index
from careerbot.index.lock import build_in_progress, build_lock
from helpers import run_careerbot, shipped_copy


def test_a_second_build_at_once_is_refused_clearly(embedder, shipped_index, tmp_path):
    settings = shipped_copy(tmp_path, shipped_index)
    build_index(settings, embedder)
    with build_lock(settings.index_dir):
        assert build_in_progress(settings.index_dir)["pid"] == os.getpid()
        with pytest.raises(BuildFailed, match="Another build .* is running"):
            build_index(settings, embedder)
        cli = run_careerbot("--corpus", str(settings.corpus_dir), "--index", str(settings.index_dir), "index")
        assert cli.returncode == 1 and "Another build" in cli.stderr and "Traceback" not in cli.stderr
    assert build_in_progress(settings.index_dir) is None
