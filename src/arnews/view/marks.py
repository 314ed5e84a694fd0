"""Which characters of an evidence sentence to highlight, and as what.

Pure functions over the output tables' offsets (which index `articles.text`): the card,
the terminal and the report all show the same marks.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Most important first: where marks overlap, the earlier kind keeps its characters.
PRIORITY = ("party", "trigger", "date", "place", "purpose")
SIDES = ("host", "guest", "accompanying", "attendee", "party")   # the order parties are listed in


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str        # party / trigger / date / place / purpose, or an entity label
    label: str = ""  # what the highlight says (host, guest, PERS, ...)


def value(row: Mapping[str, Any], key: str) -> Any:
    """A cell, with pandas' and Arrow's missing values as None."""
    v = row.get(key)
    # pd.NA and NaN, tested without importing pandas (the terminal path never loads it)
    missing = v is None or type(v).__name__ in ("NAType", "NaTType") or (isinstance(v, float) and v != v)
    return None if missing else v


def by_side(parties: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Parties host first, then guests, ...; in article order within a side."""
    order = {s: i for i, s in enumerate(SIDES)}
    return sorted(parties, key=lambda p: (order.get(value(p, "side") or "party", len(SIDES)), value(p, "start") or 0))


def find_inside(text: str, needle: str | None, lo: int, hi: int) -> tuple[int, int] | None:
    """The first occurrence of `needle` within text[lo:hi], as offsets of `text`."""
    if not needle:
        return None
    at = text.find(needle, lo, hi)
    return (at, at + len(needle)) if at >= 0 else None


def meeting_marks(text: str, meeting: Mapping[str, Any], participants: Iterable[Mapping[str, Any]],
                  dates: Iterable[Mapping[str, Any]] = ()) -> list[Mark]:
    """The parties (by side), trigger, date, place and purpose of one meeting, where the
    evidence span states them."""
    lo, hi = int(meeting["start"]), int(meeting["end"])
    marks = [Mark(int(p["start"]), int(p["end"]), "party", str(value(p, "side") or "party"))
             for p in participants if value(p, "start") is not None and value(p, "end") is not None]
    date_span = next(((int(d["start"]), int(d["end"])) for d in dates
                      if value(d, "start") is not None and lo <= int(d["start"]) < hi
                      and value(d, "text") == value(meeting, "date_text")), None)
    for kind, span in (("trigger", find_inside(text, value(meeting, "trigger"), lo, hi)),
                       ("date", date_span or find_inside(text, value(meeting, "date_text"), lo, hi)),
                       ("place", find_inside(text, value(meeting, "location"), lo, hi)),
                       ("purpose", find_inside(text, value(meeting, "purpose"), lo, hi))):
        if span:
            marks.append(Mark(span[0], span[1], kind, kind))
    return marks


def without_overlaps(marks: Iterable[Mark], order: Sequence[str] = PRIORITY) -> list[Mark]:
    """Keep marks by `order` of kind (then longest first); drop any that overlaps a kept
    one. Sorted by position."""
    rank = {k: i for i, k in enumerate(order)}
    kept: list[Mark] = []
    for m in sorted(marks, key=lambda m: (rank.get(m.kind, len(rank)), m.start - m.end, m.start)):
        if m.end > m.start and all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def entity_marks(mentions: Iterable[Mapping[str, Any]], lo: int = 0, hi: int | None = None) -> list[Mark]:
    """Mentions as marks labelled by their type, the longest winning where they nest
    (a role that holds an organisation shows as the role)."""
    marks = [Mark(int(m["start"]), int(m["end"]), str(m["label"]), str(m["label"]))
             for m in mentions if value(m, "start") is not None
             and int(m["start"]) >= lo and (hi is None or int(m["end"]) <= hi)]
    return without_overlaps(marks, order=())


def segments(text: str, lo: int, hi: int, marks: Sequence[Mark]) -> list[tuple[str, Mark | None]]:
    """text[lo:hi] cut into plain and marked pieces, in reading order."""
    out: list[tuple[str, Mark | None]] = []
    at = lo
    for m in marks:
        start, end = max(m.start, lo), min(m.end, hi)
        if start < at or start >= end:
            continue
        if start > at:
            out.append((text[at:start], None))
        out.append((text[start:end], m))
        at = end
    if at < hi:
        out.append((text[at:hi], None))
    return out
