"""Who a name stands for: its key (the words that identify its bearer), a stable entity
id from that key, and each person entity's canonical record in an article.

These are the link stage's public answers for the stages after it: events asks
`canonical_names(d)` for the fullest name of every person it reports.
"""
from __future__ import annotations

import hashlib

from arnews.document import Document, Person
from arnews.recognise.lexicon import Lexicons
from arnews.text.normalise import normalise_word


def name_key(text: str, lex: Lexicons) -> str:
    """The words of a name that identify its bearer: normalised, without titles."""
    titles = {t[0] for t in lex.titles | lex.name_titles if len(t) == 1}
    words = [w for w in normalise_word(text).replace('"', " ").split() if w not in titles]
    return " ".join(words)


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
