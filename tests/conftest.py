"""Shared fixtures for the behavioural tests: one pipeline for the whole session and
small helpers that run it on sentences written for the tests.

Every sentence in these tests was written for them (invented people and places, in the
constructions Arabic news uses); none is copied from the corpora or the dev set.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from arnews.api import Extraction, default_pipeline, extract_text
from arnews.document import Document, Record
from arnews.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "data" / "raw" / "000_1b4cc8108e9504d4.txt"
PUB = "2015-08-11"          # a Tuesday; اليوم = 2015-08-11, أمس = 2015-08-10, غداً = 2015-08-12


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return default_pipeline()


@pytest.fixture(scope="session")
def run_doc(pipeline):
    """Run every stage on a text and return the `Document` (persons, mentions, ...)."""

    def _run(text: str, published: str | None = PUB) -> Document:
        from datetime import date

        pub = date.fromisoformat(published) if published else None
        return pipeline.run(Record(doc_id="t", source_path="<t>", text=text, published=pub))

    return _run


@pytest.fixture(scope="session")
def ex(pipeline):
    """`extract_text` with the shared pipeline and the tests' publication date."""

    def _ex(text: str, published: str | None = PUB) -> Extraction:
        return extract_text(text, published=published, pipeline=pipeline)

    return _ex


def records(df) -> list[dict]:
    """DataFrame rows as dicts, with pandas' missing values turned into None."""
    import pandas as pd

    out = []
    for row in df.to_dict("records"):
        out.append({k: (None if pd.api.types.is_scalar(v) and pd.isna(v) else v)
                    for k, v in row.items()})
    return out


def meetings_of(x: Extraction) -> list[dict]:
    """Each meeting as a dict with its participants under 'participants'."""
    parts = records(x.meeting_participants)
    out = []
    for m in records(x.meetings):
        m["participants"] = [p for p in parts if p["meeting_id"] == m["meeting_id"]]
        out.append(m)
    return out


def by_name(meeting: dict) -> dict[str, dict]:
    return {p["name"]: p for p in meeting["participants"] if p["name"]}


def sides(meeting: dict) -> dict[str, str]:
    """name -> side for the named participants of a meeting."""
    return {p["name"]: p["side"] for p in meeting["participants"] if p["name"]}
