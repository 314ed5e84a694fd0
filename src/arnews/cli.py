"""The `arnews` command: a thin shell over the engine, the tables and the model tools.

Exit codes of `arnews extract` (README, "Exit codes"): a cron job can tell a good night
from a bad one without reading the log.
"""
from __future__ import annotations

import json
import sys
from enum import IntEnum
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

import arnews
from arnews.limits import DEFAULT_LIMITS as LIMITS


class Exit(IntEnum):
    OK = 0                # every input read (entries skipped by a documented rule don't count)
    INTERNAL = 1          # a bug in arnews (with a traceback)
    USAGE = 2             # before any work: bad option, input missing, --out unusable
    SOME_FAILED = 3       # finished, but some inputs failed (rows in `errors`); --allow-errors: 0
    NOTHING_READ = 4      # finished, but no article could be read (all failed, or none found)
    OUTPUT_FAILED = 5     # the output stopped accepting writes; earlier commits are kept
    LOCKED = 75           # another run is writing to --out (EX_TEMPFAIL: try again later)
    INTERRUPTED = 130     # SIGINT (143 for SIGTERM: 128 + the signal); finished work committed


app = typer.Typer(
    help=("arnews reads Arabic news articles and writes Parquet tables of who met whom, "
          "when, where and why: people, roles, organisations, dates and meetings, each "
          "traceable to the characters of the article that state it.\n\n"
          "Start with:  arnews extract data/raw --out data/processed"),
    no_args_is_help=True, add_completion=False, rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)
