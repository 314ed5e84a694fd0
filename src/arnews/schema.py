"""Every output table's pyarrow schema, and the schema version.

The schemas are the output contract of `shared/spec/TABLES.md`: the same columns and
types on every run, so that files written by different runs read back as one dataset.
Rows are plain dicts everywhere in the pipeline; `to_arrow` / `to_frame` are the one
place where they meet the contract, so a wrong key or type fails loudly here rather
than producing a file that no longer matches the others.

Only identifiers are declared non-nullable: everything a stage may not find (a date, a
place, an entity id) is nullable.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import pyarrow as pa

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd   # imported when a frame is made: reading tables stays light

SCHEMA_VERSION = "1"

_STR = pa.string()
_I32 = pa.int32()
_F32 = pa.float32()
_DATE = pa.date32()
_TS = pa.timestamp("us", tz="UTC")


def _f(name: str, type_: pa.DataType, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable)


def _id(name: str) -> pa.Field:
    return pa.field(name, _STR, nullable=False)


def _schema(table: str, fields: list[pa.Field]) -> pa.Schema:
    # The table name and version travel in each file's metadata, so a stray file can
    # be identified without knowing where it came from.
    meta = {"arnews.table": table, "arnews.schema_version": SCHEMA_VERSION}
    return pa.schema(fields, metadata=meta)


SCHEMAS: dict[str, pa.Schema] = {
    "articles": _schema("articles", [
        _id("article_id"),
        _id("doc_id"),
        _f("source_path", _STR),
        _f("source", _STR),
        _f("url", _STR),
        _f("title", _STR),
        _f("published", _DATE),
        _f("dateline", _STR),
        _f("text", _STR),
        _f("text_sha256", _STR),
        _f("n_sentences", _I32),
        _f("n_tokens", _I32),
        _id("run_id"),
        # Added column: the record's position in a multi-record file (null for a file
        # that is one article), so that every record of an input can be accounted for.
        _f("record", _I32),
    ]),
    "mentions": _schema("mentions", [
        _id("article_id"),
        _id("mention_id"),
        _f("sentence_idx", _I32),
        _f("start", _I32),
        _f("end", _I32),
        _f("text", _STR),
        _f("label", _STR),
        _f("norm", _STR),
        _f("entity_id", _STR),
        _f("method", _STR),
        _f("score", _F32),
    ]),
    "entities": _schema("entities", [
        _id("entity_id"),
        _f("type", _STR),
        _f("name", _STR),
        _f("name_latin", _STR),
        _f("aliases", pa.list_(_STR)),
        _f("n_articles", _I32),
        _f("n_mentions", _I32),
        _f("first_published", _DATE),
        _f("last_published", _DATE),
        # Added columns (issue 12): the entity ids of other names of this person that the
        # archive merged into this entity, and the rule that merged each (link/archive.py)
        _f("alias_ids", pa.list_(_STR)),
        _f("merged_by", pa.list_(_STR)),
        # Added columns (issue 12): the person's titles as the articles write them most
        # (الأمير، الدكتور), not part of `name`; the role and organisation the articles give
        # them most; and per month, the role and organisation of that month
        _f("title", _STR),
        _f("role", _STR),
        _f("org", _STR),
        _f("roles", pa.list_(pa.struct([pa.field("month", _STR), pa.field("role", _STR),
                                        pa.field("org", _STR), pa.field("n_articles", _I32)]))),
    ]),
    "affiliations": _schema("affiliations", [
        _id("article_id"),
        _f("person_entity_id", _STR),
        _f("person", _STR),
        _f("role", _STR),
        _f("role_en", _STR),
        _f("org_entity_id", _STR),
        _f("org", _STR),
        _f("sentence_idx", _I32),
        _f("start", _I32),
        _f("end", _I32),
    ]),
    "dates": _schema("dates", [
        _id("article_id"),
        _f("start", _I32),
        _f("end", _I32),
        _f("text", _STR),
        _f("value", _STR),
        _f("calendar", _STR),
        _f("relative", pa.bool_()),
        _f("anchor", _DATE),
        # Added column: numeric / month_name / hijri / dual / relative_day / weekday /
        # relative_period / year for expressions in the text; 'publication' for the
        # article's publication date from its metadata (start, end and text null).
        _f("kind", _STR),
    ]),
    "meetings": _schema("meetings", [
        _id("meeting_id"),
        _id("article_id"),
        _f("status", _STR),
        _f("mode", _STR),
        _f("trigger", _STR),
        _f("date", _STR),
        _f("date_text", _STR),
        _f("location", _STR),
        _f("purpose", _STR),
        _f("sentence_idx", _I32),
        _f("start", _I32),
        _f("end", _I32),
        _f("confidence", _F32),
        # Added columns: event-data codes (PLOVER type/mode, CAMEO code), see events/codes.py
        _f("plover", _STR),
        _f("cameo", _STR),
    ]),
    "meeting_participants": _schema("meeting_participants", [
        _id("meeting_id"),
        _id("article_id"),
        _f("entity_id", _STR),
        _f("name", _STR),
        _f("kind", _STR),
        _f("org", _STR),
        _f("role", _STR),
        _f("side", _STR),
        _f("start", _I32),
        _f("end", _I32),
    ]),
    "runs": _schema("runs", [
        _id("run_id"),
        _f("started_at", _TS),
        _f("finished_at", _TS),
        _f("inputs", _STR),  # JSON list of the input paths
        _f("n_inputs", _I32),
        _f("n_articles", _I32),
        _f("n_unchanged", _I32),
        _f("n_failed", _I32),
        _f("version", _STR),
        _f("schema_version", _STR),
        _f("engine", _STR),
        # Added columns: running / finished / interrupted / failed / killed (a run that
        # was still 'running' when a later run found its lock abandoned); inputs skipped
        # by a documented rule (hidden from n_failed).
        _f("status", _STR),
        _f("n_skipped", _I32),
    ]),
    "errors": _schema("errors", [
        _id("run_id"),
        _f("source_path", _STR),
        _f("record", _I32),
        _f("stage", _STR),
        _f("error", _STR),
        _f("message", _STR),
        # Added columns: "error" (could not be read or processed) or "skipped" (not read,
        # by a documented rule: unsupported file, link outside the inputs, duplicate);
        # and the error's identity, so that an input failing every night is one row.
        _f("level", _STR),
        _f("error_id", _STR),
    ]),
}


def schema_of(table: str) -> pa.Schema:
    """The schema of `table`, with an error that lists the valid names."""
    try:
        return SCHEMAS[table]
    except KeyError:
        raise ValueError(f"unknown table {table!r}; tables are {', '.join(SCHEMAS)}") from None


def _check_rows(table: str, schema: pa.Schema, rows: Iterable[Mapping[str, Any]]) -> None:
    """Reject what `pa.Table.from_pylist` would let through silently.

    from_pylist drops unknown keys, stores null in non-nullable fields and truncates
    3.5 to 3 in an integer column; each of these is a bug upstream, not data.
    """
    names = set(schema.names)
    required = [f.name for f in schema if not f.nullable]
    integers = [f.name for f in schema if pa.types.is_integer(f.type)]
    unknown: set[str] = set()
    for i, row in enumerate(rows):
        unknown.update(k for k in row if k not in names)
        missing = [k for k in required if row.get(k) is None]
        if missing:
            raise ValueError(f"{table}: row {i} has no value for required column(s) {missing}")
        for k in integers:
            v = row.get(k)
            if isinstance(v, float) and not v.is_integer():
                raise ValueError(f"{table}: row {i} column {k!r} is int32, got {v!r}")
    if unknown:
        raise ValueError(f"{table}: unknown column(s) {sorted(unknown)}; "
                         f"the schema has {schema.names}")


def to_arrow(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows (dicts) as an Arrow table of `table`'s schema; missing keys become null."""
    schema = schema_of(table)
    _check_rows(table, schema, rows)
    return pa.Table.from_pylist(rows, schema=schema)


def arrow_to_frame(data: pa.Table) -> pd.DataFrame:
    """An Arrow table as pandas with `pd.ArrowDtype` columns.

    ArrowDtype is the one pandas dtype family that keeps every schema type exactly:
    nullable int32, float32, date32 and list<string> all survive the round trip, where
    numpy dtypes would turn an int column with a null into float64 and dates into objects.
    """
    import pandas as pd
    return data.to_pandas(types_mapper=pd.ArrowDtype)


def to_frame(table: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows (dicts) as a DataFrame whose dtypes are `table`'s schema types."""
    return arrow_to_frame(to_arrow(table, rows))


def empty_frame(table: str) -> pd.DataFrame:
    """A zero-row DataFrame with `table`'s columns and dtypes."""
    return to_frame(table, [])

