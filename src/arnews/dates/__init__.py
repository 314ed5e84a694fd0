"""Temporal expressions in Arabic news, resolved to ISO dates.

    find_dates(text, anchor, past=True) -> list[TimeExpr]
    parse_date(text) -> date | None

`find_dates` reads normalised text (see `arnews.text.normalise`) and returns the
expressions it finds - numeric dates, month names of the Levantine, Egyptian/Gulf and
Maghrebi series, Hijri dates (Umm al-Qura), relative days, weekdays, weeks, months and
years - each with an ISO value resolved against the publication date. The conventions
are listed in `arnews.dates.extract`; the words in `arnews.dates.lexicon`.

The package reads from words to dates: `lexicon` (the words, as data) -> `patterns` (the
regular expressions built from them) -> `extract.RULES` (a table of pattern and handler;
the handlers in `absolute` and `relative`, their shared readers in `expr`) -> `resolve`
(pure calendar functions).
"""
from __future__ import annotations

from arnews.dates.extract import TimeExpr, find_dates, parse_date
from arnews.dates.resolve import resolve_weekday

__all__ = ["TimeExpr", "find_dates", "parse_date", "resolve_weekday"]
