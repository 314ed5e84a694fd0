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


@app.command("calibrate-meetings")
def calibrate_meetings(
    gold: Path = typer.Option(Path("corpus/meetings/train.json"), help="Gold meetings to fit on (the corpus's train split)."),
    corpora: Path = typer.Option(Path("../shared/corpora"), help="Folder holding saudinewsnet/ (the gold's article texts)."),
    out: Path = typer.Option(Path("models/meeting_confidence/weights.json"), help="Where to write the weights."),
    check: list[Path] = typer.Option([Path("corpus/meetings/dev.json")], help="Gold files to report calibration on."),
) -> None:
    """Fit the meetings' confidence so that it reads as a probability of being right."""
    import json

    from arnews.events.calibrate import run

    report = run(gold, corpora, out, check)
    Console(stderr=True).print(f"wrote {out}")
    typer.echo(json.dumps(report, indent=1))


# `arnews train-ner` and `arnews eval-ner` live with the NER code; they are top-level commands.
from arnews.ner.training.cli import ner_app  # noqa: E402  (light: heavy imports happen inside the commands)

app.registered_commands.extend(ner_app.registered_commands)
