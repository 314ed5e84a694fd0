"""Publication dates as sources write them: numeric (day first), ISO, RFC 822, Arabic month names.

Only what ingest needs to fill `Record.published`; date mentions inside the text are a later
stage's job.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from arnews.dates.patterns import GREGORIAN_MONTH_NO, GREGORIAN_MONTH_WORDS, key

# Arabic-Indic (U+0660..) and Extended Arabic-Indic (Persian/Urdu, U+06F0..) digits.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

WEEKDAYS = r"(?:ال)?(?:سبت|أحد|احد|إثنين|اثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة|جمعه)"

# Gregorian month names: those of every series in `arnews.dates.lexicon` (the one list),
# as written there and with a bare alef for أ إ آ, since raw text writes both (اغسطس).
_BARE_ALEF = str.maketrans("أإآ", "ااا")
_MONTH_NAMES = set(GREGORIAN_MONTH_WORDS) | {w.translate(_BARE_ALEF) for w in GREGORIAN_MONTH_WORDS}
_MONTH_ALT = "|".join(r"\s+".join(re.escape(part) for part in name.split())
                      for name in sorted(_MONTH_NAMES, key=lambda n: (-len(n), n)))

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
        return _safe_date(g["y3"], str(GREGORIAN_MONTH_NO[key(g["mn"])]), g["d3"])
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
