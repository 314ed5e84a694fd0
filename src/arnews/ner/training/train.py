"""`arnews train-ner`: build the NER model from the shared corpora, reproducibly.

Steps (each seeded; intermediate files go to a work folder outside the repository, and a
step whose output is already there with the same settings is reused with `resume`):

1. text: SaudiNewsNet articles plus the training splits' tokens, tokenised, normalised,
   lower-cased, a sentence a line;
2. vectors: floret (subword-hashed skip-gram) vectors trained on that text;
3. gazetteer: the rule-based recogniser run over SaudiNewsNet, counting how often each
   word is inside a person's, organisation's or place's name;
4. pretraining: the tagger's BiLSTM trained as a forward/backward language model on the
   text;
5. `main`: PERS, LOC, ORG, MISC, fine-tuned from the pretrained network on the ANERcorp
   train split, the best epoch on a dev split carved from it (every tenth block of 50
   sentences);
6. `roles`: OCC and NORP (outermost spans) likewise on the Wojood sample's train split
   (every tenth document as dev);
7. both saved as one model folder, then scored on ANERcorp test and Wojood val.

Nothing from the corpora is stored in the model but the learned weights, the hashed
vectors table and the gazetteer's word counts.
"""
from __future__ import annotations

import json
import shutil
import time
from dataclasses import asdict
from pathlib import Path
from typing import Callable

from arnews.ner.training.data import (MAIN_LABELS, ROLE_LABELS, anercorp_splits, role_sentences,
                                      wojood_splits, write_vectors_text)
from arnews.ner.training.fit import fine_tune, pretrain
from arnews.ner.training.settings import TrainSettings, say
from arnews.ner.training.vectors import build_vocabularies, train_vectors


def run(s: TrainSettings, on_step: Callable[[str], None] = say) -> dict:
    """Every step, in order; returns the training info saved with the model."""
    from arnews.ner.features import Featuriser

    t0 = time.time()
    s.work_dir.mkdir(parents=True, exist_ok=True)
    text = _text(s, on_step)
    vectors = _vectors(s, text, on_step)
    gazetteer = _gazetteer(s, on_step)
    train, dev = anercorp_splits(s.corpora)
    roles_train, roles_dev = wojood_splits(s.corpora)
    vocab = build_vocabularies(text, train + roles_train, s.lm_words)
    featuriser = Featuriser(vocab, vectors, gazetteer)
    init = _pretrained(s, text, featuriser, on_step)
    on_step("training main (ANERcorp PERS/LOC/ORG/MISC)")
    main = fine_tune(s, featuriser, init, train, dev, MAIN_LABELS, s.epochs, "main", on_step)
    on_step("training roles (Wojood OCC/NORP)")
    roles = fine_tune(s, featuriser, init, role_sentences(roles_train), role_sentences(roles_dev),
                      ROLE_LABELS, s.roles_epochs, "roles", on_step)
    on_step(f"saving the model to {s.out}")
    info = {"settings": {k: str(v) if isinstance(v, Path) else v for k, v in asdict(s).items()},
            "minutes": round((time.time() - t0) / 60, 1)}
    save_model(s.out, featuriser, {"main": main, "roles": roles}, info)
    (s.work_dir / "train_info.json").write_text(json.dumps(info, indent=2))
    return info


def _text(s: TrainSettings, on_step: Callable[[str], None]) -> Path:
    """Step 1: the text for vectors and pretraining."""
    text = s.work_dir / "text.txt"
    if s.resume and text.exists():
        on_step(f"reusing {text}")
    else:
        on_step("writing the text for vectors and pretraining")
        n = write_vectors_text(s.corpora, text)
        on_step(f"  {n:,} tokens")
    return text


def _vectors(s: TrainSettings, text: Path, on_step: Callable[[str], None]):
    """Step 2: the floret vectors, in a folder named by their settings."""
    from arnews.ner.features import FloretVectors

    folder = s.work_dir / (f"vectors_d{s.vectors_dim}_b{s.vectors_bucket}_e{s.vectors_epoch}"
                           f"_n{s.vectors_minn}{s.vectors_maxn}_s{s.seed}")
    if s.resume and (folder / "vectors.npy").exists():
        on_step(f"reusing {folder}")
        return FloretVectors.load(folder)
    on_step("training floret vectors")
    return train_vectors(s, text, folder)


def _gazetteer(s: TrainSettings, on_step: Callable[[str], None]):
    """Step 3: the silver gazetteer."""
    from arnews.ner.features import Gazetteer
    from arnews.ner.training.gazetteer import build_from_corpora

    path = s.work_dir / "gazetteer.tsv"
    if s.resume and path.exists():
        on_step(f"reusing {path}")
        return Gazetteer.from_tsv(path)
    on_step("building the gazetteer (rules over SaudiNewsNet)")
    gazetteer = build_from_corpora(s.corpora, workers=s.gazetteer_workers)
    gazetteer.to_tsv(path)
    on_step(f"  {len(gazetteer.counts):,} words")
    return gazetteer


def _pretrained(s: TrainSettings, text: Path, featuriser,
                on_step: Callable[[str], None]) -> dict | None:
    """Step 4: the pretrained BiLSTM weights (None when `pretrain_tokens` is 0)."""
    import torch

    path = s.work_dir / f"pretrained_{s.pretrain_tokens}_s{s.seed}.pt"
    if s.resume and path.exists():
        on_step(f"reusing {path}")
        return torch.load(path)
    if not s.pretrain_tokens:
        return None
    on_step(f"pretraining the BiLSTM on {s.pretrain_tokens:,} tokens")
    init = pretrain(s, text, featuriser, on_step)
    torch.save(init, path)
    return init


def save_model(out: Path, featuriser, networks: dict[str, tuple[dict, dict]],
               info: dict) -> None:
    """Write the model folder next to its final place, then swap it in: a failed save
    never leaves half a model."""
    import torch

    tmp = out.with_name(out.name + ".part")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    (tmp / "features.json").write_text(featuriser.vocab.to_json(), encoding="utf-8")
    featuriser.vectors.save(tmp)
    featuriser.gazetteer.to_tsv(tmp / "gazetteer.tsv")
    meta = {"format": "arnews-ner/2", "networks": {}, "training": info}
    for name, (state, net_info) in networks.items():
        torch.save({k: v.half() if v.is_floating_point() else v for k, v in state.items()},
                   tmp / f"{name}.pt")
        meta["networks"][name] = net_info
    (tmp / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False))
    if out.exists():
        shutil.rmtree(out)
    tmp.replace(out)
