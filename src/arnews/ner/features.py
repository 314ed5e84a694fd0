"""What the tagger knows of one token, before context: its identity, its letters, its
clitics and shape, its floret vector and its stem's, and how often news text uses it
inside a person's, organisation's or place's name (the silver gazetteer).

`Featuriser` turns a sentence into the tensors `network.BiLstmCrf` reads; it is saved with
the model (vocabularies in `features.json`, the vectors table, the gazetteer) so that
training and tagging see tokens the same way.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy

from arnews.ner.text import norm_token

# Proclitic clusters, longest first: conjunction (و ف), preposition (ب ل ك), article (ال).
PROCLITICS = sorted({
    "وال", "فال", "بال", "كال", "لل", "ال", "وبال", "فبال", "وكال", "ولل", "فلل",
    "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك", "س", "وس",
}, key=len, reverse=True)
ENCLITICS = sorted({"ها", "هما", "هم", "هن", "نا", "كم"}, key=len, reverse=True)
MAX_CHARS = 20          # letters of a word the character CNN reads
MAX_TOKEN_CHARS = 64    # a "word" longer than this (minified script, a run of letters) is cut
                        # before any look-up: floret hashes every n-gram of what it is given
GAZ_LABELS = ("PERS", "PERS_B", "PERS_I", "ORG", "LOC")
N_GAZ = len(GAZ_LABELS) + 2   # + log frequency, + "never seen"


def char_class(ch: str) -> str:
    if ch.isdigit():
        return "d"
    if "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff":
        return "a"
    if ch.isalpha():
        return "x" if ch.isupper() else "l"
    return ch


def strip_clitics(word: str) -> tuple[str, str, str]:
    """(proclitics, stem, enclitic) by longest match, keeping a stem of at least 2 letters
    (3 before an enclitic): والرياض -> (وال, رياض, '')."""
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


@dataclass(frozen=True)
class TokenView:
    word: str      # normalised, lower-cased
    stem: str      # word without its clitics
    clitics: str   # "proclitics|enclitic"
    shape: str     # character classes of the first 4 characters, case kept


def view(token: str) -> TokenView:
    t = norm_token(token[:MAX_TOKEN_CHARS])  # already cut by Featuriser; view is public too
    word = t.lower()
    pro, stem, enc = strip_clitics(word)
    return TokenView(word, stem, f"{pro}|{enc}", "".join(char_class(c) for c in t[:4]))


class Gazetteer:
    """Word -> [occurrences, in PERS, first word of PERS, later word of PERS, in ORG, in
    LOC] counted over news text tagged by the rule-based recogniser."""

    def __init__(self, counts: dict[str, list[int]]):
        self.counts = counts

    def features(self, word: str) -> list[float]:
        row = self.counts.get(word)
        if row is None:
            return [0.0] * (N_GAZ - 1) + [1.0]
        n = row[0]
        return [min(math.log1p(n) / 12, 1.0)] + [c / n for c in row[1:]] + [0.0]

    def to_tsv(self, path: Path) -> None:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("word\tn\t" + "\t".join(GAZ_LABELS) + "\n")
            for w, row in sorted(self.counts.items(), key=lambda kv: (-kv[1][0], kv[0])):
                fh.write(w + "\t" + "\t".join(str(c) for c in row) + "\n")

    @classmethod
    def from_tsv(cls, path: Path) -> "Gazetteer":
        counts = {}
        with open(path, encoding="utf-8") as fh:
            next(fh)
            for line in fh:
                w, *row = line.rstrip("\n").split("\t")
                counts[w] = [int(c) for c in row]
        return cls(counts)


class FloretVectors:
    """A floret table (hashed subword vectors) looked up through spaCy's `Vectors`, so any
    word, seen or not, gets a vector. Stored as float16 to halve the model's size."""

    def __init__(self, table: numpy.ndarray, settings: dict):
        from spacy.vectors import Vectors

        self.settings = settings
        self.vectors = Vectors(data=numpy.asarray(table, dtype="float32"), mode="floret",
                               **settings)

    @property
    def dim(self) -> int:
        return int(self.vectors.shape[1])

    def unit(self, words: Sequence[str]) -> numpy.ndarray:
        v = numpy.asarray(self.vectors.get_batch(list(words)), dtype="float32")
        return v / (numpy.linalg.norm(v, axis=1, keepdims=True) + 1e-6)

    @classmethod
    def from_spacy(cls, vectors) -> "FloretVectors":
        settings = {k: getattr(vectors, k) for k in
                    ("minn", "maxn", "hash_count", "hash_seed", "bow", "eow")}
        return cls(numpy.asarray(vectors.data, dtype="float16"), settings)

    def save(self, folder: Path) -> None:
        numpy.save(folder / "vectors.npy", numpy.asarray(self.vectors.data).astype("float16"))
        (folder / "vectors.json").write_text(json.dumps(self.settings, indent=1))

    @classmethod
    def load(cls, folder: Path) -> "FloretVectors":
        return cls(numpy.load(folder / "vectors.npy"),
                   json.loads((folder / "vectors.json").read_text()))


