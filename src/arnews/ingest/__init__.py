"""Ingest: turn input files and folders into `Record`s, one per article.

Every article read comes out as a `Record`, every one that could not be read as an
`IngestError`, and every folder entry that is deliberately not read as an `IngestError`
of level "skipped" with the reason, so a run can account for all of its input.

The rules of a folder walk (documented in the README):
- names starting with "." are hidden and not read, without a row;
- files with a suffix no reader handles, FIFOs, sockets and devices are skipped, with a row;
- a symbolic link is followed only when it stays inside the input folders (or with
  `follow_links=True`); a broken link or a link loop is skipped with a row;
- a file or folder reached twice (through links) is read once.
"""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from arnews.document import IngestError, Record
from arnews.limits import DEFAULT_LIMITS, Limits

from ._io import Progress
from .errors import UnsupportedFormatError, printable_path, to_error
from .jsonrec import read_json, read_jsonl
from .txt import parse_article, read_txt

__all__ = ["SUPPORTED_SUFFIXES", "InputFile", "iter_inputs", "plan_inputs", "read_file", "parse_article"]

Reader = Callable[[Path, str, str, Limits, Progress], Iterator[Record | IngestError]]

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


@dataclass(frozen=True)
class InputFile:
    """A file to read: where it is, and how the tables name it."""

    path: Path
    source_path: str   # relative to the input argument it came from, printable UTF-8
    size: int


def _suffix(name: str) -> str | None:
    lower = name.lower()
    return next((s for s in _READERS if lower.endswith(s) and len(name) > len(s)), None)


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a regular file"


class _Walk:
    """One plan: the files to read, the entries skipped, and what was already seen."""

    def __init__(self, roots: list[Path], follow_links: bool):
        self.roots = [os.path.realpath(r) for r in roots]
        self.follow_links = follow_links
        self.files: list[InputFile] = []
        self.skipped: list[IngestError] = []
        self.seen: dict[tuple[int, int], str] = {}

    def skip(self, source_path: str, reason: str, error: str = "Skipped", level: str = "skipped") -> None:
        self.skipped.append(IngestError(source_path=source_path, record_index=None, error=error,
                                        message=reason, level=level))

    def inside_roots(self, target: str) -> bool:
        return any(target == r or target.startswith(r.rstrip(os.sep) + os.sep) for r in self.roots)

    def first_visit(self, st: os.stat_result, source_path: str) -> bool:
        key = (st.st_dev, st.st_ino)
        if key in self.seen:
            self.skip(source_path, f"the same file or folder as {self.seen[key]} (reached twice through links)")
            return False
        self.seen[key] = source_path
        return True

    def add_file(self, path: Path, source_path: str, st: os.stat_result) -> None:
        if not stat.S_ISREG(st.st_mode):
            self.skip(source_path, f"{_kind(st.st_mode)}, not a file that can be read")
        elif _suffix(path.name) is None:
            self.skip(source_path, "unsupported file type (arnews reads "
                      + ", ".join(SUPPORTED_SUFFIXES) + ")", error="UnsupportedFormatError")
        elif self.first_visit(st, source_path):
            self.files.append(InputFile(path, source_path, st.st_size))

    def entry(self, path: Path, rel: str) -> None:
        """One folder entry: a file to read, a folder to walk, or a row saying why not."""
        try:
            st = os.lstat(path)
        except OSError as exc:
            self.skip(rel, f"cannot be read: {exc.strerror}", type(exc).__name__, "error")
            return
        if stat.S_ISLNK(st.st_mode):
            try:
                target_st = os.stat(path)
            except OSError as exc:
                why = "a symbolic link loop" if exc.errno == errno.ELOOP else "a broken symbolic link"
                self.skip(rel, f"{why} ({printable_path(os.readlink(path))})")
                return
            target = os.path.realpath(path)
            if not self.follow_links and not self.inside_roots(target):
                self.skip(rel, f"a symbolic link to {printable_path(target)}, outside the input "
                          "folders (not followed; use --follow-links to read it)")
                return
            st = target_st
        if stat.S_ISDIR(st.st_mode):
            if self.first_visit(st, rel + "/"):
                self.folder(path, rel + "/")
        else:
            self.add_file(path, rel, st)

    def folder(self, root: Path, rel: str) -> None:
        try:
            with os.scandir(root) as it:
                names = sorted(e.name for e in it)
        except OSError as exc:
            self.skip(rel or str(root), f"folder cannot be listed: {exc.strerror}", type(exc).__name__, "error")
            return
        for name in names:
            if name.startswith("."):
                continue
            self.entry(root / name, rel + printable_path(name))


def plan_inputs(paths: Sequence[str | Path], follow_links: bool = False) -> tuple[list[InputFile], list[IngestError]]:
    """The files to read under `paths`, in a stable order, and a row for each entry not read.

    `source_path` is relative to the argument it came from: the path inside a folder, or
    the bare file name for a file. Files and subfolders are visited in sorted name order,
    so runs (and row order in the tables) are the same on every file system.
    """
    walk = _Walk([Path(p) for p in paths if Path(p).is_dir()], follow_links)
    for p in paths:
        path = Path(p)
        name = printable_path(str(p))
        try:
            st = os.stat(path)
        except FileNotFoundError:
            walk.skip(name, f"no such file or folder: {name}", "FileNotFoundError", "error")
            continue
        except OSError as exc:
            walk.skip(name, f"cannot be read: {exc.strerror}", type(exc).__name__, "error")
            continue
        if stat.S_ISDIR(st.st_mode):
            walk.seen[(st.st_dev, st.st_ino)] = name
            walk.folder(path, "")
        elif stat.S_ISREG(st.st_mode) and _suffix(path.name) is None:
            supported = ", ".join(SUPPORTED_SUFFIXES)
            walk.skipped.append(to_error(UnsupportedFormatError(
                f"unsupported file type (expected one of {supported})"), printable_path(path.name)))
        else:
            walk.add_file(path, printable_path(path.name), st)
    return walk.files, walk.skipped


def read_file(file: InputFile, limits: Limits = DEFAULT_LIMITS,
              progress: Progress | None = None) -> Iterator[Record | IngestError]:
    """All records of one file, or the errors that stand in for them."""
    suffix = _suffix(file.path.name)
    assert suffix is not None, "plan_inputs only lists supported files"
    stem = printable_path(file.path.name[: -len(suffix)])
    yield from _READERS[suffix](file.path, file.source_path, stem, limits,
                                progress or Progress(file.size))


def iter_inputs(paths: Sequence[str | Path], limits: Limits = DEFAULT_LIMITS,
                follow_links: bool = False) -> Iterator[Record | IngestError]:
    """Records from files and folders, with a row in place of each entry not read."""
    files, skipped = plan_inputs(paths, follow_links)
    yield from skipped
    for f in files:
        yield from read_file(f, limits)
