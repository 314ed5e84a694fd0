"""Handlers of the expressions that name the calendar: numeric dates, Gregorian and Hijri
month names (placed by the anchor when they have no year) and years.

Each reads its pattern's groups, rejects the matches that are names or ordinary words,
and places the expression with the functions of `resolve.py`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from arnews.dates import patterns as P
from arnews.dates import resolve as R
from arnews.dates.expr import (Ctx, TimeExpr, day_of, is_in, iso, iso_month, make, mode_of,
                               word_before, year_shift)


def numeric(m: re.Match[str], ctx: Ctx) -> TimeExpr | None:
    """27/08/2012, 2012-08-27, 1436/10/19هـ: day first unless the year leads."""
    if m.group("y1"):
        d, mo, y = int(m.group("d1")), int(m.group("m1")), int(m.group("y1"))
    else:
        d, mo, y = int(m.group("d2")), int(m.group("m2")), int(m.group("y2"))
    hijri = bool(m.group("hm")) or (y in R.HIJRI_YEARS and not m.group("gm"))
    if hijri:
        return make(m, ctx, iso(R.hijri_to_date(y, mo, d)), "numeric", calendar="hijri")
    if y not in R.DATE_YEARS:
        return None
    # Day first is the Arabic convention; fall back to month first (08/27/2012).
    g = R.safe_date(y, mo, d) or (R.safe_date(y, d, mo) if m.group("y1") else None)
    return make(m, ctx, g.isoformat(), "numeric") if g else None


# --- month names ----------------------------------------------------------------------

@dataclass(frozen=True)
class MonthParts:
    """What a month-name match says besides the month, read once."""

    day: int | None
    year: int | None
    adj: str | None          # الماضي، المقبل ... (or a Hijri epithet)
    shift: int | None        # the year offset of "من العام الماضي" ...
    per: str | None          # a part of the month: مطلع، منتصف ...
    shahr: str | None        # the word شهر before the month

    @property
    def cued(self) -> bool:
        """Something besides the name makes it a date."""
        return any([self.day, self.year, self.adj, self.shahr, self.per, self.shift is not None])

    @property
    def precise(self) -> bool:
        """A day of the month, not a part of it."""
        return self.day is not None and not self.per


def month_parts(m: re.Match[str]) -> MonthParts:
    return MonthParts(day_of(m), int(m.group("y")) if m.group("y") else None, m.group("adj"),
                      year_shift(m), m.group("per"), m.group("shahr"))


def _names_a_day(m: re.Match[str], ctx: Ctx, p: MonthParts) -> bool:
    """A day and month without a year after a word such as ثورة is a name (ثورة 25 يناير،
    تيار 14 آذار)."""
    return bool(p.day) and p.year is None and p.shift is None and is_in(
        word_before(ctx.text, m.start("x")), P.DATE_NAME_BEFORE)


def _month_no(text: str, word_re: re.Pattern[str], table: dict[str, int]) -> int:
    """The month number of a (possibly doubled) month group: its first name decides."""
    first = word_re.match(text)
    return table[P.key(first.group() if first else text)]


def gregorian(m: re.Match[str], ctx: Ctx) -> TimeExpr | None:
    """Month names of all series, with optional day, year, adjective or part of month."""
    mon = m.group("mon")
    month = _month_no(mon, P.GMONTH_WORD, P.GREGORIAN_MONTH_NO)
    p, end = month_parts(m), None
    if p.year is not None and p.year not in R.DATE_YEARS:   # "5 مارس 2500 جندي"
        p, end = replace(p, year=None, adj=None), m.end("mon")
    if _a_word_not_a_month(m, ctx, p) or _names_a_day(m, ctx, p):
        return None
    if p.shift is not None:                            # يونيو من العام الماضي
        value = (_gregorian_value(ctx.anchor.year + p.shift, month, p)
                 if ctx.anchor is not None else None)
        return make(m, ctx, value, "month_name", relative=True)
    if p.year is not None:
        return make(m, ctx, _gregorian_value(p.year, month, p), "month_name", end=end)
    return make(m, ctx, _gregorian_near(ctx.anchor, month, p), "month_name", relative=True,
                end=end)


def _a_word_not_a_month(m: re.Match[str], ctx: Ctx, p: MonthParts) -> bool:
    """مارس "he practised", أب "father": an ambiguous name alone, without a cue or a
    preposition before it, is not a month."""
    k = P.key(m.group("mon"))
    return (k in P.GREGORIAN_MONTH_NO and k in P.AMBIGUOUS_MONTHS and not p.cued
            and not is_in(word_before(ctx.text, m.start("x")), P.MONTH_PREPOSITIONS))


def _gregorian_value(year: int, month: int, p: MonthParts) -> str | None:
    return iso(R.safe_date(year, month, p.day)) if p.precise else iso_month(year, month)


def _gregorian_near(anchor: date | None, month: int, p: MonthParts) -> str | None:
    """A month (and day) without a year, placed by the anchor and the adjective."""
    if anchor is None:
        return None
    mode = mode_of(p.adj)
    if p.precise:
        return iso(R.day_month_in_year(anchor, month, p.day, mode))
    y = R.month_in_year(anchor, month, mode)
    return iso_month(y, month) if y else None


def _hijri_year_of_month(gyear: int, month: int) -> int | None:
    """The Hijri year whose `month` begins in Gregorian `gyear` (رمضان 2015)."""
    approx = round((gyear - 622) * 33 / 32)
    for hy in (approx - 1, approx, approx + 1, approx + 2):
        g = R.hijri_to_date(hy, month, 1)
        if g and g.year == gyear:
            return hy
    return None


def hijri(m: re.Match[str], ctx: Ctx) -> TimeExpr | None:
    """Hijri month names; converted with the Umm al-Qura table."""
    k = P.key(m.group("hmon"))
    month = P.HIJRI_MONTH_NO[k]
    p = month_parts(m)
    if (k in P.HIJRI_NEED_YEAR and p.year is None and p.shift is None   # صفر "zero"
            or not p.cued                                   # رجب، رمضان as names
            or _names_a_day(m, ctx, p)):
        return None
    year = _shifted_hijri_year(p, ctx.anchor)
    if year is not None and year not in R.HIJRI_YEARS:     # رمضان 2015
        year = _hijri_year_of_month(year, month) if year in R.DATE_YEARS else None
        if year is None:
            return make(m, ctx, None, "hijri", calendar="hijri")
    if p.shift is not None and year is None:               # no anchor to shift from
        return make(m, ctx, None, "hijri", calendar="hijri", relative=True)
    part_day = P.PERIOD_DAY.get(P.key(p.per or ""), 1)
    if year is not None:
        value = (iso(R.hijri_to_date(year, month, p.day)) if p.precise
                 else R.hijri_month_to_gregorian(year, month, part_day))
        return make(m, ctx, value, "hijri", calendar="hijri", relative=p.shift is not None)
    return make(m, ctx, _hijri_near(ctx.anchor, month, p, part_day), "hijri",
                calendar="hijri", relative=True)


def _shifted_hijri_year(p: MonthParts, anchor: date | None) -> int | None:
    """The year as written or, for "رمضان من العام الماضي", the anchor's Hijri year shifted."""
    h = R.date_to_hijri(anchor) if p.shift is not None and anchor else None
    return h[0] + p.shift if h is not None else p.year


