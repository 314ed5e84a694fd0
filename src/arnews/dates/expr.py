"""What the handlers share: the `TimeExpr` they return, the context they read, and small
readers of a match's groups and of the words around it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Callable

from arnews.dates import patterns as P
from arnews.dates import resolve as R


@dataclass(frozen=True)
class TimeExpr:
    """One temporal expression: its span in the text given and its ISO value."""

    start: int
    end: int
    text: str
    value: str | None        # 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'; None if unresolvable
    calendar: str            # 'gregorian' or 'hijri', as written
    relative: bool           # the value was computed from the anchor
    anchor: date | None      # the anchor used (None when not relative)
    kind: str                # numeric, month_name, hijri, dual, relative_day, weekday,
                             # relative_period, year


@dataclass(frozen=True)
class Ctx:
    """The text a pattern ran over, the anchor (publication date) and the report's tense."""

    text: str
    anchor: date | None
    past: bool


Handler = Callable[[re.Match[str], Ctx], "TimeExpr | None"]


def word_before(text: str, pos: int) -> str:
    """The word just before `pos` (skipping spaces and punctuation), or ''."""
    words = P.WORD.findall(text[max(0, pos - 40):pos])
    return words[-1] if words else ""


def word_after(text: str, pos: int) -> str:
    m = P.WORD.search(text, pos, min(len(text), pos + 40))
    return m.group() if m else ""


def is_in(word: str, vocab: frozenset[str]) -> bool:
    """`word` or `word` without one or two leading clitics (و ف ب ل) is in `vocab`."""
    forms = [word]
    for _ in range(2):
        if forms[-1][:1] in ("و", "ف", "ب", "ل") and len(forms[-1]) > 2:
            forms.append(forms[-1][1:])
    return any(f in vocab for f in forms)


def mode_of(adj: str | None) -> R.Mode:
    """How an adjective places the expression (الماضي -> past); none or an epithet: nearest."""
    if adj:
        k = P.key(adj)
        for form in (k, k[:-1], k[:-2]):     # الماضي / الماضية / الماضيين
            if form in P.PAST_ADJ:
                return "past"
            if form in P.NEXT_ADJ:
                return "next"
            if form in P.CUR_ADJ:
                return "current"
    return "nearest"


def year_shift(m: re.Match[str]) -> int | None:
    """The year offset of "من العام الماضي / المقبل / هذا العام" after a month, if any."""
    if m.group("ythis"):
        return 0
    if m.group("yadj"):
        return {"past": -1, "next": 1}.get(mode_of(m.group("yadj")), 0)
    return None


def make(m: re.Match[str], ctx: Ctx, value: str | None, kind: str, *,
         calendar: str = "gregorian", relative: bool = False, end: int | None = None
         ) -> TimeExpr:
    """The expression in group `x` of `m` (or up to `end`), with its value."""
    start, stop = m.start("x"), m.end("x") if end is None else end
    return TimeExpr(start, stop, ctx.text[start:stop], value, calendar, relative,
                    ctx.anchor if relative else None, kind)


def day_of(m: re.Match[str]) -> int | None:
    """The day of the month a match names: a number, an ordinal or غرة (the first)."""
    if m.group("d"):
        return int(m.group("d"))
    if m.group("ord"):
        return P.ORDINAL_NO.get(P.key(m.group("ord")))
    if m.group("first"):
        return 1
    return None


def iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
