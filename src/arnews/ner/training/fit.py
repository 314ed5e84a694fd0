"""Fitting the tagger network: language-model pretraining of the BiLSTM on news text, then
fine-tuning with the CRF on labelled sentences, the epoch best on dev kept. Every step
seeds Python, numpy and torch first, so a run is reproducible."""
from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Callable

from arnews.ner.scoring import Scores, bio_spans
from arnews.ner.training.conll import Sentence
from arnews.ner.training.data import bio_tags
from arnews.ner.training.settings import TrainSettings

LM_CHUNK = 60        # pretraining reads the text in pieces of this many words ...
LM_MIN_WORDS = 5     # ... and skips pieces shorter than this


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


def _lm_sentences(text: Path) -> list[list[str]]:
    sents = []
    with open(text, encoding="utf-8") as fh:
        for line in fh:
            words = line.split()
            for i in range(0, len(words), LM_CHUNK):
                if len(words[i:i + LM_CHUNK]) >= LM_MIN_WORDS:
                    sents.append(words[i:i + LM_CHUNK])
    return sents


def pretrain(s: TrainSettings, text: Path, featuriser, on_step: Callable[[str], None]) -> dict:
    """Language-model pretraining of the BiLSTM on sentences of the vectors text."""
    import torch
    from torch import nn

    from arnews.ner.network import BiLstmCrf

    _seed(s.seed, s.threads)
    sents = _lm_sentences(text)
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

    _seed(s.seed, s.threads)
    tags = bio_tags(labels)
    index = {t: i for i, t in enumerate(tags)}
    net = _tagger_network(featuriser, len(tags), s, init)
    data = [(featuriser.encode(x.tokens), torch.tensor([index.get(t, 0) for t in x.bio]))
            for x in train]
    opt = torch.optim.Adam(net.parameters(), lr=s.learn_rate)
    best, best_state, history = -1.0, None, []
    net.train()
    for epoch in range(epochs):
        t0 = time.time()
        total = _epoch(net, opt, data, s.batch)
        f1 = score(net, featuriser, dev, tags).micro()[2]
        history.append(round(f1, 4))
        on_step(f"  {name} epoch {epoch + 1}/{epochs}: loss {total:.0f}, dev F1 {100 * f1:.2f}"
                f" ({time.time() - t0:.0f} s)")
        if f1 > best:
            best = f1
            best_state = {k: v.detach().clone() for k, v in net.state_dict().items()}
    return best_state, {"labels": labels, "tags": tags, "dev_f1": round(best, 4),
                        "dev_history": history, "size": net.size.to_dict()}


def _tagger_network(featuriser, n_tags: int, s: TrainSettings, init: dict | None):
    """A new network, with the pretrained weights that fit it (all but the output layers)."""
    from arnews.ner.network import BiLstmCrf

    net = BiLstmCrf(network_size(featuriser, n_tags, s))
    if init is not None:
        own = net.state_dict()
        net.load_state_dict({k: v for k, v in init.items()
                             if k in own and own[k].shape == v.shape}, strict=False)
    return net


def _epoch(net, opt, data: list, batch: int) -> float:
    """One pass over the shuffled training data, in batches; the summed loss."""
    from torch import nn

    random.shuffle(data)
    total = 0.0
    for i in range(0, len(data), batch):
        b = data[i:i + batch]
        loss = net.loss([x for x, _ in b], [y for _, y in b])
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(net.parameters(), 5.0)
        opt.step()
        total += loss.item()
    return total
