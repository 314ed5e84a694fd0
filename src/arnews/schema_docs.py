"""The output contract as users read it: one sentence per table and per column.

`reference()` turns them into docs/TABLES.md (`python -m arnews.schema_docs >
docs/TABLES.md`); a test keeps the file in step with the schemas of `arnews.schema`.
"""
from __future__ import annotations

from arnews.schema import SCHEMA_VERSION, SCHEMAS


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
        "alias_ids": "entity ids of other names of this person merged into it (join `mentions` and "
                     "`meeting_participants` through them)",
        "merged_by": "per alias id, the rule: `fathers` (a name whose chain of fathers goes on), "
                     "`family` (the family added) or `first_last` (same first and family name)",
        "title": "the person's leading titles as articles write them most (الأمير، الدكتور), or null; "
                 "`name` is without them",
        "role": "the role articles give the person most (from `affiliations`), or null",
        "org": "the organisation of that role, or null",
        "roles": "per month (`YYYY-MM`), the role and organisation articles of that month give "
                 "the person most, with the number of articles",
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
        "end": "end of the evidence span",
        "confidence": "probability that the meeting is right, calibrated on the annotated corpus (models/meeting_confidence)",
        "plover": "PLOVER event type and mode: CONSULT/phone, CONSULT/visit, CONSULT/multilateral, CONSULT/third-party, CONSULT, or AGREE for a planned meeting",
        "cameo": "CAMEO code: 036 intent to meet, 040 consult, 041 by telephone, 042 make a visit, 044 at a third location",
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
        "Generated from `src/arnews/schema.py` and `schema_docs.py` (`python -m arnews.schema_docs > docs/TABLES.md`); a test",
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


if __name__ == "__main__":  # python -m arnews.schema_docs > docs/TABLES.md
    print(reference(), end="")
