"""The whole pipeline over files: the bundled sample, re-runs, broken inputs, the dev set."""
from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from conftest import PUB, SAMPLE, SHARED, records

from arnews.api import extract, extract_text
from arnews.engines import local
from arnews.pipeline import Pipeline

TABLES = ("articles", "mentions", "affiliations", "dates", "meetings", "meeting_participants",
          "entities", "runs", "errors")


def rows(out: Path, table: str) -> list[dict]:
    return records(pd.read_parquet(out / table))


@pytest.fixture(scope="module")
def sample_out(tmp_path_factory) -> Path:
    """The bundled sample extracted once with the library entry point."""
    out = tmp_path_factory.mktemp("sample") / "out"
    summary = extract(SAMPLE, out)
    assert (summary.n_articles, summary.n_failed, summary.n_meetings) == (1, 0, 1)
    return out


@pytest.fixture(scope="module")
def sample_meeting(sample_out) -> dict:
    [m] = rows(sample_out, "meetings")
    m["participants"] = [p for p in rows(sample_out, "meeting_participants")
                         if p["meeting_id"] == m["meeting_id"]]
    return m


# --- the bundled sample -------------------------------------------------------------------------


def test_sample_has_exactly_one_meeting_on_the_publication_date(sample_out, sample_meeting):
    assert len(rows(sample_out, "meetings")) == 1
    m = sample_meeting
    assert (m["date"], m["date_text"]) == ("2012-08-27", "اليوم")   # not the 2025 page stamp
    assert (m["status"], m["mode"], m["trigger"]) == ("held", "in_person", "التقى")
    assert m["location"] == "مكتبه"
    assert m["purpose"].startswith("الاطلاع على تجربة بلدية الخليل")
    [art] = rows(sample_out, "articles")
    assert art["published"] == date(2012, 8, 27)
    assert art["dateline"] == "الخليل"


def test_sample_sides(sample_meeting):
    named = {}
    for p in sample_meeting["participants"]:
        if p["name"]:
            named.setdefault(p["side"], set()).add(p["name"])
    assert named == {
        "host": {"خالد العسيلي"},
        "guest": {"بونيا جلوسفيتش", "دوسان بوستفيتش"},
        "accompanying": {"محمد العيدي", "يوسف قرداحي"},
        "attendee": {"ماهر العويوي"},
    }
    groups = [p for p in sample_meeting["participants"] if p["kind"] == "group"]
    assert [(g["side"], g["org"]) for g in groups] == [("attendee", "المجلس البلدي")]


def test_sample_roles_and_orgs_as_the_article_gives_them(sample_meeting):
    got = {p["name"]: (p["role"], p["org"]) for p in sample_meeting["participants"] if p["name"]}
    assert got["خالد العسيلي"] == ("رئيس بلدية الخليل", "بلدية الخليل")
    assert got["بونيا جلوسفيتش"][0] == "الخبيرة الصربية في تكنولوجيا الاتصالات"
    assert got["دوسان بوستفيتش"] == ('مدير عام شركة "لوسي تيك" العالمية', 'شركة "لوسي تيك" العالمية')
    assert got["محمد العيدي"][0] == "مستشار وزير الاتصالات الفلسطيني ومدير وحدة الشكاوى"
    assert got["يوسف قرداحي"][0] == "مهندس الحكومة الالكترونية في الوزارة"
    assert got["ماهر العويوي"] == ("رئيس وحدة تكنولوجيا المعلومات في بلدية الخليل", "بلدية الخليل")


def test_sample_offsets_index_the_article_text(sample_out, sample_meeting):
    [art] = rows(sample_out, "articles")
    text = art["text"]
    assert text[sample_meeting["start"]:sample_meeting["end"]].find("التقى") >= 0
    for p in sample_meeting["participants"]:
        span = text[p["start"]:p["end"]]
        assert (p["name"] or p["role"]) in span or (p["role"] or "") in span, (span, p)
    for m in rows(sample_out, "mentions"):
        assert text[m["start"]:m["end"]] == m["text"]
    spans = [d for d in rows(sample_out, "dates") if d["start"] is not None]
    assert any(d["text"] == "اليوم" and d["value"] == "2012-08-27" for d in spans)
    for d in spans:
        assert text[int(d["start"]):int(d["end"])] == d["text"]


