"""The labelled and unlabelled text training reads: ANERcorp and Wojood cut into train and
dev splits, the Wojood roles as plain BIO, and the text for vectors and pretraining."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from arnews.ner.text import norm_tokens, saudinewsnet_texts, split_sentences, tokenise
from arnews.ner.training.conll import (Sentence, iter_docs, nested_spans, outermost, read_conll,
                                       spans_to_bio)

MAIN_LABELS = ["PERS", "LOC", "ORG", "MISC"]
ROLE_LABELS = ["OCC", "NORP"]


def bio_tags(labels: Sequence[str]) -> list[str]:
    return ["O"] + [f"{p}-{lab}" for lab in labels for p in "BI"]


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
