"""The output contract (schema.py) and writing/reading a run's tables (io/)."""
from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from arnews.io import TableWriter, read_table, read_tables
from arnews.io.entities import romanise
from arnews.schema import SCHEMA_VERSION, SCHEMAS, empty_frame, to_arrow, to_frame

# Column names as TABLES.md lists them, in order.
TABLE_COLUMNS = {
    "articles": ["article_id", "doc_id", "source_path", "source", "url", "title",
                 "published", "dateline", "text", "text_sha256", "n_sentences",
                 "n_tokens", "run_id"],
    "mentions": ["article_id", "mention_id", "sentence_idx", "start", "end", "text",
                 "label", "norm", "entity_id", "method", "score"],
    "entities": ["entity_id", "type", "name", "name_latin", "aliases", "n_articles",
                 "n_mentions", "first_published", "last_published"],
    "affiliations": ["article_id", "person_entity_id", "person", "role", "role_en",
                     "org_entity_id", "org", "sentence_idx", "start", "end"],
    "dates": ["article_id", "start", "end", "text", "value", "calendar", "relative",
              "anchor"],
    "meetings": ["meeting_id", "article_id", "status", "mode", "trigger", "date",
                 "date_text", "location", "purpose", "sentence_idx", "start", "end",
                 "confidence"],
    "meeting_participants": ["meeting_id", "article_id", "entity_id", "name", "kind",
                             "org", "role", "side", "start", "end"],
    "runs": ["run_id", "started_at", "finished_at", "inputs", "n_inputs", "n_articles",
             "n_unchanged", "n_failed", "version", "schema_version", "engine"],
    "errors": ["run_id", "source_path", "record", "stage", "error", "message"],
}

KHALED = "e-khaled"
MOFA = "e-mofa"
HEBRON = "e-hebron"


def article(aid: str, text: str, published: date) -> dict[str, list[dict]]:
    """The rows of one article: a meeting of خالد العسيلي in الخليل."""
    full, short = "خالد العسيلي", "العسيلي"
    name = full if full in text else short
    s = text.index(name)
    h = text.index("الخليل")
    return {
        "articles": [{"article_id": aid, "doc_id": f"doc-{aid}", "source_path": f"{aid}.txt",
                      "source": "معا", "title": "لقاء في الخليل", "published": published,
                      "dateline": "الخليل", "text": text, "n_sentences": 1,
                      "n_tokens": len(text.split())}],
        "mentions": [
            {"article_id": aid, "mention_id": f"{aid}-m1", "sentence_idx": 0, "start": s,
             "end": s + len(name), "text": name, "label": "PERS", "norm": name,
             "entity_id": KHALED, "method": "model", "score": 0.9},
            {"article_id": aid, "mention_id": f"{aid}-m2", "sentence_idx": 0, "start": h,
             "end": h + 6, "text": "الخليل", "label": "GPE", "norm": "الخليل",
             "entity_id": HEBRON, "method": "lexicon"},
            {"article_id": aid, "mention_id": f"{aid}-m3", "sentence_idx": 0, "start": 0,
             "end": 4, "text": "أمس", "label": "DATE", "entity_id": "e-not-an-entity",
             "method": "rule"},
        ],
        "dates": [{"article_id": aid, "start": 0, "end": 4, "text": "أمس",
                   "value": published.isoformat(), "calendar": "gregorian",
                   "relative": True, "anchor": published}],
        "meetings": [{"meeting_id": f"{aid}-q1", "article_id": aid, "status": "held",
                      "mode": "in_person", "trigger": "التقى", "location": "الخليل",
                      "sentence_idx": 0, "start": 0, "end": len(text), "confidence": 0.8}],
        "meeting_participants": [{"meeting_id": f"{aid}-q1", "article_id": aid,
                                  "entity_id": KHALED, "name": name, "kind": "person",
                                  "role": "وزير الاقتصاد", "side": "host", "start": s,
                                  "end": s + len(name)}],
    }


def run_row(**extra) -> dict:
    return {"started_at": datetime(2024, 3, 5, 1, 0, tzinfo=timezone.utc),
            "inputs": ["data/raw/أ.txt", "data/raw/ب.jsonl"], "n_unchanged": 0,
            "engine": "local", **extra}


