"""`arnews extract`: the articles in, the tables out, and an exit code that tells a
cron job the truth (README, "Exit codes")."""
from __future__ import annotations

import json
import sys
from enum import IntEnum
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from arnews.cli import app
from arnews.limits import DEFAULT_LIMITS as LIMITS

console = Console(stderr=True)


class Exit(IntEnum):
    OK = 0                # every input read (entries skipped by a documented rule don't count)
    INTERNAL = 1          # a bug in arnews (with a traceback)
    USAGE = 2             # before any work: bad option, input missing, --out unusable
    SOME_FAILED = 3       # finished, but some inputs failed (rows in `errors`); --allow-errors: 0
    NOTHING_READ = 4      # finished, but no article could be read (all failed, or none found)
    OUTPUT_FAILED = 5     # the output stopped accepting writes; earlier commits are kept
    LOCKED = 75           # another run is writing to --out (EX_TEMPFAIL: try again later)
    INTERRUPTED = 130     # SIGINT (143 for SIGTERM: 128 + the signal); finished work committed


# The options, declared once here so that the command's signature stays readable.
INPUTS = typer.Argument(..., help="Article files (.txt, .json, .jsonl, optionally .gz) or folders (read recursively).")
OUT = typer.Option(Path("data/processed"), "--out", "-o", help="Output folder: one Parquet dataset per table.")
WORKERS = typer.Option(1, "--workers", "-j", min=1, help="Worker processes (each loads its own pipeline); with --engine dask and no --scheduler, the LocalCluster's workers.")
ENGINE = typer.Option("local", "--engine", help="local: worker processes on this machine; dask: the workers of a Dask cluster (pip install 'arnews[dask]').")
SCHEDULER = typer.Option(None, "--scheduler", help="With --engine dask: the address of a running Dask scheduler (tcp://host:8786); without it a LocalCluster of --workers processes.")
SHOW = typer.Option(5, "--show", help="Print up to this many meetings at the end (0: none).")
NER = typer.Option(True, "--ner/--no-ner", help="Offer the statistical NER's person names to the rules (default), or use the rules alone (faster).")
QUIET = typer.Option(False, "--quiet", "-q", help="No progress bar, summary or meetings: only errors.")
VERBOSE = typer.Option(False, "--verbose", "-v", help="Name every failed input as it happens.")
JSON = typer.Option(False, "--json", help="Print the run's summary as one JSON object on stdout.")
ALLOW_ERRORS = typer.Option(False, "--allow-errors", help="Exit 0 even when some inputs failed (they are still in the errors table).")
WAIT = typer.Option(False, "--wait", help="If another run is writing to --out, wait for it instead of exiting with 75.")
FOLLOW_LINKS = typer.Option(False, "--follow-links", help="Follow symbolic links that lead out of the input folders.")
MAX_CHARS = typer.Option(LIMITS.max_chars, help="Longest article text, in characters; longer ones are recorded in errors.")
MAX_TOKENS = typer.Option(LIMITS.max_tokens, help="Most tokens in one article.")
MAX_FILE_BYTES = typer.Option(LIMITS.max_file_bytes, help="Largest .json or .txt file, in bytes after decompression (.jsonl is streamed: no file limit).")
MAX_LINE_BYTES = typer.Option(LIMITS.max_line_bytes, help="Largest .jsonl record, in bytes after decompression.")
MAX_SECONDS = typer.Option(LIMITS.max_seconds, help="Longest time one article may take (0: no limit).")
COMMIT_EVERY = typer.Option(60.0, help="Seconds between commits: an interrupted run keeps what it committed.")
COMMIT_ARTICLES = typer.Option(5000, help="Articles between commits (whichever of the two comes first).")


