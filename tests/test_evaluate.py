"""`arnews evaluate` scores an output folder against a gold file, as the development
scorer does, and says what was missed and what was spurious."""
from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest
from conftest import SHARED
from typer.testing import CliRunner

from arnews.cli import app
from arnews.engines import local
from arnews.evaluate import evaluate, load_predictions, score
from arnews.io import TableWriter

TEXT = ("استقبل وزير الصحة خالد العتيبي اليوم في مكتبه سفير اليابان هيروشي تاناكا لبحث التعاون الصحي. "
        "وحضر اللقاء مدير المستشفى سعد الحربي.")


def meeting(*participants, **attrs) -> dict:
    return {"status": "held", "mode": "in_person", "date": None, "date_text": None, "location": None,
            "purpose": None, **attrs, "participants": list(participants)}


def person(name, side="party", role=None, org=None) -> dict:
    return {"name": name, "kind": "person", "org": org, "role": role, "side": side}


GOLD = [
    {"id": "a1", "published": "2015-08-11", "meetings": [meeting(
        person("خالد العتيبي", "host", role="وزير الصحة", org="وزارة الصحة"),
        person("هيروشي تاناكا", "guest", role="سفير اليابان"),
        person("سعد الحربي", "attendee", role="مدير المستشفى"),
        date="2015-08-11", date_text="اليوم", location="مكتبه", purpose="التعاون الصحي")]},
    {"id": "a2", "published": "2015-08-11", "meetings": []},
    {"id": "a3", "published": "2015-08-11", "meetings": [meeting(
        person("منصور القحطاني"), person("ليلى الزهراني"), mode="call")]},
]


def write_output(out: Path) -> None:
    """What a pipeline might have found: a1 right but for a missed attendee and a wrong
    org; a spurious meeting in a2; nothing in a3."""
    def art(aid: str, doc: str) -> dict:
        return {"article_id": aid, "doc_id": doc, "source_path": "t.jsonl", "text": TEXT}

    def part(mid, aid, name, side, role=None, org=None, start=None, end=None):
        return {"meeting_id": mid, "article_id": aid, "name": name, "kind": "person", "side": side,
                "role": role, "org": org, "start": start, "end": end}

    with TableWriter(out, "gold-test") as w:
        w.add({"articles": [art("x1", "a1")], "meetings": [{
            "meeting_id": "x1-e0", "article_id": "x1", "status": "held", "mode": "in_person",
            "date": "2015-08-11", "location": "مكتبه", "purpose": "التعاون الصحي", "start": 0, "end": 88}],
            "meeting_participants": [
                part("x1-e0", "x1", "خالد العتيبي", "host", "وزير الصحة", "الصحة"),
                part("x1-e0", "x1", "هيروشي تاناكا", "guest", "سفير اليابان", None)]})
        w.add({"articles": [art("x2", "a2")], "meetings": [{
            "meeting_id": "x2-e0", "article_id": "x2", "status": "held", "mode": "in_person",
            "start": 0, "end": 20}],
            "meeting_participants": [part("x2-e0", "x2", "سعد الحربي", "party", start=90, end=99),
                                     part("x2-e0", "x2", "خالد العتيبي", "party")]})
        w.add({"articles": [art("x3", "a3")]})
        w.close({"started_at": None})


@pytest.fixture
def scored(tmp_path):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    write_output(tmp_path / "out")
    return gold, tmp_path / "out"


def test_metrics_on_a_gold_file_written_here(scored):
    gold, out = scored
    r = evaluate(gold, out)
    assert r["articles_with_meetings"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1, "pred": 2, "gold": 2}
    assert r["person_participants"]["tp"] == 2 and r["person_participants"]["pred"] == 4
    assert r["person_participants"]["gold"] == 5
    assert r["who_met_whom_pairs"] == {"p": 0.5, "r": 0.25, "f1": 0.3333, "tp": 1, "pred": 2, "gold": 4}
    assert r["date_accuracy"] == 1.0 and r["dated_meetings"] == 1
    assert r["role_accuracy"] == round(2 / 3, 4) and r["org_accuracy"] == 1.0   # الصحة ~ وزارة الصحة
    assert r["purpose_token_f1"] == 1.0 and r["location_token_f1"] == 1.0
    assert r["mode_accuracy"] == 0.5 and r["status_accuracy"] == 0.5 and r["meetings"] == 2


def test_show_lists_what_was_missed_and_spurious_with_its_sentence(scored):
    gold, out = scored
    lines = evaluate(gold, out, show=True)["differences"]
    assert any(line.startswith("a1  missed person: سعد الحربي (attendee)") and "وحضر اللقاء" in line
               for line in lines)
    assert any(line.startswith("a2  spurious meeting:") and "استقبل وزير الصحة" in line for line in lines)
    assert any(line.startswith("a3  missed meeting (منصور القحطاني, ليلى الزهراني)") for line in lines)


def test_same_numbers_as_the_development_scorer(scored):
    tool = SHARED / "tools" / "score_meetings.py"
    if not tool.exists():
        pytest.skip("../shared/tools is not beside the repository")
    spec = importlib.util.spec_from_file_location("score_meetings", tool)
    dev_scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev_scorer)
    gold, out = scored
    theirs = dev_scorer.score(json.loads(gold.read_text(encoding="utf-8")), dev_scorer.load_predictions(out))
    ours = score(json.loads(gold.read_text(encoding="utf-8")), load_predictions(out)[0])
    assert {k: ours[k] for k in theirs} == theirs


@pytest.mark.corpora
def test_agrees_with_the_development_scorer_on_the_dev_gold(pipeline, tmp_path):
    tool, gold = SHARED / "tools" / "score_meetings.py", SHARED / "gold" / "meetings_dev.json"
    if not (tool.exists() and gold.exists()):
        pytest.skip("../shared is not beside the repository")
    spec = importlib.util.spec_from_file_location("score_meetings", tool)
    dev_scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev_scorer)
    out = tmp_path / "dev"
    local.run([SHARED / "corpora" / "meetings-dev"], out, pipeline=pipeline)
    theirs = dev_scorer.score(json.loads(gold.read_text(encoding="utf-8")), dev_scorer.load_predictions(out))
    ours = evaluate(gold, out)
    for k, v in theirs.items():
        if isinstance(v, dict):
            assert {x: round(y, 3) for x, y in ours[k].items()} == {x: round(y, 3) for x, y in v.items()}, k
        else:
            assert (None if v is None else round(v, 3)) == (None if ours[k] is None else round(ours[k], 3)), k


def test_the_command_prints_scores_and_json(scored):
    gold, out = scored
    runner = CliRunner()
    res = runner.invoke(app, ["evaluate", str(gold), str(out)])
    assert res.exit_code == 0 and "who_met_whom_pairs" in res.output and "0.333" in res.output
    res = runner.invoke(app, ["evaluate", str(gold), str(out), "--json", "--show"])
    data = json.loads(res.output)
    assert data["who_met_whom_pairs"]["f1"] == 0.3333 and data["differences"]
