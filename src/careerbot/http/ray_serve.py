"""`careerbot serve --ray`: the app as a Ray Serve deployment. Each replica loads the current index version from the
shared index folder (its vectors memory-mapped), picks up a newly published version as `careerbot serve` does (the
index watcher), and encodes the questions its requests ask at once in one model batch (`serve.batch`).

Ray is an optional extra (pip install 'careerbot[ray]'); nothing else in careerbot imports this module."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from typing import Any

import numpy as np
from ray import serve

from careerbot.config import Settings
from careerbot.http.serve import FORWARDED
from careerbot.index.embedding import Embedder, SentenceTransformerEmbedder, WrappedEmbedder

DEPLOYMENT = "careerbot"
BATCH_SIZE = 32  # questions encoded at once at most
BATCH_WAIT_SECONDS = 0.005  # how long the first question of a batch waits for others
REPLICA_HEADER = "X-Careerbot-Replica"  # which replica answered (for tests, load balancers and logs)


class ServeBatchedEmbedder(WrappedEmbedder):
    """The replica's embedder: one-question encodes go through the replica's `serve.batch` method, on its event
    loop; builds and other large encodes go straight to the model."""

    def __init__(self, inner: SentenceTransformerEmbedder, batched: Callable[[str], Coroutine[Any, Any, np.ndarray]],
                 loop: asyncio.AbstractEventLoop) -> None:
        super().__init__(inner)
        self._batched, self._loop = batched, loop

    def embed(self, texts: Sequence[str], show_progress: bool = False) -> np.ndarray:
        if len(texts) != 1:
            return self.inner.embed(texts, show_progress)
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is self._loop:  # called on the replica's own loop: no batching without blocking it
            return self.inner.embed(texts)
        vector: np.ndarray = asyncio.run_coroutine_threadsafe(self._batched(texts[0]), self._loop).result()
        return np.asarray(vector, dtype=np.float32).reshape(1, -1)


@serve.deployment(name=DEPLOYMENT, ray_actor_options={"num_cpus": 1})
@serve.ingress()
class CareerbotReplica:
    """One replica: a model, an advisor over the current index version, and the app."""

    async def __init__(self) -> None:  # type: ignore[misc]  # Serve awaits an async constructor
        from careerbot.config import settings_from_env

        self.settings = settings_from_env()
        self.model = SentenceTransformerEmbedder(self.settings.resolved_model_path)
        self.model.warm_up()
        self.loop = asyncio.get_running_loop()
        context = serve.get_replica_context()
        self.replica = str(getattr(context.replica_id, "unique_id", context.replica_id))

    @serve.batch(max_batch_size=BATCH_SIZE, batch_wait_timeout_s=BATCH_WAIT_SECONDS)
    async def encode(self, questions: list[str]) -> list[np.ndarray]:
        # the model call blocks: off the event loop, so requests keep arriving while it runs
        vectors = await asyncio.to_thread(self.model.embed, questions)
        return list(vectors)

    def __serve_build_asgi_app__(self) -> Any:
        from careerbot.answer.advisor import CurrentAdvisor
        from careerbot.http.app import create_app

        embedder: Embedder = ServeBatchedEmbedder(self.model, self.encode, self.loop)
        app = create_app(CurrentAdvisor.load(self.settings, embedder))
        replica = self.replica

        @app.middleware("http")
        async def name_replica(request: Any, call_next: Callable[[Any], Awaitable[Any]]) -> Any:
            response = await call_next(request)
            response.headers[REPLICA_HEADER] = replica
            return response

        return app


def replica_environment(settings: Settings) -> dict[str, str]:
    """The settings replicas read from CAREERBOT_*: the paths the command line chose, made absolute (a replica's
    working folder is not this one), and the rest of this process's CAREERBOT_* environment."""
    env = {key: value for key, value in os.environ.items() if key.startswith("CAREERBOT_")}
    for name, attribute in FORWARDED.items():
        value = getattr(settings, attribute)
        if value is not None:
            env[f"CAREERBOT_{name}"] = str(os.path.abspath(value))
    env.setdefault("HF_HUB_OFFLINE", "1")
    return env


def deploy(settings: Settings, replicas: int, host: str, port: int, address: str | None = None) -> None:
    """Start (or join) Ray, run Serve's HTTP proxy on host:port and deploy `replicas` replicas of the app."""
    from careerbot.index.ray_build import start_ray

    start_ray(address)
    serve.start(http_options={"host": host, "port": port})
    application = CareerbotReplica.options(  # type: ignore[attr-defined]
        num_replicas=replicas,
        ray_actor_options={"num_cpus": 1, "runtime_env": {"env_vars": replica_environment(settings)}},
    ).bind()
    serve.run(application, name=DEPLOYMENT, route_prefix="/")


def serve_forever(settings: Settings, replicas: int, host: str, port: int, address: str | None = None) -> None:
    """Deploy, then keep the deployment up until interrupted."""
    stop = threading.Event()
    for number in (signal.SIGINT, signal.SIGTERM):  # Ray's own handlers would leave the deployment running
        signal.signal(number, lambda *_: stop.set())
    deploy(settings, replicas, host, port, address)
    stop.wait()
    import ray

    serve.shutdown()  # type: ignore[no-untyped-call]
    ray.shutdown()