def _hijri_near(anchor: date | None, month: int, p: MonthParts, part_day: int) -> str | None:
    """A Hijri month (and day) without a year, placed by the anchor and the adjective."""
    if anchor is None:
        return None
    mode = mode_of(p.adj)
    if p.precise:
        return iso(R.hijri_day_month(anchor, month, p.day, mode))
    hy = R.hijri_month_year(anchor, month, mode)
    return R.hijri_month_to_gregorian(hy, month, part_day) if hy else None


# --- years ----------------------------------------------------------------------------

def year(m: re.Match[str], ctx: Ctx, *, years: range = R.DATE_YEARS,
         hijri_unmarked: bool = False) -> TimeExpr | None:
    """عام 2011، 2011م، 1436هـ, في 2016: a year alone."""
    y = int(m.group("y"))
    gm = m.groupdict().get("gm")
    hm = m.groupdict().get("hm")
    if hm or (hijri_unmarked and not gm and y in R.HIJRI_YEARS):
        if y not in R.HIJRI_YEARS:
            return None
        g = R.hijri_year_to_gregorian(y, P.PERIOD_DAY.get(P.key(m.groupdict().get("per") or ""), 1))
        return make(m, ctx, f"{g:04d}" if g else None, "year", calendar="hijri")
    if y not in years:
        return None
    return make(m, ctx, f"{y:04d}", "year")


def year_cued(m: re.Match[str], ctx: Ctx) -> TimeExpr | None:
    # "عام 1436" without a marker is Hijri: no Gregorian year that low is news.
    return year(m, ctx, hijri_unmarked=True)


def year_in_context(m: re.Match[str], ctx: Ctx) -> TimeExpr | None:
    return year(m, ctx, years=R.GREGORIAN_YEARS)
