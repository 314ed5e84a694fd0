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
    # tok2vec pretraining (masked-word character prediction) on the vectors text; 0: none
    pretrain_words: int = 0
    # training
    max_epochs: int = 12
    roles_max_epochs: int = 30
    overrides: dict = field(default_factory=dict)
    # The Wojood train split is small (17k tokens): smaller hash tables keep the model small.
    roles_overrides: dict = field(default_factory=lambda: {
        "components.tok2vec.model.embed.rows": [5000, 3000, 1000, 2000, 1000, 2000, 500, 500,
                                                1000]})
    skip_roles: bool = False
    # Shipped vectors: the floret table projected on its top singular directions (and each
    # component's vector projection folded accordingly), to keep the model small. 0: keep.
    vectors_keep_dims: int = 96
    # Reuse component models already trained in work_dir (same settings) instead of retraining.
    resume: bool = False


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
    """SaudiNewsNet texts and the training splits' tokens, tokenised, normalised and
    lower-cased (the vectors are looked up by LOWER), one sentence a line. Test and val
    splits are not read."""
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for text in saudinewsnet_texts(corpora):
            for sent in split_sentences(tokenise(text)):
                fh.write(" ".join(norm_tokens(sent, kind)).lower() + "\n")
                n += len(sent)
        for rel in ("anercorp/train.txt", "wojood-sample/train.txt"):
            for s in read_conll(corpora / rel):
                fh.write(" ".join(norm_tokens(s.tokens, kind)).lower() + "\n")
                n += len(s.tokens)
    return n


def train_vectors(s: TrainSettings, text: Path, out: Path) -> Path:
    """floret vectors (skip-gram, 2 hashes per n-gram) and the spaCy vectors model built
    from them."""
    try:
        import floret
    except ImportError as exc:   # an optional dependency: only training needs it
        raise SystemExit("arnews train-ner needs floret: pip install 'arnews[train]' "
                         "(or --no-vectors to train without vectors)") from exc

    floret_file = out.with_suffix(".floret")
    model = floret.train_unsupervised(
        str(text), model="skipgram", mode="floret", hashCount=2, bucket=s.vectors_bucket,
        minn=s.vectors_minn, maxn=s.vectors_maxn, dim=s.vectors_dim, epoch=s.vectors_epoch,
        minCount=3, thread=s.vectors_threads, verbose=0)
    model.save_floret_vectors(str(floret_file))
    if out.exists():
        shutil.rmtree(out)
    _run([sys.executable, "-m", "spacy", "init", "vectors", "ar", str(floret_file), str(out),
          "--mode", "floret", "--attr", "LOWER"])
    return out


def _run(cmd: list[str]) -> None:
    _say(" ".join(cmd))
    subprocess.run(cmd, check=True)


# --------------------------------------------------------------------------- training

def pretrain_tok2vec(s: TrainSettings, text: Path, vectors: Path | None, out: Path) -> Path:
    """spaCy pretraining of the tok2vec (predict the first and last 4 characters of masked
    words) on the first `pretrain_words` words of the vectors text."""
    from spacy.training.pretrain import pretrain
    from spacy.util import load_config

    import arnews.ner.model  # noqa: F401

    raw = out / "raw.jsonl"
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(text, encoding="utf-8") as src, open(raw, "w", encoding="utf-8") as dst:
        for line in src:
            words = line.split()
            if len(words) < 5:
                continue
            dst.write(json.dumps({"text": " ".join(words)}, ensure_ascii=False) + "\n")
            n += len(words)
            if n >= s.pretrain_words:
                break
    ov = {"paths.raw_text": str(raw), "paths.vectors": str(vectors) if vectors else None,
          "paths.train": "", "paths.dev": "", "system.seed": s.seed, "training.seed": s.seed,
          "pretraining.max_epochs": 1}
    if not vectors:
        ov["components.tok2vec.model.embed.include_static_vectors"] = False
    ov.update(s.overrides)
    config = load_config(CONFIG, overrides=ov, interpolate=True)
    pretrain(config, out, use_gpu=-1, silent=False)
    return out / "model-last.bin"


