"""`arnews eval-ner`: score a tagger on a CoNLL file, conlleval style (strict span + type).

A plain CoNLL file (one tag per token) is read as conlleval reads it. A nested file (the
Wojood format: several tags on a line) is scored on the outermost spans of each label.
Only the labels both the gold file and the tagger know are scored unless `labels` is given.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from arnews.ner.scoring import Scores, bio_spans
from arnews.ner.tagger import MAIN_COMPONENT, ROLES_COMPONENT
from arnews.ner.training.conll import nested_spans, outermost, read_conll


@dataclass
class EvalResult:
    scores: Scores
    n_sentences: int
    n_tokens: int
    seconds: float
    nested: bool

    @property
    def words_per_second(self) -> float:
        return self.n_tokens / self.seconds if self.seconds else 0.0


def gold_spans(path: str | Path) -> tuple[list[list[str]], list[list[tuple[int, int, str]]], bool]:
    sentences = read_conll(path)
    nested = any(len(t) > 1 for s in sentences for t in s.tags)
    tokens = [s.tokens for s in sentences]
    if nested:
        spans = [outermost(nested_spans(s.tags)) for s in sentences]
    else:
        spans = [bio_spans(s.bio) for s in sentences]
    return tokens, spans, nested


def evaluate(path: str | Path, backend: str = "arnews", model: str | Path | None = None,
             labels: Sequence[str] | None = None) -> EvalResult:
    from arnews.ner import load

    tokens, gold, nested = gold_spans(path)
    gold_labels = {s[2] for spans in gold for s in spans}
    tagger = load(backend, model)
    if backend == "camel":
        known = set(tagger.labels())
        chosen = set(labels) if labels else gold_labels & known
        t0 = time.perf_counter()
        pred = [bio_spans(t) for t in tagger.tag_sentences(tokens)]
        seconds = time.perf_counter() - t0
    else:
        comps = [c for c in (MAIN_COMPONENT, ROLES_COMPONENT) if c in tagger.components]
        known = {lab for c in comps for lab in tagger.labels(c)}
        chosen = set(labels) if labels else gold_labels & known
        use = [c for c in comps if set(tagger.labels(c)) & chosen]
        t0 = time.perf_counter()
        pred = tagger.spans(tokens, use)
        seconds = time.perf_counter() - t0
    scores = Scores()
    for g, p, toks in zip(gold, pred, tokens):
        scores.add(g, p, chosen)
        scores.n_tokens += len(toks)
        scores.n_sentences += 1
    for lab in chosen:  # a label with no gold and no prediction still gets a row
        scores.n_gold[lab] += 0
    return EvalResult(scores, len(tokens), sum(len(t) for t in tokens), seconds, nested)
