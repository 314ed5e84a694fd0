"""`arnews show` (a person, a meeting or an article, in the terminal) and `arnews report`
(one self-contained HTML file with the who-met-whom network)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from arnews.cli import app

OUT = typer.Argument(..., help="An output folder of `arnews extract`.")
BIDI = typer.Option(os.environ.get("ARNEWS_TERMINAL_BIDI", "") == "",
                    "--bidi/--no-bidi", help="Shape and reorder Arabic for a terminal that prints it left to right "
                    "(most do); --no-bidi (or ARNEWS_TERMINAL_BIDI=1) for one that lays out right-to-left text itself.")


def _open(out: Path, console: Console):
    """The output folder's Archive; exit 2 with the reason when it is none."""
    from arnews.view.archive import Archive

    try:
        return Archive(out)
    except FileNotFoundError as exc:
        console.print(str(exc), style="red")
        raise typer.Exit(2)


@app.command()
def show(out: Path = OUT,
         person: Optional[str] = typer.Option(None, "--person", "-p", help="A person's name (any spelling, part of it) or entity id: their meetings over time."),
         meeting: Optional[str] = typer.Option(None, "--meeting", "-m", help="A meeting id: its evidence sentence and parties."),
         article: Optional[str] = typer.Option(None, "--article", "-a", help="An article's doc_id (or article_id): its meetings and entities."),
         limit: int = typer.Option(40, "--limit", "-n", min=0, help="With --person: the latest meetings shown (0: all)."),
         bidi: bool = BIDI) -> None:
    """Show what arnews found: a person's meetings, one meeting, or one article."""
    from arnews.view import show as views

    console = Console()
    if sum(x is not None for x in (person, meeting, article)) != 1:
        console.print("Give one of --person NAME, --meeting ID, --article DOC_ID.", style="red")
        raise typer.Exit(2)
    archive = _open(out, console)
    if person is not None:
        found = views.print_person(console, archive, person, bidi, limit)
    elif meeting is not None:
        found = views.print_meeting(console, archive, meeting, bidi)
    else:
        found = views.print_article(console, archive, article, bidi)
    raise typer.Exit(0 if found else 1)


@app.command()
def report(out: Path = OUT,
           html: Path = typer.Option(Path("report.html"), "--html", help="The HTML file to write."),
           top: int = typer.Option(150, help="People drawn in the network at once (the most meeting ones in the filter)."),
           ) -> None:
    """Write one self-contained HTML file: the who-met-whom network, meetings per week,
    the top pairs and a searchable table of meetings with their evidence."""
    from arnews.view.report import write_report

    console = Console(stderr=True)
    stats = write_report(_open(out, console), html, top=top)
    console.print(f"{html}: {stats['meetings']} meetings, {stats['people']} people, "
                  f"{html.stat().st_size / 1e6:.1f} MB")