def train_component(config: Path, out: Path, train: Path, dev: Path, vectors: Path | None,
                    seed: int, max_epochs: int, overrides: dict,
                    init_tok2vec: Path | None = None) -> Path:
    """spaCy training with the arnews embedding registered; returns the best model's path."""
    from spacy.cli.train import train as spacy_train

    import arnews.ner.model  # noqa: F401

    ov = {
        "paths.train": str(train), "paths.dev": str(dev),
        "paths.vectors": str(vectors) if vectors else None,
        "system.seed": seed, "training.max_epochs": max_epochs,
        "paths.init_tok2vec": str(init_tok2vec) if init_tok2vec else None,
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


def compress_vectors(nlp, keep: int) -> dict:
    """Replace the floret table V (rows x d) by V P^T (rows x keep), P the top `keep` right
    singular vectors of V, and every StaticVectors projection W (nO x d) by W P^T: the
    model then computes W P^T P v, the projection of each vector on the kept subspace."""
    import numpy
    from spacy.vectors import Vectors

    old = nlp.vocab.vectors
    data = numpy.asarray(old.data, dtype="float32")
    if not keep or keep >= data.shape[1]:
        return {"dims": int(data.shape[1]), "energy_kept": 1.0}
    _, sing, vt = numpy.linalg.svd(data.astype("float64"), full_matrices=False)
    proj = vt[:keep]                                  # keep x d
    energy = float((sing[:keep] ** 2).sum() / (sing ** 2).sum())
    new_data = (data.astype("float64") @ proj.T).astype("float32")
    for name in nlp.pipe_names:
        model = getattr(nlp.get_pipe(name), "model", None)
        if model is None:
            continue
        for node in model.walk():
            if node.name == "static_vectors" and node.has_param("W"):
                w = numpy.asarray(node.get_param("W"), dtype="float64")
                node._dims["nM"] = keep  # thinc refuses to change a set dimension
                node.set_param("W", (w @ proj.T).astype("float32"))
    settings = {"mode": old.mode, "minn": old.minn, "maxn": old.maxn,
                "hash_count": old.hash_count, "hash_seed": old.hash_seed, "bow": old.bow,
                "eow": old.eow, "attr": old.attr}
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=new_data, **settings)
    return {"dims": keep, "energy_kept": round(energy, 4)}


def assemble(main: Path, roles: Path | None, out: Path, kind: str = DEFAULT_NORMALISER,
             keep_dims: int = 0) -> dict:
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
    vec_info = compress_vectors(nlp, keep_dims) if nlp.vocab.vectors.shape[0] else {}
    nlp.meta["arnews"] = {"normalise": kind, "vectors": vec_info}
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    return vec_info


def run(s: TrainSettings, on_step: Callable[[str], None] = _say) -> dict:
    random.seed(s.seed)
    s.work_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    on_step(f"writing training data to {s.work_dir}")
    data = write_training_data(s.corpora, s.work_dir, s.normaliser)
    vectors = None
    text = s.work_dir / f"vectors_text_{s.normaliser}.txt"
    if (s.vectors or s.pretrain_words) and not text.exists():
        n = write_vectors_text(s.corpora, text, s.normaliser)
        on_step(f"wrote {n:,} tokens of text for vectors and pretraining")
    if s.vectors:
        vec_dir = s.work_dir / (f"vectors_{s.normaliser}_d{s.vectors_dim}_b{s.vectors_bucket}"
                                f"_e{s.vectors_epoch}_n{s.vectors_minn}{s.vectors_maxn}")
        if (vec_dir / "vocab").exists():
            on_step(f"reusing vectors {vec_dir}")
        else:
            on_step("training floret vectors")
            train_vectors(s, text, vec_dir)
        vectors = vec_dir
    init_tok2vec = None
    if s.pretrain_words:
        on_step(f"pretraining the token encoder on {s.pretrain_words:,} words")
        init_tok2vec = pretrain_tok2vec(s, text, vectors, s.work_dir / "pretrain")
    on_step("training ner (ANERcorp)")
    main = s.work_dir / "main" / "model-best"
    if not (s.resume and (main / "config.cfg").exists()):
        main = train_component(CONFIG, s.work_dir / "main", data["aner_train"],
                               data["aner_dev"], vectors, s.seed, s.max_epochs, s.overrides,
                               init_tok2vec)
    roles = None
    if not s.skip_roles:
        on_step("training ner_roles (Wojood OCC/NORP)")
        ov = {"training.patience": 1200, "training.eval_frequency": 50}
        ov.update(s.roles_overrides)
        roles = s.work_dir / "roles" / "model-best"
        if not (s.resume and (roles / "config.cfg").exists()):
            roles = train_component(CONFIG, s.work_dir / "roles", data["roles_train"],
                                    data["roles_dev"], vectors, s.seed, s.roles_max_epochs, ov,
                                    init_tok2vec)
    on_step(f"saving pipeline to {s.out}")
    vec_info = assemble(main, roles, s.out, s.normaliser, s.vectors_keep_dims)
    info = {"settings": {k: str(v) if isinstance(v, Path) else v for k, v in asdict(s).items()},
            "minutes": round((time.time() - t0) / 60, 1), "vectors": vec_info}
    (s.work_dir / "train_info.json").write_text(json.dumps(info, indent=2))
    return info
