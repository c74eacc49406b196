"""Questions asked at once share the model: a BatchingEmbedder hands every encode to one thread, which takes the
texts queued while it was busy (and those arriving within a few milliseconds of the first) and encodes them in one
batch; each caller gets its own rows back and finishes its answer on its own thread."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from careerbot.index.embedding import Embedder, WrappedEmbedder


@dataclass
class _Request:
    texts: list[str]
    arrived: float = field(default_factory=time.monotonic)
    done: threading.Event = field(default_factory=threading.Event)
    vectors: np.ndarray | None = None
    error: BaseException | None = None


class BatchingEmbedder(WrappedEmbedder):
    """An Embedder that batches concurrent small encodes (questions); large ones (builds) go straight through."""

    def __init__(self, inner: Embedder, window_seconds: float = 0.005, max_batch: int = 64) -> None:
        super().__init__(inner)
        self.window = window_seconds
        self.max_batch = max_batch
        self._queue: queue.SimpleQueue[_Request] = queue.SimpleQueue()
        self._worker: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self.batches: list[int] = []  # the size of the last batches encoded, newest last (for bench/ and tests)

    def embed(self, texts: Sequence[str], show_progress: bool = False) -> np.ndarray:
        if show_progress or not texts or len(texts) >= self.max_batch:
            return self.inner.embed(texts, show_progress=show_progress)
        self._ensure_worker()
        request = _Request(list(texts))
        self._queue.put(request)
        request.done.wait()
        if request.error is not None:
            raise request.error
        assert request.vectors is not None
        return request.vectors

    def _ensure_worker(self) -> None:
        if self._worker is not None:
            return
        with self._start_lock:
            if self._worker is None:
                self._worker = threading.Thread(target=self._run, name="careerbot-encoder", daemon=True)
                self._worker.start()

    def _gather(self) -> list[_Request]:
        """The next request, every request queued behind it, and, when questions have been arriving together (the
        last batch held more than one), any arriving within the window of the first. A lone user never waits."""
        batch = [self._queue.get()]
        window = self.window if self.batches and self.batches[-1] > 1 else 0.0
        size = len(batch[0].texts)
        while size < self.max_batch:
            try:
                request = self._queue.get_nowait()
            except queue.Empty:
                wait = batch[0].arrived + window - time.monotonic()
                if wait <= 0:
                    break
                try:
                    request = self._queue.get(timeout=wait)
                except queue.Empty:
                    break
            batch.append(request)
            size += len(request.texts)
        return batch

    def _run(self) -> None:
        while True:
            batch = self._gather()
            texts = [text for request in batch for text in request.texts]
            try:
                vectors = self.inner.embed(texts)
            except BaseException as error:  # every caller of the batch gets the error, none waits forever
                for request in batch:
                    request.error = error
                    request.done.set()
                continue
            self.batches = (self.batches + [len(batch)])[-1000:]
            start = 0
            for request in batch:
                request.vectors = vectors[start:start + len(request.texts)]
                start += len(request.texts)
                request.done.set()