@dataclass
class Vocabularies:
    words: list[str]       # word embeddings (index + 2; 1 = unknown, 0 = padding)
    chars: list[str]
    clitics: list[str]
    shapes: list[str]
    lm_words: int          # the first lm_words words are the pretraining targets

    def to_json(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "Vocabularies":
        return cls(**json.loads(text))


class Featuriser:
    """Sentence -> tensors. Per-token results are cached: news repeats its words."""

    def __init__(self, vocab: Vocabularies, vectors: FloretVectors, gazetteer: Gazetteer,
                 cache_size: int = 60_000):   # about 2 KB a token (its 414-float vector): ~125 MB
        self.vocab = vocab
        self.vectors = vectors
        self.gazetteer = gazetteer
        self._words = {w: i + 2 for i, w in enumerate(vocab.words)}
        self._chars = {c: i + 2 for i, c in enumerate(vocab.chars)}
        self._clitics = {c: i + 1 for i, c in enumerate(vocab.clitics)}
        self._shapes = {s: i + 1 for i, s in enumerate(vocab.shapes)}
        self._cache: dict[str, tuple] = {}
        self._cache_size = cache_size

    def clear_cache(self) -> None:
        self._cache.clear()

    @property
    def dense_dim(self) -> int:
        return 2 * self.vectors.dim + 2 * N_GAZ

    def sizes(self) -> dict[str, int]:
        return {"n_words": len(self.vocab.words), "n_chars": len(self.vocab.chars),
                "n_clitics": len(self.vocab.clitics), "n_shapes": len(self.vocab.shapes),
                "dense_dim": self.dense_dim}

    def _tokens(self, tokens: Sequence[str]) -> list[tuple]:
        tokens = [t[:MAX_TOKEN_CHARS] for t in tokens]
        missing = [t for t in dict.fromkeys(tokens) if t not in self._cache]
        if missing:
            views = [view(t) for t in missing]
            vecs = self.vectors.unit([v.word for v in views] + [v.stem for v in views])
            n = len(views)
            if len(self._cache) + n > self._cache_size:
                self._cache.clear()
            for i, (t, v) in enumerate(zip(missing, views)):
                dense = numpy.concatenate([
                    vecs[i], vecs[n + i],
                    numpy.asarray(self.gazetteer.features(v.word)
                                  + self.gazetteer.features(v.stem), dtype="float32")])
                chars = [self._chars.get(c, 1) for c in v.word[:MAX_CHARS]]
                self._cache[t] = (self._words.get(v.word, 1), self._clitics.get(v.clitics, 0),
                                  self._shapes.get(v.shape, 0), chars, dense)
        return [self._cache[t] for t in tokens]

    def encode(self, tokens: Sequence[str]) -> dict:
        """One sentence's tensors: word, clitic and shape ids, padded character ids
        (a blank column either side) and the dense features."""
        import torch

        rows = self._tokens(tokens)
        width = max(len(r[3]) for r in rows) + 2
        chars = numpy.zeros((len(rows), width), dtype="int64")
        for i, r in enumerate(rows):
            chars[i, 1:1 + len(r[3])] = r[3]
        return {
            "words": torch.tensor([r[0] for r in rows]),
            "clitics": torch.tensor([r[1] for r in rows]),
            "shapes": torch.tensor([r[2] for r in rows]),
            "chars": torch.from_numpy(chars),
            "dense": torch.from_numpy(numpy.stack([r[4] for r in rows])),
        }
