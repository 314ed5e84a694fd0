"""Temporal expressions in Arabic news, resolved to ISO dates.

    find_dates(text, anchor, past=True) -> list[TimeExpr]
    parse_date(text) -> date | None

`find_dates` reads normalised text (see `arnews.text.normalise`) and returns the
expressions it finds - numeric dates, month names of the Levantine, Egyptian/Gulf and
Maghrebi series, Hijri dates (Umm al-Qura), relative days, weekdays, weeks, months and
years - each with an ISO value resolved against the publication date. The conventions
are listed in `arnews.dates.extract`; the words in `arnews.dates.lexicon`.
"""
from __future__ import annotations

from arnews.dates.extract import TimeExpr, find_dates, parse_date
from arnews.dates.resolve import resolve_weekday

__all__ = ["TimeExpr", "find_dates", "parse_date", "resolve_weekday"]
