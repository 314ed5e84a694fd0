"""The dates stage: temporal expressions of every sentence, resolved against publication."""
from __future__ import annotations

from arnews.dates import find_dates
from arnews.document import DateMention, Document


class DateRecogniser:
    name = "dates"
    reads = frozenset({"record", "norm", "sentence_tokens"})
    writes = frozenset({"dates"})

    def __call__(self, d: Document) -> Document:
        assert d.norm is not None
        anchor = d.record.published
        exprs = find_dates(d.norm.text, anchor)
        bounds = [(toks[0].start, toks[-1].end) for toks in d.sentence_tokens]
        for x in exprs:
            si = next((i for i, (s, e) in enumerate(bounds) if s <= x.start < e), None)
            if si is None:
                continue
            start, end = d.norm.to_original(x.start, x.end)
            d.dates.append(DateMention(start, end, d.text[start:end], si, value=x.value,
                                       calendar=x.calendar, relative=x.relative,
                                       anchor=x.anchor if x.relative else None, kind=x.kind,
                                       tokens=_overlapped(d.sentence_tokens[si], x.start, x.end)))
        return d


def _overlapped(toks, start: int, end: int) -> tuple[int, int]:
    """The tokens [first, last + 1) that the span [start, end) of the normalised text overlaps."""
    inside = [i for i, t in enumerate(toks) if t.start < end and start < t.end]
    return (inside[0], inside[-1] + 1) if inside else (0, 0)
