"""The watcher that swaps a newly published index version into a running server (a build from the CLI, say)."""

from __future__ import annotations

import logging
import threading

from careerbot.answer.advisor import CurrentAdvisor

log = logging.getLogger("careerbot.index")


class IndexWatcher:
    """Polls index/CURRENT every `reload_seconds` and swaps a new version into the holder."""

    def __init__(self, current: CurrentAdvisor) -> None:
        self.current = current
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="careerbot-index-watcher", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.wait(self.current.settings.reload_seconds):
            try:
                if self.current.reload_if_changed():
                    log.info("now serving index version %s", self.current.version)
            except Exception:  # a broken version must not stop the watcher; the loaded one keeps serving
                log.exception("could not load the new index version; still serving %s", self.current.version)
