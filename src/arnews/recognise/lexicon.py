"""Load the word lists the rule-based recognisers use, normalised like article text.

The lists are plain text files beside this module (`lexicons/`), one entry per line with
`#` comments, so a linguist can extend them without reading Python. Multi-word entries
are matched as token sequences.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from arnews.recognise import words as W
from arnews.recognise.wordfiles import entries, lines as _lines
from arnews.text.normalise import normalise_word

__all__ = ["Lexicons", "WordStats", "entries", "load_lexicons", "load_stats", "load_triggers",
           "nationality_forms"]

MODELS_DIR = Path(__file__).resolve().parents[3] / "models"


@dataclass(frozen=True)
class WordStats:
    first: int = 0   # tagged as the first word of a person name
    inner: int = 0   # a later word of a person name
    place: int = 0
    other: int = 0
    org: int = 0     # part of an organisation name (counted besides the above)

    @property
    def total(self) -> int:
        return self.first + self.inner + self.place + self.other


@dataclass
class Lexicons:
    titles: set[tuple[str, ...]]
    name_titles: set[tuple[str, ...]]
    role_heads: set[tuple[str, ...]]
    org_heads: set[tuple[str, ...]]
    groups: set[tuple[str, ...]]
    stopwords: set[str]
    triggers: dict[tuple[str, ...], tuple[str, str, str]]      # verb / noun / poss forms
    light_verbs: dict[tuple[str, ...], tuple[str, str, str]]   # أجرى، عقد ... + an event noun
    event_nouns: dict[tuple[str, ...], tuple[str, str, str]]   # مباحثات، اتصالا هاتفيا ...
    with_verbs: dict[tuple[str, ...], tuple[str, str, str]]    # بحث، ناقش ... + مع
    nationalities: set[str] = field(default_factory=set)
    stats: dict[str, WordStats] = field(default_factory=dict)

    def stat(self, word: str) -> WordStats:
        return self.stats.get(word, WordStats())

    def is_stop(self, word: str) -> bool:
        return word in self.stopwords or (word[:1] in W.CONJUNCTION_LETTERS and word[1:] in self.stopwords)

    def is_common(self, word: str) -> bool:
        """A frequent ordinary word: seen often outside names in the annotated corpora."""
        s = self.stat(word)
        return s.other >= 3 and (s.first + s.inner) * 3 < s.other

    def is_first_name(self, word: str) -> bool:
        s = self.stat(word)
        return s.first >= 2 and s.first + s.inner >= s.other + s.place

    def is_name_word(self, word: str) -> bool:
        s = self.stat(word)
        return s.first + s.inner >= 2 and s.first + s.inner >= s.other


def load_stats(path: Path) -> dict[str, WordStats]:
    if not path.exists():
        return {}
    out: dict[str, WordStats] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            out[row["word"]] = WordStats(int(row["first"]), int(row["inner"]), int(row["place"]),
                                         int(row["other"]), int(row.get("org") or 0))
    return out


def load_triggers() -> dict[str, dict[tuple[str, ...], tuple[str, str, str]]]:
    """The trigger file split by kind: 'main' (verb, noun, poss), 'light', 'event', 'with'."""
    out: dict[str, dict] = {"main": {}, "light": {}, "event": {}, "with": {}}
    for line in _lines("meeting_triggers.tsv"):
        form, kind, sides, mode = line.split("\t")
        key = tuple(normalise_word(w) for w in form.split())
        out[kind if kind in ("light", "event", "with") else "main"][key] = (kind, sides, mode)
    return out


@lru_cache(maxsize=4)
def load_lexicons(stats_path: str | None = None) -> Lexicons:
    path = Path(stats_path) if stats_path else MODELS_DIR / "name_stats" / "name_stats.tsv"
    return Lexicons(
        titles=entries("titles.txt"),
        name_titles=entries("name_titles.txt"),
        role_heads=entries("role_heads.txt"),
        org_heads=entries("org_heads.txt"),
        groups=entries("groups.txt"),
        stopwords={w for (w, *_rest) in entries("stopwords.txt")},
        triggers=(trig := load_triggers())["main"],
        light_verbs=trig["light"],
        event_nouns=trig["event"],
        with_verbs=trig["with"],
        nationalities=nationality_forms(),
        stats=load_stats(path),
    )


def nationality_forms() -> set[str]:
    """Every form of the nationality adjectives: with and without ال, feminine, plural."""
    out = set()
    for (word, *rest) in entries("nationalities.txt"):
        if rest:
            continue                     # multi-word entries are not matched token by token
        for form in (word, *(word + ending for ending in W.NATIONALITY_ENDINGS)):
            out |= {form, W.ARTICLE + form}
    return out
