"""Each stage reads and writes only the Document fields it declares, and the pipeline
refuses an order in which a stage would read what no earlier stage wrote."""
from __future__ import annotations

import copy
from dataclasses import fields
from datetime import date

import pytest
from conftest import SAMPLE

from arnews.document import Document, Record
from arnews.ingest import parse_article
from arnews.pipeline import Pipeline, PipelineOrderError

FIELDS = {f.name for f in fields(Document)}


class SpyDocument(Document):
    """A Document that notes which of its fields are read."""

    def __getattribute__(self, name):
        if name in FIELDS:
            object.__getattribute__(self, "_seen").add(name)
        return object.__getattribute__(self, name)


def snapshot(d: Document) -> dict:
    return {name: copy.deepcopy(object.__getattribute__(d, name)) for name in FIELDS}


@pytest.fixture(scope="module")
def hebron() -> Record:
    art = parse_article(SAMPLE.read_text(encoding="utf-8"))
    return Record(doc_id="hebron", source_path="x", text=art.text, title=art.title,
                  published=art.published or date(2012, 8, 27))


def test_every_stage_keeps_to_its_declared_fields(pipeline, hebron):
    d = SpyDocument(record=hebron)
    object.__setattr__(d, "_seen", set())
    for stage in pipeline.stages:
        object.__getattribute__(d, "_seen").clear()
        before = snapshot(d)
        stage(d)
        read = set(object.__getattribute__(d, "_seen"))
        after = snapshot(d)
        changed = {k for k in before if before[k] != after[k]}
        assert read <= stage.reads | stage.writes, f"{stage.name} read {sorted(read - stage.reads - stage.writes)}"
        assert changed <= stage.writes, f"{stage.name} changed {sorted(changed - stage.writes)}"
    assert object.__getattribute__(d, "meetings")


def test_the_pipeline_refuses_a_stage_order_that_reads_before_writing(pipeline):
    stages = list(pipeline.stages)
    with pytest.raises(PipelineOrderError, match="segment.*norm"):
        Pipeline([stages[1], stages[0], *stages[2:]], ner=None)
    with pytest.raises(PipelineOrderError, match="events"):
        Pipeline([s for s in stages if s.name not in ("recognise", "link")], ner=None)
