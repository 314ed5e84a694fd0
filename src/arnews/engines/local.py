"""The local engine: run the pipeline over every input, in this process or in worker
processes, and publish the rows in commits.

What a run promises (README, "Exit codes and failures"):
- every input file, and every record inside a multi-record file, ends up in `articles`
  (processed now, or unchanged since an earlier run) or in `errors` (with the reason);
- an article already in the output folder (same doc_id, same text) is skipped, which is
  what makes nightly runs over a growing archive cheap;
- finished work is committed every `commit_every` seconds (or `commit_articles`
  articles), so a run killed at any point keeps what it committed and the next run goes
  on from there; SIGINT and SIGTERM commit what is finished, stop the workers and end
  the run with `RunInterrupted`;
- a worker process that dies costs the articles it held: each is retried once, alone, in
  a fresh worker, and recorded as an error if it kills that one too.
"""
from __future__ import annotations

import os
import signal
import threading
import time
import uuid
from collections import deque
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Sequence

from arnews.document import IngestError, Record
from arnews.engines.pool import WorkerDied, WorkerPool
from arnews.engines.work import Outcome, error_row, process_record
from arnews.ingest import InputFile, plan_inputs, read_file
from arnews.ingest._io import Progress
from arnews.io import TableWriter
from arnews.limits import DEFAULT_LIMITS, Limits
from arnews.pipeline import Pipeline
from arnews.schema import SCHEMA_VERSION

MAX_FAILURES_KEPT = 1000   # error rows kept in the summary for the console


@dataclass(frozen=True)
class RunOptions:
    """How a run goes; every field has a CLI option of the same name."""

    workers: int = 1
    ner: bool = True
    limits: Limits = DEFAULT_LIMITS
    follow_links: bool = False      # follow symbolic links out of the input folders
    wait: bool = False              # wait for another run on the same output folder
    commit_every: float = 60.0      # seconds between commits
    commit_articles: int = 5000     # articles between commits
    batch_size: int = 8             # articles per task sent to a worker process

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ValueError("workers must be at least 1")
        if self.commit_every <= 0 or self.commit_articles < 1 or self.batch_size < 1:
            raise ValueError("commit_every, commit_articles and batch_size must be positive")


@dataclass
class RunSummary:
    run_id: str
    out_dir: Path
    n_files: int = 0
    n_read: int = 0          # records and unreadable inputs seen
    n_articles: int = 0      # articles processed and written
    n_unchanged: int = 0     # already in the output, skipped
    n_failed: int = 0        # inputs or records that could not be read or processed
    n_skipped: int = 0       # entries not read by a documented rule (see `ingest`)
    n_meetings: int = 0
    people: set[str] = field(default_factory=set)
    article_ids: list[str] = field(default_factory=list)   # written or unchanged
    failures: list[dict[str, Any]] = field(default_factory=list)  # error rows, first ones
    notes: list[str] = field(default_factory=list)   # what the run found and repaired
    bytes_total: int = 0
    bytes_done: int = 0
    seconds: float = 0.0
    status: str = "running"

    @property
    def n_people(self) -> int:
        return len(self.people)


class InputMissing(FileNotFoundError):
    """An input path given to the run does not exist (checked before any work)."""


class OutputWriteError(OSError):
    """The output folder stopped accepting writes (disk full, I/O error) during the run;
    what was committed before stays."""


class RunInterrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM ended the run after it committed its finished work."""

    def __init__(self, summary: RunSummary, signum: int):
        super().__init__(f"interrupted by {signal.Signals(signum).name}")
        self.summary = summary
        self.signum = signum


class _Interrupt(BaseException):
    """Raised inside an article's processing when a stop is requested (not an Exception,
    so that the per-article error handling does not swallow it)."""


class _Stop:
    """SIGINT/SIGTERM handling for the length of a run (main thread only): the first
    signal asks the run to stop after committing what is finished."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self.interruptible = False
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> _Stop:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)

    def _handle(self, signum: int, frame: object) -> None:
        if self.signum is None:
            self.signum = signum
        if self.interruptible:
            self.interruptible = False
            raise _Interrupt()

    @property
    def requested(self) -> bool:
        return self.signum is not None


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


