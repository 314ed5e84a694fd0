"""Handlers of the expressions placed only by the anchor: relative days (أمس، غداً),
weekdays, the week, month or year before or after, seasons, and "N days ago".

Each reads its pattern's groups, rejects the matches that are names or ordinary words,
and places the expression with the functions of `resolve.py`.
"""
from __future__ import annotations

import re

from arnews.dates import patterns as P
from arnews.dates import resolve as R
from arnews.dates.expr import Ctx, TimeExpr, is_in, iso_month, make, mode_of, word_after, word_before


def relative_day(m: re.Match[str], ctx: Ctx) -> TimeExpr | None:
    """اليوم، أمس، أول أمس، غداً، بعد غد, with a time of day or weekday around them."""
    before = word_before(ctx.text, m.start("x"))
    if m.group("ghad"):
        if not m.group("tod"):
            return None                                # الغد: "the future", حزب الغد
        offset = 1
    else:
        k = P.key(m.group("rel"))
        offset = P.RELATIVE_DAY_OFFSET[k]
        if k in (P.TODAY, "ل" + P.TODAY[1:]) and not _is_today(m, ctx, before):
            return None
        if k == P.TOMORROW and is_in(before, P.NOT_TOMORROW_BEFORE):
            return None                                # مأدبة غدا (= غداء)
    value = R.shift_days(ctx.anchor, offset).isoformat() if ctx.anchor else None
    return make(m, ctx, value, "relative_day", relative=True)


def _is_today(m: re.Match[str], ctx: Ctx, before: str) -> bool:
    """اليوم is "today" unless a name or a narrative day: اليوم الوطني، روسيا اليوم،
    في نفس اليوم، «اليوم» (the newspaper)."""
    if is_in(before, P.NOT_TODAY_BEFORE):
        return False
    if word_after(ctx.text, m.end("rel")) in P.NOT_TODAY_AFTER:
        return False
    bare = m.start("x") == m.start("rel") and m.end("x") == m.end("rel")
    quoted = (P.OPEN_QUOTE.search(ctx.text, max(0, m.start("x") - 3), m.start("x"))
              and P.CLOSE_QUOTE.match(ctx.text, m.end("x")))
    return not (bare and quoted)


def _weekday_no(word: str) -> int:
    k = P.key(word)
    return P.WEEKDAY_NO[k] if k in P.WEEKDAY_NO else P.WEEKDAY_NO["ال" + k[2:]]


def weekday(m: re.Match[str], ctx: Ctx) -> TimeExpr | None:
    """الأحد الماضي، الثلاثاء المقبل، (يوم) الاثنين."""
    wd = _weekday_no(m.group("wd"))
    if not m.group("adj") and (
            is_in(word_before(ctx.text, m.start("x")), P.NOT_WEEKDAY_BEFORE.get(wd, frozenset()))
            or is_in(word_after(ctx.text, m.end("x")), P.NOT_WEEKDAY_AFTER.get(wd, frozenset()))):
        return None                                    # بين الاثنين "between the two"
    value = None
    if ctx.anchor is not None:
        mode = mode_of(m.group("adj"))
        if mode == "past":
            g = R.resolve_weekday(ctx.anchor, wd, -1, inclusive=False)
        elif mode == "next":
            g = R.resolve_weekday(ctx.anchor, wd, 1, inclusive=False)
        else:
            g = R.resolve_weekday(ctx.anchor, wd, -1 if ctx.past else 1, inclusive=True)
        value = g.isoformat()
    return make(m, ctx, value, "weekday", relative=True)


def period(m: re.Match[str], ctx: Ctx) -> TimeExpr | None:
    """الأسبوع/الشهر/العام الماضي، المقبل، الجاري; هذا الشهر."""
    unit = P.key(m.group("unit") or m.group("unit2"))
    unit = unit[2:] if unit.startswith(("ال", "لل")) else unit
    if unit in ("عام", "سنه") and is_in(word_before(ctx.text, m.start("x")),
                                         P.NOT_YEAR_BEFORE_AAM):
        return None                                    # الأمين العام المقبل
    mode = mode_of(m.group("adj")) if m.group("unit") else "current"
    shift = {"past": -1, "next": 1}.get(mode, 0)
    value = None
    a = ctx.anchor
    if a is not None:
        if unit == "اسبوع":
            value = f"{R.shift_days(a, 7 * shift):%Y-%m}"
        elif unit == "شهر":
            n = a.year * 12 + a.month - 1 + shift
            value = iso_month(n // 12, n % 12 + 1)
            day = int(m.group("d")) if m.group("d") else P.ORDINAL_NO.get(
                P.key(m.group("ord") or ""))
            if day:                                    # 5 من الشهر الجاري
                g = R.safe_date(n // 12, n % 12 + 1, day)
                value = g.isoformat() if g else None
        else:
            value = f"{a.year + shift:04d}"
    return make(m, ctx, value, "relative_period", relative=True)


def season(m: re.Match[str], ctx: Ctx) -> TimeExpr | None:
    """الخريف المقبل، الصيف الماضي، هذا الشتاء -> the year of that season."""
    first = P.SEASON_NO[P.key(m.group("season") or m.group("season2"))]
    mode = mode_of(m.group("adj")) if m.group("season") else "current"
    y = R.season_year(ctx.anchor, first, mode) if ctx.anchor else None
    return make(m, ctx, f"{y:04d}" if y else None, "relative_period", relative=True)


def days_ago(m: re.Match[str], ctx: Ctx) -> TimeExpr | None:
    """قبل يومين، منذ ثلاثة أيام، بعد 3 أيام."""
    n = m.group("n")
    count = 2 if m.group("two") else (int(n) if n.isdigit() else P.DAY_COUNT[P.key(n)])
    sign = 1 if m.group("dir") == "بعد" else -1
    value = R.shift_days(ctx.anchor, sign * count).isoformat() if ctx.anchor else None
    return make(m, ctx, value, "relative_day", relative=True)