console = Console(stderr=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"arnews {arnews.__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """arnews: who met whom, when, where and why, from Arabic news."""


@app.command()
def extract(
    inputs: List[Path] = typer.Argument(..., help="Article files (.txt, .json, .jsonl, optionally .gz) or folders (read recursively)."),
    out: Path = typer.Option(Path("data/processed"), "--out", "-o", help="Output folder: one Parquet dataset per table."),
    workers: int = typer.Option(1, "--workers", "-j", min=1, help="Worker processes (each loads its own pipeline)."),
    show: int = typer.Option(5, "--show", help="Print up to this many meetings at the end (0: none)."),
    ner: bool = typer.Option(True, "--ner/--no-ner", help="Offer the statistical NER's person names to the rules (default), or use the rules alone (faster)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar, summary or meetings: only errors."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Name every failed input as it happens."),
    json_summary: bool = typer.Option(False, "--json", help="Print the run's summary as one JSON object on stdout."),
    allow_errors: bool = typer.Option(False, "--allow-errors", help="Exit 0 even when some inputs failed (they are still in the errors table)."),
    wait: bool = typer.Option(False, "--wait", help="If another run is writing to --out, wait for it instead of exiting with 75."),
    follow_links: bool = typer.Option(False, "--follow-links", help="Follow symbolic links that lead out of the input folders."),
    max_chars: int = typer.Option(LIMITS.max_chars, help="Longest article text, in characters; longer ones are recorded in errors."),
    max_tokens: int = typer.Option(LIMITS.max_tokens, help="Most tokens in one article."),
    max_file_bytes: int = typer.Option(LIMITS.max_file_bytes, help="Largest .json or .txt file, in bytes after decompression (.jsonl is streamed: no file limit)."),
    max_line_bytes: int = typer.Option(LIMITS.max_line_bytes, help="Largest .jsonl record, in bytes after decompression."),
    max_seconds: float = typer.Option(LIMITS.max_seconds, help="Longest time one article may take (0: no limit)."),
    commit_every: float = typer.Option(60.0, help="Seconds between commits: an interrupted run keeps what it committed."),
    commit_articles: int = typer.Option(5000, help="Articles between commits (whichever of the two comes first)."),
) -> None:
    """Extract meetings, people, roles and dates from articles into Parquet tables.

    Re-running over the same output folder skips articles it already holds (same id and
    text), so a nightly job can point at a growing archive; to process everything again,
    write to a new folder. Inputs that cannot be read are listed in the `errors` table
    and the run goes on. Exit codes: 0 all read, 3 some inputs failed, 4 nothing could be
    read, 2 bad arguments or --out unusable, 5 output write failed, 75 --out busy,
    130/143 interrupted (finished work is kept).
    """
    from arnews.engines import local
    from arnews.io.store import OutputLocked, OutputUnusable
    from arnews.limits import Limits

    try:
        options = local.RunOptions(
            workers=workers, ner=ner, wait=wait, follow_links=follow_links, commit_every=commit_every,
            commit_articles=commit_articles,
            limits=Limits(max_chars=max_chars, max_tokens=max_tokens, max_file_bytes=max_file_bytes,
                          max_line_bytes=max_line_bytes, max_seconds=max_seconds))
    except ValueError as exc:
        _fail(Exit.USAGE, str(exc))
    reporter = _Reporter(quiet=quiet, verbose=verbose)
    try:
        with reporter:
            summary = local.run(inputs, out, options, on_progress=reporter.update)
    except local.InputMissing as exc:
        _fail(Exit.USAGE, f"{exc}; nothing was done")
    except OutputUnusable as exc:
        _fail(Exit.USAGE, f"{exc}; nothing was done")
    except OutputLocked as exc:
        _fail(Exit.LOCKED, str(exc))
    except local.OutputWriteError as exc:
        _fail(Exit.OUTPUT_FAILED, str(exc))
    except local.RunInterrupted as stop:
        s = stop.summary
        if not quiet:
            _print_summary(s)
        console.print(f"[yellow]{stop}: {s.n_articles} articles committed; run the same command "
                      "again to go on from there[/]")
        if json_summary:
            _print_json(s, 128 + stop.signum)
        raise typer.Exit(128 + stop.signum)
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


@app.command()
def evaluate(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Gold meetings: a JSON array of articles in the format of MEETINGS.md (corpus/meetings/dev.json, or your own)."),
    out: Path = typer.Argument(..., exists=True, file_okay=False, help="An output folder of `arnews extract` over the same articles (matched by doc_id)."),
    show: bool = typer.Option(False, "--show", help="List every missed and spurious meeting and person, with its sentence."),
    json_out: bool = typer.Option(False, "--json", help="Print the scores as one JSON object."),
) -> None:
    """Score extracted meetings against a gold file: articles, persons, who-met-whom pairs,
    dates, roles, organisations, purposes, places, status and mode."""
    from arnews.evaluate import evaluate as run_evaluation

    result = run_evaluation(gold, out, show=show)
    differences = result.pop("differences", [])
    if json_out:
        sys.stdout.write(json.dumps(result | ({"differences": differences} if show else {}),
                                   ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{gold} vs {out}", show_header=True)
    for col in ("metric", "value", "P", "R", "tp / pred / gold"):
        table.add_column(col)
    for name, value in result.items():
        if isinstance(value, dict):
            table.add_row(name, f"{value['f1']:.3f}", f"{value['p']:.3f}", f"{value['r']:.3f}",
                          f"{value['tp']} / {value['pred']} / {value['gold']}")
        else:
            table.add_row(name, "-" if value is None else (f"{value:.3f}" if isinstance(value, float) else str(value)),
                          "", "", "")
    Console().print(table)
    for line in differences:
        typer.echo(line)


@app.command("build-name-stats")
def build_name_stats(
    corpora: Path = typer.Option(Path("../shared/corpora"), help="Folder holding anercorp/ and wojood-sample/."),
    out: Path = typer.Option(Path("models/name_stats/name_stats.tsv"), help="Where to write the statistics."),
) -> None:
    """Rebuild the word statistics the person recogniser uses, from annotated corpora."""
    from arnews.recognise.build_name_stats import build

    n = build(corpora, out)
    console.print(f"wrote {n} words to {out}")


# `arnews train-ner` and `arnews eval-ner` live with the NER code; they are top-level commands.
from arnews.ner.cli import ner_app  # noqa: E402  (light: heavy imports happen inside the commands)

app.registered_commands.extend(ner_app.registered_commands)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