@app.command()
def extract(inputs: List[Path] = INPUTS, out: Path = OUT, workers: int = WORKERS, show: int = SHOW,
            ner: bool = NER, quiet: bool = QUIET, verbose: bool = VERBOSE, json_summary: bool = JSON,
            allow_errors: bool = ALLOW_ERRORS, wait: bool = WAIT, follow_links: bool = FOLLOW_LINKS,
            max_chars: int = MAX_CHARS, max_tokens: int = MAX_TOKENS, max_file_bytes: int = MAX_FILE_BYTES,
            max_line_bytes: int = MAX_LINE_BYTES, max_seconds: float = MAX_SECONDS,
            commit_every: float = COMMIT_EVERY, commit_articles: int = COMMIT_ARTICLES,
            engine: str = ENGINE, scheduler: Optional[str] = SCHEDULER) -> None:
    """Extract meetings, people, roles and dates from articles into Parquet tables.

    Re-running over the same output folder skips articles it already holds (same id and
    text), so a nightly job can point at a growing archive; to process everything again,
    write to a new folder. Inputs that cannot be read are listed in the `errors` table
    and the run goes on. Exit codes: 0 all read, 3 some inputs failed, 4 nothing could be
    read, 2 bad arguments or --out unusable, 5 output write failed, 75 --out busy,
    130/143 interrupted (finished work is kept).
    """
    args = dict(locals())
    summary = _run(inputs, out, _options(args), quiet, verbose, json_summary)
    code = _exit_code(summary, allow_errors)
    if not quiet:
        _print_summary(summary)
    _print_failures(summary, limit=None if verbose else 10)
    if code == Exit.NOTHING_READ:
        console.print("[red]no article could be read from the inputs[/]")
    if json_summary:
        _print_json(summary, code)
    if show and not quiet:
        _print_meetings(out, summary.article_ids, show)
    raise typer.Exit(int(code))


def _options(args: dict):
    """The run's options from the command line; a bad value exits with 2."""
    from arnews.engines.local import RunOptions
    from arnews.limits import Limits

    limits = {k: args[k] for k in ("max_chars", "max_tokens", "max_file_bytes", "max_line_bytes", "max_seconds")}
    run = {k: args[k] for k in ("workers", "ner", "wait", "follow_links", "commit_every", "commit_articles",
                                "engine", "scheduler")}
    try:
        return RunOptions(limits=Limits(**limits), **run)
    except ValueError as exc:
        _fail(Exit.USAGE, str(exc))


def _run(inputs: list[Path], out: Path, options, quiet: bool, verbose: bool, json_summary: bool):
    """Run the engine; every way it can stop short becomes its exit code."""
    from arnews.engines import local
    from arnews.engines.pool import EngineUnavailable
    from arnews.io.store import OutputLocked, OutputUnusable

    reporter = _Reporter(quiet=quiet, verbose=verbose)
    try:
        with reporter:
            return local.run(inputs, out, options, on_progress=reporter.update)
    except (local.InputMissing, OutputUnusable, EngineUnavailable) as exc:
        _fail(Exit.USAGE, f"{exc}; nothing was done")
    except OutputLocked as exc:
        _fail(Exit.LOCKED, str(exc))
    except local.OutputWriteError as exc:
        _fail(Exit.OUTPUT_FAILED, str(exc))
    except local.RunInterrupted as stop:
        if not quiet:
            _print_summary(stop.summary)
        console.print(f"[yellow]{stop}: {stop.summary.n_articles} articles committed; run the same "
                      "command again to go on from there[/]")
        if json_summary:
            _print_json(stop.summary, 128 + stop.signum)
        raise typer.Exit(128 + stop.signum)


def _exit_code(s, allow_errors: bool) -> Exit:
    if s.n_articles + s.n_unchanged == 0:
        return Exit.NOTHING_READ
    if s.n_failed and not allow_errors:
        return Exit.SOME_FAILED
    return Exit.OK


def _fail(code: Exit, message: str) -> None:
    console.print(f"[red]arnews: {message}[/]")
    raise typer.Exit(int(code))


