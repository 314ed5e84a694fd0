"""`arnews evaluate`: score an output folder against a gold file of meetings."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from arnews.cli import app


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
    Console().print(_table(f"{gold} vs {out}", result))
    for line in differences:
        typer.echo(line)


def _table(title: str, result: dict) -> Table:
    table = Table(title=title, show_header=True)
    for col in ("metric", "value", "P", "R", "tp / pred / gold"):
        table.add_column(col)
    for name, value in result.items():
        if isinstance(value, dict):
            table.add_row(name, f"{value['f1']:.3f}", f"{value['p']:.3f}", f"{value['r']:.3f}",
                          f"{value['tp']} / {value['pred']} / {value['gold']}")
        else:
            shown = "-" if value is None else (f"{value:.3f}" if isinstance(value, float) else str(value))
            table.add_row(name, shown, "", "", "")
    return table


@app.command("evaluate-entities")
def evaluate_entities(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Gold person names: corpus/entities/gold.json, or your own in its format."),
    out: Path = typer.Argument(..., exists=True, file_okay=False, help="An output folder of `arnews extract` over the archive the names come from."),
) -> None:
    """Score the person entities: B-cubed precision, recall and F1 over the gold names'
    mentions (and over the names themselves)."""
    from arnews.evaluate.entities import score_entities

    result = score_entities(gold, out)
    table = Table(title=f"{gold} vs {out}", show_header=True)
    for col in ("B-cubed over", "P", "R", "F1"):
        table.add_column(col)
    for over in ("mentions", "names"):
        s = result[over]
        table.add_row(over, f"{s['p']:.3f}", f"{s['r']:.3f}", f"{s['f1']:.3f}")
    Console().print(table)
    typer.echo(f"{result['gold_names']} names of {result['gold_people']} people; "
               f"{len(result['names_not_in_output'])} not among the output's person mentions")
