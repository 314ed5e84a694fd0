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
import random
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Sequence

from arnews.ner.scoring import Scores, bio_spans
from arnews.ner.text import norm_tokens, saudinewsnet_texts, split_sentences, tokenise
from arnews.ner.training.conll import (Sentence, iter_docs, nested_spans, outermost, read_conll,
                                       spans_to_bio)

MAIN_LABELS = ["PERS", "LOC", "ORG", "MISC"]
ROLE_LABELS = ["OCC", "NORP"]


def bio_tags(labels: Sequence[str]) -> list[str]:
    return ["O"] + [f"{p}-{lab}" for lab in labels for p in "BI"]


@dataclass
class TrainSettings:
    corpora: Path
    out: Path
    work_dir: Path
    seed: int = 0
    threads: int = 2
    # vectors
    vectors_dim: int = 200
    vectors_bucket: int = 50_000
    vectors_epoch: int = 5
    vectors_minn: int = 3
    vectors_maxn: int = 5
    # gazetteer
    gazetteer_workers: int = 2
    # vocabularies and pretraining
    lm_words: int = 30_000
    pretrain_tokens: int = 5_000_000
    pretrain_batch: int = 32
    # network and fine-tuning
    hidden: int = 200
    epochs: int = 20
    roles_epochs: int = 30
    batch: int = 16
    learn_rate: float = 1e-3
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


def role_sentences(sents: list[Sentence]) -> list[Sentence]:
    """Wojood sentences re-tagged with plain BIO tags of their outermost OCC/NORP spans."""
    return [Sentence(s.tokens, [[t] for t in spans_to_bio(len(s.tokens), wojood_role_spans(s))])
            for s in sents]


def write_vectors_text(corpora: Path, path: Path) -> int:
    """SaudiNewsNet texts and the training splits' tokens, tokenised, normalised and
    lower-cased, one sentence a line. Test and val splits are not read."""
    n = 0
    tmp = path.with_suffix(".part")
    with open(tmp, "w", encoding="utf-8") as fh:
        for text in saudinewsnet_texts(corpora):
            for sent in split_sentences(tokenise(text)):
                fh.write(" ".join(norm_tokens(sent)).lower() + "\n")
                n += len(sent)
        for rel in ("anercorp/train.txt", "wojood-sample/train.txt"):
            for s in read_conll(corpora / rel):
                fh.write(" ".join(norm_tokens(s.tokens)).lower() + "\n")
                n += len(s.tokens)
    tmp.replace(path)
    return n


# --------------------------------------------------------------------------- vectors

def train_vectors(s: TrainSettings, text: Path, out: Path):
    """floret vectors (skip-gram, 2 hashes per n-gram), as a `FloretVectors` table."""
    try:
        import floret
    except ImportError as exc:   # an optional dependency: only training needs it
        raise SystemExit("arnews train-ner needs floret: pip install 'arnews[train]'") from exc
    import spacy

    from arnews.ner.features import FloretVectors

    floret_file = out.with_suffix(".floret")
    model = floret.train_unsupervised(
        str(text), model="skipgram", mode="floret", hashCount=2, bucket=s.vectors_bucket,
        minn=s.vectors_minn, maxn=s.vectors_maxn, dim=s.vectors_dim, epoch=s.vectors_epoch,
        minCount=3, thread=s.threads, verbose=0)
    model.save_floret_vectors(str(floret_file))
    spacy_dir = out.with_suffix(".spacy")
    _run([sys.executable, "-m", "spacy", "init", "vectors", "ar", str(floret_file),
          str(spacy_dir), "--mode", "floret"])
    table = FloretVectors.from_spacy(spacy.load(spacy_dir).vocab.vectors)
    out.mkdir(parents=True, exist_ok=True)
    table.save(out)
    return table


def _run(cmd: list[str]) -> None:
    _say(" ".join(cmd))
    subprocess.run(cmd, check=True)


# --------------------------------------------------------------------------- vocabularies

