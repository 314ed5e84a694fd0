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
import time
import uuid
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Sequence

from arnews.engines.dispatch import RunState
from arnews.engines.stop import Stop
from arnews.engines.summary import RunOptions, RunSummary
from arnews.ingest import plan_inputs
from arnews.io import TableWriter
from arnews.pipeline import Pipeline

__all__ = ["InputMissing", "OutputWriteError", "RunInterrupted", "RunOptions", "RunSummary", "run"]

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


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


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
    options = replace(options, **{k: v for k, v in (("workers", workers), ("ner", ner)) if v is not None})
    missing = [str(p) for p in inputs if not os.path.lexists(p)]
    if missing:
        raise InputMissing(f"no such file or folder: {', '.join(missing)}")
    clock, out = time.monotonic(), Path(out_dir)
    summary = RunSummary(new_run_id(), out)
    with TableWriter(out, summary.run_id, wait=options.wait) as writer, Stop() as stop:
        summary.notes = list(writer.notes)
        state = RunState(writer, summary, options, inputs, stop, pipeline, on_progress)
        try:  # from here on, an OSError can only come from writing the output
            _read_everything(state, inputs, options)
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


def _read_everything(state: RunState, inputs: Sequence[str | Path], options: RunOptions) -> None:
    """Every input through the run, in order; on a stop, what is finished is kept."""
    files, skipped = plan_inputs(inputs, options.follow_links)
    summary = state.summary
    summary.n_files, summary.bytes_total = len(files), sum(f.size for f in files)
    for item in skipped:
        state.take(item)
    done = 0
    for f in files:
        if state.stop.requested:
            break
        state.read(f, done)
        done += f.size
        summary.bytes_done = done
    state.drain()
    if state.stop.requested:
        state.salvage()
