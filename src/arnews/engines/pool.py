"""Worker processes that outlive their workers: a dead worker costs its batch, not the run.

`concurrent.futures.ProcessPoolExecutor` breaks for good when one worker dies (the
kernel's OOM killer, a segfault in a native library): every pending future fails and the
finished work in flight is lost. This pool knows which batch each worker holds, so when
a worker dies its batch alone is reported (`WorkerDied`), a fresh worker takes its
place, and the run goes on.

Workers are started with "spawn": they inherit no file descriptor of the parent (the
output folder's lock stays with the run), ignore SIGINT (the parent decides how to stop),
and ask the kernel to kill them if the parent dies, so a killed run leaves no orphans.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import signal
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from arnews.document import Record
from arnews.engines.work import Outcome, process_records
from arnews.limits import Limits

PR_SET_PDEATHSIG = 1


class EngineUnavailable(RuntimeError):
    """The engine asked for cannot run: Dask is not installed, or its scheduler cannot be
    reached (checked before any article is read)."""


class WorkerDied(Exception):
    """The worker processing a batch exited before returning it."""

    def __init__(self, message: str, records: list[Record]):
        super().__init__(message)
        self.records = records


@dataclass
class _Worker:
    process: Any
    conn: Connection
    task: Any = None      # the task it holds, None when idle


def _die_with_parent() -> None:
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: workers may outlive a killed parent
        pass


def _worker_main(conn: Connection, ner: bool, limits: Limits) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    try:  # one thread per worker process: the workers already fill the cores
        import torch
        torch.set_num_threads(1)
    except ImportError:
        pass
    from arnews.pipeline import Pipeline

    pipeline = Pipeline(ner="default" if ner else None, limits=limits)
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        key, records = msg
        conn.send((key, process_records(pipeline, records, limits.max_seconds)))


class WorkerPool:
    """`n` worker processes, each holding at most one task (a key and a list of records)."""

    def __init__(self, n: int, ner: bool, limits: Limits):
        self._ctx = multiprocessing.get_context("spawn")
        self._args = (ner, limits)
        self._workers = [self._start() for _ in range(n)]

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_worker_main, args=(child, *self._args), daemon=True)
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def idle(self) -> bool:
        return any(w.task is None for w in self._workers)

    def busy(self) -> int:
        return sum(w.task is not None for w in self._workers)

    def submit(self, key: Any, records: list[Record]) -> list[tuple[Any, list[Outcome] | WorkerDied]]:
        """Give a task to an idle worker. Returns results that came back meanwhile
        (a worker found dead while sending)."""
        worker = next(w for w in self._workers if w.task is None)
        worker.task = (key, records)
        try:
            worker.conn.send((key, records))
        except (BrokenPipeError, OSError):
            return [self._replace(worker)]
        return []

    def collect(self, timeout: float | None = None) -> list[tuple[Any, list[Outcome] | WorkerDied]]:
        """Wait up to `timeout` for results; each is (key, outcomes) or (key, WorkerDied)."""
        busy = [w for w in self._workers if w.task is not None]
        if not busy:
            return []
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout))
        out = []
        for w in busy:
            if w.conn in ready:
                try:
                    key, outcomes = w.conn.recv()
                except (EOFError, OSError):
                    out.append(self._replace(w))
                    continue
                w.task = None
                out.append((key, outcomes))
            elif w.process.sentinel in ready:
                out.append(self._replace(w))
        return out

    def _replace(self, worker: _Worker) -> tuple[Any, WorkerDied]:
        """A dead worker: report its task, start a fresh worker in its place."""
        key, records = worker.task
        worker.process.join(timeout=5)
        code = worker.process.exitcode
        why = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        try:
            worker.conn.close()
        except OSError:
            pass
        fresh = self._start()
        worker.process, worker.conn, worker.task = fresh.process, fresh.conn, None
        return key, WorkerDied(f"the worker process died ({why}; out of memory?) while processing "
                               f"{len(records)} article(s)", records)

    def close(self) -> None:
        """Stop the workers after their current task (none should be running)."""
        for w in self._workers:
            try:
                w.conn.send(None)
            except OSError:
                pass
        for w in self._workers:
            w.process.join(timeout=10)
            if w.process.is_alive():
                w.process.kill()

    def kill(self) -> None:
        """Stop the workers now, dropping whatever they hold."""
        for w in self._workers:
            if w.process.is_alive():
                w.process.kill()
        for w in self._workers:
            w.process.join(timeout=5)
