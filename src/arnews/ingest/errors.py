"""Why an input could not be read, as exception classes whose names end up in `IngestError.error`."""
from __future__ import annotations

import os

from arnews.document import IngestError
from arnews.text.clean import clean_string


class UnsupportedFormatError(ValueError):
    """A file given explicitly whose suffix no reader handles."""


class EmptyTextError(ValueError):
    """A plain-text article with no body (empty file, or headers only)."""


class NoRecordsError(ValueError):
    """A JSON/JSONL file with no records at all: reported so the file is still accounted for."""


class MissingTextError(ValueError):
    """A JSON record with none of the text keys holding a string."""


class NotAnObjectError(TypeError):
    """A JSON record (or a whole .json file) that is not an object."""


def printable_path(name: str) -> str:
    """A file name as text the tables can hold: bytes that are not UTF-8 (kept by Python
    as surrogate escapes) are written as \\xNN."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def to_error(
    exc: BaseException, source_path: str, record_index: int | None = None, where: str = ""
) -> IngestError:
    """Turn an exception into the error row that stands in for the unreadable input.

    `where` ("line 12") locates the failure inside the file when the exception cannot.
    """
    message = str(exc) or exc.__class__.__name__
    if isinstance(exc, UnicodeDecodeError):
        # the codec's own message is cryptic; say plainly what is wrong and where.
        message = f"not valid UTF-8 ({exc.reason} at byte {exc.start})"
    elif isinstance(exc, RecursionError):
        message = "JSON nested too deeply to read"
    if where:
        message = f"{where}: {message}"
    return IngestError(
        source_path=source_path,
        record_index=record_index,
        error=exc.__class__.__name__,
        message=clean_string(message),
    )
