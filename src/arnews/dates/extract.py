"""Find temporal expressions in normalised Arabic text and resolve them to ISO values.

Each pattern in `patterns.py` has a handler (in `absolute.py` or `relative.py`, listed in
`RULES` below) that reads its groups, rejects the matches that are names or ordinary
words, and places the expression on the calendar with the functions of `resolve.py`.
All candidates are pooled and the longest win, so "يوم الخميس 27 أغسطس 2015" is one
expression and not a weekday plus a date plus a year.

Resolution conventions (the anchor is the publication date):
  * relative days (أمس، غداً، أول أمس ...) -> anchor +/- n days;
  * a weekday with الماضي / المقبل -> strictly before / after the anchor (on a Sunday,
    "الأحد الماضي" is 7 days back); a bare weekday -> the latest on or before the anchor
    when the report is past tense (`past=True`), else the next on or after it;
  * الأسبوع الماضي / المقبل / الجاري -> 'YYYY-MM' of anchor -7 / +7 / +0 days: the
    schema has no week precision, and the month of the day a week away is what a reader
    of the table needs to place the event;
  * الشهر / العام ... -> 'YYYY-MM' / 'YYYY' shifted by one; "5 من الشهر الجاري" -> that
    day of that month; الخريف المقبل -> the year of that season (resolve.season_year);
  * a month (and day) without a year -> with الماضي the latest occurrence before the
    anchor, with المقبل the next one after it, with الجاري the anchor's year, with
    "من العام الماضي" the anchor's year -1, bare the occurrence nearest the anchor;
    مطلع/منتصف/نهاية ... keep month (or year) precision;
  * Hijri dates -> Gregorian by the Umm al-Qura table; a Hijri month -> the Gregorian
    month of its first day (or of its 15th/28th after منتصف/نهاية); a Hijri year alone ->
    the Gregorian year in which its 1 Muharram falls (calendar stays 'hijri');
  * a Hijri date with its Gregorian equivalent (الموافق) -> one expression, kind 'dual',
    with the value and calendar of the more precise part, the Gregorian one on a tie;
    "يوم الخميس القادم الموافق 28 شوال" -> one expression with the date's value.
`relative` is True when the value depends on the anchor, and then `anchor` records it;
with no anchor such expressions are still returned with value None.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Callable

from arnews.dates import absolute as A
from arnews.dates import patterns as P
from arnews.dates import relative as RL
from arnews.dates.expr import Ctx, Handler, TimeExpr
from arnews.text.normalise import normalise

__all__ = ["RULES", "TimeExpr", "find_dates", "parse_date"]


# Order breaks ties between candidates of the same length.
RULES: list[tuple[re.Pattern[str], Handler]] = [
    (P.NUMERIC, A.numeric),
    (P.GREGORIAN, A.gregorian),
    (P.HIJRI, A.hijri),
    (P.RELATIVE_DAY, RL.relative_day),
    (P.WEEKDAY_EXPR, RL.weekday),
    (P.PERIOD_EXPR, RL.period),
    (P.SEASON_EXPR, RL.season),
    (P.YEAR_CUED, A.year_cued),
    (P.YEAR_MARKED, A.year),
    (P.YEAR_IN_PERIOD, A.year_in_context),
    (P.YEAR_IN_CONTEXT, A.year_in_context),
    (P.DAYS_AGO, RL.days_ago),
]
_ABSOLUTE_KINDS = {"numeric", "month_name", "hijri", "year"}
_RELATIVE_KINDS = {"weekday", "relative_day"}


def _select(cands: list[tuple[int, TimeExpr]]) -> list[TimeExpr]:
    """Longest first (then leftmost, then rule order); drop anything overlapping."""
    taken: list[TimeExpr] = []
    for _, e in sorted(cands, key=lambda c: (c[1].start - c[1].end, c[1].start, c[0])):
        if all(e.end <= t.start or e.start >= t.end for t in taken):
            taken.append(e)
    return sorted(taken, key=lambda e: e.start)


def _apposition(a: TimeExpr, b: TimeExpr, text: str) -> TimeExpr | None:
    """"يوم الخميس القادم الموافق 28 شوال 1436هـ": the date named by a weekday or relative day."""
    if a.kind not in _RELATIVE_KINDS or b.kind not in _ABSOLUTE_KINDS or b.kind == "year":
        return None
    if P.APPOSITION_GAP.fullmatch(text, a.end, b.start) is None:
        return None
    return TimeExpr(a.start, b.end, text[a.start:b.end], b.value, b.calendar, b.relative,
                    b.anchor, b.kind)


def _dual(a: TimeExpr, b: TimeExpr, text: str) -> TimeExpr | None:
    """"<Hijri date> الموافق <Gregorian date>" (either order, or in brackets): one date."""
    if {a.calendar, b.calendar} != {"gregorian", "hijri"}:
        return None
    if a.kind not in _ABSOLUTE_KINDS or b.kind not in _ABSOLUTE_KINDS:
        return None
    gap = P.DUAL_GAP.fullmatch(text, a.end, b.start)
    if gap is None:
        return None
    end = b.end
    if gap.group("paren"):
        close = P.CLOSE_PAREN.match(text, end)
        end = close.end() if close else end
    greg, hij = (a, b) if a.calendar == "gregorian" else (b, a)
    best = hij if len(hij.value or "") > len(greg.value or "") else greg
    return TimeExpr(a.start, end, text[a.start:end], best.value, best.calendar,
                    best.relative, best.anchor, "dual")


def _merge(exprs: list[TimeExpr], text: str,
           join: Callable[[TimeExpr, TimeExpr, str], TimeExpr | None]) -> list[TimeExpr]:
    """Join neighbours that `join` accepts, left to right (a joined pair may join again)."""
    out: list[TimeExpr] = []
    for e in exprs:
        joined = join(out[-1], e, text) if out else None
        if joined is None:
            out.append(e)
        else:
            out[-1] = joined
    return out


def _find_normalised(text: str, anchor: date | None, past: bool) -> list[TimeExpr]:
    ctx = Ctx(text, anchor, past)
    cands: list[tuple[int, TimeExpr]] = []
    for order, (regex, handler) in enumerate(RULES):
        for m in regex.finditer(text):
            e = handler(m, ctx)
            if e is not None:
                cands.append((order, e))
    exprs = _merge(_select(cands), text, _apposition)
    return _merge(exprs, text, _dual)


def find_dates(text: str, anchor: date | None, *, past: bool = True) -> list[TimeExpr]:
    """Temporal expressions in `text`, non-overlapping, sorted by start.

    `text` should be normalised (`arnews.text.normalise.normalise(...).text`), as the
    pipeline does; raw text is accepted too, in which case it is normalised here and the
    spans are mapped back, so offsets always index the string passed in. `anchor` is the
    publication date; `past` says the report is in the past tense (bare weekdays).
    """
    norm = normalise(text)
    if norm.text == text:
        return _find_normalised(text, anchor, past)
    out = []
    for e in _find_normalised(norm.text, anchor, past):
        s, t = norm.to_original(e.start, e.end)
        out.append(replace(e, start=s, end=t, text=text[s:t]))
    return out


_ENGLISH_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%d/%m/%Y %H:%M",
                    "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")


def parse_date(text: str) -> date | None:
    """One absolute date string (a header or metadata field) as a date, else None.

    Accepts ISO dates and timestamps, RFC 2822 (feeds), a few English forms, and
    anything `find_dates` resolves to a full absolute date (27/08/2012، ٢٧/٨/٢٠١٢،
    الثلاثاء 11 أغسطس 2015، 26 شوال 1436 هـ).
    """
    s = " ".join(text.split())
    if not s:
        return None
    try:
        return datetime.fromisoformat(s).date()
    except ValueError:
        pass
    for fmt in _ENGLISH_FORMATS:
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    if re.search(r"[A-Za-z]{3},? \d", s):
        try:
            return parsedate_to_datetime(s).date()
        except (TypeError, ValueError):
            pass
    for e in find_dates(normalise(s).text, None):
        if not e.relative and e.value and len(e.value) == 10:
            return date.fromisoformat(e.value)
    return None
