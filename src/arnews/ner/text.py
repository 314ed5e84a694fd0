"""Tokenising and normalising text the same way for vectors, training and tagging."""
from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator


from arnews.text.normalise import normalise_word

# Numbers (with decimal/thousand separators), words, then any other single character.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
_TOKEN = re.compile(r"\d+(?:[.,٫٬]\d+)*|(?:\w|[" + _MARKS + r"])+|[^\w\s]")


def tokenise(text: str) -> list[str]:
    """Split raw text into ANERcorp-like tokens: words, numbers and punctuation marks."""
    return _TOKEN.findall(text)


@lru_cache(maxsize=200_000)
def norm_token(token: str) -> str:
    """The form the model sees: one spelling for alef/yaa/taa marbuta/hamza carriers,
    no diacritics or tatweel, ASCII digits (Latin case is kept: the model's word features
    and vectors read it lower-cased, its shape feature as written). Never empty."""
    out = normalise_word(token).replace(" ", "")
    return out or token


def norm_tokens(tokens: list[str]) -> list[str]:
    return [norm_token(t) for t in tokens]


def saudinewsnet_texts(corpora: Path) -> Iterator[str]:
    """The article texts of SaudiNewsNet (one gzipped JSON array per day), in file order."""
    for path in sorted((corpora / "saudinewsnet").glob("*.json.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for article in json.load(fh):
                text = article.get("content") or ""
                if text.strip():
                    yield text


def split_sentences(tokens: list[str], max_len: int = 120) -> Iterator[list[str]]:
    """Cut a token list into sentences at . ! ? ؟ (and at max_len tokens)."""
    cur: list[str] = []
    for t in tokens:
        cur.append(t)
        if t in {".", "!", "?", "؟"} or len(cur) >= max_len:
            yield cur
            cur = []
    if cur:
        yield cur
