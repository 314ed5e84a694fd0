"""`arnews train-ner`: build the NER pipeline from the shared corpora, reproducibly.

Steps (each seeded; intermediate files go to a work folder outside the repository):

1. vectors: floret (subword-hashed skip-gram) vectors trained on the SaudiNewsNet article
   texts plus the training splits' tokens, tokenised and normalised as at tagging time;
2. `ner`: PERS, LOC, ORG, MISC trained on the ANERcorp train split, with early stopping on
   a dev split carved from it (every tenth block of 50 sentences);
3. `ner_roles`: OCC and NORP (outermost spans) trained on the Wojood sample's train split,
   early stopping on every tenth of its documents;
4. both components, sharing the one vectors table, saved as one spaCy pipeline, then
   scored on the ANERcorp test split and the Wojood val split.

Nothing from the corpora is stored in the model but what the weights and the hashed
vectors table learned.
"""
from __future__ import annotations

import json
import logging
import random
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

from arnews.ner.conll import Sentence, iter_docs, nested_spans, outermost, read_conll
from arnews.ner.scoring import bio_spans
from arnews.ner.text import DEFAULT_NORMALISER, norm_tokens, saudinewsnet_texts, split_sentences, tokenise

CONFIG = Path(__file__).with_name("configs") / "ner.cfg"
MAIN_LABELS = ["PERS", "LOC", "ORG", "MISC"]
ROLE_LABELS = ["OCC", "NORP"]

log = logging.getLogger("arnews.ner.train")


@dataclass
class TrainSettings:
    corpora: Path
    out: Path
    work_dir: Path
    seed: int = 0
    normaliser: str = DEFAULT_NORMALISER
    # vectors
    vectors: bool = True
    vectors_dim: int = 200
    vectors_bucket: int = 50_000
    vectors_epoch: int = 5
    vectors_minn: int = 3
    vectors_maxn: int = 5
    vectors_threads: int = 2
    # training
    max_epochs: int = 25
    roles_max_epochs: int = 40
    overrides: dict = field(default_factory=dict)
    roles_overrides: dict = field(default_factory=dict)
    skip_roles: bool = False


def _say(msg: str) -> None:
    print(f"[train-ner {time.strftime('%H:%M:%S')}] {msg}", flush=True)


# --------------------------------------------------------------------------- data

def _is_dev_block(i: int) -> bool:
    return (i // 50) % 10 == 9


def anercorp_splits(corpora: Path) -> tuple[list[Sentence], list[Sentence]]:
    """ANERcorp train split cut into (train, dev): every tenth block of 50 sentences is dev."""
    sents = read_conll(corpora / "anercorp" / "train.txt")
    train = [s for i, s in enumerate(sents) if not _is_dev_block(i)]
    dev = [s for i, s in enumerate(sents) if _is_dev_block(i)]
    return train, dev


def wojood_role_spans(sentence: Sentence, labels=ROLE_LABELS) -> list[tuple[int, int, str]]:
    """Outermost spans of the role labels; where they overlap, the longer span wins."""
    spans = outermost(nested_spans(sentence.tags), set(labels))
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    kept: list[tuple[int, int, str]] = []
    for s in spans:
        if all(s[1] <= k[0] or k[1] <= s[0] for k in kept):
            kept.append(s)
    return sorted(kept)


def wojood_splits(corpora: Path) -> tuple[list[Sentence], list[Sentence]]:
    """Wojood sample train split cut into (train, dev) by document: every tenth document is dev."""
    docs = list(iter_docs(read_conll(corpora / "wojood-sample" / "train.txt")))
    train = [s for i, d in enumerate(docs) if i % 10 != 9 for s in d]
    dev = [s for i, d in enumerate(docs) if i % 10 == 9 for s in d]
    return train, dev


def _docbin(nlp, items: list[tuple[list[str], list[tuple[int, int, str]]]], path: Path,
            kind: str) -> None:
    from spacy.tokens import Doc, DocBin, Span

    db = DocBin()
    for tokens, spans in items:
        doc = Doc(nlp.vocab, words=norm_tokens(tokens, kind))
        doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in spans]
        db.add(doc)
    db.to_disk(path)


def write_training_data(corpora: Path, work: Path, kind: str = DEFAULT_NORMALISER
                        ) -> dict[str, Path]:
    import spacy

    nlp = spacy.blank("ar")
    paths = {}
    train, dev = anercorp_splits(corpora)
    for name, sents in [("aner_train", train), ("aner_dev", dev)]:
        paths[name] = work / f"{name}.spacy"
        _docbin(nlp, [(s.tokens, bio_spans(s.bio)) for s in sents], paths[name], kind)
    wtrain, wdev = wojood_splits(corpora)
    for name, sents in [("roles_train", wtrain), ("roles_dev", wdev)]:
        paths[name] = work / f"{name}.spacy"
        _docbin(nlp, [(s.tokens, wojood_role_spans(s)) for s in sents], paths[name], kind)
    return paths


# --------------------------------------------------------------------------- vectors

