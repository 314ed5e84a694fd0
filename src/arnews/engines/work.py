"""Processing one record, bounded in time: the unit of work every engine runs.

`process_record` never raises for a bad article: whatever goes wrong becomes an
`Outcome` with an error row naming the stage. The time bound uses SIGALRM, so it is
applied where the work runs in a process's main thread (a worker, or the CLI's own
process); elsewhere (a notebook running arnews in a thread) articles run unbounded.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from arnews import faults
from arnews.document import Document, Record
from arnews.pipeline import Pipeline, StageError


@dataclass
class Outcome:
    """What one record became: rows for the tables, or an error row."""

    rows: dict[str, list[dict[str, Any]]] | None = None
    error: dict[str, Any] | None = None


class ArticleTimeout(Exception):
    """An article took longer than `Limits.max_seconds`."""


def error_row(source_path: str, record: int | None, stage: str, exc_name: str, message: str,
              level: str = "error") -> dict:
    return {"source_path": source_path, "record": record, "stage": stage, "error": exc_name,
            "message": message[:2000], "level": level}


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ArticleTimeout in the block after `seconds` (0, or not the main thread: no limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _expired(signum, frame):
        raise ArticleTimeout(f"processing took longer than {seconds:g} s (the limit for one "
                             "article; raise it with --max-seconds)")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_record(pipeline: Pipeline, record: Record, max_seconds: float = 0) -> Outcome:
    """Run the pipeline over one record; an error row instead of an exception."""
    return process_records(pipeline, [record], max_seconds)[0]


def process_records(pipeline: Pipeline, records: list[Record], max_seconds: float = 0) -> list[Outcome]:
    """Run the pipeline over a batch of records, one outcome each, in order.

    Each article starts alone, the started ones share the batched stage's work (the
    tagger), then each finishes alone: an article that fails or runs out of time costs
    only itself. Should the shared step fail, each article does that work alone."""
    started: list[Document | Outcome] = []
    for r in records:
        faults.point("article", r.doc_id)
        started.append(_guarded(r, max_seconds, lambda r=r: pipeline.start(r)))
    docs = [x for x in started if isinstance(x, Document)]
    try:
        with time_limit(max_seconds * len(docs)):
            pipeline.prepare(docs)
    except Exception:  # noqa: BLE001 - the articles then each do it alone
        for d in docs:
            d.model_tags = None
    return [x if isinstance(x, Outcome) else
            _guarded(x.record, max_seconds, lambda x=x: Outcome(rows=pipeline.finish(x).rows))
            for x in started]


def _guarded(record: Record, max_seconds: float, work: Callable[[], Any]) -> Any:
    """`work()` bounded in time, or an Outcome with the error row of what went wrong."""
    try:
        with time_limit(max_seconds):
            return work()
    except StageError as exc:
        return Outcome(error=error_row(record.source_path, record.record_index, exc.stage,
                                       type(exc.cause).__name__, str(exc.cause)))
    except ArticleTimeout as exc:
        return Outcome(error=error_row(record.source_path, record.record_index, "pipeline",
                                       type(exc).__name__, str(exc)))
    except (Exception, RecursionError, MemoryError) as exc:  # noqa: BLE001 - one bad article must not stop the run
        return Outcome(error=error_row(record.source_path, record.record_index, "rows",
                                       type(exc).__name__, str(exc)))
