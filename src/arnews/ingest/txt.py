"""Plain-text articles as scraped: page header lines, then the body.

A scraped page typically opens with the page's own timestamp (when it was fetched, not
published), the headline, and a "published on" line, before the body starts with its
dateline. Those lines are metadata, not article text, so they are split off here; the body
is kept exactly as written because every later offset points into it.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from arnews.document import IngestError, Record

from arnews.limits import InputTooLarge, Limits

from ._io import IO_ERRORS, Progress, read_text
from .dateline import find_dateline
from .dates import DATE, WEEKDAYS, date_from_match
from .errors import EmptyTextError, to_error

_TIME = r"(?:[0-9٠-٩]{1,2}:[0-9٠-٩]{2}(?::[0-9٠-٩]{2})?\s*(?:ص|م|AM|PM|am|pm)?)"
_WEEKDAY_PREFIX = rf"(?:{WEEKDAYS}\s*[:،,-]?\s*)?"

# "السبت: 04/01/2025 بتوقيت القدس الشريف", or a line that is only a (week)day, date and time.
_PAGE_STAMP = re.compile(
    rf"\s*{_WEEKDAY_PREFIX}(?:{DATE})\s*[،,-]?\s*(?:(?:الساعة\s*:?\s*)?{_TIME})?\s*(?:بتوقيت\b.{{0,60}})?\s*$"
)
# "نشر بتاريخ: 27/08/2012 ( آخر تحديث: ... )", "تاريخ النشر: ٢٠١٢-٠٨-٢٧", "نشر في 27 أغسطس 2012"
_PUBLISHED = re.compile(
    rf"\s*(?:نُ?شِ?رَ?\s+بتاريخ|تاريخ\s+النشر|تاريخ\s+نشر|نُ?شِ?رَ?\s+في|نشر)\s*[:：]?\s*{_WEEKDAY_PREFIX}(?:{DATE})"
)
# A headline is one short line; a first paragraph is usually longer or ends a sentence.
_MAX_TITLE_CHARS = 200
_MAX_TITLE_WORDS = 30
_SENTENCE_END = (".", ":", "…")


@dataclass(frozen=True)
class Article:
    """What the header parser finds in one scraped page."""

    text: str
    title: str | None = None
    published: date | None = None
    dateline: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class _Line:
    start: int      # offset of the line in the raw text
    content: str    # without its line break

    @property
    def blank(self) -> bool:
        return not self.content.strip()


def _lines(raw: str) -> list[_Line]:
    out, pos = [], 0
    for chunk in raw.splitlines(keepends=True):
        out.append(_Line(pos, chunk.rstrip("\r\n")))
        pos += len(chunk)
    return out


def is_page_stamp(line: str) -> bool:
    return bool(_PAGE_STAMP.fullmatch(line))


def is_publication_line(line: str) -> bool:
    return bool(_PUBLISHED.match(line))


def _looks_like_title(line: str) -> bool:
    s = line.strip()
    return (
        len(s) <= _MAX_TITLE_CHARS
        and len(s.split()) <= _MAX_TITLE_WORDS
        and not s.endswith(_SENTENCE_END)
        and find_dateline(s) is None
    )


def _next_nonblank(lines: list[_Line], i: int) -> int | None:
    for j in range(i, len(lines)):
        if not lines[j].blank:
            return j
    return None


def _is_title_at(lines: list[_Line], i: int) -> bool:
    """A headline is followed by the publication line, or by a blank line and then the body."""
    j = _next_nonblank(lines, i + 1)
    if j is None:
        return False  # nothing after it: the line is the body
    if is_publication_line(lines[j].content):
        return find_dateline(lines[i].content.strip()) is None
    return j > i + 1 and _looks_like_title(lines[i].content)


def parse_article(raw: str) -> Article:
    """Split header lines from the body; raises EmptyTextError when no body is left."""
    lines = _lines(raw)
    title: str | None = None
    published: date | None = None
    seen_publication = False
    i = 0
    while i < len(lines):
        line = lines[i].content
        if lines[i].blank or is_page_stamp(line):
            i += 1
            continue
        pub = _PUBLISHED.match(line)
        if pub:
            published = published or date_from_match(pub)
            seen_publication = True
            i += 1
            continue
        if title is None and not seen_publication and _is_title_at(lines, i):
            title = line.strip()
            i += 1
            continue
        break
    start = lines[i].start if i < len(lines) else len(raw)
    text = raw[start:].rstrip()
    if not text:
        raise EmptyTextError("empty text" if not raw.strip() else "headers but no body text")
    dl = find_dateline(text)
    return Article(
        text=text,
        title=title,
        published=published,
        dateline=dl.place if dl else None,
        source=dl.agency if dl else None,
    )


def read_txt(path: Path, source_path: str, doc_id: str, limits: Limits,
             progress: Progress) -> Iterator[Record | IngestError]:
    """One Record for the file, or one IngestError saying why it could not be read."""
    try:
        art = parse_article(read_text(path, limits.max_file_bytes, progress))
        if len(art.text) > limits.max_chars:
            raise InputTooLarge(f"text of {len(art.text):,} characters, over the limit of "
                                f"{limits.max_chars:,} for one article (raise it with --max-chars)")
    except (*IO_ERRORS, UnicodeDecodeError, ValueError) as exc:
        yield to_error(exc, source_path)
        return
    yield Record(
        doc_id=doc_id,
        source_path=source_path,
        text=art.text,
        title=art.title,
        published=art.published,
        source=art.source,
        dateline=art.dateline,
    )
