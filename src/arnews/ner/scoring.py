"""Entity-level precision, recall and F1 with strict span and type match, as conlleval.

Chunks are read from BIO tags the way conlleval reads them: B-X opens a chunk, I-X
continues a chunk of type X and opens one after O or after a chunk of another type.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Sequence

Span = tuple[int, int, str]  # start, end (exclusive), label


def bio_spans(tags: Sequence[str]) -> list[Span]:
    """Chunks of a BIO (or IOB1) tag sequence, conlleval style."""
    spans: list[Span] = []
    start, label = None, None
    for i, tag in enumerate(tags):
        if tag in ("O", "", "-") or len(tag) < 3 or tag[1] != "-":
            prefix, typ = "O", None
        else:
            prefix, typ = tag[0], tag[2:]
        if prefix == "O":
            if label is not None:
                spans.append((start, i, label))
            start, label = None, None
        elif prefix in ("B", "S", "U") or typ != label:
            if label is not None:
                spans.append((start, i, label))
            start, label = i, typ
        # I-X / E-X / L-X of the current type: continue
        if prefix in ("E", "L", "S", "U") and label is not None:
            spans.append((start, i + 1, label))
            start, label = None, None
    if label is not None:
        spans.append((start, len(tags), label))
    return spans


@dataclass
class Scores:
    tp: Counter = field(default_factory=Counter)
    n_gold: Counter = field(default_factory=Counter)
    n_pred: Counter = field(default_factory=Counter)
    n_tokens: int = 0
    n_sentences: int = 0

    def add(self, gold: Iterable[Span], pred: Iterable[Span],
            labels: set[str] | None = None) -> None:
        g = {s for s in gold if labels is None or s[2] in labels}
        p = {s for s in pred if labels is None or s[2] in labels}
        for s in g:
            self.n_gold[s[2]] += 1
        for s in p:
            self.n_pred[s[2]] += 1
        for s in g & p:
            self.tp[s[2]] += 1

    def add_bio(self, gold_tags: Sequence[str], pred_tags: Sequence[str],
                labels: set[str] | None = None) -> None:
        if len(gold_tags) != len(pred_tags):
            raise ValueError(f"{len(gold_tags)} gold tags but {len(pred_tags)} predicted")
        self.n_tokens += len(gold_tags)
        self.n_sentences += 1
        self.add(bio_spans(gold_tags), bio_spans(pred_tags), labels)

    @property
    def labels(self) -> list[str]:
        return sorted(set(self.n_gold) | set(self.n_pred))

    @staticmethod
    def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def label(self, label: str) -> tuple[float, float, float]:
        return self._prf(self.tp[label], self.n_pred[label], self.n_gold[label])

    def micro(self) -> tuple[float, float, float]:
        return self._prf(sum(self.tp.values()), sum(self.n_pred.values()),
                         sum(self.n_gold.values()))

    def as_dict(self) -> dict:
        out = {}
        for lab in self.labels:
            p, r, f = self.label(lab)
            out[lab] = {"p": p, "r": r, "f": f, "tp": self.tp[lab],
                        "pred": self.n_pred[lab], "gold": self.n_gold[lab]}
        p, r, f = self.micro()
        out["micro"] = {"p": p, "r": r, "f": f, "tp": sum(self.tp.values()),
                        "pred": sum(self.n_pred.values()), "gold": sum(self.n_gold.values())}
        return out

    def table(self) -> str:
        """A plain-text table: label, gold, predicted, correct, precision, recall, F1 (in %)."""
        lines = [f"{'label':<8}{'gold':>7}{'pred':>7}{'correct':>9}{'P':>8}{'R':>8}{'F1':>8}"]
        for lab, d in self.as_dict().items():
            if lab == "micro":
                lines.append("-" * len(lines[0]))
            lines.append(f"{lab:<8}{d['gold']:>7}{d['pred']:>7}{d['tp']:>9}"
                         f"{100 * d['p']:>8.2f}{100 * d['r']:>8.2f}{100 * d['f']:>8.2f}")
        return "\n".join(lines)
