"""Ingest: turn input files and folders into `Record`s, one per article.

Every article read comes out as a `Record`, every one that could not be read as an
`IngestError`, so a run can account for all of its input.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from arnews.document import IngestError, Record

from .errors import UnsupportedFormatError, to_error
from .jsonrec import read_json, read_jsonl
from .txt import parse_article, read_txt

__all__ = ["SUPPORTED_SUFFIXES", "iter_inputs", "iter_files", "read_file", "parse_article"]

Reader = Callable[[Path, str, str], Iterator[Record | IngestError]]

# Longest first, so "x.json.gz" is json-gzip and not just ".gz".
_READERS: dict[str, Reader] = {
    ".jsonl.gz": read_jsonl,
    ".json.gz": read_json,
    ".txt.gz": read_txt,
    ".jsonl": read_jsonl,
    ".json": read_json,
    ".txt": read_txt,
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_READERS)


def _suffix(name: str) -> str | None:
    lower = name.lower()
    return next((s for s in _READERS if lower.endswith(s) and len(name) > len(s)), None)


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def iter_files(root: Path, _rel: str = "") -> Iterator[tuple[Path, str]]:
    """Supported, non-hidden files under `root` with their paths relative to it, in name order.

    Files and subfolders are visited together in sorted name order, so runs (and row order
    in the output tables) are the same on every file system. Symlinked folders are not
    followed, so a link cycle cannot make the walk endless.
    """
    with os.scandir(root) as it:
        entries = sorted((e for e in it if not _is_hidden(e.name)), key=lambda e: e.name)
    for entry in entries:
        rel = f"{_rel}{entry.name}"
        if entry.is_dir(follow_symlinks=False):
            yield from iter_files(Path(entry.path), f"{rel}/")
        elif entry.is_file() and _suffix(entry.name):
            yield Path(entry.path), rel


def read_file(path: Path, source_path: str) -> Iterator[Record | IngestError]:
    """All records of one file; an unsupported suffix is itself an error."""
    suffix = _suffix(path.name)
    if suffix is None:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        yield to_error(UnsupportedFormatError(f"unsupported file type (expected one of {supported})"), source_path)
        return
    stem = path.name[: -len(suffix)]
    yield from _READERS[suffix](path, source_path, stem)


def iter_inputs(paths: Sequence[str | Path]) -> Iterator[Record | IngestError]:
    """Records from files and folders (walked recursively), errors in place of unreadable ones.

    `source_path` is relative to the argument it came from: the path inside a folder, or
    the bare file name for a file.
    """
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for file, rel in iter_files(path):
                yield from read_file(file, rel)
        elif path.is_file():
            yield from read_file(path, path.name)
        elif path.exists():
            yield to_error(UnsupportedFormatError("not a regular file or folder"), str(p))
        else:
            yield to_error(FileNotFoundError(f"no such file or folder: {p}"), str(p))
