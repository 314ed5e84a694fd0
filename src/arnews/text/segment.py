"""Split normalised text into spaCy tokens and sentences.

spaCy's Arabic tokenizer handles most punctuation; two things news needs on top: a quote
glued to the conjunction (و"دوسان, و«داعش») is split off so the name inside is a token,
and sentences end at Arabic and Latin full stops, question marks and line breaks but not
inside numbers (6.750.270) or abbreviations (د.).
"""
from __future__ import annotations

import re
from typing import NamedTuple

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

QUOTES = "\"'«»“”„‘’"
# A conjunction or preposition clitic glued to an opening quote or bracket.
CLITIC_BEFORE_QUOTE = r"^[وفبلك](?=[\"'«“”(\[])"
SENTENCE_END = {".", "!", "?", "؟", "…", "..."}
ABBREVIATIONS = {"د", "م", "ص", "ه", "ج", "أ", "ا"}


class SpacyToken(NamedTuple):
    """What segmenting needs of a spaCy token, read once (each `doc[i]` builds a new
    Token object, which made reading them the largest cost of this stage)."""

    text: str
    idx: int
    whitespace: str
    is_space: bool
    is_punct: bool


def token_tuples(doc: Doc) -> list[SpacyToken]:
    return [SpacyToken(t.text, t.idx, t.whitespace_, t.is_space, t.is_punct) for t in doc]


def sentence_starts(doc: Doc | list[SpacyToken]) -> list[bool]:
    """For each token, whether a sentence starts at it: after a full stop (not an
    abbreviation or a number) or a line break.

    Computed in one pass and returned as a list rather than set on the Doc: spaCy's
    `is_sent_start` setter re-checks the whole document, which made splitting quadratic
    (33 s for a 37,000-token article)."""
    toks = doc if isinstance(doc, list) else token_tuples(doc)
    starts = [False] * len(toks)
    for i, tok in enumerate(toks):
        if i == 0:
            starts[i] = True
            continue
        prev = toks[i - 1]
        if "\n" in prev.text or (prev.is_space and "\n" in prev.whitespace):
            starts[i] = True
        elif prev.text in SENTENCE_END or (prev.text.endswith(".") and len(prev.text) > 1 and prev.text[-2] in ".!?؟"):
            # د. أحمد: the point of an abbreviation glued to it is not a full stop
            before = toks[i - 2] if i >= 2 else None
            starts[i] = not (prev.text == "." and before is not None and before.text in ABBREVIATIONS
                             and not before.whitespace)
        elif "\n" in prev.whitespace:
            starts[i] = True
    return starts


def make_nlp() -> Language:
    """A blank Arabic spaCy pipeline with the arnews tokenizer rules (sentences: `sentence_starts`)."""
    nlp = spacy.blank("ar")
    prefixes = [CLITIC_BEFORE_QUOTE, *nlp.Defaults.prefixes, *[re.escape(q) for q in QUOTES]]
    # a full stop after a number or a closing quote ends a sentence: "عام 2015." / «نعم».
    suffixes = [r"(?<=[0-9])\.", r"(?<=[\"'»”’)\]])\.", *nlp.Defaults.suffixes,
                *[re.escape(q) for q in QUOTES], r"[،؛:,]"]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    # a full stop glued between two Arabic words (المجال.وبين) still ends the sentence
    infixes = [*nlp.Defaults.infixes, r"(?<=[\u0621-\u064A])\.(?=[\u0621-\u064A])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # spaCy takes "word.word" for a web address; only real addresses are kept whole
    nlp.tokenizer.url_match = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE).match
    # arnews bounds an article's length itself (`Limits.max_chars`), before spaCy sees it
    nlp.max_length = 10**9
    return nlp
