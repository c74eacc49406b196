"""Shared fixtures: the real packaged model (loaded once), the shipped corpus, an index built from it, and the
advisor and API client over that index. Plain helpers are in helpers.py."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from careerbot.answer.advisor import Advisor, CurrentAdvisor, load_advisor
from careerbot.config import PROJECT_ROOT, Settings
from careerbot.http.app import create_app
from careerbot.index.build import build_index
from careerbot.index.embedding import SentenceTransformerEmbedder
from helpers import ONET_FIXTURE, ONET_PAGES_FIXTURE, shipped_copy


@pytest.fixture(autouse=True)
def isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's own CAREERBOT_* settings or writes into the project's index/."""
    for name in list(os.environ):
        if name.startswith("CAREERBOT_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="session")
def embedder() -> SentenceTransformerEmbedder:
    model = SentenceTransformerEmbedder(Settings().resolved_model_path)
    model.warm_up()
    return model


@pytest.fixture(scope="session")
def shipped_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return shipped_copy(tmp_path_factory.mktemp("shipped"))


@pytest.fixture(scope="session")
def shipped_index(shipped_settings: Settings, embedder: SentenceTransformerEmbedder) -> Settings:
    build_index(shipped_settings, embedder)
    return shipped_settings


@pytest.fixture(scope="session")
def advisor(shipped_index: Settings, embedder: SentenceTransformerEmbedder) -> Advisor:
    return load_advisor(shipped_index, embedder)


@pytest.fixture(scope="session")
def onet_advisor(embedder: SentenceTransformerEmbedder, tmp_path_factory: pytest.TempPathFactory) -> Advisor:
    """The shipped corpus with three O*NET occupations (Data Scientists, Electricians, Registered Nurses)."""
    from careerbot.ingest.onet import import_onet

    settings = shipped_copy(tmp_path_factory.mktemp("onet-answers"))
    import_onet(ONET_FIXTURE, settings.corpus_dir / "onet")
    build_index(settings, embedder)
    return load_advisor(settings, embedder)


@pytest.fixture(scope="session")
def onet_pages_advisor(embedder: SentenceTransformerEmbedder, tmp_path_factory: pytest.TempPathFactory) -> Advisor:
    """The shipped corpus with five O*NET pages of other shapes: Mental Health Counselors (no wages); Pharmacists,
    Mathematicians and Statisticians (one job zone's sentences, word for word); Court Reporters and Simultaneous
    Captioners (two lists of technologies)."""
    from careerbot.ingest.onet import import_onet

    settings = shipped_copy(tmp_path_factory.mktemp("onet-pages"))
    import_onet(ONET_PAGES_FIXTURE, settings.corpus_dir / "onet")
    build_index(settings, embedder)
    return load_advisor(settings, embedder)


@pytest.fixture(scope="module")
def client(advisor: Advisor) -> Iterator[TestClient]:
    """The app over the shipped index, through an in-process HTTP client; server errors come back as responses."""
    with TestClient(create_app(CurrentAdvisor(advisor)), raise_server_exceptions=False) as client:
        yield client


def pytest_terminal_summary(terminalreporter):  # type: ignore[no-untyped-def]
    """Say where the browser tests left their screenshots, so a person can look at them."""
    folder = PROJECT_ROOT / "test-artifacts" / "screenshots"
    if folder.is_dir() and any(folder.iterdir()):
        terminalreporter.write_line(f"browser screenshots: {folder}")
