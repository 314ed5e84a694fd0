"""The local engine: run the pipeline over every input, in this process or a pool of
worker processes, and hand the rows to the table writer.

Every input file, and every record inside a multi-record file, ends up either in
`articles` or in `errors`; an article whose id is already in the output directory (same
doc_id, same text) is counted as unchanged and skipped, which is what makes nightly runs
over a growing archive cheap.
"""
from __future__ import annotations

import uuid
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from arnews.document import IngestError, Record
from arnews.ingest import iter_inputs
from arnews.io import TableWriter
from arnews.pipeline import Pipeline, StageError
from arnews.schema import SCHEMA_VERSION

BATCH = 64


@dataclass
class RunSummary:
    run_id: str
    out_dir: Path
    n_read: int = 0          # records and unreadable inputs seen
    n_articles: int = 0      # articles processed and written
    n_unchanged: int = 0     # already in the output, skipped
    n_failed: int = 0        # rows in `errors`
    n_meetings: int = 0
    people: set[str] = field(default_factory=set)
    article_ids: list[str] = field(default_factory=list)   # written or unchanged, in input order
    seconds: float = 0.0

    @property
    def n_people(self) -> int:
        return len(self.people)


@dataclass
class Outcome:
    """What one record became: rows for the tables, or an error row."""

    rows: dict[str, list[dict[str, Any]]] | None = None
    error: dict[str, Any] | None = None


def error_row(source_path: str, record: int | None, stage: str, exc_name: str, message: str) -> dict:
    return {"source_path": source_path, "record": record, "stage": stage, "error": exc_name,
            "message": message[:2000]}


def process_record(pipeline: Pipeline, record: Record) -> Outcome:
    try:
        return Outcome(rows=pipeline.process(record).rows)
    except StageError as exc:
        return Outcome(error=error_row(record.source_path, record.record_index, exc.stage,
                                       type(exc.cause).__name__, str(exc.cause)))
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
        return Outcome(error=error_row(record.source_path, record.record_index, "rows",
                                       type(exc).__name__, str(exc)))


_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(ner: bool) -> None:
    global _WORKER_PIPELINE
    try:  # one thread per worker process: the workers already fill the cores
        import torch
        torch.set_num_threads(1)
    except ImportError:
        pass
    _WORKER_PIPELINE = Pipeline(ner="default" if ner else None)


def _work(record: Record) -> Outcome:
    assert _WORKER_PIPELINE is not None
    return process_record(_WORKER_PIPELINE, record)


def _batches(items: Iterable, n: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, n)):
        yield batch


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


def run(inputs: Sequence[str | Path], out_dir: str | Path, *, workers: int = 1,
        on_item: Callable[[RunSummary], None] | None = None,
        pipeline: Pipeline | None = None, ner: bool = True) -> RunSummary:
    """Extract every input into the tables under `out_dir`; see the module docstring."""
    started = datetime.now(timezone.utc)
    out = Path(out_dir)
    summary = RunSummary(new_run_id(), out)
    with TableWriter(out, summary.run_id) as writer:
        known = writer.known_articles()
        pool = (ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(ner,))
                if workers > 1 else None)
        local = pipeline if pool is None else None
        if pool is None and local is None:
            local = Pipeline(ner="default" if ner else None)
        try:
            for batch in _batches(iter_inputs(inputs), BATCH):
                todo: list[Record] = []
                for item in batch:
                    summary.n_read += 1
                    if isinstance(item, IngestError):
                        writer.add_error(error_row(item.source_path, item.record_index, item.stage,
                                                   item.error, item.message))
                        summary.n_failed += 1
                        _notify(on_item, summary)
                    elif item.article_id in known:
                        summary.n_unchanged += 1
                        summary.article_ids.append(item.article_id)
                        _notify(on_item, summary)
                    else:
                        known.add(item.article_id)
                        todo.append(item)
                outcomes = pool.map(_work, todo, chunksize=4) if pool else (process_record(local, r) for r in todo)
                for outcome in outcomes:
                    _collect(writer, summary, outcome)
                    _notify(on_item, summary)
        finally:
            if pool:
                pool.shutdown(cancel_futures=True)
        writer.close({
            "started_at": started, "finished_at": datetime.now(timezone.utc),
            "inputs": [str(p) for p in inputs], "n_inputs": len(inputs),
            "n_articles": summary.n_articles, "n_unchanged": summary.n_unchanged,
            "n_failed": summary.n_failed, "schema_version": SCHEMA_VERSION,
            "engine": f"local[{workers}]",
        })
    summary.seconds = (datetime.now(timezone.utc) - started).total_seconds()
    return summary


def _collect(writer: TableWriter, summary: RunSummary, outcome: Outcome) -> None:
    if outcome.error is not None:
        writer.add_error(outcome.error)
        summary.n_failed += 1
        return
    rows = outcome.rows or {}
    writer.add(rows)
    summary.n_articles += 1
    summary.article_ids.extend(r["article_id"] for r in rows.get("articles", []))
    summary.n_meetings += len(rows.get("meetings", []))
    summary.people |= {m["entity_id"] for m in rows.get("mentions", [])
                       if m["label"] == "PERS" and m["entity_id"]}


def _notify(on_item: Callable[[RunSummary], None] | None, summary: RunSummary) -> None:
    if on_item is not None:
        on_item(summary)

