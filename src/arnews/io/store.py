"""The output folder as a store: one writer at a time, and commits that are all or nothing.

A run publishes its work in commits (every few thousand articles, and at the end). A
commit's files are first written under hidden names (`.part-*.parquet.tmp`, which no
Parquet reader lists); then a commit record naming every file is written to
`OUT/_arnews/commits/` — that write is the commit point — and only then are the files
renamed into place and the record removed. A run killed at any moment therefore leaves
either no trace of a commit (its hidden files are removed by the next run) or a record
that the next run (or `recover`) carries out to the end, as Delta Lake and Iceberg
replay their logs. arnews's own reader also reads through pending records, so it never
sees half a commit.

`OUT/_arnews/lock` is held (flock) by the run writing to the folder: a second run is
refused, or waits with `wait=True`. The kernel releases the lock when its process dies,
so a lock left by a killed run is simply taken over.
"""
from __future__ import annotations

import fcntl
import json
import os
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from arnews import faults

META = "_arnews"          # hidden from readers: pyarrow and pandas skip names starting with _
COMMITS = "commits"
LOCK = "lock"


class OutputUnusable(RuntimeError):
    """`--out` cannot be written to (a file, no permission, no space)."""


class OutputLocked(RuntimeError):
    """Another run is writing to the output folder."""


def fsync_dir(path: Path) -> None:
    """Make renames and unlinks inside `path` durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


@dataclass(frozen=True)
class Rename:
    """Part of a commit: a hidden file that becomes a visible one."""

    staged: str     # paths relative to the output folder
    final: str


class OutputStore:
    """An arnews output folder: its tables, its lock and its commit log."""

    def __init__(self, out_dir: str | Path):
        self.root = Path(out_dir)
        self.meta = self.root / META
        self.commits = self.meta / COMMITS
        self._lock_fd: int | None = None

    # -- before any work ------------------------------------------------------------

    def check_usable(self) -> None:
        """Create the folder if needed and prove it can be written, before any work:
        a cron job should fail in a second, not after the night's articles."""
        if self.root.exists() and not self.root.is_dir():
            raise OutputUnusable(f"{self.root} is a file, not a folder")
        try:
            self.commits.mkdir(parents=True, exist_ok=True)
            probe = self.meta / f".probe-{os.getpid()}"
            with open(probe, "wb") as f:
                f.write(b"\0" * 65536)
                f.flush()
                os.fsync(f.fileno())
            probe.unlink()
        except OSError as exc:
            raise OutputUnusable(f"cannot write to {self.root}: {exc.strerror or exc}") from exc

    # -- the lock -------------------------------------------------------------------

    def lock(self, run_id: str, wait: bool = False) -> str | None:
        """Take the folder's lock for `run_id`. Returns a note when the lock was left by
        a run that is no longer running (taken over), else None. Raises OutputLocked."""
        path = self.meta / LOCK
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise OutputLocked(
                f"{self.root} is being written by another arnews run ({holder}); "
                "wait for it to finish, or run with --wait") from None
        previous = _read_holder(fd)
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps({"run_id": run_id, "pid": os.getpid(), "host": socket.gethostname(),
                                  "started": datetime.now(timezone.utc).isoformat()}).encode(), 0)
        self._lock_fd = fd
        return f"took over the lock of {previous}, which is no longer running" if previous else None

    def unlock(self) -> None:
        if self._lock_fd is not None:
            os.ftruncate(self._lock_fd, 0)
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)
            self._lock_fd = None

    # -- commits --------------------------------------------------------------------

    def pending(self) -> list[dict]:
        """Commit records written but not yet carried out, oldest first."""
        if not self.commits.is_dir():
            return []
        out = []
        for p in sorted(self.commits.glob("*.json")):
            try:
                out.append(json.loads(p.read_text(encoding="utf-8")) | {"_path": str(p)})
            except (OSError, ValueError):   # a record being removed right now
                continue
        return out

    def commit(self, renames: Iterable[Rename], removes: Iterable[str] = (), note: dict | None = None) -> None:
        """Publish staged files at once: write the record, then carry it out."""
        renames, removes = list(renames), list(removes)
        for r in renames:
            fsync_file(self.root / r.staged)
        record = {"seq": self._next_seq(), "at": datetime.now(timezone.utc).isoformat(),
                  "renames": [[r.staged, r.final] for r in renames], "removes": removes, **(note or {})}
        final = self.commits / f"{record['seq']:012d}.json"
        temp = self.commits / f".{record['seq']:012d}.json.tmp"
        with open(temp, "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
            f.flush()
            os.fsync(f.fileno())
        faults.point("commit.record-written")
        os.replace(temp, final)
        fsync_dir(self.commits)
        faults.point("commit.logged")
        self._apply(record, final)

    def _next_seq(self) -> int:
        seqs = [int(p.name.split(".")[0]) for p in self.commits.glob("*.json")]
        last = self.meta / "last-commit"
        done = int(last.read_text()) if last.exists() else 0
        return max([done, *seqs]) + 1

    def _apply(self, record: dict, path: Path) -> None:
        """Carry out a commit record; safe to repeat after a crash at any point."""
        folders: set[Path] = set()
        for staged, final in record["renames"]:
            src, dst = self.root / staged, self.root / final
            if src.exists():
                os.replace(src, dst)
                folders.add(dst.parent)
                faults.point("commit.renamed")
        for rel in record["removes"]:
            p = self.root / rel
            if p.exists():
                p.unlink()
                folders.add(p.parent)
        for folder in folders:
            fsync_dir(folder)
        (self.meta / "last-commit").write_text(str(record["seq"]))
        faults.point("commit.applied")
        path.unlink()
        fsync_dir(self.commits)

    def recover(self) -> list[str]:
        """Finish the commits a killed run left half done, and remove what a killed run
        staged but never committed. Call with the lock held. Returns what was done."""
        notes = []
        for record in self.pending():
            self._apply(record, Path(record.pop("_path")))
            notes.append(f"finished commit {record['seq']} of run {record.get('run_id', '?')}")
        leftovers = [p for p in self.root.glob("*/.part-*.tmp")] + list(self.commits.glob(".*.tmp"))
        for p in leftovers:
            p.unlink()
        if leftovers:
            notes.append(f"removed {len(leftovers)} unfinished file(s) of an interrupted run")
        return notes

    def visible_and_pending(self, table: str) -> list[Path]:
        """The files of `table` a reader should read: those in place, plus those of
        commits written but not yet carried out (never half a commit)."""
        from arnews.io.layout import visible_files

        files = set(visible_files(self.root / table))
        for record in self.pending():
            for staged, final in record["renames"]:
                if not final.startswith(table + "/"):
                    continue
                dst, src = self.root / final, self.root / staged
                files.discard(dst)
                files.add(dst if dst.exists() else src)
            for rel in record["removes"]:
                files.discard(self.root / rel)
        return sorted(f for f in files if f.exists())


def _read_holder(fd: int) -> str | None:
    try:
        raw = os.pread(fd, 4096, 0)
        info = json.loads(raw) if raw.strip() else None
    except (OSError, ValueError):
        return None
    if not info:
        return None
    return f"run {info.get('run_id')}, pid {info.get('pid')} on {info.get('host')}, started {info.get('started')}"
