"""Find temporal expressions in normalised Arabic text and resolve them to ISO values.

Each pattern in `patterns.py` has a handler here that reads its groups, rejects the
matches that are names or ordinary words, and places the expression on the calendar
with the helpers in `resolve.py`. All candidates are pooled and the longest win, so
"يوم الخميس 27 أغسطس 2015" is one expression and not a weekday plus a date plus a year.

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
from dataclasses import dataclass, replace
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Callable

from arnews.dates import patterns as P
from arnews.dates import resolve as R
from arnews.text.normalise import normalise


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
class _Ctx:
    text: str
    anchor: date | None
    past: bool


Handler = Callable[[re.Match[str], _Ctx], "TimeExpr | None"]


# --- small helpers ------------------------------------------------------------------

def _words_before(text: str, pos: int) -> str:
    """The word just before `pos` (skipping spaces and punctuation), or ''."""
    words = P.WORD.findall(text[max(0, pos - 40):pos])
    return words[-1] if words else ""


def _word_after(text: str, pos: int) -> str:
    m = P.WORD.search(text, pos, min(len(text), pos + 40))
    return m.group() if m else ""


def _in(word: str, vocab: frozenset[str]) -> bool:
    """`word` or `word` without one or two leading clitics (و ف ب ل) is in `vocab`."""
    forms = [word]
    for _ in range(2):
        if forms[-1][:1] in ("و", "ف", "ب", "ل") and len(forms[-1]) > 2:
            forms.append(forms[-1][1:])
    return any(f in vocab for f in forms)


def _mode(adj: str | None) -> R.Mode:
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


def _year_shift(m: re.Match[str]) -> int | None:
    """The year offset of "من العام الماضي / المقبل / هذا العام" after a month, if any."""
    if m.group("ythis"):
        return 0
    if m.group("yadj"):
        return {"past": -1, "next": 1}.get(_mode(m.group("yadj")), 0)
    return None


def _expr(m: re.Match[str], ctx: _Ctx, value: str | None, kind: str, *,
          calendar: str = "gregorian", relative: bool = False, end: int | None = None
          ) -> TimeExpr:
    start, stop = m.start("x"), m.end("x") if end is None else end
    return TimeExpr(start, stop, ctx.text[start:stop], value, calendar, relative,
                    ctx.anchor if relative else None, kind)


def _day(m: re.Match[str]) -> int | None:
    if m.group("d"):
        return int(m.group("d"))
    if m.group("ord"):
        return P.ORDINAL_NO.get(P.key(m.group("ord")))
    if m.group("first"):
        return 1
    return None


def _month_no(text: str, word_re: re.Pattern[str], table: dict[str, int]) -> int:
    """The month number of a (possibly doubled) month group: its first name decides."""
    first = word_re.match(text)
    return table[P.key(first.group() if first else text)]


def _iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


# --- handlers -----------------------------------------------------------------------

def _numeric(m: re.Match[str], ctx: _Ctx) -> TimeExpr | None:
    """27/08/2012, 2012-08-27, 1436/10/19هـ: day first unless the year leads."""
    if m.group("y1"):
        d, mo, y = int(m.group("d1")), int(m.group("m1")), int(m.group("y1"))
    else:
        d, mo, y = int(m.group("d2")), int(m.group("m2")), int(m.group("y2"))
    hijri = bool(m.group("hm")) or (y in R.HIJRI_YEARS and not m.group("gm"))
    if hijri:
        g = R.hijri_to_date(y, mo, d)
        return _expr(m, ctx, g.isoformat() if g else None, "numeric", calendar="hijri")
    if y not in R.DATE_YEARS:
        return None
    # Day first is the Arabic convention; fall back to month first (08/27/2012).
    g = R.safe_date(y, mo, d) or (R.safe_date(y, d, mo) if m.group("y1") else None)
    return _expr(m, ctx, g.isoformat(), "numeric") if g else None


def _gregorian(m: re.Match[str], ctx: _Ctx) -> TimeExpr | None:
    """Month names of all series, with optional day, year, adjective or part of month."""
    mon = m.group("mon")
    month = _month_no(mon, P.GMONTH_WORD, P.GREGORIAN_MONTH_NO)
    single = P.key(mon) in P.GREGORIAN_MONTH_NO
    day = _day(m)
    year = int(m.group("y")) if m.group("y") else None
    end = None
    adj = m.group("adj")
    if year is not None and year not in R.DATE_YEARS:   # "5 مارس 2500 جندي"
        year, adj, end = None, None, m.end("mon")
    shift = _year_shift(m)
    cued = any([day, year, adj, m.group("shahr"), m.group("per"), not single,
                shift is not None])
    if single and P.key(mon) in P.AMBIGUOUS_MONTHS and not cued and not _in(
            _words_before(ctx.text, m.start("x")), P.MONTH_PREPOSITIONS):
        return None                                    # مارس "he practised", أب "father"
    if day and year is None and shift is None and _in(_words_before(ctx.text, m.start("x")),
                                                      P.DATE_NAME_BEFORE):
        return None                                    # ثورة 25 يناير، تيار 14 آذار
    precise = day is not None and not m.group("per")
    if shift is not None:                              # يونيو من العام الماضي
        if ctx.anchor is None:
            return _expr(m, ctx, None, "month_name", relative=True)
        y = ctx.anchor.year + shift
        g = R.safe_date(y, month, day) if precise else None
        value = (g.isoformat() if g else None) if precise else _iso_month(y, month)
        return _expr(m, ctx, value, "month_name", relative=True)
    if year is not None:
        if precise:
            g = R.safe_date(year, month, day)
            return _expr(m, ctx, g.isoformat() if g else None, "month_name", end=end)
        return _expr(m, ctx, _iso_month(year, month), "month_name", end=end)
    value: str | None = None
    if ctx.anchor is not None:
        mode = _mode(adj)
        if precise:
            g = R.day_month_in_year(ctx.anchor, month, day, mode)
            value = g.isoformat() if g else None
        else:
            y = R.month_in_year(ctx.anchor, month, mode)
            value = _iso_month(y, month) if y else None
    return _expr(m, ctx, value, "month_name", relative=True, end=end)


def _hijri_year_of_month(gyear: int, month: int) -> int | None:
    """The Hijri year whose `month` begins in Gregorian `gyear` (رمضان 2015)."""
    approx = round((gyear - 622) * 33 / 32)
    for hy in (approx - 1, approx, approx + 1, approx + 2):
        g = R.hijri_to_date(hy, month, 1)
        if g and g.year == gyear:
            return hy
    return None


def _hijri(m: re.Match[str], ctx: _Ctx) -> TimeExpr | None:
    """Hijri month names; converted with the Umm al-Qura table."""
    k = P.key(m.group("hmon"))
    month = P.HIJRI_MONTH_NO[k]
    day = _day(m)
    year = int(m.group("y")) if m.group("y") else None
    adj = m.group("adj")
    shift = _year_shift(m)
    if k in P.HIJRI_NEED_YEAR and year is None and shift is None:
        return None                                    # صفر "zero"
    if not any([day, year, adj, m.group("shahr"), m.group("per"), shift is not None]):
        return None                                    # رجب، رمضان as names
    if day and year is None and shift is None and _in(_words_before(ctx.text, m.start("x")),
                                                      P.DATE_NAME_BEFORE):
        return None
    if shift is not None:                              # رمضان من العام الماضي (Hijri year)
        h = R.date_to_hijri(ctx.anchor) if ctx.anchor else None
        if h is not None:
            year = h[0] + shift
    if year is not None and year not in R.HIJRI_YEARS:
        year = _hijri_year_of_month(year, month) if year in R.DATE_YEARS else None
        if year is None:
            return _expr(m, ctx, None, "hijri", calendar="hijri")
    part_day = P.PERIOD_DAY.get(P.key(m.group("per") or ""), 1)
    precise = day is not None and not m.group("per")
    if shift is not None and year is None:             # no anchor to shift from
        return _expr(m, ctx, None, "hijri", calendar="hijri", relative=True)
    if year is not None:
        if precise:
            g = R.hijri_to_date(year, month, day)
            value = g.isoformat() if g else None
        else:
            value = R.hijri_month_to_gregorian(year, month, part_day)
        return _expr(m, ctx, value, "hijri", calendar="hijri", relative=shift is not None)
    value: str | None = None
    if ctx.anchor is not None:
        mode = _mode(adj)
        if precise:
            g = R.hijri_day_month(ctx.anchor, month, day, mode)
            value = g.isoformat() if g else None
        else:
            hy = R.hijri_month_year(ctx.anchor, month, mode)
            value = R.hijri_month_to_gregorian(hy, month, part_day) if hy else None
    return _expr(m, ctx, value, "hijri", calendar="hijri", relative=True)


def _relative_day(m: re.Match[str], ctx: _Ctx) -> TimeExpr | None:
    """اليوم، أمس، أول أمس، غداً، بعد غد, with a time of day or weekday around them."""
    before = _words_before(ctx.text, m.start("x"))
    if m.group("ghad"):
        if not m.group("tod"):
            return None                                # الغد: "the future", حزب الغد
        offset = 1
    else:
        k = P.key(m.group("rel"))
        offset = P.RELATIVE_DAY_OFFSET[k]
        if k in (P.TODAY, "ل" + P.TODAY[1:]) and not _is_today(m, ctx, before):
            return None
        if k == P.TOMORROW and _in(before, P.NOT_TOMORROW_BEFORE):
            return None                                # مأدبة غدا (= غداء)
    value = R.shift_days(ctx.anchor, offset).isoformat() if ctx.anchor else None
    return _expr(m, ctx, value, "relative_day", relative=True)


def _is_today(m: re.Match[str], ctx: _Ctx, before: str) -> bool:
    """اليوم is "today" unless a name or a narrative day: اليوم الوطني، روسيا اليوم،
    في نفس اليوم، «اليوم» (the newspaper)."""
    if _in(before, P.NOT_TODAY_BEFORE):
        return False
    if _word_after(ctx.text, m.end("rel")) in P.NOT_TODAY_AFTER:
        return False
    bare = m.start("x") == m.start("rel") and m.end("x") == m.end("rel")
    quoted = (P.OPEN_QUOTE.search(ctx.text, max(0, m.start("x") - 3), m.start("x"))
              and P.CLOSE_QUOTE.match(ctx.text, m.end("x")))
    return not (bare and quoted)


def _weekday_no(word: str) -> int:
    k = P.key(word)
    return P.WEEKDAY_NO[k] if k in P.WEEKDAY_NO else P.WEEKDAY_NO["ال" + k[2:]]


def _weekday(m: re.Match[str], ctx: _Ctx) -> TimeExpr | None:
    """الأحد الماضي، الثلاثاء المقبل، (يوم) الاثنين."""
    wd = _weekday_no(m.group("wd"))
    if not m.group("adj") and (
            _in(_words_before(ctx.text, m.start("x")), P.NOT_WEEKDAY_BEFORE.get(wd, frozenset()))
            or _in(_word_after(ctx.text, m.end("x")), P.NOT_WEEKDAY_AFTER.get(wd, frozenset()))):
        return None                                    # بين الاثنين "between the two"
    value = None
    if ctx.anchor is not None:
        mode = _mode(m.group("adj"))
        if mode == "past":
            g = R.resolve_weekday(ctx.anchor, wd, -1, inclusive=False)
        elif mode == "next":
            g = R.resolve_weekday(ctx.anchor, wd, 1, inclusive=False)
        else:
            g = R.resolve_weekday(ctx.anchor, wd, -1 if ctx.past else 1, inclusive=True)
        value = g.isoformat()
    return _expr(m, ctx, value, "weekday", relative=True)


def _period(m: re.Match[str], ctx: _Ctx) -> TimeExpr | None:
    """الأسبوع/الشهر/العام الماضي، المقبل، الجاري; هذا الشهر."""
    unit = P.key(m.group("unit") or m.group("unit2"))
    unit = unit[2:] if unit.startswith(("ال", "لل")) else unit
    if unit in ("عام", "سنه") and _in(_words_before(ctx.text, m.start("x")),
                                       P.NOT_YEAR_BEFORE_AAM):
        return None                                    # الأمين العام المقبل
    mode = _mode(m.group("adj")) if m.group("unit") else "current"
    shift = {"past": -1, "next": 1}.get(mode, 0)
    value = None
    a = ctx.anchor
    if a is not None:
        if unit == "اسبوع":
            value = f"{R.shift_days(a, 7 * shift):%Y-%m}"
        elif unit == "شهر":
            n = a.year * 12 + a.month - 1 + shift
            value = _iso_month(n // 12, n % 12 + 1)
            day = int(m.group("d")) if m.group("d") else P.ORDINAL_NO.get(
                P.key(m.group("ord") or ""))
            if day:                                    # 5 من الشهر الجاري
                g = R.safe_date(n // 12, n % 12 + 1, day)
                value = g.isoformat() if g else None
        else:
            value = f"{a.year + shift:04d}"
    return _expr(m, ctx, value, "relative_period", relative=True)


def _season(m: re.Match[str], ctx: _Ctx) -> TimeExpr | None:
    """الخريف المقبل، الصيف الماضي، هذا الشتاء -> the year of that season."""
    first = P.SEASON_NO[P.key(m.group("season") or m.group("season2"))]
    mode = _mode(m.group("adj")) if m.group("season") else "current"
    y = R.season_year(ctx.anchor, first, mode) if ctx.anchor else None
    return _expr(m, ctx, f"{y:04d}" if y else None, "relative_period", relative=True)


def _year(m: re.Match[str], ctx: _Ctx, *, years: range = R.DATE_YEARS,
          hijri_unmarked: bool = False) -> TimeExpr | None:
    """عام 2011، 2011م، 1436هـ, في 2016: a year alone."""
    y = int(m.group("y"))
    gm = m.groupdict().get("gm")
    hm = m.groupdict().get("hm")
    if hm or (hijri_unmarked and not gm and y in R.HIJRI_YEARS):
        if y not in R.HIJRI_YEARS:
            return None
        g = R.hijri_year_to_gregorian(y, P.PERIOD_DAY.get(P.key(m.groupdict().get("per") or ""), 1))
        return _expr(m, ctx, f"{g:04d}" if g else None, "year", calendar="hijri")
    if y not in years:
        return None
    return _expr(m, ctx, f"{y:04d}", "year")


def _year_cued(m: re.Match[str], ctx: _Ctx) -> TimeExpr | None:
    # "عام 1436" without a marker is Hijri: no Gregorian year that low is news.
    return _year(m, ctx, hijri_unmarked=True)


def _year_in_context(m: re.Match[str], ctx: _Ctx) -> TimeExpr | None:
    return _year(m, ctx, years=R.GREGORIAN_YEARS)


def _days_ago(m: re.Match[str], ctx: _Ctx) -> TimeExpr | None:
    """قبل يومين، منذ ثلاثة أيام، بعد 3 أيام."""
    n = m.group("n")
    count = 2 if m.group("two") else (int(n) if n.isdigit() else P.DAY_COUNT[P.key(n)])
    sign = 1 if m.group("dir") == "بعد" else -1
    value = R.shift_days(ctx.anchor, sign * count).isoformat() if ctx.anchor else None
    return _expr(m, ctx, value, "relative_day", relative=True)


# Order breaks ties between candidates of the same length.
RULES: list[tuple[re.Pattern[str], Handler]] = [
    (P.NUMERIC, _numeric),
    (P.GREGORIAN, _gregorian),
    (P.HIJRI, _hijri),
    (P.RELATIVE_DAY, _relative_day),
    (P.WEEKDAY_EXPR, _weekday),
    (P.PERIOD_EXPR, _period),
    (P.SEASON_EXPR, _season),
    (P.YEAR_CUED, _year_cued),
    (P.YEAR_MARKED, _year),
    (P.YEAR_IN_PERIOD, _year_in_context),
    (P.YEAR_IN_CONTEXT, _year_in_context),
    (P.DAYS_AGO, _days_ago),
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
    ctx = _Ctx(text, anchor, past)
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