class _Run:
    """One run's state: reading, dispatching, collecting in order, committing."""

    def __init__(self, writer: TableWriter, summary: RunSummary, options: RunOptions,
                 inputs: Sequence[str | Path], stop: _Stop, pipeline: Pipeline | None,
                 on_progress: Callable[[RunSummary], None] | None):
        self.writer, self.summary, self.options, self.stop = writer, summary, options, stop
        self.inputs = [str(p) for p in inputs]
        self.on_progress = on_progress
        self.started = datetime.now(timezone.utc)
        self.known = writer.known_articles()
        self.seen: dict[str, str] = {}               # article_id -> where it was first read
        self.batch: list[Record] = []
        self.retries: deque = deque()
        self.results: dict[int, dict[int, Outcome]] = {}   # seq -> offset -> outcome
        self.sizes: dict[int, int] = {}
        self.next_seq = self.emit_seq = 0
        self.since_commit, self.last_commit = 0, time.monotonic()
        self.pool = WorkerPool(options.workers, options.ner, options.limits) if options.workers > 1 else None
        self.pipeline = pipeline
        if self.pool is None and self.pipeline is None:
            self.pipeline = Pipeline(ner="default" if options.ner else None, limits=options.limits)

    # -- reading --------------------------------------------------------------------

    def read(self, file: InputFile, done_before: int) -> None:
        progress = Progress(file.size)
        for item in read_file(file, self.options.limits, progress):
            self.summary.bytes_done = done_before + min(progress.consumed, file.size)
            self.take(item)
            if self.stop.requested:
                return

    def take(self, item: Record | IngestError) -> None:
        s = self.summary
        s.n_read += 1
        if isinstance(item, IngestError):
            self.record_error(error_row(item.source_path, item.record_index, item.stage, item.error,
                                        item.message, item.level))
        elif item.article_id in self.known:
            s.n_unchanged += 1
            s.article_ids.append(item.article_id)
        elif item.article_id in self.seen:
            self.record_error(error_row(item.source_path, item.record_index, "ingest", "DuplicateArticle",
                                        f"the same article (doc_id {item.doc_id!r}, same text) as "
                                        f"{self.seen[item.article_id]}, read once", "skipped"))
        else:
            where = item.source_path + (f" record {item.record_index}" if item.record_index is not None else "")
            self.seen[item.article_id] = where
            self.batch.append(item)
            if len(self.batch) >= self.options.batch_size:
                self.dispatch()
        self.notify()

    # -- processing -----------------------------------------------------------------

    def dispatch(self) -> None:
        """Send the current batch to be processed (here, or to an idle worker)."""
        if not self.batch:
            return
        records, self.batch = self.batch, []
        seq = self.next_seq
        self.next_seq += 1
        self.sizes[seq] = len(records)
        self.results[seq] = {}
        if self.pool is None:
            for offset, record in enumerate(records):
                self.stop.interruptible = True
                try:
                    outcome = process_record(self.pipeline, record, self.options.limits.max_seconds)
                except _Interrupt:
                    return
                finally:
                    self.stop.interruptible = False
                self.deliver(seq, offset, [outcome])
            return
        self.submit((seq, 0, 1), records)

    def submit(self, key: tuple[int, int, int], records: list[Record]) -> None:
        while not self.pool.idle() and not self.stop.requested:
            self.handle(self.pool.collect(0.5))
        if not self.stop.requested:
            self.handle(self.pool.submit(key, records))

    def handle(self, results: list[tuple[Any, Any]]) -> None:
        for (seq, offset, attempt), res in results:
            if not isinstance(res, WorkerDied):
                self.deliver(seq, offset, res)
            elif attempt == 1:
                # Which article killed it is unknown: each goes again, alone, in a fresh worker.
                for j, record in enumerate(res.records):
                    self.retries.append(((seq, offset + j, 2), [record]))
            else:
                record = res.records[0]
                self.deliver(seq, offset, [Outcome(error=error_row(
                    record.source_path, record.record_index, "worker", "WorkerDied",
                    f"{res} twice, in two fresh workers"))])
        while self.retries and self.pool.idle() and not self.stop.requested:
            key, records = self.retries.popleft()
            self.handle(self.pool.submit(key, records))

    def deliver(self, seq: int, offset: int, outcomes: list[Outcome]) -> None:
        for i, outcome in enumerate(outcomes):
            self.results[seq][offset + i] = outcome
        while self.emit_seq in self.results and len(self.results[self.emit_seq]) == self.sizes[self.emit_seq]:
            done = self.results.pop(self.emit_seq)
            for offset in sorted(done):
                self.collect(done[offset])
            self.emit_seq += 1

    def drain(self) -> None:
        """Wait for every task in flight (unless a stop is requested)."""
        self.dispatch()
        if self.pool is None:
            return
        while (self.pool.busy() or self.retries) and not self.stop.requested:
            self.handle(self.pool.collect(0.5))

    def salvage(self) -> None:
        """On a stop: keep every article finished so far, in or out of order."""
        for seq in sorted(self.results):
            for offset in sorted(self.results[seq]):
                self.collect(self.results[seq][offset])
        self.results.clear()

    def shutdown(self) -> None:
        if self.pool is not None:
            (self.pool.kill if self.stop.requested else self.pool.close)()

    # -- writing --------------------------------------------------------------------

    def collect(self, outcome: Outcome) -> None:
        s = self.summary
        if outcome.error is not None:
            self.record_error(outcome.error)
            return
        rows = outcome.rows or {}
        try:
            self.writer.add(rows)
        except ValueError as exc:   # rows that do not fit the schema: a bug, kept per article
            article = (rows.get("articles") or [{}])[0]
            self.record_error(error_row(article.get("source_path"), None, "rows", type(exc).__name__, str(exc)))
            return
        s.n_articles += 1
        s.article_ids.extend(r["article_id"] for r in rows.get("articles", []))
        s.n_meetings += len(rows.get("meetings", []))
        s.people |= {m["entity_id"] for m in rows.get("mentions", []) if m["label"] == "PERS" and m["entity_id"]}
        self.since_commit += 1
        self.maybe_commit()
        self.notify()

    def record_error(self, row: dict[str, Any]) -> None:
        s = self.summary
        if row.get("level") == "skipped":
            s.n_skipped += 1
        else:
            s.n_failed += 1
            if len(s.failures) < MAX_FAILURES_KEPT:
                s.failures.append(row)
        self.writer.add_error(row)

    def maybe_commit(self) -> None:
        due = time.monotonic() - self.last_commit >= self.options.commit_every
        if self.since_commit >= self.options.commit_articles or (due and self.since_commit):
            self.writer.checkpoint(self.run_row(), "running")
            self.since_commit, self.last_commit = 0, time.monotonic()

    def run_row(self) -> dict[str, Any]:
        s = self.summary
        return {"started_at": self.started, "inputs": self.inputs, "n_inputs": len(self.inputs),
                "n_articles": s.n_articles, "n_unchanged": s.n_unchanged, "n_failed": s.n_failed,
                "n_skipped": s.n_skipped, "schema_version": SCHEMA_VERSION,
                "engine": f"local[{self.options.workers}]"}

    def notify(self) -> None:
        if self.on_progress is not None:
            self.on_progress(self.summary)


