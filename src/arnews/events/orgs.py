"""A participant's organisation when the article names none beside the person: what the
role governs (وزير الصحة -> الصحة، مدير مكتب التعليم بالرويضة -> مكتب التعليم بالرويضة), or
the state a nationality or a head-of-state title stands for (نظيره التركي -> تركيا،
خادم الحرمين الشريفين -> المملكة العربية السعودية), as MEETINGS.md's conventions read a
minister's, a head of state's or an envoy's organisation."""
from __future__ import annotations

from functools import lru_cache

from arnews.recognise.lexicon import load_lexicons
from arnews.recognise.lookups import Lookups
from arnews.recognise.wordfiles import lines
from arnews.recognise.words import ARTICLE, ROLE_ADJECTIVES
from arnews.text.normalise import normalise_word
from arnews.text.tokens import Tok


@lru_cache(maxsize=1)
def _states() -> dict[tuple[str, ...], str]:
    out = {}
    for line in lines("states.tsv", package="arnews.events"):
        key, _, state = line.partition("\t")
        out[tuple(normalise_word(w) for w in key.split())] = state.strip()
    return out


@lru_cache(maxsize=1)
def _look() -> Lookups:
    return Lookups(load_lexicons())


def org_from_role(role: str | None) -> str | None:
    """The organisation a role names or implies, or None."""
    if not role:
        return None
    words = role.split()
    norm = [normalise_word(w) for w in words]
    states = _states()
    for n in range(len(norm), 0, -1):                  # خادم الحرمين الشريفين ...
        if tuple(norm[:n]) in states:
            return states[tuple(norm[:n])]
    toks = [Tok(w, 0, len(w), False, False) for w in norm]
    head = max(_look().match(toks, 0, "role_heads"), 1)
    while head < len(norm) and (norm[head] in ROLE_ADJECTIVES or ARTICLE + norm[head] in ROLE_ADJECTIVES):
        head += 1                                      # مدير عام، الأمين العام المساعد
    rest = norm[head:]
    if not rest:
        return None
    if (state := states.get((rest[0].removeprefix(ARTICLE),))):
        return state                                   # نظيره التركي، السفير الإسرائيلي السابق
    return " ".join(words[head:])
