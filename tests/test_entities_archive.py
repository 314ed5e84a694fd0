"""One person, one entity across the archive (link/archive.py, io/entities.py)."""
from __future__ import annotations

import json
from datetime import date

import pandas as pd

from arnews.engines import local
from arnews.link.archive import FATHERS, FIRST_AND_LAST, WITH_FAMILY, Named, aliases, extends


def named(entity_id: str, name: str, day: int, n: int = 1) -> Named:
    return Named(entity_id, tuple(name.split()), date(2015, 8, day), n)


def test_a_longer_name_of_the_same_person_by_its_rule():
    assert extends(("عادل", "الجبير"), ("عادل", "بن", "احمد", "الجبير")) == FIRST_AND_LAST
    assert extends(("محمد", "بن", "سلمان"), ("محمد", "بن", "سلمان", "بن", "عبدالعزيز")) == FATHERS
    # a father's name in the short one: عبدالله بن عبدالعزيز is not عبدالله بن فيصل بن عبدالعزيز
    assert extends(("عبدالله", "بن", "عبدالعزيز"), ("عبدالله", "بن", "فيصل", "بن", "عبدالعزيز")) is None
    # two names run together are not one longer name
    assert extends(("بشار", "الاسد"), ("بشار", "الاسد", "سليمان", "الاسد")) is None
    assert extends(("الجبير",), ("عادل", "الجبير")) is None


def test_merges_keep_the_oldest_id_and_leave_two_people_apart():
    people = [named("P1", "عادل الجبير", 10, 20), named("P2", "عادل بن احمد الجبير", 11, 9),
              # محمد بن سلمان fits two different grandfathers: two people, no merge
              named("P3", "محمد بن سلمان", 10), named("P4", "محمد بن سلمان بن عبدالعزيز", 10),
              named("P5", "محمد بن سلمان بن محمد", 12),
              # a tagger's name that ran on does not make the short name ambiguous
              named("P6", "محمد بن نايف", 10), named("P7", "محمد بن نايف بن عبدالعزيز", 9, 40),
              named("P8", "محمد بن نايف بن عبدالعزيز ركعتين", 11),
              # the family added; and a name far more frequent than a longer one is not its part
              named("P9", "سلمان بن عبدالعزيز", 9, 300), named("P10", "سلمان بن عبدالعزيز ال سعود", 10, 40),
              named("P13", "سلمان بن عبدالعزيز ال سعودد", 11, 1),     # a slip does not make it ambiguous
              named("P11", "عبدالله بن عبدالعزيز", 9, 100), named("P12", "عبدالله بن عبدالعزيز بن مساعد", 9, 7)]
    merged = aliases(people)
    assert merged["P2"] == ("P1", FIRST_AND_LAST)          # P1 was seen first: its id stays
    assert "P3" not in merged and "P4" not in merged and "P5" not in merged
    assert merged["P6"] == ("P7", FATHERS)
    assert "P8" not in merged
    assert merged["P10"] == ("P9", WITH_FAMILY)             # P9 seen first
    assert "P11" not in merged and "P12" not in merged


def _write(folder, name: str, articles: list[dict]) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in articles), encoding="utf-8")


def test_a_day_added_to_the_archive_keeps_every_entity_id(tmp_path):
    src = tmp_path / "in"
    _write(src, "2015-08-10.jsonl", [
        {"id": "d1", "published": "2015-08-10",
         "content": "استقبل وزير الخارجية عادل الجبير اليوم في الرياض سفير اليابان كينجي تاناكا."}])
    local.run([src], tmp_path / "out", workers=1)
    before = pd.read_parquet(tmp_path / "out" / "entities")
    _write(src, "2015-08-11.jsonl", [
        {"id": "d2", "published": "2015-08-11",
         "content": "التقى وزير الخارجية عادل بن أحمد الجبير اليوم في جدة وزير الخارجية المصري سامح شكري."}])
    local.run([src], tmp_path / "out", workers=1)
    after = pd.read_parquet(tmp_path / "out" / "entities")
    assert set(before["entity_id"]) <= set(after["entity_id"])
    jubeir = after[after["aliases"].map(lambda a: "عادل بن أحمد الجبير" in list(a))]
    assert len(jubeir) == 1
    row = jubeir.iloc[0]
    assert "عادل الجبير" in list(row["aliases"]) and row["n_articles"] == 2
    assert list(row["merged_by"]) == [FIRST_AND_LAST] and len(row["alias_ids"]) == 1


def test_an_entity_has_its_title_apart_and_its_role_by_month(tmp_path):
    src = tmp_path / "in"
    _write(src, "days.jsonl", [
        {"id": "r1", "published": "2015-07-30",
         "content": "استقبل صاحب السمو الملكي الأمير فيصل بن خالد أمير منطقة عسير اليوم في أبها وفداً من رجال الأعمال."},
        {"id": "r2", "published": "2015-08-11",
         "content": "التقى الأمير فيصل بن خالد بن عبدالعزيز أمير منطقة عسير أمس في مكتبه مدير جامعة الملك خالد."},
        {"id": "r3", "published": "2015-08-12",
         "content": "اجتمع الأمير فيصل بن خالد بن عبدالعزيز رئيس مجلس المنطقة أمس مع أعضاء المجلس."}])
    local.run([src], tmp_path / "out", workers=1)
    e = pd.read_parquet(tmp_path / "out" / "entities")
    row = e[e["name"] == "فيصل بن خالد بن عبدالعزيز"].iloc[0]
    assert row["title"] == "الأمير" and row["n_articles"] == 3
    assert row["role"] == "أمير منطقة عسير"
    months = [(r["month"], r["role"]) for r in row["roles"]]
    assert months[0] == ("2015-07", "أمير منطقة عسير") and months[1][0] == "2015-08"