def build_vocabularies(text: Path, train_sents: list[Sentence], lm_words: int):
    from arnews.ner.features import Vocabularies, view

    counts: Counter = Counter()
    with open(text, encoding="utf-8") as fh:
        for line in fh:
            counts.update(line.split())
    train_counts = Counter(view(t).word for s in train_sents for t in s.tokens)
    lm = [w for w, _ in counts.most_common(lm_words)]
    known = set(lm)
    words = lm + sorted(w for w, c in train_counts.items() if c >= 2 and w not in known)
    chars: Counter = Counter()
    clitics: Counter = Counter()
    shapes: Counter = Counter()
    for w, c in list(counts.items()) + list(train_counts.items()):
        for ch in w:
            chars[ch] += c
    for s in train_sents:
        for t in s.tokens:
            v = view(t)
            clitics[v.clitics] += 1
            shapes[v.shape] += 1
    for w, c in counts.items():
        if c >= 3:
            v = view(w)
            clitics[v.clitics] += c
    return Vocabularies(words=words, chars=sorted(c for c, n in chars.items() if n >= 5),
                        clitics=sorted(c for c, n in clitics.items() if n >= 2),
                        shapes=sorted(c for c, n in shapes.items() if n >= 2),
                        lm_words=len(lm))


# --------------------------------------------------------------------------- networks

def _seed(seed: int, threads: int) -> None:
    import numpy
    import torch

    random.seed(seed)
    numpy.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(threads)


def network_size(featuriser, n_tags: int, s: TrainSettings, lm_words: int = 0):
    from arnews.ner.network import NetworkSize

    return NetworkSize(n_tags=n_tags, hidden=s.hidden, lm_words=lm_words, **featuriser.sizes())


def pretrain(s: TrainSettings, text: Path, featuriser, on_step: Callable[[str], None]) -> dict:
    """Language-model pretraining of the BiLSTM on sentences of the vectors text."""
    import torch
    from torch import nn

    from arnews.ner.network import BiLstmCrf

    _seed(s.seed, s.threads)
    sents = []
    with open(text, encoding="utf-8") as fh:
        for line in fh:
            words = line.split()
            for i in range(0, len(words), 60):
                if len(words[i:i + 60]) >= 5:
                    sents.append(words[i:i + 60])
    random.shuffle(sents)
    lm_ids = {w: i for i, w in enumerate(featuriser.vocab.words[:featuriser.vocab.lm_words])}
    unknown = featuriser.vocab.lm_words
    net = BiLstmCrf(network_size(featuriser, 1, s, featuriser.vocab.lm_words))
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    net.train()
    seen, i, losses, t0 = 0, 0, [], time.time()
    while seen < s.pretrain_tokens and i < len(sents):
        batch = sents[i:i + s.pretrain_batch]
        i += s.pretrain_batch
        targets = [torch.tensor([lm_ids.get(w, unknown) for w in b]) for b in batch]
        loss = net.lm_loss([featuriser.encode(b) for b in batch], targets)
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        opt.step()
        seen += sum(len(b) for b in batch)
        losses.append(loss.item())
        if len(losses) % 500 == 0:
            on_step(f"  pretraining: {seen:,} tokens, loss {sum(losses[-500:]) / 500:.3f}, "
                    f"{seen / (time.time() - t0):,.0f} tokens/s")
    return net.tagger_state()


def score(net, featuriser, sents: list[Sentence], tags: list[str], batch: int = 64) -> Scores:
    from arnews.ner.network import predict_spans

    net.eval()
    scores = Scores()
    for s, pred in zip(sents, predict_spans(net, featuriser, tags, [x.tokens for x in sents],
                                            batch)):
        scores.add(bio_spans(s.bio), pred)
    net.train()
    return scores


