"""Who a name stands for: its key (the words that identify its bearer), a stable entity
id from that key, and each person entity's canonical record in an article.

These are the link stage's public answers for the stages after it: events asks
`canonical_names(d)` for the fullest name of every person it reports.
"""
from __future__ import annotations

import hashlib

from arnews.document import Document, Person
from arnews.recognise import words as RW
from arnews.recognise.lexicon import Lexicons
from arnews.recognise.lookups import DASHES
from arnews.text.normalise import normalise_word


def name_key(text: str, lex: Lexicons) -> str:
    """The words of a name that identify its bearer: normalised, without titles, written
    one way (see `canonical_words`)."""
    words = normalise_word(text).replace('"', " ").split()
    return " ".join(canonical_words(_without_titles(words, lex)))


_TITLES: dict[int, tuple[set[tuple[str, ...]], list[int]]] = {}


def _leading_titles(lex: Lexicons) -> tuple[set[tuple[str, ...]], list[int]]:
    """The word sequences a name key drops at its start, and their lengths, longest first
    (built once per lexicon: the key is computed for every mention)."""
    if id(lex) not in _TITLES:
        titles = lex.titles | lex.name_titles | {t for t in lex.role_heads if len(t) > 1}
        _TITLES[id(lex)] = (titles, sorted({len(t) for t in titles}, reverse=True))
    return _TITLES[id(lex)]


def _title_words(words: list[str], lex: Lexicons) -> int:
    """How many of the (normalised) words a name starts with are its titles and honorific
    roles; at least one word is left for the name."""
    titles, lengths = _leading_titles(lex)
    k = 0
    while True:
        n = next((n for n in lengths if k + n < len(words) and tuple(words[k:k + n]) in titles), 0)
        if not n:
            return k
        k += n


def split_title(text: str, lex: Lexicons) -> tuple[str | None, str]:
    """A name as written, split into its leading titles and the name itself:
    'الأمير محمد بن نايف' -> ('الأمير', 'محمد بن نايف'); a name that is only a title stays whole."""
    words = text.split()
    k = _title_words([normalise_word(w) for w in words], lex)
    return (" ".join(words[:k]) or None), " ".join(words[k:])


def _without_titles(words: list[str], lex: Lexicons) -> list[str]:
    """The name after its leading titles and honorific roles (خادم الحرمين الشريفين الملك
    ...; a one-word role may be a first name: أمير), up to an aside
    between dashes (-حفظه الله-); a title word later in the name is part of it (آل الشيخ)."""
    words = words[_title_words(words, lex):]
    aside = next((k for k, w in enumerate(words) if k and w.startswith(DASHES)), len(words))
    return words[:aside]


def canonical_words(words: list[str]) -> list[str]:
    """One spelling for the variants of one name: a compound first name as one word
    (عبد العزيز = عبدالعزيز, أبو بكر = أبوبكر) and ابن inside a chain as بن, so that the
    archive's spellings of one person share one key. The family (آل سعود) stays: أحمد بن
    عبدالعزيز آل ساهر is not the prince; link.archive merges a name with and without it."""
    words = [w.strip("".join(DASHES)) for w in words]
    words = [w for w in words if w]
    out: list[str] = []
    k = 0
    while k < len(words):
        w = words[k]
        if w in COMPOUND_FIRST and k + 1 < len(words) and words[k + 1] not in RW.CONNECTORS:
            out.append(w + words[k + 1])
            k += 2
            continue
        out.append(PATRONYMIC if w in RW.PATRONYMICS and out else w)
        k += 1
    return out


# the connector classes of recognise/lexicons/name_connectors.tsv, as the key uses them
COMPOUND_FIRST = RW.COMPOUND_STARTS - RW.PATRONYMICS     # عبد، أبو، أم: joined to the next word
PATRONYMIC = min(RW.PATRONYMICS, key=len)                 # بن: the one spelling of ابن / بن


def entity_id(label: str, key: str) -> str:
    return label[0] + hashlib.sha1(f"{label}|{key}".encode("utf-8")).hexdigest()[:12]


def canonical_names(d: Document) -> dict[str, Person]:
    """For each person entity of a linked document (entity id -> person record), the
    record with the fullest name, and on a tie the one with a role."""
    best: dict[str, Person] = {}
    for p in d.persons:
        if p.name is None or p.name.entity_id is None:
            continue
        cur = best.get(p.name.entity_id)
        if cur is None or (len(p.name.text), p.role is not None) > (len(cur.name.text), cur.role is not None):
            best[p.name.entity_id] = p
    return best
