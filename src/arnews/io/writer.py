"""Writing one run's rows into the output tables.

Rows arrive one article at a time from the engines; they are checked against the
schema at once (so a bad article fails on its own, not 2,000 articles later), buffered,
and flushed in chunks to one hidden temporary Parquet file per table. `close` renames
the files into place and only then do readers see the run; `abort`, or a crash, leaves
nothing visible behind. See `layout` for the file names.
"""
from __future__ import annotations

import json
import os
from collections.abc import Mapping
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version as package_version
from pathlib import Path
from types import TracebackType
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from arnews.io import layout
from arnews.io.entities import ARTICLE_COLUMNS, MENTION_COLUMNS, build_entities
from arnews.schema import SCHEMA_VERSION, SCHEMAS, to_arrow

ARTICLE_TABLES = ("articles", "mentions", "affiliations", "dates", "meetings",
                  "meeting_participants")
RUN_TABLES = (*ARTICLE_TABLES, "errors")  # tables with a file per run (besides `runs`)
ENTITIES_FILE = "entities"                # entities/part-entities.parquet, replaced
FLUSH_EVERY = 2000


def _arnews_version() -> str | None:
    try:
        return package_version("arnews")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return None


class TableWriter:
    """Writes one run's rows into `out_dir`, all or nothing.

    Use as a context manager so that an exception aborts the run:

        with TableWriter(out, run_id) as w:
            for rows in results:
                w.add(rows)
            w.close(run_row)
    """

    def __init__(self, out_dir: Path | str, run_id: str, flush_every: int = FLUSH_EVERY):
        self.out_dir = Path(out_dir)
        self.run_id = layout.check_run_id(run_id)
        self.flush_every = flush_every
        self._buffers: dict[str, list[pa.Table]] = {t: [] for t in RUN_TABLES}
        self._writers: dict[str, pq.ParquetWriter] = {}
        self._counts: dict[str, int] = {t: 0 for t in RUN_TABLES}
        self._pending = 0
        self._created: list[Path] = []   # folders this run made, removed again on abort
        self._state = "open"             # open -> closed | aborted
        taken = [p for t in (*RUN_TABLES, "runs")
                 if (p := layout.part_path(self.out_dir, t, run_id)).exists()]
        if taken:
            # Renaming over them would silently replace an earlier run's output.
            raise FileExistsError(f"run {run_id!r} already wrote {taken[0]}")

    # -- incremental runs ---------------------------------------------------------

    def known_articles(self) -> set[str]:
        """article_ids of articles that earlier (closed) runs wrote to `out_dir`.

        Reads the files, so call it once per run, not once per article.
        """
        files = layout.visible_files(self.out_dir / "articles")
        ids = layout.read_arrow(files, "articles", ["article_id"]).column("article_id")
        return set(ids.to_pylist())

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

    def add_error(self, row: dict[str, Any]) -> None:
        """Add an `errors` row (an input or record that could not be processed)."""
        self._check_open()
        self._buffers["errors"].append(to_arrow("errors", [{**row, "run_id": self.run_id}]))
        self._tick()

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

    def _writer(self, table: str) -> pq.ParquetWriter:
        if table not in self._writers:
            self._mkdir(self.out_dir / table)
            self._writers[table] = pq.ParquetWriter(
                layout.temp_path(self.out_dir, table, self.run_id), SCHEMAS[table],
                compression=layout.COMPRESSION)
        return self._writers[table]

    def _mkdir(self, folder: Path) -> None:
        for p in reversed([folder, *folder.parents]):
            if not p.exists():
                p.mkdir()
                self._created.append(p)

    # -- finishing ----------------------------------------------------------------

    def close(self, run_row: dict[str, Any]) -> dict[str, int]:
        """Publish the run: its files, its `runs` row and the rebuilt `entities`.

        Everything is written to temporary files first and renamed into place at the
        end, so a failure anywhere before that aborts the run and leaves the previous
        output as it was. Returns the rows written per table (for `entities`, the
        rows of the rebuilt table).
        """
        self._check_open()
        try:
            self.flush()
            temps: dict[str, Path] = {}
            for table in RUN_TABLES:
                temp = layout.temp_path(self.out_dir, table, self.run_id)
                if table in self._writers:
                    self._writers.pop(table).close()
                    layout.fsync_file(temp)
                    temps[table] = temp
                elif not layout.visible_files(self.out_dir / table):
                    # First run without such rows: an empty file keeps the table
                    # readable, with its schema, by every reader.
                    self._mkdir(self.out_dir / table)
                    layout.write_temp(SCHEMAS[table].empty_table(), temp)
                    temps[table] = temp

            run = to_arrow("runs", [self._run_row(run_row)])
            self._mkdir(self.out_dir / "runs")
            temps["runs"] = layout.temp_path(self.out_dir, "runs", self.run_id)
            layout.write_temp(run, temps["runs"])

            entities = self._build_entities(temps)
            self._mkdir(self.out_dir / "entities")
            entities_temp = layout.temp_path(self.out_dir, "entities", ENTITIES_FILE)
            layout.write_temp(entities, entities_temp)

            # Articles after the tables that hang off them (a crash in between makes
            # the next run redo those articles rather than skip them with rows
            # missing), and `runs` last: a run is complete when it is listed there.
            order = [t for t in RUN_TABLES if t != "articles"] + ["articles", "runs"]
            for table in order:
                if table in temps:
                    os.replace(temps[table],
                               layout.part_path(self.out_dir, table, self.run_id))
            os.replace(entities_temp,
                       layout.part_path(self.out_dir, "entities", ENTITIES_FILE))
        except BaseException:
            self.abort()
            raise
        self._state = "closed"
        return {**self._counts, "runs": 1, "entities": entities.num_rows}

    def _run_row(self, run_row: dict[str, Any]) -> dict[str, Any]:
        """The `runs` row: the caller's values, with what the writer knows filled in."""
        row = {**run_row, "run_id": self.run_id}
        inputs = row.get("inputs")
        if inputs is not None and not isinstance(inputs, str):
            paths = [str(p) for p in inputs]
            row["inputs"] = json.dumps(paths, ensure_ascii=False)
            row.setdefault("n_inputs", len(paths))
        row.setdefault("finished_at", datetime.now(timezone.utc))
        row.setdefault("n_articles", self._counts["articles"])
        row.setdefault("n_failed", self._counts["errors"])
        row.setdefault("version", _arnews_version())
        row.setdefault("schema_version", SCHEMA_VERSION)
        return row

    def _build_entities(self, temps: dict[str, Path]) -> pa.Table:
        """Entities over the published runs plus this run's (still hidden) files."""
        def files(table: str) -> list[Path]:
            extra = [temps[table]] if table in temps else []
            return layout.visible_files(self.out_dir / table) + extra

        mentions = layout.read_arrow(files("mentions"), "mentions", MENTION_COLUMNS)
        articles = layout.read_arrow(files("articles"), "articles", ARTICLE_COLUMNS)
        return build_entities(mentions, articles)

    def abort(self) -> None:
        """Remove every file of this run, so the output is as it was before it."""
        if self._state != "open":
            return
        self._state = "aborted"
        for writer in self._writers.values():
            try:
                writer.close()
            except Exception:  # the file is deleted below anyway
                pass
        self._writers.clear()
        for table in (*RUN_TABLES, "runs"):
            for path in (layout.temp_path(self.out_dir, table, self.run_id),
                         layout.part_path(self.out_dir, table, self.run_id)):
                path.unlink(missing_ok=True)
        layout.temp_path(self.out_dir, "entities", ENTITIES_FILE).unlink(missing_ok=True)
        for folder in reversed(self._created):
            try:
                folder.rmdir()   # only if empty: never remove others' files
            except OSError:
                pass

    def _check_open(self) -> None:
        if self._state != "open":
            raise RuntimeError(f"TableWriter for run {self.run_id!r} is {self._state}")

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        # Leaving the block without close() (an exception, or a forgotten close)
        # publishes nothing.
        self.abort()
