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
from typing import Any

import pandas as pd
import pyarrow as pa

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
    return data.to_pandas(types_mapper=pd.ArrowDtype)


def to_frame(table: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows (dicts) as a DataFrame whose dtypes are `table`'s schema types."""
    return arrow_to_frame(to_arrow(table, rows))


def empty_frame(table: str) -> pd.DataFrame:
    """A zero-row DataFrame with `table`'s columns and dtypes."""
    return to_frame(table, [])


# -- the contract, as users read it ----------------------------------------------------
# One sentence per table and per column; `reference()` turns them into docs/TABLES.md
# (a test keeps the file in step with the schemas above).

TABLE_DOCS: dict[str, tuple[str, dict[str, str]]] = {
    "articles": ("input record that was read", {
        "article_id": "stable for the same doc_id and text: a re-run skips an article it already holds",
        "doc_id": "the record's own `id` (`doc_id`, `guid`) field; else the file's stem, and for a "
                  "record of a multi-record file `<stem>#<12 hex digits of the hash of its title and text>`",
        "source_path": "the input file, relative to the input argument it came from",
        "source": "outlet or agency (the record's `source`, or the dateline's agency, e.g. `معا`)",
        "url": "the record's `url` or `link`",
        "title": "headline",
        "published": "publication date (the record's date field, or the `نشر بتاريخ` line)",
        "dateline": "place of the dateline (`الخليل - معا -` gives `الخليل`)",
        "text": "the article text exactly as read: every `start`/`end` in the other tables indexes it",
        "text_sha256": "SHA-256 of `text`",
        "n_sentences": "sentences found",
        "n_tokens": "tokens found",
        "run_id": "the run that wrote the row",
        "record": "position of the record in a multi-record file (null for a file that is one article)",
    }),
    "mentions": ("recognised span", {
        "article_id": "the article", "mention_id": "`<article_id>-m<N>`",
        "sentence_idx": "sentence of the article (0-based)",
        "start": "first character in `articles.text`", "end": "one past the last character",
        "text": "`articles.text[start:end]`",
        "label": "PERS, ORG, LOC, GPE, OCC (role), NORP (nationality), DATE",
        "norm": "normalised form (for DATE: the ISO value)",
        "entity_id": "the entity (persons, organisations, places) or null",
        "method": "rule / model / lexicon", "score": "model score, or null",
    }),
    "entities": ("distinct person, organisation or place across all articles of the output", {
        "entity_id": "stable across runs", "type": "PERS, ORG, LOC or GPE",
        "name": "canonical Arabic name (the fullest form)", "name_latin": "romanised (HSB)",
        "aliases": "every form seen", "n_articles": "articles mentioning it",
        "n_mentions": "mentions", "first_published": "earliest publication date",
        "last_published": "latest publication date",
    }),
    "affiliations": ("person holding a role, in an organisation, as an article states it", {
        "article_id": "the article", "person_entity_id": "the person's entity", "person": "the name",
        "role": "the role as written", "role_en": "English gloss, or null",
        "org_entity_id": "the organisation's entity, or null", "org": "the organisation as written",
        "sentence_idx": "sentence", "start": "start of the evidence", "end": "end of the evidence",
    }),
    "dates": ("temporal expression, and the article's publication date", {
        "article_id": "the article", "start": "start (null for the publication date)",
        "end": "end (null for the publication date)", "text": "as written",
        "value": "ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`", "calendar": "gregorian / hijri",
        "relative": "resolved against the publication date (اليوم، أمس، الثلاثاء المقبل)",
        "anchor": "the date it was resolved against, or null",
        "kind": "numeric / month_name / hijri / dual / relative_day / weekday / relative_period / year, "
                "or `publication` for the article's own date",
    }),
    "meetings": ("meeting, as defined in MEETINGS.md", {
        "meeting_id": "`<article_id>-e<N>`", "article_id": "the article", "status": "held / planned",
        "mode": "in_person / call", "trigger": "the word that signalled it",
        "date": "ISO date as in `dates.value`, or null", "date_text": "the words that gave the date",
        "location": "the place as written", "purpose": "why they met, as written",
        "sentence_idx": "sentence of the evidence", "start": "start of the evidence span",
        "end": "end of the evidence span", "confidence": "0-1",
    }),
    "meeting_participants": ("party to a meeting", {
        "meeting_id": "the meeting", "article_id": "the article",
        "entity_id": "the person's entity (null for groups and unnamed parties)",
        "name": "the name without titles (null for organisations and groups)",
        "kind": "person / org / group", "org": "the organisation as written",
        "role": "the role or descriptor as written",
        "side": "host / guest / accompanying / attendee / party",
        "start": "start of the mention", "end": "end of the mention",
    }),
    "runs": ("run of `arnews extract`", {
        "run_id": "`<UTC time>-<random>`", "started_at": "start", "finished_at": "end (null while running)",
        "inputs": "JSON list of the input paths", "n_inputs": "input paths",
        "n_articles": "articles written", "n_unchanged": "articles already in the output, skipped",
        "n_failed": "inputs or records that could not be read or processed",
        "version": "arnews version", "schema_version": "version of these schemas",
        "engine": "`local[<workers>]`",
        "status": "running / finished / interrupted (SIGINT, SIGTERM) / failed / killed (found "
                  "abandoned by a later run)",
        "n_skipped": "entries not read by a documented rule (unsupported files, links out of the "
                     "inputs, duplicates)",
    }),
    "errors": ("input, record or article that could not be read or processed, or was skipped", {
        "run_id": "the run that first met it", "source_path": "the input file",
        "record": "the record in a multi-record file, or null", "stage": "ingest, normalise, segment, "
                  "dates, recognise, link, events, rows, pipeline (time limit) or worker (process died)",
        "error": "the exception class (`InputTooLarge`, `UnicodeDecodeError`, `DuplicateArticle`, ...)",
        "message": "what went wrong, and how to get past it where there is a way",
        "level": "`error` (could not be read or processed) or `skipped` (not read, by a documented rule)",
        "error_id": "identity of the error: an input failing the same way every night is one row",
    }),
}


def reference() -> str:
    """The output contract as Markdown (docs/TABLES.md)."""
    lines = [
        "# The output tables",
        "",
        "Generated from `src/arnews/schema.py` (`python -m arnews.schema > docs/TABLES.md`); a test",
        "keeps the two in step. Schema version " + SCHEMA_VERSION + ".",
        "",
        "`arnews extract` writes one folder per table under its output directory. Each folder is a",
        "Parquet dataset that `pandas.read_parquet(OUT / \"meetings\")`, pyarrow and DuckDB",
        "(`read_parquet('OUT/meetings/*.parquet')`) read whole. Files are only ever added or",
        "replaced whole by a commit, so a reader never sees half a run. Every table has the",
        "same explicit schema on every run; columns may be added, never renamed or dropped",
        "without a schema version bump recorded in `runs`.",
        "",
        "Character offsets (`start`, `end`) always index `articles.text`: `text[start:end]` is",
        "the evidence, whatever normalisation the pipeline used inside.",
        "",
        "Every input file, and every record of a multi-record file, ends up in `articles` or in",
        "`errors`: nothing is dropped silently.",
        "",
    ]
    for table, schema in SCHEMAS.items():
        row, cols = TABLE_DOCS[table]
        lines += [f"## `{table}`: one row per {row}", "", "| column | type | |", "|---|---|---|"]
        for f in schema:
            null = "" if f.nullable else ", not null"
            lines.append(f"| `{f.name}` | {f.type}{null} | {cols[f.name]} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":  # python -m arnews.schema > docs/TABLES.md
    print(reference(), end="")
