"""Names found only because a role or a title sits next to them: unknown foreign names
(الرئيس الكولومبي خوان مانويل سانتوس) and names the statistics do not know (حسام الجعبري
رئيس بلدية الخليل). What follows an anchor is decided by an ordered table of named tests.
"""
from __future__ import annotations

from dataclasses import dataclass

from arnews.recognise import words as W
from arnews.recognise.lookups import Lookups
from arnews.recognise.names import extend_name
from arnews.recognise.spans import NameSpan, RoleSpan
from arnews.recognise.steps import first
from arnews.text.tokens import Tok

HANDLED = True


def skip_titles(titles: list[tuple[int, int]], i: int) -> int:
    """The first position at or after i that does not start a title."""
    moved = True
    while moved:
        moved = False
        for s, e in titles:
            if s == i:
                i, moved = e, True
    return i


@dataclass
class Anchor:
    """The word right after a role or a title (titles skipped), and what is known so far."""

    look: Lookups
    toks: list[Tok]
    date_toks: set[int]
    taken: set[int]                  # tokens already in a name or a role
    starts: dict[int, NameSpan]      # the names the rules found, by their first token
    out: list[NameSpan]              # names found by position
    i: int

    @property
    def word(self) -> str:
        return self.toks[self.i].text


def _no_name_here(a: Anchor) -> bool | None:
    """Taken already, not name-like, definite, or a place (سفير ... لدى جمهورية + مصر)."""
    if a.i in a.taken or not a.look.name_like(a.toks, a.i, a.date_toks) or a.toks[a.i].definite \
            or a.look.is_place(a.word) or a.word in W.BUILDING_WORDS:
        return HANDLED
    return None


def _joins_next_name(a: Anchor) -> bool | None:
    """اللواء عائض + سالم القحطاني: the word before a known name is its first word."""
    if a.i + 1 in a.starts and not a.look.lex.is_common(a.word):
        a.starts[a.i + 1].start = a.i
        a.taken.add(a.i)
        return HANDLED
    return None


def _ordinary_word(a: Anchor) -> bool | None:
    """An ordinary word, or a possessed or plural noun (جلسته، باقات), is not a name."""
    if a.look.lex.is_common(a.word) or a.word.endswith(W.POSSESSED_ENDINGS):
        return HANDLED
    return None


def _name_after_anchor(a: Anchor) -> bool | None:
    """A name from here; one that runs into a known name's start joins it (محيي الدين بن +
    يحيى حكمي: one name); kept with two words or a known name word."""
    i = a.i
    end = extend_name(a.look, a.toks, i, a.date_toks, first_strong=True)
    inside = next((k for k in range(i, end) if k in a.taken), None)
    if inside is not None and inside in a.starts and inside > i:
        a.starts[inside].start = i
        a.taken |= set(range(i, inside))
        return HANDLED
    end = inside if inside is not None else end
    if end > i and (end - i >= 2 or a.look.lex.is_name_word(a.toks[i].text)):
        a.out.append(NameSpan(i, end, strength=1))
        a.taken |= set(range(i, end))
    return HANDLED


AFTER_ANCHOR = (_no_name_here, _joins_next_name, _ordinary_word, _name_after_anchor)


def _name_before_role(look: Lookups, toks: list[Tok], r: RoleSpan, taken: set[int], date_toks: set[int]
                      ) -> NameSpan | None:
    """NAME ROLE with a name the statistics do not know: two or three name-like words
    between a boundary and the role, the first indefinite."""
    j = r.start - 1
    while j >= 0 and r.start - j <= 3 and j not in taken and look.name_like(toks, j, date_toks) \
            and not look.lex.is_common(toks[j].text):
        j -= 1
    start = j + 1
    boundary = j < 0 or toks[j].is_punct or look.lex.is_stop(toks[j].text) or look.is_trigger_word(toks, j)
    while start < r.start - 1 and toks[start].definite:
        start, boundary = start + 1, False
    if r.start - start >= 2 and boundary and not toks[start].definite:
        return NameSpan(start, r.start, strength=1)
    return None


def names_by_position(look: Lookups, toks: list[Tok], roles: list[RoleSpan], names: list[NameSpan],
                      titles: list[tuple[int, int]], date_toks: set[int]) -> list[NameSpan]:
    """Names found only because a role or title sits next to them (unknown foreign names)."""
    taken = {k for n in names for k in range(n.start, n.end)}
    taken |= {k for r in roles for k in range(r.start, r.end)}
    out: list[NameSpan] = []
    anchors = [r.end for r in roles if not look.match(toks, r.start, "groups")] + [e for _, e in titles]
    starts = {n.start: n for n in names}
    for a in anchors:
        state = Anchor(look, toks, date_toks, taken, starts, out, skip_titles(titles, a))
        first(AFTER_ANCHOR, state)
    for r in roles:
        if look.match(toks, r.start, "groups"):
            continue
        name = _name_before_role(look, toks, r, taken, date_toks)
        if name is not None:
            out.append(name)
            taken |= set(range(name.start, r.start))
    return out
