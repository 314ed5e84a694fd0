"""A batch of articles through `process_records` gives each article what it gets alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from arnews.document import Record
from arnews.engines.work import process_record, process_records
from arnews.limits import Limits
from arnews.pipeline import Pipeline

SAMPLE = next((Path(__file__).resolve().parents[1] / "data" / "raw").glob("*.txt"))
TEXTS = {
    "visit": "استقبل وزير الصحة الدكتور ماجد العتيبي اليوم في مكتبه سفير اليابان كينجي تاناكا.",
    "call": "وأجرى الرئيس المصري عبدالفتاح السيسي اتصالاً هاتفياً مع العاهل الأردني الملك عبدالله الثاني.",
    "long": "اجتمع " * 400,
    "none": "ارتفعت أسعار النفط اليوم.",
}


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(limits=Limits(max_chars=2000))


def _records() -> list[Record]:
    recs = [Record(doc_id=k, source_path=f"{k}.txt", text=t) for k, t in TEXTS.items()]
    return [Record(doc_id="hebron", source_path="hebron.txt", text=SAMPLE.read_text(encoding="utf-8")[:1900]), *recs]


def test_a_batch_gives_every_article_its_own_rows_and_errors(pipeline):
    batch = process_records(pipeline, _records(), max_seconds=30)
    alone = [process_record(pipeline, r, max_seconds=30) for r in _records()]
    assert [o.rows for o in batch] == [o.rows for o in alone]
    assert [o.error for o in batch] == [o.error for o in alone]
    errors = [o.error for o in batch if o.error]
    assert len(errors) == 1 and errors[0]["source_path"] == "long.txt" and errors[0]["stage"] == "normalise"
    people = {p["name"] for o in batch if o.rows for p in o.rows["meeting_participants"]}
    assert {"ماجد العتيبي", "عبدالفتاح السيسي"} <= people


def test_the_tagger_runs_once_for_the_whole_batch(pipeline, monkeypatch):
    recogniser = next(s for s in pipeline.stages if s.name == "recognise")
    if recogniser.ner is None:
        pytest.skip("no NER model installed")
    calls = []
    tag = recogniser.ner.tag_sentences
    monkeypatch.setattr(recogniser.ner, "tag_sentences", lambda sents: calls.append(len(sents)) or tag(sents))
    process_records(pipeline, _records(), max_seconds=30)
    assert len(calls) == 1 and calls[0] > 5


def test_a_failing_batch_step_leaves_each_article_to_tag_itself(pipeline, monkeypatch):
    recogniser = next(s for s in pipeline.stages if s.name == "recognise")
    monkeypatch.setattr(recogniser, "prepare", lambda docs: 1 / 0)
    batch = process_records(pipeline, _records(), max_seconds=30)
    assert [o.rows for o in batch] == [process_record(pipeline, r, 30).rows for r in _records()]
