"""Running the app: the listening socket is taken first (a busy port is reported before the model loads), then one
process serves it, or N worker processes share it, each with its own advisor over the same index version (the
vectors memory-mapped from the version folder, so the workers share one copy in the page cache)."""

from __future__ import annotations

import errno
import inspect
import os
import socket
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI

from careerbot.config import Settings, settings_from_env
from careerbot.errors import CareerbotError
from careerbot.index.embedding import Embedder

# The settings a worker process needs that the command line may have given instead of the environment.
FORWARDED = {"CORPUS_DIR": "corpus_dir", "INDEX_DIR": "index_dir", "WEB_DIR": "web_dir", "MODEL_PATH": "model_path"}


class PortBusy(CareerbotError):
    """The port asked for is taken by another program."""

    def __init__(self, host: str, port: int, free: int | None) -> None:
        self.host, self.port, self.free = host, port, free
        instead = f" Port {free} is free: careerbot serve --port {free}." if free else ""
        super().__init__(f"Port {port} on {host} is already in use (another careerbot or another program). Stop "
                         f"that program, or serve on another port with --port N (--port 0 picks a free one).{instead}")


@dataclass
class Listener:
    sock: socket.socket
    host: str

    @property
    def port(self) -> int:
        port: int = self.sock.getsockname()[1]
        return port

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def _bind(host: str, port: int) -> socket.socket:
    # IPPROTO_TCP named, not left 0: asyncio turns Nagle off (TCP_NODELAY) only on connections of a socket that says
    # it is TCP, and without that every response waited ~40 ms for a delayed ACK (bench/bench_load.py).
    sock = socket.socket(_family(host), socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: restarts need no wait
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def next_free_port(host: str, after: int, tries: int = 20) -> int | None:
    for port in range(after + 1, min(after + 1 + tries, 65536)):
        try:
            _bind(host, port).close()
            return port
        except OSError:
            continue
    return None


def listen(host: str, port: int) -> Listener:
    """The socket the server will accept on, bound and listening now; PortBusy naming a free port if it is taken."""
    try:
        sock = _bind(host, port)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise PortBusy(host, port, next_free_port(host, port)) from None
        if error.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT) or isinstance(error, socket.gaierror):
            raise CareerbotError(f"Cannot listen on {host}: it is not an address of this machine. Use --host "
                                 "127.0.0.1 (this machine only) or 0.0.0.0 (every interface).") from None
        if error.errno == errno.EACCES:
            raise CareerbotError(f"Not allowed to listen on port {port} (ports below 1024 need privileges): use "
                                 "--port 8000 or another port above 1023.") from None
        raise
    sock.listen(2048)
    sock.set_inheritable(True)
    return Listener(sock, host)


def export_settings(settings: Settings) -> None:
    """Put the paths the command line chose into the environment, where worker processes read their settings."""
    for name, attribute in FORWARDED.items():
        value = getattr(settings, attribute)
        if value is not None:
            os.environ[f"CAREERBOT_{name}"] = str(value)


def serving_embedder(settings: Settings, embedder: Embedder) -> Embedder:
    """The embedder a server answers with: concurrent questions batched into one encode, unless turned off."""
    if not settings.batch_encodes:
        return embedder
    from careerbot.index.batching import BatchingEmbedder

    return BatchingEmbedder(embedder, window_seconds=settings.batch_window_ms / 1000)


def app_from_env() -> FastAPI:
    """The app of one worker process: settings from CAREERBOT_*, its own model and advisor (uvicorn's factory)."""
    from careerbot.answer.advisor import CurrentAdvisor
    from careerbot.http.app import create_app
    from careerbot.index.embedding import SentenceTransformerEmbedder

    settings = settings_from_env()
    embedder = SentenceTransformerEmbedder(settings.resolved_model_path)
    embedder.warm_up()
    return create_app(CurrentAdvisor.load(settings, serving_embedder(settings, embedder)))


def run(app: FastAPI | None, listener: Listener, workers: int = 1, log_level: str = "info") -> None:
    """Serve on the bound socket: `app` in this process, or `workers` processes each making its own."""
    import uvicorn

    if workers <= 1 and app is not None:
        config = uvicorn.Config(app, log_level=log_level, timeout_graceful_shutdown=10)
        uvicorn.Server(config).run(sockets=[listener.sock])
        return
    from uvicorn.supervisors.multiprocess import Multiprocess

    config = uvicorn.Config("careerbot.http.serve:app_from_env", factory=True, workers=workers, log_level=log_level,
                            timeout_graceful_shutdown=10)
    extra: dict[str, Any] = {}  # older uvicorn also wants the function each worker runs
    if "target" in inspect.signature(Multiprocess).parameters:
        extra["target"] = uvicorn.Server(config).run
    Multiprocess(config, sockets=[listener.sock], **extra).run()
