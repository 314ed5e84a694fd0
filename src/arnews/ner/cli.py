"""`arnews train-ner` and `arnews eval-ner` (mounted into the main CLI as `ner_app`)."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Optional

import typer

ner_app = typer.Typer(add_completion=False, no_args_is_help=True,
                      help="Train and evaluate the statistical NER.")

REPO_ROOT = Path(__file__).resolve().parents[3]


def _default_corpora() -> Path:
    return REPO_ROOT.parent / "shared" / "corpora"


@ner_app.command("train-ner")
def train_ner(
    corpora: Path = typer.Option(None, "--corpora", help="The shared corpora folder (default: ../shared/corpora from the repository root)."),
    out: Path = typer.Option(None, "--out", help="Where to save the pipeline (default: models/ner/pipeline)."),
    work_dir: Path = typer.Option(None, "--work-dir", help="Folder for intermediate files: training data, vectors, checkpoints (default: a folder in the system temp dir)."),
    seed: int = typer.Option(0, "--seed", help="Random seed of vectors and training."),
    max_epochs: int = typer.Option(12, "--max-epochs", help="Epochs of the ANERcorp model (early stopping on the dev split may end sooner)."),
    roles_max_epochs: int = typer.Option(30, "--roles-max-epochs", help="Epochs of the OCC/NORP model."),
    no_vectors: bool = typer.Option(False, "--no-vectors", help="Train without floret vectors (faster, weaker)."),
    pretrain_words: int = typer.Option(0, "--pretrain-words", help="Pretrain the token encoder on this many words of SaudiNewsNet text first (0: no pretraining)."),
    skip_roles: bool = typer.Option(False, "--skip-roles", help="Train the ANERcorp model only."),
    resume: bool = typer.Option(False, "--resume", help="Reuse component models already trained in the work folder (an interrupted run with the same settings)."),
    evaluate_after: bool = typer.Option(True, "--eval/--no-eval", help="Score the saved pipeline on ANERcorp test and Wojood val."),
) -> None:
    """Train the NER pipeline (floret vectors on SaudiNewsNet, ANERcorp PERS/LOC/ORG/MISC,
    Wojood OCC/NORP) and save it. Takes about 20-40 minutes on 2 cores."""
    from arnews.ner.tagger import DEFAULT_MODEL
    from arnews.ner.train import TrainSettings, run

    corpora = corpora or _default_corpora()
    if not (corpora / "anercorp" / "train.txt").exists():
        raise typer.BadParameter(f"no anercorp/train.txt under {corpora}", param_hint="--corpora")
    settings = TrainSettings(
        corpora=corpora, out=out or DEFAULT_MODEL,
        work_dir=work_dir or Path(tempfile.gettempdir()) / "arnews-ner",
        seed=seed, vectors=not no_vectors, max_epochs=max_epochs,
        roles_max_epochs=roles_max_epochs, skip_roles=skip_roles,
        pretrain_words=pretrain_words, resume=resume)
    info = run(settings)
    typer.echo(f"saved {settings.out} in {info['minutes']} min")
    if evaluate_after:
        for name, rel, labels in [("ANERcorp test", "anercorp/test.txt", None),
                                  ("Wojood val (outermost spans)", "wojood-sample/val.txt",
                                   "OCC,NORP")]:
            if (corpora / rel).exists():
                typer.echo(f"\n{name}:")
                eval_ner(corpora / rel, backend="spacy", model=settings.out, labels=labels,
                         json_out=None)


@ner_app.command("eval-ner")
def eval_ner(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="CoNLL file: token and tag per line, blank line between sentences (several tags on a line: nested, scored on outermost spans)."),
    backend: str = typer.Option("spacy", "--backend", help="spacy (the shipped model) or camel (CAMeL Lab's BERT NER)."),
    model: Optional[Path] = typer.Option(None, "--model", help="Model folder (default: models/ner/pipeline for spacy, camel-tools' installed model for camel)."),
    labels: Optional[str] = typer.Option(None, "--labels", help="Comma-separated labels to score (default: those both the file and the model have)."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write the scores as JSON here."),
) -> None:
    """Per-label and micro precision, recall and F1 (strict span and type match, as conlleval)."""
    from arnews.ner import ModelMissing
    from arnews.ner.evaluate import evaluate

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
