"""One run's moving parts: read the inputs, send articles to be processed (here or in
worker processes), take the results back in input order, and commit them."""
from __future__ import annotations

import time
from collections import deque
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Sequence

from arnews.document import IngestError, Record
from arnews.engines.pool import EngineUnavailable, WorkerDied, WorkerPool
from arnews.engines.stop import Interrupt, Stop
from arnews.engines.summary import MAX_FAILURES_KEPT, RunOptions, RunSummary
from arnews.engines.work import Outcome, error_row, process_records
from arnews.ingest import InputFile, read_file
from arnews.ingest._io import Progress
from arnews.io import TableWriter
from arnews.pipeline import Pipeline
from arnews.schema import SCHEMA_VERSION


def _pool(options: RunOptions):
    """Where articles are processed: here (None), local worker processes, or Dask workers."""
    if options.engine == "dask":
        try:
            from arnews.engines.dask_pool import DaskPool
        except ImportError as exc:
            raise EngineUnavailable("the Dask engine needs Dask: pip install 'arnews[dask]'") from exc
        return DaskPool(options.workers, options.ner, options.limits, options.scheduler)
    return WorkerPool(options.workers, options.ner, options.limits) if options.workers > 1 else None


class RunState:
    """One run's state: reading, dispatching, collecting in order, committing."""

    def __init__(self, writer: TableWriter, summary: RunSummary, options: RunOptions,
                 inputs: Sequence[str | Path], stop: Stop, pipeline: Pipeline | None,
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
        self.pool = _pool(options)
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
            self.stop.interruptible = True
            try:
                outcomes = process_records(self.pipeline, records, self.options.limits.max_seconds)
            except Interrupt:
                return
            finally:
                self.stop.interruptible = False
            self.deliver(seq, 0, outcomes)
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
                "engine": getattr(self.pool, "description", f"local[{self.options.workers}]")}

    def notify(self) -> None:
        if self.on_progress is not None:
            self.on_progress(self.summary)
