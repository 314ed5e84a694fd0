"""The `arnews` command: a thin shell over the engine, the tables and the model tools."""
from __future__ import annotations

from pathlib import Path
from typing import List

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(
    help=("arnews reads Arabic news articles and writes Parquet tables of who met whom, "
          "when, where and why: people, roles, organisations, dates and meetings, each "
          "traceable to the characters of the article that state it.\n\n"
          "Start with:  arnews extract data/raw --out data/processed"),
    no_args_is_help=True, add_completion=False, rich_markup_mode="rich",
)
console = Console(stderr=True)


@app.command()
def extract(
    inputs: List[Path] = typer.Argument(..., help="Article files (.txt, .json, .jsonl, optionally .gz) or folders (read recursively)."),
    out: Path = typer.Option(Path("data/processed"), "--out", "-o", help="Output folder: one Parquet dataset per table."),
    workers: int = typer.Option(1, "--workers", "-j", min=1, help="Worker processes (each loads its own pipeline)."),
    show: int = typer.Option(5, "--show", help="Print up to this many meetings at the end (0: none)."),
    ner: bool = typer.Option(True, "--ner/--no-ner", help="Offer the statistical NER's person names to the rules (default), or use the rules alone (faster)."),
) -> None:
    """Extract meetings, people, roles and dates from articles into Parquet tables.

    Re-running over the same output folder skips articles it already holds (same id and
    text), so a nightly job can point at a growing archive; to process everything again,
    write to a new folder. Inputs that cannot be read are listed in the `errors` table
    and the run goes on.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from arnews.engines import local

    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        console.print(f"[yellow]not found (recorded in errors): {', '.join(missing)}[/]")
    with Progress(TextColumn("[bold]extract[/]"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[status]}"), TimeElapsedColumn(),
                  console=console, transient=False) as progress:
        task = progress.add_task("extract", total=None, status="")

        def tick(s: local.RunSummary) -> None:
            progress.update(task, completed=s.n_read,
                            status=f"meetings {s.n_meetings} · failed {s.n_failed}")

        summary = local.run(inputs, out, workers=workers, on_item=tick, ner=ner)
    _print_summary(summary)
    if show:
        _print_meetings(out, summary.article_ids, show)


def _print_summary(s) -> None:
    table = Table(title=f"run {s.run_id}", show_header=False)
    for label, value in [
        ("articles read", s.n_articles), ("unchanged (skipped)", s.n_unchanged),
        ("failed", s.n_failed), ("meetings found", s.n_meetings), ("people found", s.n_people),
        ("seconds", f"{s.seconds:.1f}"),
        ("articles / second", f"{s.n_articles / s.seconds:.1f}" if s.seconds else "-"),
        ("output", str(s.out_dir)),
    ]:
        table.add_row(label, str(value))
    console.print(table)


def _print_meetings(out: Path, article_ids: list[str], limit: int) -> None:
    """The first meetings of the articles just read (new or already in the output)."""
    import pandas as pd

    from arnews.io import read_table

    meets = read_table(out, "meetings")
    meets = meets[meets["article_id"].isin(set(article_ids))].head(limit)
    if meets.empty:
        return
    parts = read_table(out, "meeting_participants")
    for m in meets.itertuples():
        t = Table(title=f"meeting {m.meeting_id}  {m.status} {m.mode}  date {m.date or '?'}  "
                        f"at {m.location or '?'}", title_justify="left")
        for col in ("side", "name", "role", "org", "kind"):
            t.add_column(col)
        for p in parts[parts["meeting_id"] == m.meeting_id].itertuples():
            t.add_row(*("" if pd.isna(v) else str(v) for v in (p.side, p.name, p.role, p.org, p.kind)))
        console.print(t)
        if m.purpose:
            console.print(f"  purpose: {m.purpose}")


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
