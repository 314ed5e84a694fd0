"""Where a run's files live, and how they are read and published.

Each table is a folder `OUT/<table>/` of Parquet files, one per run
(`part-<run_id>.parquet`). A file is written under a dot-prefixed temporary name
(`.part-<run_id>.parquet.tmp`) and renamed into place only when complete: pyarrow and
pandas skip names starting with `.` or `_`, and DuckDB's `**/*.parquet` glob does not
match the `.tmp` suffix, so no reader ever sees a half-written file.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from arnews.schema import schema_of

COMPRESSION = "zstd"
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def check_run_id(run_id: str) -> str:
    """A run id becomes part of file names, so keep it to a safe alphabet."""
    if not isinstance(run_id, str) or not _SAFE_ID.fullmatch(run_id):
        raise ValueError(f"run_id {run_id!r} must match {_SAFE_ID.pattern} (it names files)")
    return run_id


def part_path(out_dir: Path, table: str, run_id: str) -> Path:
    return out_dir / table / f"part-{run_id}.parquet"


def temp_path(out_dir: Path, table: str, run_id: str) -> Path:
    return out_dir / table / f".part-{run_id}.parquet.tmp"


def visible_files(folder: Path) -> list[Path]:
    """The Parquet files a dataset reader sees in `folder` (hidden names excluded)."""
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.rglob("*.parquet")
        if p.is_file() and not any(part.startswith((".", "_"))
                                   for part in p.relative_to(folder).parts)
    )


def read_arrow(files: list[Path], table: str, columns: list[str] | None = None) -> pa.Table:
    """Read `files` as one dataset of `table`'s schema.

    The explicit schema makes every file read the same way: a column added to the
    schema after a file was written comes back as nulls instead of failing.
    """
    schema = schema_of(table)
    if not files:
        empty = schema.empty_table()
        return empty.select(columns) if columns is not None else empty
    dataset = ds.dataset([str(f) for f in files], schema=schema, format="parquet")
    return dataset.to_table(columns=columns)


def fsync_file(path: Path) -> None:
    """Make a finished file durable before it is renamed into place."""
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def write_temp(data: pa.Table, path: Path) -> None:
    """Write a whole table to a (temporary) path, durably."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(data, path, compression=COMPRESSION)
    fsync_file(path)


def write_atomic(data: pa.Table, final: Path, temp: Path) -> None:
    """Replace `final` with `data` so readers see either the old or the new file."""
    write_temp(data, temp)
    os.replace(temp, final)
