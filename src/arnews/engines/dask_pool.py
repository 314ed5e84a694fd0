"""The Dask engine: the same run as the local engine, with the articles processed by the
workers of a Dask cluster.

Only the processing moves: this process still reads the inputs, puts the results back
in input order and makes every commit (`dispatch.RunState` drives both engines), so the
tables are the ones the local engine writes and a run is atomic in the same way. The
cluster is an existing scheduler (`--scheduler tcp://host:8786`, which dask-jobqueue
and dask-kubernetes clusters also give) or, without an address, a `LocalCluster` of
`--workers` processes.

Each worker gets the NER model once, when it joins (`ShipModel`, a worker plugin that
carries the model folder's files and builds the worker's pipeline), not with every
task; a task is a batch of records and returns their outcomes. When a worker dies,
Dask reschedules its tasks; a batch that keeps killing workers comes back as
`WorkerDied`, and the run retries its articles one by one as it does for the local
pool.
"""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, wait

from arnews.document import Record
from arnews.engines.pool import EngineUnavailable, WorkerDied
from arnews.engines.work import Outcome, process_records
from arnews.limits import Limits

CONNECT_SECONDS = 30       # how long to try reaching a scheduler before giving up
NO_WORKERS_SECONDS = 300   # a cluster without workers this long: its tasks count as lost
TASKS_PER_THREAD = 2       # batches in flight per worker thread: none waits for the next
_PIPELINE: dict[str, Any] = {}   # in a worker process: the pipeline its plugin built


class ShipModel(WorkerPlugin):
    """A Dask worker plugin: writes the NER model into the worker's own folder and builds
    the worker's pipeline from it, once per worker."""

    name = "arnews-pipeline"

    def __init__(self, ner: bool, limits: Limits, model_dir: Path | None):
        self.ner, self.limits = ner, limits
        self.files = ({p.name: p.read_bytes() for p in sorted(model_dir.iterdir()) if p.is_file()}
                      if ner and model_dir is not None else {})

    def setup(self, worker: Any = None) -> None:
        import torch

        torch.set_num_threads(1)   # one thread per worker thread: the workers fill the cores
        if self.files:
            base = getattr(worker, "local_directory", None) or tempfile.mkdtemp(prefix="arnews-")
            folder = Path(base) / "arnews-ner-model"
            folder.mkdir(parents=True, exist_ok=True)
            for name, data in self.files.items():
                (folder / name).write_bytes(data)
            os.environ["ARNEWS_NER_MODEL"] = str(folder)
        from arnews.pipeline import Pipeline

        _PIPELINE["pipeline"] = Pipeline(ner="default" if self.ner else None, limits=self.limits)

    def teardown(self, worker: Any = None) -> None:
        _PIPELINE.clear()


def process_batch(records: list[Record], max_seconds: float) -> list[Outcome]:
    """The task a worker runs: one batch of records through the pipeline its plugin built."""
    return process_records(_PIPELINE["pipeline"], records, max_seconds)


class DaskPool:
    """The interface of `pool.WorkerPool` (submit, collect, idle, busy, close, kill) over
    a Dask client, so that `RunState` drives it as it drives local worker processes."""

    def __init__(self, n_workers: int, ner: bool, limits: Limits, scheduler: str | None = None):
        from arnews.ner import default_model_path

        self.max_seconds = limits.max_seconds
        if scheduler:
            try:
                self.cluster, self.client = None, Client(scheduler, timeout=CONNECT_SECONDS)
            except (OSError, ValueError) as exc:
                raise EngineUnavailable(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        else:
            self.cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                        dashboard_address=":0")
            self.client = Client(self.cluster)
        model = default_model_path()
        self.client.register_plugin(ShipModel(ner, limits, model if model.is_dir() else None))
        threads = sum(self.client.nthreads().values()) or n_workers
        self.slots = TASKS_PER_THREAD * threads
        self.futures: dict[Any, tuple[Any, list[Record]]] = {}   # future -> (key, records)
        self.description = f"dask[{scheduler or 'local'}:{threads}]"
        self.without_workers_since: float | None = None

    def idle(self) -> bool:
        return len(self.futures) < self.slots

    def busy(self) -> int:
        return len(self.futures)

    def submit(self, key: Any, records: list[Record]) -> list[tuple[Any, list[Outcome] | WorkerDied]]:
        future = self.client.submit(process_batch, records, self.max_seconds, pure=False)
        self.futures[future] = (key, records)
        return []

    def collect(self, timeout: float | None = None) -> list[tuple[Any, list[Outcome] | WorkerDied]]:
        """Results of the batches finished within `timeout`: (key, outcomes), or (key,
        WorkerDied) for a batch Dask gave up on (it killed its workers)."""
        if not self.futures:
            return []
        try:
            wait(list(self.futures), timeout=timeout, return_when="FIRST_COMPLETED")
        except TimeoutError:
            return self._lost_if_no_workers()
        out = []
        for future in [f for f in self.futures if f.done()]:
            key, records = self.futures.pop(future)
            try:
                out.append((key, future.result()))
            except Exception as exc:  # noqa: BLE001 - KilledWorker, a lost connection: the batch goes again
                out.append((key, WorkerDied(f"the Dask task failed ({type(exc).__name__}: {exc})", records)))
        return out

    def _lost_if_no_workers(self) -> list[tuple[Any, WorkerDied]]:
        """Every task in flight as lost once the cluster has had no worker for
        NO_WORKERS_SECONDS, so that a run does not wait for ever: its articles are
        retried alone, then recorded in `errors`, and the next run tries them again."""
        if self.client.nthreads():
            self.without_workers_since = None
            return []
        now = time.monotonic()
        self.without_workers_since = self.without_workers_since or now
        if now - self.without_workers_since < NO_WORKERS_SECONDS:
            return []
        lost = [(key, WorkerDied(f"the Dask cluster had no worker for {NO_WORKERS_SECONDS} s", records))
                for key, records in self.futures.values()]
        self.client.cancel(list(self.futures), force=True)
        self.futures.clear()
        self.without_workers_since = None
        return lost

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def kill(self) -> None:
        """Drop what is in flight and let go of the cluster."""
        self.client.cancel(list(self.futures), force=True)
        self.futures.clear()
        self.close()
