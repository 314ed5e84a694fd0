"""Publication dates as sources write them: numeric (day first), ISO, RFC 822, Arabic month names.

Only what ingest needs to fill `Record.published`; date mentions inside the text are a later
stage's job.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

# Arabic-Indic (U+0660..) and Extended Arabic-Indic (Persian/Urdu, U+06F0..) digits.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

WEEKDAYS = r"(?:ال)?(?:سبت|أحد|احد|إثنين|اثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة|جمعه)"

# Gregorian month names: the Egyptian/Gulf forms and the Levantine/Iraqi ones.
_MONTHS: dict[str, int] = {
    "يناير": 1, "كانون الثاني": 1,
    "فبراير": 2, "شباط": 2,
    "مارس": 3, "آذار": 3, "اذار": 3,
    "أبريل": 4, "ابريل": 4, "إبريل": 4, "نيسان": 4,
    "مايو": 5, "أيار": 5, "ايار": 5,
    "يونيو": 6, "يونيه": 6, "حزيران": 6,
    "يوليو": 7, "يوليه": 7, "تموز": 7,
    "أغسطس": 8, "اغسطس": 8, "آب": 8, "اب": 8,
    "سبتمبر": 9, "أيلول": 9, "ايلول": 9,
    "أكتوبر": 10, "اكتوبر": 10, "تشرين الأول": 10, "تشرين الاول": 10,
    "نوفمبر": 11, "تشرين الثاني": 11,
    "ديسمبر": 12, "كانون الأول": 12, "كانون الاول": 12,
}
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))

_D = r"[0-9٠-٩۰-۹]"
# One date, in any of the written forms; named groups tell which form matched.
DATE = (
    rf"(?:(?P<y1>{_D}{{4}})[-/.](?P<m1>{_D}{{1,2}})[-/.](?P<d1>{_D}{{1,2}})"      # 2012-08-27
    rf"|(?P<d2>{_D}{{1,2}})[-/.](?P<m2>{_D}{{1,2}})[-/.](?P<y2>{_D}{{4}})"        # 27/08/2012
    rf"|(?P<d3>{_D}{{1,2}})\s*(?P<mn>{_MONTH_ALT})\s*[،,]?\s*(?P<y3>{_D}{{4}}))"  # 27 أغسطس 2012
)
_DATE_RE = re.compile(DATE)


def to_ascii_digits(s: str) -> str:
    return s.translate(_DIGITS)


def _safe_date(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(to_ascii_digits(y)), int(to_ascii_digits(m)), int(to_ascii_digits(d)))
    except ValueError:  # 31/02/2012 and the like: not a date, not an error
        return None


def date_from_match(m: re.Match[str]) -> date | None:
    """The date a match of `DATE` denotes (None when the numbers are not a calendar date)."""
    g = m.groupdict()
    if g.get("y1"):
        return _safe_date(g["y1"], g["m1"], g["d1"])
    if g.get("y2"):
        return _safe_date(g["y2"], g["m2"], g["d2"])
    if g.get("y3"):
        return _safe_date(g["y3"], str(_MONTHS[g["mn"]]), g["d3"])
    return None


def parse_date(value: object) -> date | None:
    """A metadata date value (ISO, RFC 822, day-first numeric, Arabic) as a date, else None.

    Unparseable dates are not errors: the article is still readable without one.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    s = value.strip()
    m = _DATE_RE.match(to_ascii_digits(s))
    if m:
        return date_from_match(m)
    try:  # "Tue, 11 Aug 2015 18:51:12 GMT": the date as written in its own zone
        return parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        return None