def write_vectors_text(corpora: Path, path: Path, kind: str = DEFAULT_NORMALISER) -> int:
    """SaudiNewsNet texts and the training splits' tokens, tokenised and normalised, one
    sentence a line. Test and val splits are not read."""
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for text in saudinewsnet_texts(corpora):
            for sent in split_sentences(tokenise(text)):
                fh.write(" ".join(norm_tokens(sent, kind)) + "\n")
                n += len(sent)
        for rel in ("anercorp/train.txt", "wojood-sample/train.txt"):
            for s in read_conll(corpora / rel):
                fh.write(" ".join(norm_tokens(s.tokens, kind)) + "\n")
                n += len(s.tokens)
    return n


def train_vectors(s: TrainSettings, text: Path, out: Path) -> Path:
    """floret vectors (skip-gram, 2 hashes per n-gram) and the spaCy vectors model built
    from them."""
    import floret

    floret_file = out.with_suffix(".floret")
    model = floret.train_unsupervised(
        str(text), model="skipgram", mode="floret", hashCount=2, bucket=s.vectors_bucket,
        minn=s.vectors_minn, maxn=s.vectors_maxn, dim=s.vectors_dim, epoch=s.vectors_epoch,
        minCount=3, thread=s.vectors_threads, verbose=0)
    model.save_floret_vectors(str(floret_file))
    if out.exists():
        shutil.rmtree(out)
    _run([sys.executable, "-m", "spacy", "init", "vectors", "ar", str(floret_file), str(out),
          "--mode", "floret"])
    return out


def _run(cmd: list[str]) -> None:
    _say(" ".join(cmd))
    subprocess.run(cmd, check=True)


# --------------------------------------------------------------------------- training

def train_component(config: Path, out: Path, train: Path, dev: Path, vectors: Path | None,
                    seed: int, max_epochs: int, overrides: dict) -> Path:
    """spaCy training with the arnews embedding registered; returns the best model's path."""
    from spacy.cli.train import train as spacy_train

    import arnews.ner.model  # noqa: F401

    ov = {
        "paths.train": str(train), "paths.dev": str(dev),
        "paths.vectors": str(vectors) if vectors else None,
        "system.seed": seed, "training.max_epochs": max_epochs,
    }
    if not vectors:
        ov["components.tok2vec.model.embed.include_static_vectors"] = False
    ov.update(overrides)
    if out.exists():
        shutil.rmtree(out)
    spacy_train(config, out, overrides=ov, use_gpu=-1)
    return out / "model-best"


def _standalone(nlp):
    """Copy the shared tok2vec into the NER component and drop it, so that components of
    two pipelines can live in one."""
    if "tok2vec" in nlp.pipe_names:
        nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
        nlp.remove_pipe("tok2vec")
    return nlp


def assemble(main: Path, roles: Path | None, out: Path, kind: str = DEFAULT_NORMALISER
             ) -> None:
    """One pipeline: `ner` from the main model, `ner_roles` sourced from the roles model."""
    import spacy

    import arnews.ner.model  # noqa: F401

    nlp = _standalone(spacy.load(main))
    if roles is not None:
        roles_nlp = _standalone(spacy.load(roles))
        nlp.add_pipe("ner", name="ner_roles", source=roles_nlp)
    nlp.meta.update({
        "name": "arnews_ner", "version": "1.0.0",
        "description": "arnews NER: PERS/LOC/ORG/MISC (ANERcorp) and OCC/NORP (Wojood sample)",
        "license": "CC BY-SA 4.0 (weights derived from ANERcorp); see MODEL_CARD.md",
    })
    nlp.meta.pop("performance", None)
    nlp.meta["arnews"] = {"normalise": kind}
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)


def run(s: TrainSettings, on_step: Callable[[str], None] = _say) -> dict:
    random.seed(s.seed)
    s.work_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    on_step(f"writing training data to {s.work_dir}")
    data = write_training_data(s.corpora, s.work_dir, s.normaliser)
    vectors = None
    if s.vectors:
        vec_dir = s.work_dir / (f"vectors_{s.normaliser}_d{s.vectors_dim}_b{s.vectors_bucket}"
                                f"_e{s.vectors_epoch}_n{s.vectors_minn}{s.vectors_maxn}")
        if (vec_dir / "vocab").exists():
            on_step(f"reusing vectors {vec_dir}")
        else:
            text = s.work_dir / "vectors_text.txt"
            n = write_vectors_text(s.corpora, text, s.normaliser)
            on_step(f"training floret vectors on {n:,} tokens")
            train_vectors(s, text, vec_dir)
        vectors = vec_dir
    on_step("training ner (ANERcorp)")
    main = train_component(CONFIG, s.work_dir / "main", data["aner_train"], data["aner_dev"],
                           vectors, s.seed, s.max_epochs, s.overrides)
    roles = None
    if not s.skip_roles:
        on_step("training ner_roles (Wojood OCC/NORP)")
        ov = {"training.patience": 1200, "training.eval_frequency": 50}
        ov.update(s.roles_overrides)
        roles = train_component(CONFIG, s.work_dir / "roles", data["roles_train"],
                                data["roles_dev"], vectors, s.seed, s.roles_max_epochs, ov)
    on_step(f"saving pipeline to {s.out}")
    assemble(main, roles, s.out, s.normaliser)
    info = {"settings": {k: str(v) if isinstance(v, Path) else v for k, v in asdict(s).items()},
            "minutes": round((time.time() - t0) / 60, 1)}
    (s.work_dir / "train_info.json").write_text(json.dumps(info, indent=2))
    return info
