"""The token embedding the NER model uses: hashed word, clitic-stripped stem, affixes and
shape features of the normalised word, plus static (floret) vectors trained on news text.

Registered as `arnews.ArabicEmbed.v1` in spaCy's architecture registry; importing this
module (done by `arnews.ner`) registers it, and a saved pipeline that uses it loads only
after that import.
"""
from __future__ import annotations

from functools import lru_cache
from typing import List, Optional

import numpy
from spacy.ml.staticvectors import StaticVectors
from spacy.strings import hash_string
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (HashEmbed, Maxout, Model, Ragged, chain, concatenate, list2ragged,
                       ragged2list, with_array)
from thinc.types import Floats2d, Ints2d

# Proclitic clusters, longest first: conjunction (و ف), preposition (ب ل ك), article (ال).
PROCLITICS = sorted({
    "وال", "فال", "بال", "كال", "لل", "ال", "وبال", "فبال", "وكال", "ولل", "فلل",
    "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك", "س", "وس",
}, key=len, reverse=True)
ENCLITICS = sorted({"ها", "هما", "هم", "هن", "نا", "كم"},
                   key=len, reverse=True)
N_FEATURES = 9


def _char_class(ch: str) -> str:
    if ch.isdigit():
        return "d"
    if "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff":
        return "a"
    if ch.isalpha():
        return "x" if ch.isupper() else "l"
    return ch


def strip_clitics(word: str) -> tuple[str, str, str]:
    """(proclitics, stem, enclitic) by longest match, keeping a stem of at least 2 letters."""
    pro = ""
    for p in PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 2:
            pro = p
            break
    rest = word[len(pro):]
    enc = ""
    for e in ENCLITICS:
        if rest.endswith(e) and len(rest) - len(e) >= 3:
            enc = e
            break
    return pro, rest[: len(rest) - len(enc)] if enc else rest, enc


@lru_cache(maxsize=500_000)
def word_features(word: str) -> tuple[int, ...]:
    """Hashes of the N_FEATURES features of one (normalised) word: all read the word
    lower-cased but its shape."""
    shape = "".join(_char_class(c) for c in word[:6]) + ("+" if len(word) > 6 else "")
    word = word.lower()
    pro, stem, enc = strip_clitics(word)
    base = word[len(pro):]
    feats = (
        "w=" + word,
        "s=" + stem,
        "p2=" + base[:2],
        "p3=" + base[:3],
        "x2=" + word[-2:],
        "x3=" + word[-3:],
        "sh=" + shape,
        "c=" + pro + "|" + enc + "|" + str(min(len(stem), 8)),
        "sx=" + stem[-2:],
    )
    return tuple(hash_string(f) for f in feats)


def extract_features() -> Model[List[Doc], List[Ints2d]]:
    def forward(model: Model, docs: List[Doc], is_train: bool):
        ops = model.ops
        out = []
        for doc in docs:
            arr = numpy.array([word_features(t.text) for t in doc], dtype="uint64")
            out.append(ops.asarray2i(arr.reshape((len(doc), N_FEATURES)), dtype="uint64"))
        return out, lambda d_features: []

    return Model("arabic_features", forward)


@registry.architectures("arnews.ArabicEmbed.v1")
def ArabicEmbed(width: int, rows: List[int], include_static_vectors: bool,
                feature_widths: Optional[List[int]] = None
                ) -> Model[List[Doc], List[Floats2d]]:
    """Hash embeddings of the N_FEATURES word features (table i: rows[i] rows of
    feature_widths[i] columns, default `width`), concatenated with the static vectors
    projected to `width`, mixed by one Maxout layer to `width`."""
    if len(rows) != N_FEATURES:
        raise ValueError(f"rows needs {N_FEATURES} entries, got {len(rows)}")
    widths = list(feature_widths) if feature_widths else [width] * N_FEATURES
    if len(widths) != N_FEATURES:
        raise ValueError(f"feature_widths needs {N_FEATURES} entries, got {len(widths)}")
    embeddings = [HashEmbed(widths[i], rows[i], column=i, seed=11 + i, dropout=0.0)
                  for i in range(N_FEATURES)]
    concat_size = sum(widths) + (width if include_static_vectors else 0)
    max_out = with_array(Maxout(width, concat_size, nP=3, dropout=0.0, normalize=True))
    features = chain(extract_features(), list2ragged(), with_array(concatenate(*embeddings)))
    if include_static_vectors:
        return chain(concatenate(features, StaticVectors(width, dropout=0.0)), max_out,
                     ragged2list())
    return chain(features, max_out, ragged2list())
