"""Opening inputs: one place that knows about gzip and size limits, so readers only see
bytes or lines.

Decompression is streamed and bounded: a 200 KB gzip that inflates to 200 MB stops at
the limit with `InputTooLarge` instead of filling memory. A gzip file made of several
members (as `cat a.gz b.gz` makes) is read whole; bytes after the last member that are
not gzip (a scraper's trailing garbage) are ignored, as gzip(1) does, rather than
losing the article.
"""
from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from arnews.limits import InputTooLarge

# What opening or decompressing a file can raise: missing/unreadable file, truncated
# gzip (EOFError), corrupt deflate data (zlib.error), not gzip at all (OSError).
IO_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, zlib.error)

CHUNK = 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b"


class NotGzipError(OSError):
    """A .gz file whose first bytes are not a gzip header."""


class Progress:
    """How far into the (compressed) file a reader is: bytes consumed of `size`."""

    def __init__(self, size: int):
        self.size = size
        self.consumed = 0


def is_gzip(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def _gunzip(fh, progress: Progress | None) -> Iterator[bytes]:
    """Decompressed chunks of a gzip stream, member after member."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    first = True
    pending = b""
    while True:
        raw = pending or fh.read(CHUNK)
        pending = b""
        if progress is not None:
            progress.consumed = fh.tell()
        if first:
            if raw[:2] != GZIP_MAGIC:
                raise NotGzipError(f"not a gzip file (starts with {raw[:2]!r})")
            first = False
        if not raw:
            if not d.eof:
                raise EOFError("compressed file ended before the end-of-stream marker (truncated gzip)")
            return
        data = raw
        while data:
            # max_length keeps every chunk bounded however well the input compresses
            out = d.decompress(data, CHUNK)
            if out:
                yield out
            data = d.unconsumed_tail
            if d.eof:
                rest = d.unused_data + data
                if not rest:
                    rest = fh.read(CHUNK)
                if rest[:2] != GZIP_MAGIC:
                    return                       # trailing garbage or zero padding: done
                d = zlib.decompressobj(16 + zlib.MAX_WBITS)
                pending, data = rest, b""
                break


def iter_chunks(path: Path, progress: Progress | None = None) -> Iterator[bytes]:
    """The file's bytes, decompressed if it is .gz, in bounded chunks."""
    with open(path, "rb") as fh:
        if is_gzip(path):
            yield from _gunzip(fh, progress)
            return
        while chunk := fh.read(CHUNK):
            if progress is not None:
                progress.consumed = fh.tell()
            yield chunk


def read_bytes(path: Path, limit: int, progress: Progress | None = None) -> bytes:
    """Whole file, decompressed; over `limit` bytes raises InputTooLarge."""
    parts, total = [], 0
    for chunk in iter_chunks(path, progress):
        total += len(chunk)
        if total > limit:
            raise InputTooLarge(f"more than {limit:,} bytes{' after decompression' if is_gzip(path) else ''} "
                                f"(the limit for one file; raise it with --max-file-bytes)")
        parts.append(chunk)
    return b"".join(parts)


def read_text(path: Path, limit: int, progress: Progress | None = None) -> str:
    """Whole file as strict UTF-8 (a leading BOM is not text, so it is dropped)."""
    return read_bytes(path, limit, progress).decode("utf-8-sig")


def iter_byte_lines(path: Path, limit: int, progress: Progress | None = None) -> Iterator[bytes | InputTooLarge]:
    """Lines as bytes, streamed; a line over `limit` bytes comes as an InputTooLarge in
    its place (its bytes are skipped, the lines after it still come)."""
    buf = bytearray()
    skipping = False
    for chunk in iter_chunks(path, progress):
        start = 0
        while True:
            nl = chunk.find(b"\n", start)
            piece = chunk[start:] if nl < 0 else chunk[start:nl + 1]
            if not skipping:
                buf += piece
                if len(buf) > limit:
                    skipping = True
                    buf.clear()
            if nl < 0:
                break
            if skipping:
                yield InputTooLarge(f"record longer than {limit:,} bytes (the limit for one "
                                    "JSON Lines record; raise it with --max-line-bytes)")
                skipping = False
            else:
                yield bytes(buf)
                buf.clear()
            start = nl + 1
    if skipping:
        yield InputTooLarge(f"record longer than {limit:,} bytes (the limit for one "
                            "JSON Lines record; raise it with --max-line-bytes)")
    elif buf:
        yield bytes(buf)
