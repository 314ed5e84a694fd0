"""Readers for the NER corpora: CoNLL files (one token and its tag per line) and the
Wojood nested format (one token and one or more tags per line, `$#$` at a document end).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

DOC_END = "$#$"


@dataclass
class Sentence:
    tokens: list[str]
    tags: list[list[str]] = field(default_factory=list)  # per token: its tags, outermost first
    doc_end: bool = False  # the sentence ends a document (Wojood `$#$` marker)

    @property
    def bio(self) -> list[str]:
        """The first tag column (for a plain CoNLL file: the tags)."""
        return [t[0] if t else "O" for t in self.tags]


def read_conll(path: str | Path, doc_marker: str = DOC_END) -> list[Sentence]:
    """Read a CoNLL-style file: token, then one or more tags, per line; blank line between
    sentences. A token holding spaces (a line of three or more fields whose extra fields
    are not tags) keeps its fields joined by a space. `$#$` lines mark a document end."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[list[str]] = []

    def flush(doc_end: bool = False) -> None:
        nonlocal tokens, tags
        if tokens:
            sentences.append(Sentence(tokens, tags, doc_end))
        elif doc_end and sentences:
            sentences[-1].doc_end = True
        tokens, tags = [], []

    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            fields = raw.split()
            if not fields:
                flush()
                continue
            if fields[0] == doc_marker:
                flush(doc_end=True)
                continue
            i = len(fields)
            while i > 1 and _is_tag(fields[i - 1]):
                i -= 1
            if i == len(fields):  # a token without a tag
                tokens.append(" ".join(fields))
                tags.append(["O"])
                continue
            tokens.append(" ".join(fields[:i]))
            tags.append(fields[i:])
    flush()
    return sentences


def _is_tag(s: str) -> bool:
    return s == "O" or (len(s) > 2 and s[1] == "-" and s[0] in "BIESLU")


def nested_spans(tags: list[list[str]]) -> list[tuple[int, int, str]]:
    """All spans of a nested annotation as (start, end, label), end exclusive. For each
    label, B-X opens a span and I-X continues the innermost open span of that label that
    the previous token also carried."""
    spans: list[tuple[int, int, str]] = []
    open_: dict[str, list[int]] = {}  # label -> stack of start indices
    for i, token_tags in enumerate(tags):
        counts_b: dict[str, int] = {}
        counts_i: dict[str, int] = {}
        for t in token_tags:
            if t == "O" or len(t) < 3:
                continue
            prefix, label = t[0], t[2:]
            if prefix == "B":
                counts_b[label] = counts_b.get(label, 0) + 1
            else:
                counts_i[label] = counts_i.get(label, 0) + 1
        for label in list(open_):
            stack = open_[label]
            keep = counts_i.get(label, 0)
            while len(stack) > keep:
                spans.append((stack.pop(), i, label))
            if not stack:
                del open_[label]
        for label, n in counts_b.items():
            open_.setdefault(label, []).extend([i] * n)
    for label, stack in open_.items():
        for start in stack:
            spans.append((start, len(tags), label))
    return sorted(spans)


def outermost(spans: Iterable[tuple[int, int, str]], labels: set[str] | None = None
              ) -> list[tuple[int, int, str]]:
    """Spans of the chosen labels that no other span of the same label contains."""
    chosen = [s for s in spans if labels is None or s[2] in labels]
    out = []
    for s in chosen:
        if not any(o is not s and o[2] == s[2] and o[0] <= s[0] and s[1] <= o[1]
                   and (o[0], o[1]) != (s[0], s[1]) for o in chosen):
            if s not in out:
                out.append(s)
    return out


def spans_to_bio(n: int, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """BIO tags for non-overlapping spans (a later span overlapping an earlier one is dropped)."""
    tags = ["O"] * n
    for start, end, label in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if any(t != "O" for t in tags[start:end]):
            continue
        tags[start] = f"B-{label}"
        for k in range(start + 1, end):
            tags[k] = f"I-{label}"
    return tags


def iter_docs(sentences: list[Sentence]) -> Iterator[list[Sentence]]:
    """Group sentences into documents by their `doc_end` marks."""
    doc: list[Sentence] = []
    for s in sentences:
        doc.append(s)
        if s.doc_end:
            yield doc
            doc = []
    if doc:
        yield doc
