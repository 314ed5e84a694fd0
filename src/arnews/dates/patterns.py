"""Regular expressions for temporal expressions, built once from the lexicon.

All patterns are written against normalised text (see `arnews.text.normalise`): no
diacritics or tatweel, ا for أإآ, ي for ى, ه for ة, ASCII digits. Each pattern puts
the expression in the group `x`; what precedes it in the match (a conjunction or
preposition clitic و ف ب ل, or a cue such as في before a bare year) is context, not
part of the span.
"""
from __future__ import annotations

import re
from typing import Iterable

from arnews.dates import lexicon as lx
from arnews.text.normalise import normalise_word

B = r"(?<!\w)"    # start of a word
E = r"(?!\w)"     # end of a word
ME = r"(?![^\W\d_])"  # end of a month name: a year may be glued on (مايو2011)
# Clitics on the first word: و/ف, then ب/ل (ل before the article is written لل, which the
# words that take the article allow for themselves).
CL = r"(?:[وف]?(?:[بل](?=ال)|[بل](?!ل))?)"
# Conjunctions only, plus ب before the article (بالأمس): ل/ب + bare word would turn
# verbs such as لامس ("touched") into dates.
CL_CONJ = r"(?:[وف]?(?:ب(?=ال))?)"
ART = r"(?:ال|لل)"
ANY_SPACE = r"\s*"    # month names also match written together (ذوالحجة)


def norm(word: str) -> str:
    """Normalised form of a lexicon entry with whitespace collapsed."""
    return " ".join(normalise_word(word).split())


def key(word: str) -> str:
    """Lookup key for a matched word: normalised, without any whitespace."""
    return "".join(normalise_word(word).split())


