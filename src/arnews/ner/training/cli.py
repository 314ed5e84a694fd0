"""`arnews train-ner` and `arnews eval-ner` (mounted into the main CLI as `ner_app`)."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Optional

import typer

from arnews.ner.tagger import MODELS_DIR

ner_app = typer.Typer(add_completion=False, no_args_is_help=True,
                      help="Train and evaluate the statistical NER.")

REPO_ROOT = MODELS_DIR.parent


def _default_corpora() -> Path:
    return REPO_ROOT.parent / "shared" / "corpora"


@ner_app.command("train-ner")
def train_ner(
    corpora: Path = typer.Option(None, "--corpora", help="The shared corpora folder (default: ../shared/corpora from the repository root)."),
    out: Path = typer.Option(None, "--out", help="Where to save the model folder (default: models/ner/model)."),
    work_dir: Path = typer.Option(None, "--work-dir", help="Folder for intermediate files: text, vectors, gazetteer, pretrained weights (default: a folder in the system temp dir)."),
    seed: int = typer.Option(0, "--seed", help="Random seed of vectors, pretraining and training."),
    epochs: int = typer.Option(20, "--epochs", help="Epochs on ANERcorp (the best on its dev split is kept)."),
    roles_epochs: int = typer.Option(30, "--roles-epochs", help="Epochs of the OCC/NORP network."),
    pretrain_tokens: int = typer.Option(5_000_000, "--pretrain-tokens", help="Tokens of SaudiNewsNet text for language-model pretraining (0: none)."),
    threads: int = typer.Option(2, "--threads", help="CPU threads for torch and floret."),
    resume: bool = typer.Option(False, "--resume", help="Reuse the text, vectors, gazetteer and pretrained weights already in the work folder (same settings)."),
    evaluate_after: bool = typer.Option(True, "--eval/--no-eval", help="Score the saved model on ANERcorp test and Wojood val."),
) -> None:
    """Train the NER model (floret vectors and a silver gazetteer from SaudiNewsNet, a
    BiLSTM pretrained as a language model, then fine-tuned with a CRF on ANERcorp
    PERS/LOC/ORG/MISC and Wojood OCC/NORP) and save it. About 45 minutes on 2 cores."""
    from arnews.ner.tagger import DEFAULT_MODEL
    from arnews.ner.training.settings import TrainSettings
    from arnews.ner.training.train import run

    corpora = corpora or _default_corpora()
    if not (corpora / "anercorp" / "train.txt").exists():
        raise typer.BadParameter(f"no anercorp/train.txt under {corpora}", param_hint="--corpora")
    settings = TrainSettings(
        corpora=corpora, out=out or DEFAULT_MODEL,
        work_dir=work_dir or Path(tempfile.gettempdir()) / "arnews-ner",
        seed=seed, epochs=epochs, roles_epochs=roles_epochs, pretrain_tokens=pretrain_tokens,
        threads=threads, resume=resume)
    info = run(settings)
    typer.echo(f"saved {settings.out} in {info['minutes']} min")
    if evaluate_after:
        for name, rel, labels in [("ANERcorp test", "anercorp/test.txt", None),
                                  ("Wojood val (outermost spans)", "wojood-sample/val.txt",
                                   "OCC,NORP")]:
            if (corpora / rel).exists():
                typer.echo(f"\n{name}:")
                eval_ner(corpora / rel, backend="arnews", model=settings.out, labels=labels,
                         json_out=None)


@ner_app.command("eval-ner")
def eval_ner(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="CoNLL file: token and tag per line, blank line between sentences (several tags on a line: nested, scored on outermost spans)."),
    backend: str = typer.Option("arnews", "--backend", help="arnews (the shipped model) or camel (CAMeL Lab's BERT NER)."),
    model: Optional[Path] = typer.Option(None, "--model", help="Model folder (default: models/ner/model for arnews, camel-tools' installed model for camel)."),
    labels: Optional[str] = typer.Option(None, "--labels", help="Comma-separated labels to score (default: those both the file and the model have)."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write the scores as JSON here."),
) -> None:
    """Per-label and micro precision, recall and F1 (strict span and type match, as conlleval)."""
    from arnews.ner import ModelMissing
    from arnews.ner.training.evaluate import evaluate

    chosen = [x.strip() for x in labels.split(",") if x.strip()] if labels else None
    try:
        result = evaluate(file, backend=backend, model=model, labels=chosen)
    except ModelMissing as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    typer.echo(f"{file}: {result.n_sentences} sentences, {result.n_tokens} tokens"
               f"{' (nested: outermost spans)' if result.nested else ''}; back end {backend}")
    typer.echo(result.scores.table())
    typer.echo(f"tagging speed: {result.words_per_second:,.0f} words/s")
    if json_out:
        json_out.write_text(json.dumps({"file": str(file), "backend": backend,
                                        "scores": result.scores.as_dict(),
                                        "words_per_second": result.words_per_second},
                                       indent=2))
