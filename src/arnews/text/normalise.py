"""Normalise Arabic text for matching while keeping a map back to the original characters.

Every later stage works on the normalised text (one spelling for alef, yaa and taa
marbuta, no diacritics or tatweel, ASCII digits) so that lexicons and patterns are
written once; every span they find is mapped back with `NormalisedText.to_original`
so that offsets in the output tables index the article text exactly as it was read.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

TATWEEL = "\u0640"
# Invisible marks that scraped news carries between letters (ZWNJ, ZWJ, LRM, RLM, BOM, ...).
INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b",
             "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff"}
DIGITS = {**{chr(0x0660 + i): str(i) for i in range(10)},   # Arabic-Indic
          **{chr(0x06F0 + i): str(i) for i in range(10)}}   # Extended (Persian/Urdu)
SPACES = {"\u00a0", "\u2002", "\u2003", "\u2009", "\u202f", "\u3000", "\t"}


@lru_cache(maxsize=4096)
def normalise_char(ch: str) -> str:
    """The normalised form of one character: '' to drop it, usually one character."""
    if ch in INVISIBLE or ch == TATWEEL:
        return ""
    if ch in DIGITS:
        return DIGITS[ch]
    if ch in SPACES:
        return " "
    out = normalize_unicode(ch)          # presentation forms, ligatures (ﻻ -> لا)
    out = dediac_ar(out)
    out = normalize_alef_ar(out)         # أ إ آ ٱ -> ا
    out = normalize_alef_maksura_ar(out)  # ى -> ي
    out = normalize_teh_marbuta_ar(out)  # ة -> ه
    out = out.replace("ؤ", "و").replace("ئ", "ي")
    if len(out) == 1 and unicodedata.category(out) == "Mn":
        return ""
    return out


def normalise_word(word: str) -> str:
    """Normalise a lexicon entry or a query the same way article text is normalised."""
    return "".join(normalise_char(c) for c in word)


@dataclass(frozen=True)
class NormalisedText:
    """Normalised text plus, for each of its characters, the index of the original character."""

    original: str
    text: str
    origin: tuple[int, ...]  # len(text) entries: original index of each normalised character

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to a span of the original."""
        if end <= start:
            pos = self.origin[start] if start < len(self.origin) else len(self.original)
            return pos, pos
        first = self.origin[start]
        last = self.origin[end - 1]
        # Extend over the diacritics of the last letter (they belong to it), not over a
        # trailing tatweel or an invisible mark, which are decoration around the word.
        stop = last + 1
        while stop < len(self.original) and unicodedata.category(self.original[stop]) == "Mn":
            stop += 1
        return first, stop

    def original_span(self, start: int, end: int) -> str:
        s, e = self.to_original(start, end)
        return self.original[s:e]


def normalise(text: str) -> NormalisedText:
    """Normalise `text` for matching; see the module docstring.

    One `str.translate` over the text; the map back to the original is the identity
    unless a character was dropped or expanded, which only then costs a loop."""
    mapped = _char_table(text)
    out = text.translate(mapped)
    if len(out) == len(text) and not any(len(v) != 1 for v in mapped.values()):
        origin: tuple[int, ...] = tuple(range(len(text)))
    else:
        origin = tuple(i for i, ch in enumerate(text) for _ in range(len(mapped.get(ord(ch), ch))))
    return NormalisedText(original=text, text=out, origin=origin)


def _char_table(text: str) -> dict[int, str]:
    """The characters of `text` that normalisation changes, as a `str.translate` table."""
    return {ord(ch): m for ch in set(text) if (m := normalise_char(ch)) != ch}
