"""JSON articles: a .json object or array, or .jsonl one object per line, optionally gzipped.

Scrapers and corpora name the same fields differently, so each field is looked up under a
few common key names (first one present wins). The text is passed through untouched but
for lone surrogates (see `clean_string`).

A record without an id of its own is named by its content, `<file stem>#<hash of title
and text>`, not by its position: inserting a record at the front of a day's file must not
make every later record look new.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from arnews.document import IngestError, Record

from arnews.limits import InputTooLarge, Limits

from ._io import IO_ERRORS, Progress, iter_byte_lines, read_text
from .dateline import find_dateline
from .dates import parse_date
from .errors import MissingTextError, NoRecordsError, NotAnObjectError, clean_string, to_error

TEXT_KEYS = ("content", "text", "body", "article")
TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("published", "published_at", "date", "pubDate", "date_extracted")
ID_KEYS = ("id", "doc_id", "guid")
URL_KEYS = ("url", "link")

# JSONDecodeError and InputTooLarge are ValueErrors; RecursionError: JSON nested too deeply
_READ_ERRORS = (*IO_ERRORS, UnicodeDecodeError, ValueError, RecursionError)
_RECORD_ERRORS = (NotAnObjectError, MissingTextError, InputTooLarge)


def _first(obj: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    """The value of the first key present with a non-null value."""
    for key in keys:
        if obj.get(key) is not None:
            return obj[key]
    return None


def _first_str(obj: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = obj.get(key)
        if isinstance(value, str):
            return clean_string(value)
    return None


def _clean(value: Any) -> str | None:
    """Metadata as a stripped string, None when empty."""
    if value is None or isinstance(value, (dict, list)):
        return None
    s = clean_string(str(value)).strip()
    return s or None


def content_id(stem: str, title: str | None, text: str) -> str:
    """The doc_id of a record without an id of its own: stable under re-ordering."""
    digest = hashlib.sha256(f"{title or ''}\n{text}".encode("utf-8")).hexdigest()[:12]
    return f"{stem}#{digest}"


def to_record(obj: Any, source_path: str, stem: str | None, record_index: int | None,
              limits: Limits) -> Record:
    """One JSON value as a Record; raises NotAnObjectError / MissingTextError / InputTooLarge.

    `stem` names a record without an id by its content; None means the record is the
    file's only one, named by the stem alone (passed as `source_path`'s stem).
    A text that is present but blank (SaudiNewsNet has cartoon pages with content " ") is
    kept as a Record: the entry exists, it just has nothing to extract from.
    """
    if not isinstance(obj, dict):
        raise NotAnObjectError(f"record is a JSON {type(obj).__name__}, not an object")
    text = _first_str(obj, TEXT_KEYS)
    if text is None:
        raise MissingTextError(f"record has no text (none of {', '.join(TEXT_KEYS)} is a string)")
    if len(text) > limits.max_chars:
        raise InputTooLarge(f"text of {len(text):,} characters, over the limit of {limits.max_chars:,} "
                            "for one article (raise it with --max-chars)")
    title = _clean(_first_str(obj, TITLE_KEYS))
    dl = find_dateline(text)
    own_id = _clean(_first(obj, ID_KEYS))
    return Record(
        doc_id=own_id or (content_id(stem, title, text) if record_index is not None else stem),
        source_path=source_path,
        text=text,
        title=title,
        published=parse_date(_first(obj, DATE_KEYS)),
        # the record's own field names the publisher; a dateline agency only stands in for it
        source=_clean(obj.get("source")) or (dl.agency if dl else None),
        url=_clean(_first(obj, URL_KEYS)),
        dateline=dl.place if dl else None,
        record_index=record_index,
    )


def _one(obj: Any, source_path: str, stem: str, index: int | None, limits: Limits) -> Record | IngestError:
    try:
        return to_record(obj, source_path, stem, index, limits)
    except _RECORD_ERRORS as exc:
        return to_error(exc, source_path, index)


def read_json(path: Path, source_path: str, stem: str, limits: Limits,
              progress: Progress) -> Iterator[Record | IngestError]:
    """A .json file: one object (doc_id defaults to the stem) or an array of them."""
    try:
        data = json.loads(read_text(path, limits.max_file_bytes, progress))
    except _READ_ERRORS as exc:
        yield to_error(exc, source_path)
        return
    if data == []:
        yield to_error(NoRecordsError("empty JSON array: no records"), source_path)
    elif isinstance(data, list):
        n = len(data)
        for i in range(n):
            progress.consumed = progress.size * (i + 1) // n
            obj, data[i] = data[i], None     # let each record go once it is read
            yield _one(obj, source_path, stem, i, limits)
    elif isinstance(data, dict):
        yield _one(data, source_path, stem, None, limits)
    else:
        yield to_error(NotAnObjectError(f"file holds a JSON {type(data).__name__}, not an object or array"), source_path)


def read_jsonl(path: Path, source_path: str, stem: str, limits: Limits,
               progress: Progress) -> Iterator[Record | IngestError]:
    """A .jsonl file, streamed: a bad line fails alone, blank lines are not records."""
    index = 0
    line_no = 0
    try:
        for line_no, raw in enumerate(iter_byte_lines(path, limits.max_line_bytes, progress), start=1):
            if isinstance(raw, InputTooLarge):
                yield to_error(raw, source_path, index, where=f"line {line_no}")
                index += 1
                continue
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode("utf-8-sig" if line_no == 1 else "utf-8"))
            except (UnicodeDecodeError, ValueError, RecursionError) as exc:
                yield to_error(exc, source_path, index, where=f"line {line_no}")
            else:
                yield _one(obj, source_path, stem, index, limits)
            index += 1
    except IO_ERRORS as exc:  # truncated or corrupt gzip: the records before it stand
        yield to_error(exc, source_path, where=f"after line {line_no}")
        return
    if index == 0:
        yield to_error(NoRecordsError("no records (empty file or only blank lines)"), source_path)
