"""Writing one run's rows into the output tables, in commits.

Rows arrive one article at a time from the engines; they are checked against the
schema at once (so a bad article fails on its own, not 2,000 articles later), buffered,
and flushed in chunks to one hidden temporary Parquet file per table. `checkpoint`
publishes what has been added so far as one commit (see `store`): an interrupted run
keeps every commit it made, and the next run goes on from there. `close` makes the last
commit, with the run's final `runs` row and the rebuilt `entities`; `abort`, or a
crash, loses only what was added since the last commit, and leaves no visible trace of it.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Mapping
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version as package_version
from pathlib import Path
from types import TracebackType
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from arnews import faults
from arnews.io import layout
from arnews.io.entities import AFFILIATION_COLUMNS, ARTICLE_COLUMNS, MENTION_COLUMNS, build_entities
from arnews.io.store import OutputStore, Rename
from arnews.schema import SCHEMA_VERSION, SCHEMAS, to_arrow

ARTICLE_TABLES = ("articles", "mentions", "affiliations", "dates", "meetings",
                  "meeting_participants")
RUN_TABLES = (*ARTICLE_TABLES, "errors")  # tables with files per run and commit
FLUSH_EVERY = 2000
FINAL_STATUSES = ("finished", "interrupted", "failed")


def _arnews_version() -> str | None:
    try:
        return package_version("arnews")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return None


def error_id(row: Mapping[str, Any]) -> str:
    """The identity of an error: the same input failing the same way on the next night
    is the same error, recorded once."""
    key = "\x1f".join(str(row.get(k)) for k in ("source_path", "record", "stage", "error", "message"))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


class TableWriter:
    """Writes one run's rows into `out_dir`, a commit at a time.

    Holds the output folder's lock from construction to `close` or `abort` (a second
    writer raises `OutputLocked`, or waits with `wait=True`), and first finishes or
    cleans up whatever a killed run left. Use as a context manager, so that an
    exception aborts the uncommitted part of the run:

        with TableWriter(out, run_id) as w:
            for rows in results:
                w.add(rows)
                if time_to_commit: w.checkpoint(run_row)
            w.close(run_row)
    """

    def __init__(self, out_dir: Path | str, run_id: str, flush_every: int = FLUSH_EVERY,
                 wait: bool = False):
        self.out_dir = Path(out_dir)
        self.run_id = layout.check_run_id(run_id)
        self.flush_every = flush_every
        self.store = OutputStore(self.out_dir)
        created = not self.out_dir.exists()
        self.store.check_usable()
        self.notes: list[str] = []
        note = self.store.lock(run_id, wait=wait)
        try:
            if note:
                self.notes.append(note)
            self.notes += self.store.recover()
            if run_id in self._runs_table().column("run_id").to_pylist():
                # Committing under it would mix two runs' rows under one id.
                raise FileExistsError(f"run {run_id!r} already wrote to {self.out_dir}")
        except BaseException:
            self.store.unlock()
            raise
        self._created_root = created
        self._buffers: dict[str, list[pa.Table]] = {t: [] for t in RUN_TABLES}
        self._writers: dict[str, pq.ParquetWriter] = {}
        self._counts: dict[str, int] = {t: 0 for t in RUN_TABLES}
        self._pending = 0
        self._commits = 0
        self._known_errors = set(self._read("errors", ["error_id"]).column("error_id").to_pylist())
        self._state = "open"             # open -> closed | aborted

    # -- what earlier runs wrote ----------------------------------------------------

    def _read(self, table: str, columns: list[str] | None = None) -> pa.Table:
        return layout.read_arrow(layout.visible_files(self.out_dir / table), table, columns)

    def _runs_table(self) -> pa.Table:
        return self._read("runs")

    def known_articles(self) -> set[str]:
        """article_ids of the articles committed to `out_dir` (by earlier runs, and by
        this run's earlier commits). Reads the files: call it once per run."""
        return set(self._read("articles", ["article_id"]).column("article_id").to_pylist())

    # -- adding rows --------------------------------------------------------------

    def add(self, rows: Mapping[str, list[dict[str, Any]]]) -> None:
        """Add the rows of one article, keyed by table name.

        All of the article's rows are checked before any is kept, so an article whose
        rows do not fit the schema raises ValueError and leaves the run unchanged.
        `articles` rows are stamped with this run's id.
        """
        self._check_open()
        unknown = sorted(set(rows) - set(ARTICLE_TABLES))
        if unknown:
            raise ValueError(f"add() takes the tables {', '.join(ARTICLE_TABLES)}, "
                             f"not {unknown}")
        checked: dict[str, pa.Table] = {}
        for table, table_rows in rows.items():
            if not table_rows:
                continue
            if table == "articles":
                table_rows = [{**r, "run_id": self.run_id} for r in table_rows]
            checked[table] = to_arrow(table, table_rows)
        for table, data in checked.items():
            self._buffers[table].append(data)
        self._tick()

    def add_error(self, row: dict[str, Any]) -> bool:
        """Add an `errors` row; False when the same error is already recorded (an input
        that fails every night gets one row, not one a night)."""
        self._check_open()
        row = {"level": "error", **row, "run_id": self.run_id}
        row["error_id"] = error_id(row)
        if row["error_id"] in self._known_errors:
            return False
        self._known_errors.add(row["error_id"])
        self._buffers["errors"].append(to_arrow("errors", [row]))
        self._tick()
        return True

    def _tick(self) -> None:
        self._pending += 1
        if self._pending >= self.flush_every:
            self.flush()

    def flush(self) -> None:
        """Write the buffered rows to the temporary files (still invisible)."""
        self._check_open()
        for table, buffered in self._buffers.items():
            if not buffered:
                continue
            # One contiguous chunk: thousands of per-article chunks make writing slow.
            data = pa.concat_tables(buffered).combine_chunks()
            self._writer(table).write_table(data)
            self._counts[table] += data.num_rows
            buffered.clear()
        self._pending = 0

    def _part(self) -> str:
        return f"{self.run_id}-{self._commits + 1:05d}"

    def _writer(self, table: str) -> pq.ParquetWriter:
        if table not in self._writers:
            path = self.out_dir / layout.temp_name(table, self._part())
            path.parent.mkdir(parents=True, exist_ok=True)
            self._writers[table] = pq.ParquetWriter(path, SCHEMAS[table], compression=layout.COMPRESSION)
        return self._writers[table]

    # -- publishing ---------------------------------------------------------------

    def checkpoint(self, run_row: dict[str, Any], status: str = "running") -> None:
        """Publish everything added so far as one commit, with the run's `runs` row as it
        stands (`status` running until `close`)."""
        self._check_open()
        self.flush()
        part = self._part()
        renames = []
        for table in RUN_TABLES:
            writer = self._writers.pop(table, None)
            if writer is not None:
                writer.close()
            elif not layout.visible_files(self.out_dir / table):
                # No rows yet in this folder: an empty file keeps the table readable,
                # with its schema, by every reader.
                layout.write_table(SCHEMAS[table].empty_table(), self.out_dir / layout.temp_name(table, part))
            else:
                continue
            renames.append(Rename(layout.temp_name(table, part), layout.part_name(table, part)))
        runs, removes = self._runs_snapshot(run_row, status)
        layout.write_table(runs, self.out_dir / layout.temp_name("runs", layout.RUNS_FILE))
        renames.append(Rename(layout.temp_name("runs", layout.RUNS_FILE), layout.part_name("runs", layout.RUNS_FILE)))
        if status in FINAL_STATUSES:
            entities = self._build_entities(renames)
            layout.write_table(entities, self.out_dir / layout.temp_name("entities", layout.ENTITIES_FILE))
            renames.append(Rename(layout.temp_name("entities", layout.ENTITIES_FILE),
                                  layout.part_name("entities", layout.ENTITIES_FILE)))
        faults.point("commit.staged")
        self.store.commit(renames, removes, note={"run_id": self.run_id, "status": status})
        self._commits += 1

    def _runs_snapshot(self, run_row: dict[str, Any], status: str) -> tuple[pa.Table, list[str]]:
        """Every run's row, this one's as it stands now; runs left 'running' by a run
        that was killed are marked 'killed' (this run holds the lock, so they are dead).
        Also returns files of an older layout (one runs file per run) to remove."""
        files = layout.visible_files(self.out_dir / "runs")
        earlier = layout.read_arrow(files, "runs").to_pylist()
        rows = {r["run_id"]: r for r in earlier if r["run_id"] != self.run_id}
        for r in rows.values():
            if r.get("status") in (None, "running"):
                r["status"] = "killed" if r.get("status") == "running" else "finished"
        rows[self.run_id] = self._run_row(run_row, status)
        ordered = sorted(rows.values(), key=lambda r: (r["started_at"] or datetime.min.replace(tzinfo=timezone.utc), r["run_id"]))
        keep = self.out_dir / layout.part_name("runs", layout.RUNS_FILE)
        removes = [str(f.relative_to(self.out_dir)) for f in files if f != keep]
        return to_arrow("runs", ordered), removes

    def _run_row(self, run_row: dict[str, Any], status: str) -> dict[str, Any]:
        """The `runs` row: the caller's values, with what the writer knows filled in."""
        row = {**run_row, "run_id": self.run_id, "status": status}
        inputs = row.get("inputs")
        if inputs is not None and not isinstance(inputs, str):
            paths = [str(p) for p in inputs]
            row["inputs"] = json.dumps(paths, ensure_ascii=False)
            row.setdefault("n_inputs", len(paths))
        if status in FINAL_STATUSES:
            row.setdefault("finished_at", datetime.now(timezone.utc))
        else:
            row["finished_at"] = None
        row.setdefault("started_at", None)
        row.setdefault("n_articles", self._counts["articles"])
        row.setdefault("n_failed", self._counts["errors"])
        row.setdefault("version", _arnews_version())
        row.setdefault("schema_version", SCHEMA_VERSION)
        return row

    def _build_entities(self, renames: list[Rename]) -> pa.Table:
        """Entities over the committed runs plus this commit's (still hidden) files."""
        def files(table: str) -> list[Path]:
            staged = [self.out_dir / r.staged for r in renames if r.final.startswith(table + "/")]
            return layout.visible_files(self.out_dir / table) + staged

        mentions = layout.read_arrow(files("mentions"), "mentions", MENTION_COLUMNS)
        articles = layout.read_arrow(files("articles"), "articles", ARTICLE_COLUMNS)
        affiliations = layout.read_arrow(files("affiliations"), "affiliations", AFFILIATION_COLUMNS)
        return build_entities(mentions, articles, affiliations)

    def close(self, run_row: dict[str, Any], status: str = "finished") -> dict[str, int]:
        """The run's last commit: its remaining rows, its final `runs` row and the rebuilt
        `entities`; then the lock is released. Returns the rows written per table (for
        `entities`, the rows of the rebuilt table). A failure aborts what is uncommitted."""
        assert status in FINAL_STATUSES, status
        try:
            self.checkpoint(run_row, status)
        except BaseException:
            self.abort()
            raise
        self._state = "closed"
        self.store.unlock()
        entities = pq.ParquetFile(self.out_dir / layout.part_name("entities", layout.ENTITIES_FILE))
        return {**self._counts, "runs": 1, "entities": entities.metadata.num_rows}

    def abort(self) -> None:
        """Drop what was added since the last commit and release the lock; the output
        is as the last commit left it (as before the run, if it made none)."""
        if self._state != "open":
            return
        self._state = "aborted"
        for table, writer in self._writers.items():
            try:
                writer.close()
            except Exception:  # the file is deleted below anyway
                pass
            (self.out_dir / layout.temp_name(table, self._part())).unlink(missing_ok=True)
        self._writers.clear()
        for name in (layout.temp_name("runs", layout.RUNS_FILE), layout.temp_name("entities", layout.ENTITIES_FILE)):
            (self.out_dir / name).unlink(missing_ok=True)
        self.store.unlock()
        if self._created_root and self._commits == 0:
            shutil.rmtree(self.out_dir, ignore_errors=True)

    def _check_open(self) -> None:
        if self._state != "open":
            raise RuntimeError(f"TableWriter for run {self.run_id!r} is {self._state}")

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        # Leaving the block without close() (an exception, or a forgotten close)
        # publishes nothing more.
        self.abort()