TEXT_1 = "أمس التقى خالد العسيلي وزير الاقتصاد في الخليل"
TEXT_2 = "أمس التقى خالد العسيلي رجال أعمال في الخليل"
TEXT_3 = "أمس استقبل العسيلي وفدا في الخليل"


@pytest.fixture
def two_runs(tmp_path: Path) -> Path:
    """An output directory after two nightly runs, the second adding one article."""
    out = tmp_path / "out"
    with TableWriter(out, "run-1") as w:
        w.add(article("a1", TEXT_1, date(2024, 1, 2)))
        w.add(article("a2", TEXT_2, date(2024, 2, 10)))
        w.add_error({"source_path": "تالف.json", "record": 3, "stage": "ingest",
                     "error": "JSONDecodeError", "message": "Expecting value"})
        w.close(run_row())
    with TableWriter(out, "run-2") as w:
        assert w.known_articles() == {"a1", "a2"}
        w.add(article("a3", TEXT_3, date(2024, 3, 5)))
        counts = w.close(run_row(n_unchanged=2))
    assert counts["articles"] == 1 and counts["errors"] == 0 and counts["runs"] == 1
    return out


# -- schema ----------------------------------------------------------------------------

# Columns arnews adds to TABLES.md's (allowed: 'columns may be added'), at the end.
ADDED_COLUMNS = {"articles": ["record"], "dates": ["kind"], "meetings": ["plover", "cameo"],
                 "entities": ["alias_ids", "merged_by", "title", "role", "org", "roles"],
                 "runs": ["status", "n_skipped"], "errors": ["level", "error_id"]}


def test_schemas_follow_tables_md() -> None:
    assert {t: s.names for t, s in SCHEMAS.items()} == {
        t: cols + ADDED_COLUMNS.get(t, []) for t, cols in TABLE_COLUMNS.items()}
    assert SCHEMA_VERSION == "1"
    types = {(t, f.name): f.type for t, s in SCHEMAS.items() for f in s}
    assert types["articles", "published"] == pa.date32()
    assert types["articles", "n_tokens"] == pa.int32()
    assert types["mentions", "score"] == pa.float32()
    assert types["entities", "aliases"] == pa.list_(pa.string())
    assert types["dates", "relative"] == pa.bool_()
    assert types["runs", "started_at"] == pa.timestamp("us", tz="UTC")
    assert types["errors", "record"] == pa.int32()
    assert types["meetings", "date"] == pa.string()
    non_null = {(t, f.name) for t, s in SCHEMAS.items() for f in s if not f.nullable}
    assert ("mentions", "entity_id") not in non_null
    assert all(name.endswith("_id") for _, name in non_null)


def test_to_frame_enforces_the_schema() -> None:
    df = to_frame("meetings", [{"meeting_id": "q1", "article_id": "a1", "status": "held",
                                "trigger": "التقى", "start": 3, "end": 9}])
    assert list(df.columns) == TABLE_COLUMNS["meetings"] + ADDED_COLUMNS["meetings"]
    assert df.dtypes.to_dict() == {f.name: pd.ArrowDtype(f.type) for f in SCHEMAS["meetings"]}
    assert df.loc[0, "trigger"] == "التقى"
    assert df["date"].isna().all()  # missing keys become null
    assert len(empty_frame("entities")) == 0
    assert empty_frame("entities").dtypes["aliases"] == pd.ArrowDtype(pa.list_(pa.string()))


def test_to_frame_rejects_bad_rows() -> None:
    with pytest.raises(ValueError, match="participants.*speaker"):
        to_frame("meetings", [{"meeting_id": "q1", "article_id": "a1",
                               "participants": [], "speaker": "x"}])
    with pytest.raises(ValueError, match="article_id"):
        to_arrow("mentions", [{"mention_id": "m1"}])
    with pytest.raises(ValueError, match="start"):
        to_arrow("dates", [{"article_id": "a1", "start": 2.5}])
    with pytest.raises((pa.ArrowInvalid, pa.ArrowTypeError)):
        to_arrow("dates", [{"article_id": "a1", "start": "٣"}])
    with pytest.raises(ValueError, match="unknown table"):
        to_frame("people", [])