def fine_tune(s: TrainSettings, featuriser, init: dict | None, train: list[Sentence],
              dev: list[Sentence], labels: list[str], epochs: int, name: str,
              on_step: Callable[[str], None]) -> tuple[dict, dict]:
    """Train tagger weights on labelled sentences; the epoch best on dev wins."""
    import torch
    from torch import nn

    from arnews.ner.network import BiLstmCrf

    _seed(s.seed, s.threads)
    tags = bio_tags(labels)
    index = {t: i for i, t in enumerate(tags)}
    net = BiLstmCrf(network_size(featuriser, len(tags), s))
    if init is not None:
        own = net.state_dict()
        net.load_state_dict({k: v for k, v in init.items()
                             if k in own and own[k].shape == v.shape}, strict=False)
    data = [(featuriser.encode(x.tokens), torch.tensor([index.get(t, 0) for t in x.bio]))
            for x in train]
    opt = torch.optim.Adam(net.parameters(), lr=s.learn_rate)
    best, best_state, history = -1.0, None, []
    net.train()
    for epoch in range(epochs):
        t0 = time.time()
        random.shuffle(data)
        total = 0.0
        for i in range(0, len(data), s.batch):
            b = data[i:i + s.batch]
            loss = net.loss([x for x, _ in b], [y for _, y in b])
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += loss.item()
        f1 = score(net, featuriser, dev, tags).micro()[2]
        history.append(round(f1, 4))
        on_step(f"  {name} epoch {epoch + 1}/{epochs}: loss {total:.0f}, dev F1 {100 * f1:.2f}"
                f" ({time.time() - t0:.0f} s)")
        if f1 > best:
            best = f1
            best_state = {k: v.detach().clone() for k, v in net.state_dict().items()}
    return best_state, {"labels": labels, "tags": tags, "dev_f1": round(best, 4),
                        "dev_history": history, "size": net.size.to_dict()}


# --------------------------------------------------------------------------- run

def run(s: TrainSettings, on_step: Callable[[str], None] = _say) -> dict:
    import torch

    from arnews.ner.features import Featuriser, FloretVectors, Gazetteer
    from arnews.ner.training.gazetteer import build_from_corpora

    t0 = time.time()
    work = s.work_dir
    work.mkdir(parents=True, exist_ok=True)
    text = work / "text.txt"
    if s.resume and text.exists():
        on_step(f"reusing {text}")
    else:
        on_step("writing the text for vectors and pretraining")
        n = write_vectors_text(s.corpora, text)
        on_step(f"  {n:,} tokens")

    vec_dir = work / (f"vectors_d{s.vectors_dim}_b{s.vectors_bucket}_e{s.vectors_epoch}"
                      f"_n{s.vectors_minn}{s.vectors_maxn}_s{s.seed}")
    if s.resume and (vec_dir / "vectors.npy").exists():
        on_step(f"reusing {vec_dir}")
        vectors = FloretVectors.load(vec_dir)
    else:
        on_step("training floret vectors")
        vectors = train_vectors(s, text, vec_dir)

    gaz_file = work / "gazetteer.tsv"
    if s.resume and gaz_file.exists():
        on_step(f"reusing {gaz_file}")
        gazetteer = Gazetteer.from_tsv(gaz_file)
    else:
        on_step("building the gazetteer (rules over SaudiNewsNet)")
        gazetteer = build_from_corpora(s.corpora, workers=s.gazetteer_workers)
        gazetteer.to_tsv(gaz_file)
        on_step(f"  {len(gazetteer.counts):,} words")

    train, dev = anercorp_splits(s.corpora)
    roles_train, roles_dev = wojood_splits(s.corpora)
    vocab = build_vocabularies(text, train + roles_train, s.lm_words)
    featuriser = Featuriser(vocab, vectors, gazetteer)

    pre_file = work / f"pretrained_{s.pretrain_tokens}_s{s.seed}.pt"
    if s.resume and pre_file.exists():
        on_step(f"reusing {pre_file}")
        init = torch.load(pre_file)
    elif s.pretrain_tokens:
        on_step(f"pretraining the BiLSTM on {s.pretrain_tokens:,} tokens")
        init = pretrain(s, text, featuriser, on_step)
        torch.save(init, pre_file)
    else:
        init = None

    on_step("training main (ANERcorp PERS/LOC/ORG/MISC)")
    main_state, main_info = fine_tune(s, featuriser, init, train, dev, MAIN_LABELS, s.epochs,
                                      "main", on_step)
    on_step("training roles (Wojood OCC/NORP)")
    roles_state, roles_info = fine_tune(s, featuriser, init, role_sentences(roles_train),
                                        role_sentences(roles_dev), ROLE_LABELS,
                                        s.roles_epochs, "roles", on_step)
    on_step(f"saving the model to {s.out}")
    info = {"settings": {k: str(v) if isinstance(v, Path) else v for k, v in asdict(s).items()},
            "minutes": round((time.time() - t0) / 60, 1)}
    save_model(s.out, featuriser, {"main": (main_state, main_info),
                                   "roles": (roles_state, roles_info)}, info)
    (work / "train_info.json").write_text(json.dumps(info, indent=2))
    return info


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
