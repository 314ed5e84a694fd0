"""JSON articles: a .json object or array, or .jsonl one object per line, optionally gzipped.

Scrapers and corpora name the same fields differently, so each field is looked up under a
few common key names (first one present wins). The text is passed through untouched.
"""
from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from arnews.document import IngestError, Record

from ._io import IO_ERRORS, iter_byte_lines, read_text
from .dateline import find_dateline
from .dates import parse_date
from .errors import MissingTextError, NoRecordsError, NotAnObjectError, to_error

TEXT_KEYS = ("content", "text", "body", "article")
TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("published", "published_at", "date", "pubDate", "date_extracted")
ID_KEYS = ("id", "doc_id", "guid")
URL_KEYS = ("url", "link")

_READ_ERRORS = (*IO_ERRORS, UnicodeDecodeError, ValueError)  # JSONDecodeError is a ValueError


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
            return value
    return None


def _clean(value: Any) -> str | None:
    """Metadata as a stripped string, None when empty."""
    if value is None or isinstance(value, (dict, list)):
        return None
    s = str(value).strip()
    return s or None


def to_record(obj: Any, source_path: str, default_id: str, record_index: int | None) -> Record:
    """One JSON value as a Record; raises NotAnObjectError / MissingTextError otherwise.

    A text that is present but blank (SaudiNewsNet has cartoon pages with content " ") is
    kept as a Record: the entry exists, it just has nothing to extract from.
    """
    if not isinstance(obj, dict):
        raise NotAnObjectError(f"record is a JSON {type(obj).__name__}, not an object")
    text = _first_str(obj, TEXT_KEYS)
    if text is None:
        raise MissingTextError(f"record has no text (none of {', '.join(TEXT_KEYS)} is a string)")
    dl = find_dateline(text)
    return Record(
        doc_id=_clean(_first(obj, ID_KEYS)) or default_id,
        source_path=source_path,
        text=text,
        title=_clean(_first_str(obj, TITLE_KEYS)),
        published=parse_date(_first(obj, DATE_KEYS)),
        # the record's own field names the publisher; a dateline agency only stands in for it
        source=_clean(obj.get("source")) or (dl.agency if dl else None),
        url=_clean(_first(obj, URL_KEYS)),
        dateline=dl.place if dl else None,
        record_index=record_index,
    )


def _one(obj: Any, source_path: str, default_id: str, index: int | None) -> Record | IngestError:
    try:
        return to_record(obj, source_path, default_id, index)
    except (NotAnObjectError, MissingTextError) as exc:
        return to_error(exc, source_path, index)


def read_json(path: Path, source_path: str, stem: str) -> Iterator[Record | IngestError]:
    """A .json file: one object (doc_id defaults to the stem) or an array of them."""
    try:
        data = json.loads(read_text(path))
    except _READ_ERRORS as exc:
        yield to_error(exc, source_path)
        return
    if data == []:
        yield to_error(NoRecordsError("empty JSON array: no records"), source_path)
    elif isinstance(data, list):
        for i, obj in enumerate(data):
            yield _one(obj, source_path, f"{stem}#{i}", i)
    elif isinstance(data, dict):
        yield _one(data, source_path, stem, None)
    else:
        yield to_error(NotAnObjectError(f"file holds a JSON {type(data).__name__}, not an object or array"), source_path)


def read_jsonl(path: Path, source_path: str, stem: str) -> Iterator[Record | IngestError]:
    """A .jsonl file, streamed: a bad line fails alone, blank lines are not records."""
    index = 0
    line_no = 0
    try:
        for line_no, raw in enumerate(iter_byte_lines(path), start=1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode("utf-8-sig" if line_no == 1 else "utf-8"))
            except (UnicodeDecodeError, ValueError) as exc:
                yield to_error(exc, source_path, index, where=f"line {line_no}")
            else:
                yield _one(obj, source_path, f"{stem}#{index}", index)
            index += 1
    except IO_ERRORS as exc:  # truncated or corrupt gzip: the records before it stand
        yield to_error(exc, source_path, where=f"after line {line_no}")
        return
    if index == 0:
        yield to_error(NoRecordsError("no records (empty file or only blank lines)"), source_path)