# -- writing and reading ---------------------------------------------------------------

def test_layout_one_file_per_commit_and_table(two_runs: Path) -> None:
    files = sorted(str(p.relative_to(two_runs)) for p in two_runs.rglob("*")
                   if p.is_file() and not p.relative_to(two_runs).parts[0] == "_arnews")
    expected = {f"{t}/part-run-1-00001.parquet" for t in SCHEMAS if t not in ("entities", "runs")}
    expected |= {f"{t}/part-run-2-00001.parquet" for t in
                 ("articles", "mentions", "dates", "meetings", "meeting_participants")}
    expected |= {"entities/part-entities.parquet", "runs/part-runs.parquet"}
    assert set(files) == expected  # no temp files left, no empty file on the 2nd run
    # the commit log is empty once every commit is carried out; the lock is released
    assert list((two_runs / "_arnews" / "commits").iterdir()) == []


def test_read_back_with_exact_dtypes(two_runs: Path) -> None:
    tables = read_tables(two_runs)
    assert set(tables) == set(SCHEMAS)
    for name, df in tables.items():
        assert df.dtypes.to_dict() == {f.name: pd.ArrowDtype(f.type) for f in SCHEMAS[name]}
    arts = tables["articles"].set_index("article_id")
    assert sorted(arts.index) == ["a1", "a2", "a3"]
    assert arts.loc["a3", "run_id"] == "run-2"
    assert arts.loc["a3", "published"] == date(2024, 3, 5)
    assert tables["affiliations"].empty  # written empty, with its schema, on the 1st run
    m = tables["mentions"]
    for row in m.merge(tables["articles"][["article_id", "text"]]).itertuples():
        assert row.text_y[row.start:row.end] == row.text_x  # offsets index articles.text
    err = tables["errors"].iloc[0]
    assert (err.run_id, err.source_path, err.record) == ("run-1", "تالف.json", 3)


def test_runs_rows(two_runs: Path) -> None:
    runs = read_table(two_runs, "runs").set_index("run_id")
    assert list(runs.index) == ["run-1", "run-2"]
    r1, r2 = runs.loc["run-1"], runs.loc["run-2"]
    assert json.loads(r1.inputs) == ["data/raw/أ.txt", "data/raw/ب.jsonl"]
    assert (r1.n_inputs, r1.n_articles, r1.n_failed) == (2, 2, 1)
    assert (r2.n_articles, r2.n_unchanged, r2.n_failed) == (1, 2, 0)
    assert r2.schema_version == SCHEMA_VERSION and r2.engine == "local" and r2.version
    assert r2.finished_at.tzinfo is not None


def test_plain_pandas_and_pyarrow_dataset_read_whole_tables(two_runs: Path) -> None:
    meetings = pd.read_parquet(two_runs / "meetings")
    assert sorted(meetings["meeting_id"]) == ["a1-q1", "a2-q1", "a3-q1"]
    assert set(meetings["trigger"]) == {"التقى"}
    for name, schema in SCHEMAS.items():
        data = ds.dataset(two_runs / name, format="parquet").to_table()
        assert [(f.name, f.type) for f in data.schema] == [(f.name, f.type) for f in schema]
    assert ds.dataset(two_runs / "articles", format="parquet").count_rows() == 3


def test_entities_aggregate_across_runs(two_runs: Path) -> None:
    ents = read_table(two_runs, "entities").set_index("entity_id")
    assert sorted(ents.index) == [HEBRON, KHALED]  # DATE mentions are no entities
    k = ents.loc[KHALED]
    assert k["type"] == "PERS"
    assert k["name"] == "خالد العسيلي"  # two of three mentions
    assert list(k["aliases"]) == sorted(["العسيلي", "خالد العسيلي"])
    assert (k["n_articles"], k["n_mentions"]) == (3, 3)
    assert (k["first_published"], k["last_published"]) == (date(2024, 1, 2), date(2024, 3, 5))
    h = ents.loc[HEBRON]
    assert (h["type"], h["name"], list(h["aliases"])) == ("GPE", "الخليل", ["الخليل"])
    if romanise("خالد") is not None:
        assert k["name_latin"] == romanise("خالد العسيلي")
        assert k["name_latin"].isascii() is False and "xAld" in k["name_latin"]


