"""Commands that build the models arnews ships: name statistics and the NER."""
from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from arnews.cli import app


@app.command("build-name-stats")
def build_name_stats(
    corpora: Path = typer.Option(Path("../shared/corpora"), help="Folder holding anercorp/ and wojood-sample/."),
    out: Path = typer.Option(Path("models/name_stats/name_stats.tsv"), help="Where to write the statistics."),
) -> None:
    """Rebuild the word statistics the person recogniser uses, from annotated corpora."""
    from arnews.recognise.build_name_stats import build

    n = build(corpora, out)
    Console(stderr=True).print(f"wrote {n} words to {out}")


# `arnews train-ner` and `arnews eval-ner` live with the NER code; they are top-level commands.
from arnews.ner.training.cli import ner_app  # noqa: E402  (light: heavy imports happen inside the commands)

app.registered_commands.extend(ner_app.registered_commands)
