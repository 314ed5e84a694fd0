"""Opening inputs: one place that knows about gzip, so readers only see bytes or lines."""
from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

# What opening or decompressing a file can raise: missing/unreadable file, not gzip
# (BadGzipFile is an OSError), truncated gzip (EOFError), corrupt deflate data (zlib.error).
IO_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, zlib.error)


def is_gzip(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def read_bytes(path: Path) -> bytes:
    """Whole file, decompressed; a truncated gzip raises EOFError, a non-gzip BadGzipFile."""
    if is_gzip(path):
        with gzip.open(path, "rb") as fh:
            return fh.read()
    return path.read_bytes()


def read_text(path: Path) -> str:
    """Whole file as strict UTF-8 (a leading BOM is not text, so it is dropped)."""
    return read_bytes(path).decode("utf-8-sig")


def iter_byte_lines(path: Path) -> Iterator[bytes]:
    """Lines as bytes, streamed; decoding per line lets one bad line fail alone."""
    opener = gzip.open if is_gzip(path) else open
    with opener(path, "rb") as fh:
        yield from fh