def test_chunks_are_flushed_into_one_file(tmp_path: Path) -> None:
    with TableWriter(tmp_path, "r", flush_every=2) as w:
        for i in range(5):
            w.add(article(f"a{i}", TEXT_1, date(2024, 1, 1)))
        assert w.close(run_row())["mentions"] == 15
    part = pq.ParquetFile(tmp_path / "articles" / "part-r-00001.parquet")
    assert part.metadata.num_rows == 5 and part.num_row_groups == 3


# -- failures --------------------------------------------------------------------------

def test_temp_files_are_invisible_until_close(two_runs: Path) -> None:
    w = TableWriter(two_runs, "run-3", flush_every=1)
    w.add(article("a4", TEXT_1, date(2024, 4, 1)))  # flushed to the temp file
    temp = two_runs / "articles" / ".part-run-3-00001.parquet.tmp"
    assert temp.exists() and temp.stat().st_size > 0
    assert len(pd.read_parquet(two_runs / "articles")) == 3
    assert ds.dataset(two_runs / "articles", format="parquet").count_rows() == 3
    assert len(read_table(two_runs, "articles")) == 3
    assert w.known_articles() == {"a1", "a2", "a3"}
    w.close(run_row())
    assert not temp.exists()
    assert len(pd.read_parquet(two_runs / "articles")) == 4


def test_abort_leaves_no_visible_files(tmp_path: Path, two_runs: Path) -> None:
    before = sorted(two_runs.rglob("*"))
    w = TableWriter(two_runs, "run-3", flush_every=1)
    w.add(article("a4", TEXT_1, date(2024, 4, 1)))
    w.add(article("a5", TEXT_2, date(2024, 4, 2)))  # buffered and flushed rows alike
    w.abort()
    assert sorted(two_runs.rglob("*")) == before
    with pytest.raises(RuntimeError):
        w.add(article("a6", TEXT_3, date(2024, 4, 3)))

    fresh = tmp_path / "fresh"
    with pytest.raises(KeyError):
        with TableWriter(fresh, "r") as w:
            w.add(article("a1", TEXT_1, date(2024, 1, 2)))
            w.flush()
            raise KeyError("crash")  # the context manager aborts
    assert not fresh.exists()


def test_bad_article_is_rejected_whole(tmp_path: Path) -> None:
    rows = article("a1", TEXT_1, date(2024, 1, 2))
    rows["meetings"][0]["speaker"] = "الرئيس"
    with TableWriter(tmp_path, "r") as w:
        with pytest.raises(ValueError, match="speaker"):
            w.add(rows)
        with pytest.raises(ValueError, match="entities"):
            w.add({"entities": []})
        counts = w.close(run_row())
    assert counts["articles"] == counts["mentions"] == 0
    assert read_table(tmp_path, "articles").empty


def test_run_id_is_checked(two_runs: Path) -> None:
    with pytest.raises(FileExistsError, match="run-1"):
        TableWriter(two_runs, "run-1")
    with pytest.raises(ValueError):
        TableWriter(two_runs, "../escape")


def test_reader_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such directory"):
        read_tables(tmp_path / "missing")
    (tmp_path / "notes").mkdir()
    with pytest.raises(FileNotFoundError, match="not an arnews output"):
        read_tables(tmp_path)
    with pytest.raises(FileNotFoundError, match=str(tmp_path)):
        read_table(tmp_path, "meetings")
    with pytest.raises(ValueError, match="unknown table"):
        read_table(tmp_path, "people")


def test_docs_tables_md_is_the_schema_reference() -> None:
    """docs/TABLES.md is generated from the schemas: regenerate it when a column changes."""
    from arnews.schema_docs import TABLE_DOCS, reference

    doc = (Path(__file__).resolve().parents[1] / "docs" / "TABLES.md").read_text(encoding="utf-8")
    assert doc == reference(), "run: python -m arnews.schema_docs > docs/TABLES.md"
    for table, schema in SCHEMAS.items():
        assert set(TABLE_DOCS[table][1]) == set(schema.names), table   # every column documented
