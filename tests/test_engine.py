"""The local engine with worker processes gives the same tables as one process."""
from __future__ import annotations

import json

import pandas as pd

from arnews.engines import local

ARTICLES = [
    {"id": "a1", "published": "2015-08-11", "title": "لقاء",
     "content": "استقبل وزير الصحة الدكتور ماجد العتيبي اليوم في مكتبه سفير اليابان كينجي تاناكا."},
    {"id": "a2", "published": "2015-08-10", "title": "اجتماع",
     "content": "اجتمع محافظ المدينة سعد الرويلي أمس مع رئيس الغرفة التجارية منصور الحربي لبحث المشاريع."},
    {"id": "a3", "published": "2015-08-09", "title": "خبر", "content": "ارتفعت أسعار النفط اليوم."},
]


def test_two_workers_write_what_one_process_writes(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "day.jsonl").write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES),
                                   encoding="utf-8")
    one = local.run([src], tmp_path / "one", workers=1)
    two = local.run([src], tmp_path / "two", workers=2)
    assert (one.n_articles, one.n_meetings, one.n_failed) == (3, 2, 0)
    assert (two.n_articles, two.n_meetings, two.n_failed) == (3, 2, 0)

    def table(out, name):
        df = pd.read_parquet(out / name).drop(columns=["run_id"], errors="ignore")
        return df.sort_values(list(df.columns[:2])).reset_index(drop=True)

    for name in ("articles", "meetings", "meeting_participants", "mentions"):
        pd.testing.assert_frame_equal(table(tmp_path / "one", name), table(tmp_path / "two", name))