def alt(words: Iterable[str], *, glue: str = r"\s+") -> str:
    """A non-capturing alternation of lexicon entries, longest first."""
    forms = sorted({norm(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(glue.join(re.escape(p) for p in f.split()) for f in forms) + ")"


def with_lil(words: Iterable[str]) -> list[str]:
    """Entries plus their form after the preposition ل (اليوم -> لليوم)."""
    out = list(words)
    return out + ["ل" + w[1:] for w in out if norm(w).startswith("ال")]


# --- lookup tables (normalised, whitespace-free keys) ---------------------------------
GREGORIAN_MONTH_NO: dict[str, int] = {
    key(w): n for series in lx.GREGORIAN_MONTHS.values() for n, ws in series.items() for w in ws
}
HIJRI_MONTH_NO: dict[str, int] = {key(w): n for n, ws in lx.HIJRI_MONTHS.items() for w in ws}
WEEKDAY_NO: dict[str, int] = {key(w): n for w, n in lx.WEEKDAYS.items()}
ORDINAL_NO: dict[str, int] = {key(w): n for w, n in lx.ORDINAL_DAYS.items()}
PERIOD_DAY: dict[str, int] = {key(w): n for w, n in lx.PERIOD_WORDS.items()}
RELATIVE_DAY_OFFSET: dict[str, int] = {key(w): n for w, n in lx.RELATIVE_DAYS.items()}
RELATIVE_DAY_OFFSET.update({key("ل" + w[1:]): n for w, n in lx.RELATIVE_DAYS.items()
                            if norm(w).startswith("ال")})
TODAY = key("اليوم")
TOMORROW = key("غداً")
DAY_COUNT: dict[str, int] = {key(w): n for w, n in lx.DAY_COUNT_WORDS.items()}


def _set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(key(w) for w in words)


AMBIGUOUS_MONTHS = _set(lx.AMBIGUOUS_MONTHS)
MONTH_PREPOSITIONS = _set(lx.MONTH_PREPOSITIONS)
HIJRI_NEED_YEAR = _set(lx.HIJRI_NEED_YEAR)
PAST_ADJ = _set(lx.PAST_ADJECTIVES) | _set(w + "ة" for w in lx.PAST_ADJECTIVES)
NEXT_ADJ = _set(lx.NEXT_ADJECTIVES) | _set(w + "ة" for w in lx.NEXT_ADJECTIVES)
CUR_ADJ = _set(lx.CURRENT_ADJECTIVES) | _set(w + "ة" for w in lx.CURRENT_ADJECTIVES)
NOT_TODAY_BEFORE = _set(lx.NOT_TODAY_BEFORE)
NOT_YEAR_BEFORE_AAM = _set(lx.NOT_YEAR_BEFORE_AAM)
DATE_NAME_BEFORE = _set(lx.DATE_NAME_BEFORE)
_ANY_DAY = _set(lx.NOT_WEEKDAY_BEFORE.get("*", []))
NOT_WEEKDAY_BEFORE: dict[int, frozenset[str]] = {
    d: _ANY_DAY | _set(ws) for w, ws in lx.NOT_WEEKDAY_BEFORE.items() if w != "*"
    for d in [WEEKDAY_NO[key(w)]]}
NOT_WEEKDAY_BEFORE.update({d: _ANY_DAY for d in range(7) if d not in NOT_WEEKDAY_BEFORE})
NOT_WEEKDAY_AFTER: dict[int, frozenset[str]] = {
    WEEKDAY_NO[key(w)]: _set(ws) for w, ws in lx.NOT_WEEKDAY_AFTER.items()}
# checked against the one word after اليوم, so multi-word ordinals by their first word
NOT_TODAY_AFTER = _set(w.split()[0] for w in list(lx.NOT_TODAY_AFTER) + list(lx.ORDINAL_DAYS))
NOT_TOMORROW_BEFORE = _set(lx.NOT_TOMORROW_BEFORE)

# --- building blocks ---------------------------------------------------------------
_GMON_SINGLE = {n: alt([w for s in lx.GREGORIAN_MONTHS.values() for w in s.get(n, [])],
                       glue=ANY_SPACE) for n in range(1, 13)}
# "حزيران يونيو", "يونيو/حزيران", "يونيو (حزيران)", "آب - أغسطس": one month, two names.
_DOUBLED = "|".join(
    rf"{m}{E}(?:\s*[/\-–]\s*|\s+){m}|{m}\s*\(\s*{m}\s*\)" for m in _GMON_SINGLE.values())
GREGORIAN_MONTH_WORDS = [w for s in lx.GREGORIAN_MONTHS.values() for ws in s.values() for w in ws]
GMONTH = rf"(?P<mon>(?:{_DOUBLED})|{alt(GREGORIAN_MONTH_WORDS, glue=ANY_SPACE)}){ME}"
GMONTH_WORD = re.compile(alt(GREGORIAN_MONTH_WORDS, glue=ANY_SPACE))
HIJRI_MONTH_WORDS = [w for ws in lx.HIJRI_MONTHS.values() for w in ws]
HMONTH = rf"(?P<hmon>{alt(HIJRI_MONTH_WORDS, glue=ANY_SPACE)}){ME}"
WEEKDAY = rf"(?P<wd>{alt(lx.WEEKDAYS)}|لل(?:{alt(w[2:] for w in lx.WEEKDAYS)})){E}"
TOD = rf"(?P<tod>{alt(lx.TIMES_OF_DAY)})"
TOD_ADV = rf"(?:\s+(?P<adv>{alt(lx.TIME_OF_DAY_ADVERBS)}){E})"
ADJ_WORDS = alt(lx.PAST_ADJECTIVES + lx.NEXT_ADJECTIVES + lx.CURRENT_ADJECTIVES)
# -ه for السنة/الليلة, -ين for two dates at once (في 8 سبتمبر و13 أكتوبر المقبلين)
ADJ_END = r"(?:ه|ين)?"
ADJ = rf"(?:\s+(?P<adj>{ADJ_WORDS}{ADJ_END}){E})"
PERIOD = rf"(?:(?P<per>{alt(lx.PERIOD_WORDS)})\s+(?:من\s+)?)"
YEAR4 = r"(?P<y>\d{4})(?!\d)"
GMARK = rf"(?P<gm>{alt(lx.GREGORIAN_MARKERS)}){E}"
HMARK = rf"(?P<hm>{alt(lx.HIJRI_MARKERS)}){E}"
YEAR_WORD = rf"(?:{ART}?{alt(lx.YEAR_WORDS)})"
ORDINAL = rf"(?P<ord>{alt(lx.ORDINAL_DAYS)})"
FIRST_DAY = rf"(?P<first>{alt(lx.FIRST_DAY_WORDS)})"
DAY_NUM = r"(?:ال\s*)?(?P<d>0?[0-3]?\d)(?!\d)"
# يوم / أمس / the weekday before a full date: "يوم الخميس، 27 أغسطس", "أمس الأربعاء 12 أغسطس"
PREFIX = (rf"(?:{TOD}\s+)?(?:(?:(?:ال)?يوم|(?:ال)?امس|غدا)\s+)?"
          rf"(?:{WEEKDAY}\s*[،,]?\s*(?:الموافق\s*(?:ل\s*)?)?)?")
DAY = rf"(?:(?:{DAY_NUM}|{FIRST_DAY}{E})\s*(?:-\s*|من\s+)?|{ORDINAL}\s+من\s+)"
SHAHR = r"(?P<shahr>شهر\s+)?"
YEAR_AFTER_MONTH = rf"(?:\s*[،,]?\s*(?:من\s+)?(?:{YEAR_WORD}\s+)?{YEAR4})"
# "يونيو من العام الماضي", "رمضان من هذا العام": the year relative to the anchor's
REL_YEAR_AFTER_MONTH = (
    rf"(?:\s*[،,]?\s*(?:من\s+)?(?:{ART}(?:عام|سنه)\s+(?P<yadj>{ADJ_WORDS}{ADJ_END})"
    rf"|(?P<ythis>هذا\s+العام|هذه\s+السنه)){E})")

# --- the patterns ------------------------------------------------------------------
NUMERIC = re.compile(
    rf"(?<![\w/.\-]){CL}(?P<x>{PREFIX}"
    r"(?:(?P<d1>\d{1,2})(?P<s1>\s*[/.\-]\s*)(?P<m1>\d{1,2})(?P=s1)(?P<y1>\d{4})"
    r"|(?P<y2>\d{4})(?P<s2>\s*[/.\-]\s*)(?P<m2>\d{1,2})(?P=s2)(?P<d2>\d{1,2}))"
    rf"(?![\d/]|[.\-]\d)(?:\s*(?:{GMARK}|{HMARK}))?)")

GREGORIAN = re.compile(
    rf"{B}{CL}(?P<x>{PERIOD}?{PREFIX}{DAY}?{SHAHR}{GMONTH}"
    rf"(?:{YEAR_AFTER_MONTH}(?:\s*{GMARK})?|{REL_YEAR_AFTER_MONTH})?{ADJ}?)")

HIJRI = re.compile(
    rf"{B}{CL}(?P<x>{PERIOD}?{PREFIX}{DAY}?{SHAHR}{HMONTH}"
    rf"(?:{YEAR_AFTER_MONTH}(?:\s*{HMARK})?|{REL_YEAR_AFTER_MONTH})?"
    rf"(?:\s+(?P<adj>{ADJ_WORDS}{ADJ_END}|{alt(lx.HIJRI_EPITHETS)}){E})?)")

RELATIVE_DAY = re.compile(
    rf"{B}{CL_CONJ}(?P<x>(?:{TOD}\s+)?"
    rf"(?:(?P<rel>{alt(with_lil(lx.RELATIVE_DAYS))})"
    rf"|(?P<ghad>{alt(lx.TOMORROW_AFTER_TIME_OF_DAY)}))"
    rf"{E}(?:\s*[،,]?\s*(?P<wparen>\(\s*)?(?:يوم\s+)?{WEEKDAY}(?(wparen)\s*\)))?"
    rf"{TOD_ADV}?)")

WEEKDAY_EXPR = re.compile(
    rf"{B}{CL_CONJ}(?P<x>(?:{TOD}\s+)?(?:يوم\s+)?{WEEKDAY}(?!\s+عشر{E})"
    rf"{ADJ}?{TOD_ADV}?)")

# "5 من الشهر الجاري", "الخامس عشر من الشهر الماضي": a day of a relative month
_DAY_OF_MONTH = (rf"(?:(?:(?:ال)?يوم\s+)?(?:{DAY_NUM}|{ORDINAL})\s+من\s+"
                 rf"(?={ART}?شهر|هذا\s+الشهر))")
PERIOD_EXPR = re.compile(
    rf"{B}{CL}(?P<x>{PERIOD}?{_DAY_OF_MONTH}?(?:"
    rf"(?P<unit>{ART}(?:اسبوع|شهر|عام|سنه))\s+(?P<adj>{ADJ_WORDS}{ADJ_END})"
    r"|(?:هذا|هذه)\s+(?P<unit2>ال(?:اسبوع|شهر|عام|سنه))"
    rf"){E})")

SEASON_NO: dict[str, int] = {key(w)[2:]: n for w, n in lx.SEASONS.items()}
SEASON_EXPR = re.compile(
    rf"{B}{CL}(?P<x>(?:{ART}(?P<season>{alt(w[2:] for w in lx.SEASONS)})\s+"
    rf"(?P<adj>{ADJ_WORDS}{ADJ_END})|هذا\s+ال(?P<season2>{alt(w[2:] for w in lx.SEASONS)})){E})")

YEAR_CUED = re.compile(
    rf"{B}{CL}(?P<x>{PERIOD}?{YEAR_WORD}\s+{YEAR4}(?:\s*(?:{GMARK}|{HMARK}))?)")

YEAR_MARKED = re.compile(
    rf"(?<![\w/.\-]){CL}(?P<x>{PERIOD}?{YEAR4}\s*(?:{GMARK}|{HMARK}))")

_NOT_COUNTED = rf"(?![.,:/\-]?\d)(?!\s*{alt(lx.COUNTED_NOUNS)}{E})"
YEAR_IN_CONTEXT = re.compile(
    rf"{B}[وف]?{alt(lx.YEAR_CONTEXT_WORDS)}\s+(?P<x>{YEAR4}){_NOT_COUNTED}")
YEAR_IN_PERIOD = re.compile(rf"{B}{CL}(?P<x>{PERIOD}{YEAR4}){_NOT_COUNTED}")

DAYS_AGO = re.compile(
    rf"{B}[وف]?(?P<x>(?P<dir>قبل|منذ|بعد)\s+(?:(?P<two>يومين)|(?P<n>\d{{1,2}}|"
    rf"{alt(lx.DAY_COUNT_WORDS)})\s+ايام)){E}(?!\s+من{E})")

# Between a weekday or relative day and the date it names: "يوم الخميس القادم الموافق 28 شوال"
APPOSITION_GAP = re.compile(r"\s*[،,]?\s*(?:ال)?موافق\s*(?:ل\s*)?")
# Between a Hijri date and its Gregorian equivalent (or the reverse).
DUAL_GAP = re.compile(
    r"\s*[،,/\-–]?\s*(?P<paren>\()?\s*"
    r"(?:(?:(?:ال|و)?موافق|يوافق|الذي\s+يوافق|وفق)\s*)?(?:ل\s*)?")
CLOSE_PAREN = re.compile(r"\s*\)")
# A word in brackets or quotes is a title: (اليوم) and «اليوم» are the Saudi daily.
OPEN_QUOTE = re.compile(r"[(«\"“']\s*$")
CLOSE_QUOTE = re.compile(r"\s*[)»\"”']")
WORD = re.compile(r"\w+")
