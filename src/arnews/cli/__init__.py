"""The `arnews` command: a thin shell over the engine, the tables and the model tools.

Each command lives in its own module of this package; this one makes the app and
mounts them. Exit codes of `arnews extract` are in `extract.Exit` (README, "Exit codes").
"""
from __future__ import annotations

import typer

import arnews

app = typer.Typer(
    help=("arnews reads Arabic news articles and writes Parquet tables of who met whom, "
          "when, where and why: people, roles, organisations, dates and meetings, each "
          "traceable to the characters of the article that state it.\n\n"
          "Start with:  arnews extract data/raw --out data/processed"),
    no_args_is_help=True, add_completion=False, rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


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


# The commands register themselves on `app` when imported.
from arnews.cli import evaluate, extract, models, show  # noqa: E402,F401


def main() -> None:  # pragma: no cover
    app()
