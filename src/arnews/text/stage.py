"""The normalise and segment stages: original text in, normalised text, sentences and tokens out."""
from __future__ import annotations

from arnews.document import Document
from arnews.limits import DEFAULT_LIMITS, InputTooLarge
from arnews.text.tokens import QUOTE_CHARS, Tok
from arnews.text.normalise import normalise
from arnews.text.segment import make_nlp, sentence_starts, token_tuples


class Normaliser:
    """Normalise the article text for matching, keeping the map back to the original.

    `max_chars` bounds the work one article may cost; ingest applies the same bound to
    files, this applies it to texts handed to the pipeline directly."""

    name = "normalise"
    reads = frozenset({"record"})
    writes = frozenset({"norm"})

    def __init__(self, max_chars: int = DEFAULT_LIMITS.max_chars) -> None:
        self.max_chars = max_chars

    def __call__(self, d: Document) -> Document:
        if len(d.text) > self.max_chars:
            raise InputTooLarge(f"text of {len(d.text):,} characters, over the limit of "
                                f"{self.max_chars:,} for one article (raise it with --max-chars)")
        d.norm = normalise(d.text)
        return d


class Segmenter:
    """Tokenise the normalised text with spaCy and split it into sentences."""

    name = "segment"
    reads = frozenset({"norm"})
    writes = frozenset({"sentences", "sentence_tokens", "n_tokens"})

    def __init__(self, max_tokens: int = DEFAULT_LIMITS.max_tokens) -> None:
        self.nlp = make_nlp()
        self.max_tokens = max_tokens

    def __call__(self, d: Document) -> Document:
        assert d.norm is not None, "segment runs after normalise"
        doc = self.nlp(d.norm.text)
        if len(doc) > self.max_tokens:
            raise InputTooLarge(f"{len(doc):,} tokens, over the limit of {self.max_tokens:,} "
                                "for one article (raise it with --max-tokens)")
        for toks in split_sentences(doc):
            for tok in toks:
                tok.raw = d.norm.original_span(tok.start, tok.end)
            start, _ = d.norm.to_original(toks[0].start, toks[0].end)
            _, end = d.norm.to_original(toks[-1].start, toks[-1].end)
            d.sentences.append((start, end))
            d.sentence_tokens.append(toks)
        d.n_tokens = sum(len(t) for t in d.sentence_tokens)
        return d


def split_sentences(doc) -> list[list[Tok]]:
    """The non-space tokens of each sentence as `Tok`s (offsets into the normalised text).

    One pass over the Doc: iterating `doc.sents` span by span costs far more."""
    text = doc.text
    spacy_tokens = token_tuples(doc)
    starts = sentence_starts(spacy_tokens)
    sentences: list[list[Tok]] = []
    current: list[Tok] = []
    prev_end: int | None = None
    for t, starts_here in zip(spacy_tokens, starts):
        if starts_here and current:
            sentences.append(current)
            current = []
        if t.is_space:
            continue
        gap = text[prev_end:t.idx] if prev_end is not None else ""
        word = t.text
        quote = all(c in QUOTE_CHARS for c in word)
        current.append(Tok(word, t.idx, t.idx + len(word), t.is_punct or quote or not any(
            c.isalnum() for c in word), quote, "\n" in gap))
        prev_end = t.idx + len(word)
    if current:
        sentences.append(current)
    return sentences
