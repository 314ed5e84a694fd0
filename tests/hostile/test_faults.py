"""Crashes, signals and concurrent runs: the tables after a re-run are those of a clean run.

The kill points are seeded draws from every point a run passes (each commit's staging,
its log record, every rename, the end of each commit, and articles), measured by a
counting run first, so that "during publishing" is covered rank by rank. Each killed
run and each re-run is a fresh process (forked from a server that has arnews imported,
so the suite stays fast); the CLI itself is killed from outside at seeded moments too.
"""
from __future__ import annotations

import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from hostile_helpers import article_record, assert_same_tables, run_arnews, tables, write_jsonl

pytestmark = pytest.mark.slow
N_ARTICLES = 30
KILL_POINTS = ("commit.staged", "commit.record-written", "commit.logged", "commit.renamed",
               "commit.applied")


def _run_child(src: str, out: str, plan: dict, queue) -> None:
    from arnews import faults
    from arnews.engines import local

    faults.plan(plan)
    try:
        local.run([src], out, local.RunOptions(ner=False, commit_articles=4, commit_every=3600))
    finally:
        queue.put(faults.seen())


@pytest.fixture(scope="module")
def forkserver():
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["arnews.engines.local"])
    return ctx


def run_in_child(ctx, src: Path, out: Path, plan: dict) -> tuple[int, dict]:
    queue = ctx.Queue()
    p = ctx.Process(target=_run_child, args=(str(src), str(out), plan, queue))
    p.start()
    p.join(timeout=300)
    seen = queue.get(timeout=5) if p.exitcode == 0 else {}
    return p.exitcode, seen


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, forkserver):
    base = tmp_path_factory.mktemp("faults")
    src = base / "in"
    write_jsonl(src / "a.jsonl", [article_record(i) for i in range(N_ARTICLES // 2)])
    write_jsonl(src / "b.jsonl", [article_record(i) for i in range(N_ARTICLES // 2, N_ARTICLES)]
                + [{"title": "بلا نص"}])                      # one error row, too
    code, counts = run_in_child(forkserver, src, base / "clean", {p: "count" for p in KILL_POINTS})
    assert code == 0
    return base, src, counts


def scenarios(counts: dict[str, int], n: int = 24, seed: int = 8) -> list[dict]:
    rng = random.Random(seed)
    points = [(name, k) for name in KILL_POINTS for k in range(1, counts[name] + 1)]
    chosen = rng.sample(points, n - 2)
    plans = [{name: str(k)} for name, k in chosen]
    plans += [{"article": f"art-{i:03d}"} for i in rng.sample(range(N_ARTICLES), 2)]
    return plans


def test_the_counting_run_passes_every_kill_point(corpus):
    _, _, counts = corpus
    assert counts["commit.staged"] >= 8 and counts["commit.renamed"] >= 50, counts


@pytest.mark.parametrize("index", range(24))
def test_sigkill_at_a_seeded_point_then_rerun_equals_a_clean_run(corpus, forkserver, tmp_path, index):
    base, src, counts = corpus
    plan = scenarios(counts)[index]
    out = tmp_path / "out"
    code, _ = run_in_child(forkserver, src, out, plan)
    assert code == -signal.SIGKILL, f"{plan} did not fire"
    code, _ = run_in_child(forkserver, src, out, {})
    assert code == 0
    assert_same_tables(base / "clean", out)
    t = tables(out)
    assert t["articles"]["article_id"].is_unique and t["meetings"]["meeting_id"].is_unique
    statuses = list(t["runs"]["status"])
    # the killed run is absent (killed before its first commit), 'killed', or 'finished'
    # when it died inside its last commit, after the commit point (the re-run carried it out)
    assert statuses[-1] == "finished" and set(statuses[:-1]) <= {"killed", "finished"}
    assert len(statuses) == 2 or "article" in plan
    assert not list(out.glob("*/.part-*")) and not list((out / "_arnews" / "commits").iterdir())


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """300 articles for the CLI runs killed from outside, and their clean tables."""
    base = tmp_path_factory.mktemp("big")
    src = base / "in"
    write_jsonl(src / "day.jsonl", [article_record(i, id=f"big-{i}") for i in range(300)])
    res = run_arnews(["extract", str(src), "--out", str(base / "clean"), "--no-ner", "-q"], base)
    assert res.returncode == 0
    return base, src


def cli(src: Path, out: Path, *extra: str, marker: str = "") -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "arnews", "extract", str(src), "--out", str(out),
                             "--no-ner", "-q", "--commit-articles", "25", *extra],
                            env={**os.environ, "ARNEWS_TEST_MARKER": marker},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def processes_with(marker: str) -> list[int]:
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if f"ARNEWS_TEST_MARKER={marker}".encode() in Path(f"/proc/{pid}/environ").read_bytes():
                found.append(int(pid))
        except OSError:
            continue
    return found


def wait_for_commit(out: Path, timeout: float = 120) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if list((out / "articles").glob("part-*.parquet")):
            return
        time.sleep(0.05)
    raise AssertionError("no commit appeared")


@pytest.mark.parametrize("delay", [0.3, 0.6, 0.9])
def test_cli_killed_from_outside_then_rerun_equals_a_clean_run(big, tmp_path, delay):
    base, src = big
    out = tmp_path / "out"
    marker = uuid.uuid4().hex
    proc = cli(src, out, "--workers", "2", marker=marker)
    wait_for_commit(out)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL
    deadline = time.monotonic() + 10
    while processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert processes_with(marker) == []           # the workers died with their parent
    rerun = run_arnews(["extract", str(src), "--out", str(out), "--no-ner", "-q"], tmp_path)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert_same_tables(base / "clean", out)


def test_sigterm_commits_finished_work_stops_workers_and_exits_143(big, tmp_path):
    base, src = big
    out = tmp_path / "out"
    marker = uuid.uuid4().hex
    proc = cli(src, out, "--workers", "2", marker=marker)
    wait_for_commit(out)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 143
    assert "interrupted by SIGTERM" in " ".join(proc.stderr.read().split())
    assert processes_with(marker) == []
    t = tables(out)
    assert 0 < len(t["articles"]) and list(t["runs"]["status"]) == ["interrupted"]
    assert len(t["entities"]) > 0                 # the last commit rebuilt entities
    rerun = run_arnews(["extract", str(src), "--out", str(out), "--no-ner", "-q"], tmp_path)
    assert rerun.returncode == 0
    assert_same_tables(base / "clean", out)


def test_two_concurrent_runs_never_duplicate_a_row(big, tmp_path):
    base, src = big
    out = tmp_path / "out"
    first, second = cli(src, out, "--wait"), cli(src, out, "--wait")
    assert first.wait(timeout=300) == 0 and second.wait(timeout=300) == 0
    assert_same_tables(base / "clean", out)
    runs = tables(out)["runs"]
    assert sorted(runs["n_articles"]) == [0, 300] and sorted(runs["n_unchanged"]) == [0, 300]
    refused = [cli(src, tmp_path / "o2"), cli(src, tmp_path / "o2")]
    codes = sorted(p.wait(timeout=300) for p in refused)
    assert codes in ([0, 0], [0, 75])              # refused while the other runs, or after it
    assert tables(tmp_path / "o2")["articles"]["article_id"].is_unique


def test_a_worker_killed_on_one_article_costs_that_article_alone(big, tmp_path):
    base, src = big
    res = run_arnews(["extract", str(src), "--out", str(tmp_path / "out"), "--no-ner", "--workers", "2",
                      "--json", "-q"], tmp_path, env={"ARNEWS_FAULTS": "article:big-7"})
    assert res.returncode == 3, res.stderr[-2000:]
    s = res.summary
    assert (s["n_articles"], s["n_failed"]) == (299, 1)
    [row] = s["failures"]
    assert row["error"] == "WorkerDied" and "killed by signal 9" in row["message"]
    assert row["record"] == 7
