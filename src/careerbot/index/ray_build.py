"""Builds on Ray Data: `careerbot index --ray [ADDRESS]`. The same build as index/build.py (what is reused, the
publish step) with its two heavy steps as Ray Data pipelines: reading and parsing the files as CPU tasks, and
structuring plus embedding the changed documents, the embedding in a pool of actors that each load the model once
(one GPU each where the cluster has GPUs). Records travel between stages pickled; the driver assembles and publishes.

Ray is an optional extra (pip install 'careerbot[ray]'); nothing else in careerbot imports this module."""

from __future__ import annotations

import logging
import pickle
from pathlib import Path
from typing import Any

import numpy as np

from careerbot.errors import CareerbotError
from careerbot.index.build import DocumentRecords, embed_records, records_of
from careerbot.ingest.readers import corpus_files, read_file
from careerbot.records import Document, Skipped

FILES_PER_TASK = 32  # files read by one task: enough work to pay for scheduling it
DOCUMENTS_PER_BATCH = 16  # documents embedded in one actor call (their texts in one model batch)


def start_ray(address: str | None) -> Any:
    """Join the cluster at `address`, or start a local Ray on this machine (address None)."""
    try:
        import ray
    except ImportError:
        raise CareerbotError("Ray is not installed: pip install 'careerbot[ray]' (or build without --ray).") from None
    if not ray.is_initialized():
        try:
            ray.init(address=address, include_dashboard=False, log_to_driver=False,
                     configure_logging=False, runtime_env={"env_vars": {"HF_HUB_OFFLINE": "1",
                                                                         "TOKENIZERS_PARALLELISM": "false"}})
        except (ConnectionError, ValueError, RuntimeError) as error:
            raise CareerbotError(f"Cannot reach a Ray cluster at {address}: {error}. Check the address "
                                 "(ray://host:10001 or host:6379), or leave it out to start Ray on this machine.") \
                from None
    import ray.data

    for name in ("ray", "ray.data"):  # the build prints its own report
        logging.getLogger(name).setLevel(logging.WARNING)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    return ray


def _read(batch: dict[str, np.ndarray], corpus_dir: str) -> dict[str, list[bytes]]:
    """A Ray task: files -> documents or the reasons they were skipped."""
    root = Path(corpus_dir)
    return {"item": [pickle.dumps(read_file(Path(str(path)), root)) for path in batch["path"]]}


def _structure(batch: dict[str, np.ndarray]) -> dict[str, list[bytes]]:
    """A Ray task: documents -> their chunks, sentences and facts (no vectors yet)."""
    return {"records": [pickle.dumps(records_of(pickle.loads(raw))) for raw in batch["document"]]}


class _EmbeddingActor:
    """One model per actor, loaded once; each call embeds the texts of a batch of documents in one model call."""

    def __init__(self, model_path: str, known: dict[str, np.ndarray]) -> None:
        from careerbot.index.embedding import SentenceTransformerEmbedder

        device = "cpu"
        try:
            import torch

            device = "cuda" if torch.cuda.is_available() else "cpu"
        except ImportError:
            pass
        self.embedder = SentenceTransformerEmbedder(Path(model_path), device=device)
        self.embedder.warm_up()
        self.known = known

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list[Any]]:
        records = [pickle.loads(raw) for raw in batch["records"]]
        done, embedded = embed_records(self.embedder, records, False, self.known)
        return {"records": [pickle.dumps(r) for r in done], "embedded": [embedded] + [0] * (len(done) - 1)}


class RayEngine:
    """The build's reading and embedding as Ray Data pipelines on a local or remote Ray cluster."""

    def __init__(self, model_path: Path, address: str | None = None, actors: int | None = None) -> None:
        self.model_path = model_path
        self.ray = start_ray(address)
        resources = self.ray.cluster_resources()
        self.gpus = int(resources.get("GPU", 0))
        cpus = int(resources.get("CPU", 1))
        # A GPU per actor where there are GPUs; else an actor per core (structuring runs fused into the actors, and
        # reading is done before: bench/bench_ray_build.py measured 1 actor on 2 cores at 2.30x the local build's
        # time, 2 actors at 1.15x).
        self.actors = actors or (self.gpus if self.gpus else max(1, cpus))

    def read(self, corpus_dir: Path) -> tuple[list[Document], list[Skipped]]:
        paths = [str(path) for path in corpus_files(corpus_dir)]
        if not paths:
            return [], []
        data = self.ray.data.from_items([{"path": path} for path in paths],
                                        override_num_blocks=max(1, len(paths) // FILES_PER_TASK))
        rows = data.map_batches(_read, fn_kwargs={"corpus_dir": str(corpus_dir)}, batch_size=FILES_PER_TASK,
                                batch_format="numpy").take_all()
        items = [pickle.loads(row["item"]) for row in rows]
        order = {path: i for i, path in enumerate(paths)}
        items.sort(key=lambda item: order[str(corpus_dir / item.doc_id)])
        return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Skipped)]

    def records(self, documents: list[Document], known: dict[str, np.ndarray],
                show_progress: bool) -> tuple[list[DocumentRecords], int]:
        if not documents:
            return [], 0
        data = self.ray.data.from_items([{"document": pickle.dumps(d)} for d in documents],
                                        override_num_blocks=max(1, len(documents) // DOCUMENTS_PER_BATCH))
        structured = data.map_batches(_structure, batch_size=DOCUMENTS_PER_BATCH, batch_format="numpy")
        embedded = structured.map_batches(
            _EmbeddingActor, fn_constructor_kwargs={"model_path": str(self.model_path), "known": known},
            batch_size=DOCUMENTS_PER_BATCH, batch_format="numpy",
            compute=self.ray.data.ActorPoolStrategy(size=self.actors), num_gpus=1 if self.gpus else 0, num_cpus=1)
        rows = embedded.take_all()
        by_id = {r.document.doc_id: r for r in (pickle.loads(row["records"]) for row in rows)}
        return [by_id[d.doc_id] for d in documents], int(sum(int(row["embedded"]) for row in rows))