def test_every_table_is_readable_with_pandas(sample_out):
    for t in TABLES:
        df = pd.read_parquet(sample_out / t)
        assert isinstance(df, pd.DataFrame), t
    assert len(pd.read_parquet(sample_out / "articles")) == 1
    assert len(pd.read_parquet(sample_out / "meeting_participants")) == 7
    assert len(pd.read_parquet(sample_out / "errors")) == 0
    [run] = rows(sample_out, "runs")
    assert (run["n_articles"], run["n_failed"], run["n_unchanged"]) == (1, 0, 0)
    ents = rows(sample_out, "entities")
    assert {e["type"] for e in ents} >= {"PERS", "ORG"}
    assert len({e["entity_id"] for e in ents}) == len(ents)


def test_entities_name_a_person_by_the_fullest_name(sample_out):
    # "خالد العسيلي" once, "العسيلي" three times: the canonical name is still the full one.
    people = {e["entity_id"]: e for e in rows(sample_out, "entities") if e["type"] == "PERS"}
    names = {e["name"] for e in people.values()}
    assert names == {"خالد العسيلي", "بونيا جلوسفيتش", "دوسان بوستفيتش", "محمد العيدي",
                     "يوسف قرداحي", "ماهر العويوي"}
    [khaled] = [e for e in people.values() if "العسيلي" in list(e["aliases"])]
    assert khaled["n_mentions"] == 4


def test_second_run_reports_unchanged_and_adds_no_rows(tmp_path, pipeline):
    out = tmp_path / "out"
    first = local.run([SAMPLE], out, pipeline=pipeline)
    before = {t: len(pd.read_parquet(out / t)) for t in TABLES if t != "runs"}
    second = local.run([SAMPLE], out, pipeline=pipeline)
    assert (first.n_articles, first.n_unchanged) == (1, 0)
    assert (second.n_articles, second.n_unchanged, second.n_meetings) == (0, 1, 0)
    assert second.article_ids == first.article_ids
    after = {t: len(pd.read_parquet(out / t)) for t in TABLES if t != "runs"}
    assert after == before
    assert len(pd.read_parquet(out / "runs")) == 2
    assert pd.read_parquet(out / "meetings")["meeting_id"].is_unique


def test_new_article_in_the_archive_is_the_only_one_processed(tmp_path, pipeline):
    inp = tmp_path / "in"
    inp.mkdir()
    shutil.copy(SAMPLE, inp)
    out = tmp_path / "out"
    local.run([inp], out, pipeline=pipeline)
    (inp / "extra.json").write_text(json.dumps({
        "id": "extra-1", "published": PUB, "title": "لقاء",
        "content": "استقبل وزير المالية سعيد العلوي اليوم السفير الإيطالي ماركو برونيتي."},
        ensure_ascii=False), encoding="utf-8")
    s = local.run([inp], out, pipeline=pipeline)
    assert (s.n_articles, s.n_unchanged, s.n_meetings) == (1, 1, 1)
    assert sorted(r["doc_id"] for r in rows(out, "articles")) == ["000_1b4cc8108e9504d4", "extra-1"]
    assert len(rows(out, "meetings")) == 2


