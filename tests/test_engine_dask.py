"""The Dask engine writes the tables the local engine writes (issue 13)."""
from __future__ import annotations

import json
import time
import shutil
from pathlib import Path

import pandas as pd
import pytest

from arnews.engines import local
from arnews.engines.pool import EngineUnavailable
from arnews.engines.summary import RunOptions
from arnews.schema import SCHEMAS

pytest.importorskip("distributed")

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "raw"
ARTICLES = [
    {"id": "d1", "published": "2015-08-11", "title": "لقاء",
     "content": "استقبل وزير الصحة الدكتور ماجد العتيبي اليوم في مكتبه سفير اليابان كينجي تاناكا."},
    {"id": "d2", "published": "2015-08-10", "title": "اجتماع",
     "content": "اجتمع محافظ المدينة سعد الرويلي أمس مع رئيس الغرفة التجارية منصور الحربي لبحث المشاريع."},
    {"id": "d3", "published": "1436-10-25", "title": "هجري",
     "content": "التقى صاحب السمو الملكي الأمير فيصل بن سلمان أمير منطقة المدينة المنورة يوم الأحد 25 شوال 1436هـ وزير الخارجية الأمريكي \"جون كيري\"."},
    {"id": "d4", "published": "2015-08-09", "title": "خبر", "content": "ارتفعت أسعار النفط اليوم."},
]


def _inputs(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copytree(SAMPLE, src / "sample")
    lines = [json.dumps(a, ensure_ascii=False) for a in ARTICLES] + ["{not json"]
    (src / "day.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    return src


def _table(out: Path, name: str) -> pd.DataFrame:
    df = pd.read_parquet(out / name).drop(columns=["run_id"], errors="ignore")
    return df.sort_values(list(df.columns)[:3]).reset_index(drop=True)


def test_a_two_worker_local_cluster_writes_the_local_engines_tables(tmp_path):
    src = _inputs(tmp_path)
    here = local.run([src], tmp_path / "local", RunOptions(workers=1, batch_size=2))
    dask = local.run([src], tmp_path / "dask", RunOptions(workers=2, engine="dask", batch_size=2))
    assert here.n_meetings >= 3 and here.n_failed >= 1
    assert (dask.n_articles, dask.n_meetings, dask.n_failed) == (here.n_articles, here.n_meetings, here.n_failed)
    for name in SCHEMAS:
        if name == "runs":
            continue
        pd.testing.assert_frame_equal(_table(tmp_path / "local", name), _table(tmp_path / "dask", name),
                                      check_dtype=True, obj=name)
    runs = pd.read_parquet(tmp_path / "dask" / "runs")
    assert runs["engine"].tolist() == ["dask[local:2]"]
    sides = dict(pd.read_parquet(tmp_path / "dask" / "meeting_participants")[["name", "side"]].dropna().values)
    assert sides["خالد العسيلي"] == "host" and sides["دوسان بوستفيتش"] == "guest"
    assert sides["ماجد العتيبي"] == "host"


def test_an_unreachable_scheduler_stops_the_run_before_any_work(tmp_path, monkeypatch):
    from arnews.engines import dask_pool

    monkeypatch.setattr(dask_pool, "CONNECT_SECONDS", 2)
    src = _inputs(tmp_path)
    with pytest.raises(EngineUnavailable, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        local.run([src], tmp_path / "out", RunOptions(engine="dask", scheduler="tcp://127.0.0.1:9"))
    assert not list((tmp_path / "out").rglob("*.parquet"))


def test_a_scheduler_address_needs_the_dask_engine():
    with pytest.raises(ValueError, match="engine='dask'"):
        RunOptions(scheduler="tcp://127.0.0.1:8786")
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        RunOptions(engine="spark")



def test_tasks_of_a_cluster_left_without_workers_come_back_as_lost(monkeypatch):
    """A run must not wait for ever on a cluster whose workers are all gone."""
    from arnews.engines import dask_pool
    from arnews.engines.pool import WorkerDied
    from arnews.limits import DEFAULT_LIMITS

    monkeypatch.setattr(dask_pool, "NO_WORKERS_SECONDS", 0)
    pool = dask_pool.DaskPool(1, False, DEFAULT_LIMITS)
    try:
        pool.cluster.scale(0)
        while pool.client.nthreads():
            time.sleep(0.1)
        pool.submit(("k", 0, 1), ["record"])
        lost = []
        while not lost:
            lost = pool.collect(0.2)
        assert lost[0][0] == ("k", 0, 1) and isinstance(lost[0][1], WorkerDied)
        assert lost[0][1].records == ["record"] and not pool.busy()
    finally:
        pool.close()


def test_the_cli_refuses_an_unknown_engine_and_a_scheduler_without_dask(tmp_path):
    from typer.testing import CliRunner

    from arnews.cli import app

    src = _inputs(tmp_path)
    runner = CliRunner()
    bad = runner.invoke(app, ["extract", str(src), "--out", str(tmp_path / "o"), "--engine", "spark"])
    assert bad.exit_code == 2 and "unknown engine 'spark'" in bad.output
    bad = runner.invoke(app, ["extract", str(src), "--out", str(tmp_path / "o"),
                              "--scheduler", "tcp://127.0.0.1:8786"])
    assert bad.exit_code == 2 and "engine='dask'" in bad.output
    assert not (tmp_path / "o").exists()
