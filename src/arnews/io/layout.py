"""Where a run's files live, and how they are read.

Each table is a folder `OUT/<table>/` of Parquet files. A run writes one file per table
per commit, `part-<run_id>-<commit>.parquet`; `runs` and `entities`, which describe the
whole folder, are one file each (`part-runs.parquet`, `part-entities.parquet`),
replaced at each commit. A file is written under a dot-prefixed temporary name
(`.part-....parquet.tmp`) and renamed into place by the commit (see `store`): pyarrow and
pandas skip names starting with `.` or `_`, and DuckDB's `**/*.parquet` glob does not
match the `.tmp` suffix, so no reader ever sees a half-written file.
"""
from __future__ import annotations

import re
from pathlib import Path

import pyarrow as pa

from arnews.schema import schema_of

COMPRESSION = "zstd"
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
RUNS_FILE = "runs"          # runs/part-runs.parquet, rewritten at each commit
ENTITIES_FILE = "entities"  # entities/part-entities.parquet, rebuilt when a run ends


def check_run_id(run_id: str) -> str:
    """A run id becomes part of file names, so keep it to a safe alphabet."""
    if not isinstance(run_id, str) or not _SAFE_ID.fullmatch(run_id):
        raise ValueError(f"run_id {run_id!r} must match {_SAFE_ID.pattern} (it names files)")
    return run_id


def part_name(table: str, name: str) -> str:
    """The visible file, relative to the output folder."""
    return f"{table}/part-{name}.parquet"


def temp_name(table: str, name: str) -> str:
    """The hidden file a part is written to before its commit."""
    return f"{table}/.part-{name}.parquet.tmp"


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
    import pyarrow.dataset as ds   # here, not at the top: `arnews show` never needs it
    dataset = ds.dataset([str(f) for f in files], schema=schema, format="parquet")
    return dataset.to_table(columns=columns)


def write_table(data: pa.Table, path: Path) -> None:
    """Write a whole table to a (temporary) path."""
    import pyarrow.parquet as pq
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(data, path, compression=COMPRESSION)
