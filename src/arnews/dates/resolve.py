"""Small pure functions that place the parts of a temporal expression on the calendar.

Kept apart from the patterns so that each convention (which Monday is "الاثنين الماضي",
which year a bare "يونيو" is in, how a Hijri month becomes a Gregorian one) is one
function that can be tested and changed on its own.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Literal, Sequence, TypeVar

from hijridate import Gregorian, Hijri

T = TypeVar("T")

# How an expression without a year is placed relative to the anchor:
#   past     - the latest occurrence strictly before the anchor (يونيو الماضي)
#   next     - the earliest occurrence strictly after it (يونيو المقبل)
#   current  - the anchor's own year (11 آب الجاري)
#   nearest  - whichever occurrence is closest to the anchor (a bare يونيو)
Mode = Literal["past", "next", "current", "nearest"]

GREGORIAN_YEARS = range(1900, 2101)   # a bare year must be in here to count
DATE_YEARS = range(1800, 2101)        # the year of a full Gregorian date
HIJRI_YEARS = range(1300, 1501)       # a Hijri year as written (conversion: 1343-1500)


def shift_days(anchor: date, days: int) -> date:
    return anchor + timedelta(days=days)


def resolve_weekday(anchor: date, weekday: int, direction: int, *, inclusive: bool) -> date:
    """The `weekday` (Monday = 0) nearest the anchor going back (direction < 0) or forward.

    `inclusive` lets the anchor itself count: a bare "الاثنين" in a report dated on a
    Monday is that day, while "الاثنين الماضي" is a week earlier.
    """
    if direction < 0:
        delta = (anchor.weekday() - weekday) % 7
    else:
        delta = (weekday - anchor.weekday()) % 7
    if delta == 0 and not inclusive:
        delta = 7
    return anchor + timedelta(days=delta if direction >= 0 else -delta)


def choose(candidates: Sequence[tuple[int, T] | None], ref: int, mode: Mode) -> T | None:
    """Pick one of three candidate occurrences (previous, current, next cycle).

    Each candidate is (sort key, value) or None when it does not exist (29 February
    in a common year, a Hijri year outside the conversion table); `ref` is the anchor's
    key on the same scale (a day ordinal or year*12+month).
    """
    prev, cur, nxt = candidates
    if mode == "current":
        return cur[1] if cur else None
    present = [c for c in candidates if c is not None]
    if mode == "past":
        before = [c for c in present if c[0] < ref]
        return max(before, key=lambda c: c[0])[1] if before else None
    if mode == "next":
        after = [c for c in present if c[0] > ref]
        return min(after, key=lambda c: c[0])[1] if after else None
    # nearest; on a tie the current cycle wins, then the earlier one
    order = [c for c in (cur, prev, nxt) if c is not None]
    return min(order, key=lambda c: abs(c[0] - ref))[1] if order else None


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def day_month_in_year(anchor: date, month: int, day: int, mode: Mode) -> date | None:
    """A Gregorian day and month without a year, placed against the anchor."""
    cands = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = safe_date(y, month, day)
        cands.append((d.toordinal(), d) if d else None)
    return choose(cands, anchor.toordinal(), mode)


def month_in_year(anchor: date, month: int, mode: Mode) -> int | None:
    """The year of a Gregorian month named without one (at month precision)."""
    ref = anchor.year * 12 + anchor.month
    cands = [((y * 12 + month), y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    return choose(cands, ref, mode)


def season_year(anchor: date, first_month: int, mode: Mode) -> int | None:
    """The year of a season named relative to the anchor (الخريف المقبل، الصيف الماضي).

    Seasons are meteorological (three months from `first_month`); winter (December to
    February) is labelled with the year of its January, where most of it lies.
    "past" is the latest season that ended before the anchor's month, "next" the first
    that starts after it, "current" the one containing it, else the nearest.
    """
    ref = anchor.year * 12 + anchor.month - 1
    spans = []
    for label in range(anchor.year - 2, anchor.year + 3):
        start = (label - (1 if first_month == 12 else 0)) * 12 + first_month - 1
        spans.append((start, label))
    if mode == "past":
        done = [s for s in spans if s[0] + 3 <= ref]
        return max(done)[1] if done else None
    if mode == "next":
        ahead = [s for s in spans if s[0] > ref]
        return min(ahead)[1] if ahead else None
    inside = [s for s in spans if s[0] <= ref < s[0] + 3]
    if inside:
        return inside[0][1]
    return min(spans, key=lambda s: min(abs(s[0] - ref), abs(s[0] + 2 - ref)))[1]


# --- Hijri (Umm al-Qura, via hijridate) ------------------------------------------------

def hijri_to_date(year: int, month: int, day: int) -> date | None:
    """Umm al-Qura conversion; None outside the table (1343-1500 AH) or for a bad day."""
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(g.year, g.month, g.day)


def date_to_hijri(d: date) -> tuple[int, int, int] | None:
    try:
        h = Gregorian(d.year, d.month, d.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return h.year, h.month, h.day


def hijri_year_to_gregorian(year: int, part_day: int = 1) -> int | None:
    """A Hijri year alone is given as the Gregorian year in which it began (1 Muharram).

    A Hijri year straddles two Gregorian years (1436 AH = 25 Oct 2014 - 13 Oct 2015);
    the output schema has no "year span", so we take its first day, as reference works
    do when they print "1436 هـ (2014 م)". After منتصف / نهاية (part_day 15 / 28) we
    take 1 Rajab / 1 Dhu al-Hijja instead: "نهاية عام 1436هـ" is in 2015.
    """
    month = {15: 7, 28: 12}.get(part_day, 1)
    first = hijri_to_date(year, month, 1)
    return first.year if first else None


def hijri_month_to_gregorian(year: int, month: int, day: int = 1) -> str | None:
    """A Hijri month (at month precision) as the Gregorian YYYY-MM containing `day` of it.

    `day` is 1 unless the text says which part of the month (منتصف رمضان -> 15).
    """
    d = hijri_to_date(year, month, day) or hijri_to_date(year, month, min(day, 29))
    return f"{d:%Y-%m}" if d else None


def hijri_day_month(anchor: date, month: int, day: int, mode: Mode) -> date | None:
    """A Hijri day and month without a year, placed against the anchor."""
    h = date_to_hijri(anchor)
    if h is None:
        return None
    cands = []
    for y in (h[0] - 1, h[0], h[0] + 1):
        d = hijri_to_date(y, month, day)
        cands.append((d.toordinal(), d) if d else None)
    return choose(cands, anchor.toordinal(), mode)


def hijri_month_year(anchor: date, month: int, mode: Mode) -> int | None:
    """The Hijri year of a Hijri month named without one."""
    h = date_to_hijri(anchor)
    if h is None:
        return None
    ref = h[0] * 12 + h[1]
    cands = [(y * 12 + month, y) for y in (h[0] - 1, h[0], h[0] + 1)]
    return choose(cands, ref, mode)
