"""The annotated meeting corpus (corpus/meetings): well formed, split by its rule, its
test split frozen, its figures those the README gives."""
from __future__ import annotations

import hashlib
import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest
from conftest import REPO, SHARED

from arnews.evaluate import score

CORPUS = REPO / "corpus" / "meetings"
SPLITS = ("train", "dev", "test")
# The test split is written once: change this only with a note on the issue saying why.
TEST_SHA256 = "56c7775f56f515b5cf960a2ccf01e05bf27a5ce62c0b8d6839322dcb6e770c46"


def load(name: str) -> list[dict]:
    return json.loads((CORPUS / name).read_text(encoding="utf-8"))


def module(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_test_split_is_frozen():
    assert hashlib.sha256((CORPUS / "test.json").read_bytes()).hexdigest() == TEST_SHA256


def test_splits_follow_the_rule_and_keep_stories_apart():
    sample = {r["id"]: r for r in load("sample.json")}
    split_of = module(CORPUS / "sample.py").split_of
    seen: dict[str, str] = {}
    for split in SPLITS:
        for art in load(f"{split}.json"):
            assert art["id"] not in seen
            seen[art["id"]] = split
            assert sample[art["id"]]["split"] == split == split_of(sample[art["id"]]["story"])
    assert set(seen) == set(sample)
    stories: dict[str, set] = {}
    for aid, split in seen.items():
        stories.setdefault(sample[aid]["story"], set()).add(split)
    assert all(len(s) == 1 for s in stories.values())


def test_size_and_format():
    arts = [a for split in SPLITS for a in load(f"{split}.json")]
    assert len(arts) >= 400 and sum(bool(a["meetings"]) for a in arts) >= 200
    assert Counter(a["drawn"] for a in arts) == {"random": 350, "cue": 350}
    for a in arts:
        assert set(a) >= {"id", "published", "meetings", "file", "record", "text_sha256"}
        for m in a["meetings"]:
            assert m["status"] in ("held", "planned") and m["mode"] in ("in_person", "call")
            assert (m["date"] is None) == (m["date_text"] is None)
            for p in m["participants"]:
                assert p["kind"] in ("person", "org", "group")
                assert p["side"] in ("host", "guest", "accompanying", "attendee", "party")


def test_agreement_is_what_the_readme_says():
    first, second = load("double/first.json"), load("double/second.json")
    assert [a["id"] for a in first] == [a["id"] for a in second] and len(first) == 61
    r = score(first, {a["id"]: a["meetings"] for a in second})
    assert (r["articles_with_meetings"]["f1"], r["person_participants"]["f1"],
            r["who_met_whom_pairs"]["f1"], r["who_met_whom_f1_per_article"]) == (0.9796, 0.9892, 0.9699, 0.9022)
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert "| who_met_whom_pairs F1 | 0.970 |" in readme


@pytest.mark.corpora
def test_every_quoted_field_is_in_its_article():
    corpora = SHARED / "corpora"
    if not corpora.exists():
        pytest.skip("../shared/corpora is not beside the repository")
    fetch = module(CORPUS / "articles.py").fetch
    for split in SPLITS:
        for entry in load(f"{split}.json"):
            rec = fetch(entry, corpora)                  # also checks text_sha256
            text = " ".join((rec["title"] + "\n" + rec["content"]).split())
            for m in entry["meetings"]:
                quoted = [m["evidence"], m["date_text"], m["location"], m["purpose"]]
                quoted += [p[k] for p in m["participants"] for k in ("name", "role")]
                for q in quoted:
                    assert q is None or " ".join(q.split()) in text, (entry["id"], q)
