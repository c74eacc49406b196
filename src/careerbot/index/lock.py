"""One build at a time per index folder: an advisory file lock (fcntl) that a crashed build's process releases by
dying, and who holds it for GET /index."""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from careerbot.errors import BuildFailed

LOCK_FILE = ".build.lock"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """One build at a time per index folder; a second one is refused at once with a clear message.

    The lock is an flock, so a build killed with -9 releases it with its process.
    """
    index_dir.mkdir(parents=True, exist_ok=True)
    with (index_dir / LOCK_FILE).open("a+") as handle:
        if not _try_lock(handle):
            running = build_in_progress(index_dir) or {}
            since = f" (pid {running.get('pid')}, since {running.get('started')})" if running else ""
            raise BuildFailed(f"Another build of {index_dir} is running{since}; wait for it to finish, then try "
                              "again.")
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(json.dumps({"pid": os.getpid(), "started": now()}))
            handle.flush()
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


def _try_lock(handle: IO[str], patience: float = 1.0) -> bool:
    """The exclusive lock, waiting out the instant a status probe (build_in_progress) holds a shared one."""
    deadline = time.monotonic() + patience
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)


def build_in_progress(index_dir: Path) -> dict[str, Any] | None:
    """{pid, started} of a build holding the lock of this index folder, or None."""
    path = index_dir / LOCK_FILE
    if not path.exists():
        return None
    with path.open("r") as probe:
        try:
            fcntl.flock(probe, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            try:
                return json.loads(probe.read() or "{}") or {"pid": None, "started": None}
            except json.JSONDecodeError:
                return {"pid": None, "started": None}
        fcntl.flock(probe, fcntl.LOCK_UN)
    return None