def test_broken_inputs_become_error_rows_and_good_ones_still_land(tmp_path, pipeline):
    inp = tmp_path / "in"
    inp.mkdir()
    shutil.copy(SAMPLE, inp / "good.txt")
    (inp / "good.json").write_text(json.dumps({
        "id": "g-json", "published": PUB, "title": "لقاء",
        "content": "استقبل وزير المالية سعيد العلوي اليوم السفير الإيطالي ماركو برونيتي."},
        ensure_ascii=False), encoding="utf-8")
    (inp / "broken.json").write_text('{"id": "x", "content": "التقى الوزير', encoding="utf-8")
    (inp / "latin1.txt").write_bytes("التقى".encode("utf-8")[:3] + b"\xff\xfe caf\xe9")
    (inp / "mixed.jsonl").write_text(
        json.dumps({"id": "j-1", "published": PUB,
                    "content": "التقى وزير النقل خالد الراشد اليوم السفير الياباني كينجي ساتو."},
                   ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    out = tmp_path / "out"
    s = local.run([inp], out, pipeline=pipeline)
    assert (s.n_read, s.n_articles, s.n_failed) == (6, 3, 3)
    errors = rows(out, "errors")
    assert sorted(Path(e["source_path"]).name for e in errors) == ["broken.json", "latin1.txt", "mixed.jsonl"]
    assert all(e["message"] and e["error"] and e["run_id"] == s.run_id for e in errors)
    [jl] = [e for e in errors if e["source_path"].endswith("mixed.jsonl")]
    assert jl["record"] == 1                         # the second line
    assert sorted(r["doc_id"] for r in rows(out, "articles")) == ["g-json", "good", "j-1"]
    assert s.n_meetings == 3
    [run] = rows(out, "runs")
    assert (run["n_articles"], run["n_failed"]) == (3, 3)


def test_a_stage_that_fails_on_one_article_is_reported_and_the_run_goes_on(tmp_path):
    class Boom:
        name = "boom"

        def __call__(self, d):
            if "انفجار" in d.text:
                raise RuntimeError("stage failed")
            return d

    p = Pipeline()
    p.stages.append(Boom())
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "a.txt").write_text("التقى الوزير نظيره.", encoding="utf-8")
    (inp / "b.txt").write_text("انفجار في المصنع.", encoding="utf-8")
    s = local.run([inp], tmp_path / "out", pipeline=p)
    assert (s.n_articles, s.n_failed) == (1, 1)
    [e] = rows(tmp_path / "out", "errors")
    assert (Path(e["source_path"]).name, e["stage"], e["error"]) == ("b.txt", "boom", "RuntimeError")


# --- the library entry point on text --------------------------------------------------------------


def test_extract_text_returns_every_table_as_dataframes(pipeline):
    x = extract_text("استقبل وزير المالية سعيد العلوي اليوم السفير الإيطالي ماركو برونيتي.",
                     published=PUB, title="لقاء", doc_id="t-1", pipeline=pipeline)
    for name, df in x.tables().items():
        assert isinstance(df, pd.DataFrame), name
    [a] = records(x.articles)
    assert (a["doc_id"], a["title"], a["published"], a["run_id"]) == ("t-1", "لقاء", date(2015, 8, 11), "extract_text")
    assert len(x.meetings) == 1 and len(x.meeting_participants) == 2
    [d] = [d for d in records(x.dates) if d["start"] is not None]
    assert (d["text"], d["value"], d["relative"]) == ("اليوم", "2015-08-11", True)


def test_extract_text_without_published_leaves_relative_dates_unresolved(pipeline):
    x = extract_text("استقبل وزير المالية سعيد العلوي أمس السفير الإيطالي ماركو برونيتي.", pipeline=pipeline)
    [m] = records(x.meetings)
    assert m["date"] is None


# --- the dev set --------------------------------------------------------------------------------------


@pytest.mark.corpora
def test_dev_set_scores(tmp_path, pipeline):
    dev = SHARED / "corpora" / "meetings-dev"
    gold_file = SHARED / "gold" / "meetings_dev.json"
    scorer = SHARED / "tools" / "score_meetings.py"
    if not (dev.is_dir() and gold_file.is_file() and scorer.is_file()):
        pytest.skip(f"needs the shared data beside the repo: {dev}, {gold_file}, {scorer}")
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_meetings", scorer)
    sm = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sm)
    out = tmp_path / "dev"
    s = local.run([dev], out, pipeline=pipeline)
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    assert s.n_failed == 0 and s.n_articles == len(gold)
    res = sm.score(gold, sm.load_predictions(out))
    assert res["articles_with_meetings"]["f1"] >= 0.80, res
    assert res["person_participants"]["f1"] >= 0.60, res
    assert res["who_met_whom_f1_per_article"] >= 0.50, res
    assert res["date_accuracy"] >= 0.70, res