class _Reporter:
    """The progress bar (bytes of input read, with an ETA) and, with --verbose, each
    failure as it happens."""

    def __init__(self, quiet: bool, verbose: bool):
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self.quiet, self.verbose = quiet, verbose
        self.shown_failures = 0
        self.progress = Progress(
            TextColumn("[bold]extract[/]"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
            TextColumn("{task.fields[status]}"), TimeElapsedColumn(), TextColumn("eta"),
            TimeRemainingColumn(), console=console, disable=quiet, transient=False)
        self.task = self.progress.add_task("extract", total=None, status="")

    def __enter__(self) -> "_Reporter":
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(*exc)

    def update(self, s) -> None:
        if self.verbose:
            for row in s.failures[self.shown_failures:]:
                self.progress.console.print(f"[red]failed:[/] {_describe(row)}")
            self.shown_failures = len(s.failures)
        if not self.quiet:
            self.progress.update(self.task, total=s.bytes_total or None, completed=s.bytes_done,
                                 status=f"{s.n_articles + s.n_unchanged} articles · meetings "
                                        f"{s.n_meetings} · failed {s.n_failed}")


def _describe(row: dict) -> str:
    where = row.get("source_path") or "?"
    if row.get("record") is not None:
        where += f" record {row['record']}"
    return f"{where}: {row.get('error')}: {row.get('message')}"


def _print_failures(s, limit: int | None) -> None:
    if not s.n_failed:
        return
    shown = s.failures if limit is None else s.failures[:limit]
    console.print(f"[red]{s.n_failed} input(s) failed[/] (all in the errors table):")
    for row in shown:
        console.print(f"  {_describe(row)}", markup=False, highlight=False)
    if s.n_failed > len(shown):
        console.print(f"  ... and {s.n_failed - len(shown)} more")


def _print_summary(s) -> None:
    table = Table(title=f"run {s.run_id}", show_header=False)
    for label, value in [
        ("articles read", s.n_articles), ("unchanged (skipped)", s.n_unchanged),
        ("failed", s.n_failed), ("skipped by rule", s.n_skipped),
        ("meetings found", s.n_meetings), ("people found", s.n_people),
        ("seconds", f"{s.seconds:.1f}"),
        ("articles / second", f"{s.n_articles / s.seconds:.1f}" if s.seconds else "-"),
        ("output", str(s.out_dir)),
    ]:
        table.add_row(label, str(value))
    console.print(table)
    for note in s.notes:
        console.print(f"[yellow]note:[/] {note}")


def _print_json(s, code: int) -> None:
    keys = ("run_id", "status", "n_files", "n_read", "n_articles", "n_unchanged", "n_failed",
            "n_skipped", "n_meetings", "n_people", "seconds", "notes")
    data = {k: getattr(s, k) for k in keys} | {"out_dir": str(s.out_dir), "exit_code": int(code),
                                              "failures": s.failures[:100]}
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")


def _print_meetings(out: Path, article_ids: list[str], limit: int) -> None:
    """The first meetings of the articles just read (new or already in the output)."""
    import pandas as pd

    from arnews.io import read_table

    def text(v) -> str:
        return "" if v is None or pd.isna(v) else str(v)

    meets = read_table(out, "meetings")
    meets = meets[meets["article_id"].isin(set(article_ids))].head(limit)
    if meets.empty:
        return
    parts = read_table(out, "meeting_participants")
    for m in meets.itertuples():
        t = Table(title=f"meeting {m.meeting_id}  {m.status} {m.mode}  date {text(m.date) or '?'}  "
                        f"at {text(m.location) or '?'}", title_justify="left")
        for col in ("side", "name", "role", "org", "kind"):
            t.add_column(col)
        for p in parts[parts["meeting_id"] == m.meeting_id].itertuples():
            t.add_row(*(text(v) for v in (p.side, p.name, p.role, p.org, p.kind)))
        console.print(t)
        if text(m.purpose):
            console.print(f"  purpose: {text(m.purpose)}")