def run(inputs: Sequence[str | Path], out_dir: str | Path, options: RunOptions | None = None, *,
        on_progress: Callable[[RunSummary], None] | None = None, pipeline: Pipeline | None = None,
        workers: int | None = None, ner: bool | None = None) -> RunSummary:
    """Extract every input into the tables under `out_dir`; see the module docstring.

    Raises, before any work: InputMissing (an input path does not exist), OutputUnusable
    (`out_dir` cannot be written), OutputLocked (another run holds `out_dir`). During the
    run: OutputWriteError (the disk filled up), RunInterrupted (SIGINT/SIGTERM), both
    after what was committed is safe. `workers` and `ner` are shortcuts for `options`.
    """
    options = options or RunOptions()
    if workers is not None:
        options = replace(options, workers=workers)
    if ner is not None:
        options = replace(options, ner=ner)
    missing = [str(p) for p in inputs if not os.path.lexists(p)]
    if missing:
        raise InputMissing(f"no such file or folder: {', '.join(missing)}")
    clock = time.monotonic()
    out = Path(out_dir)
    summary = RunSummary(new_run_id(), out)
    with TableWriter(out, summary.run_id, wait=options.wait) as writer, _Stop() as stop:
        summary.notes = list(writer.notes)
        files, skipped = plan_inputs(inputs, options.follow_links)
        summary.n_files, summary.bytes_total = len(files), sum(f.size for f in files)
        state = _Run(writer, summary, options, inputs, stop, pipeline, on_progress)
        try:  # from here on, an OSError can only come from writing the output
            for item in skipped:
                state.take(item)
            done = 0
            for f in files:
                if stop.requested:
                    break
                state.read(f, done)
                done += f.size
                summary.bytes_done = done
            state.drain()
            if stop.requested:
                state.salvage()
            summary.status = "interrupted" if stop.requested else "finished"
            writer.close(state.run_row(), summary.status)
        except OSError as exc:
            raise OutputWriteError(exc.errno, f"writing to {out} failed: {exc.strerror or exc}; "
                                   "the commits made before are kept") from exc
        finally:
            state.shutdown()
    summary.seconds = time.monotonic() - clock
    if stop.requested:
        raise RunInterrupted(summary, stop.signum)
    return summary
