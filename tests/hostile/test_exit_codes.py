"""Exit codes tell a cron job the truth, and an unusable --out fails before any work."""
from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hostile_helpers import article_record, run_arnews, tables, write_jsonl

pytestmark = pytest.mark.slow


def articles_in(folder: Path, n: int = 3) -> Path:
    write_jsonl(folder / "day.jsonl", [article_record(i) for i in range(n)])
    return folder


def test_nonexistent_input_exits_2_before_any_work(tmp_path):
    res = run_arnews(["extract", str(tmp_path / "nope"), "--out", str(tmp_path / "out")], tmp_path)
    assert res.returncode == 2 and "no such file or folder" in res.err
    assert not (tmp_path / "out").exists()


def test_empty_folder_exits_4(tmp_path):
    (tmp_path / "empty").mkdir()
    res = run_arnews(["extract", str(tmp_path / "empty"), "--out", str(tmp_path / "out"), "--no-ner"], tmp_path)
    assert res.returncode == 4 and "no article could be read" in res.err


def test_every_input_failing_exits_4_and_some_failing_exits_3(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.json").write_text("{not json")
    (bad / "b.txt").write_bytes("خبر".encode("cp1256"))
    res = run_arnews(["extract", str(bad), "--out", str(tmp_path / "o1"), "--no-ner"], tmp_path)
    assert res.returncode == 4
    assert "a.json" in res.err and "b.txt" in res.err        # failed inputs are named
    articles_in(bad)
    res = run_arnews(["extract", str(bad), "--out", str(tmp_path / "o2"), "--no-ner", "--json"], tmp_path)
    assert res.returncode == 3 and res.summary["n_failed"] == 2 and res.summary["n_articles"] == 3
    res = run_arnews(["extract", str(bad), "--out", str(tmp_path / "o3"), "--no-ner", "--allow-errors"], tmp_path)
    assert res.returncode == 0


@pytest.mark.parametrize("kind", ["file", "unwritable"])
def test_unusable_out_exits_2_before_any_work(tmp_path, kind):
    src = articles_in(tmp_path / "in")
    if kind == "file":
        out = tmp_path / "out.txt"
        out.write_text("x")
    else:
        out = Path("/proc/arnews-cannot-write-here")
    start = time.monotonic()
    res = run_arnews(["extract", str(src), "--out", str(out)], tmp_path)
    assert res.returncode == 2, res.stderr
    assert "nothing was done" in res.err
    assert time.monotonic() - start < 30     # refused at once, not after loading the models


def mount_tmpfs(path: Path, size: str) -> None:
    path.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root)")


def test_full_out_exits_2_before_any_work(tmp_path):
    tiny = tmp_path / "tiny"
    mount_tmpfs(tiny, "40k")
    try:
        res = run_arnews(["extract", str(articles_in(tmp_path / "in")), "--out", str(tiny / "out")], tmp_path)
        assert res.returncode == 2 and "cannot write" in res.err
    finally:
        subprocess.run(["umount", str(tiny)])


def test_out_filling_up_during_the_run_exits_5_and_keeps_the_commits(tmp_path):
    """200 articles need about 500 KB of tables; the disk holds 300 KB."""
    src = tmp_path / "many"
    write_jsonl(src / "day.jsonl", [article_record(i) for i in range(200)])
    disk = tmp_path / "disk"
    mount_tmpfs(disk, "300k")
    try:
        out = disk / "out"
        res = run_arnews(["extract", str(src), "--out", str(out), "--no-ner", "--commit-articles", "20"], tmp_path)
        assert res.returncode == 5, res.stderr[-2000:]
        assert "commits made before are kept" in res.err
        kept = tables(out)["articles"]
        assert 0 < len(kept) < 200 and kept["article_id"].is_unique
        subprocess.run(["cp", "-a", str(out), str(tmp_path / "moved")], check=True)
    finally:
        subprocess.run(["umount", str(disk)])
    again = run_arnews(["extract", str(src), "--out", str(tmp_path / "moved"), "--no-ner"], tmp_path)
    assert again.returncode == 0, again.stderr[-2000:]
    assert len(tables(tmp_path / "moved")["articles"]) == 200


def test_a_second_run_is_refused_or_waits(tmp_path):
    src = articles_in(tmp_path / "in")
    out = tmp_path / "out"
    (out / "_arnews").mkdir(parents=True)
    fd = os.open(out / "_arnews" / "lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    os.write(fd, json.dumps({"run_id": "other", "pid": 1, "host": "h", "started": "now"}).encode())
    try:
        res = run_arnews(["extract", str(src), "--out", str(out), "--no-ner"], tmp_path)
        assert res.returncode == 75 and "another arnews run" in res.err and "--wait" in res.err
        waiting = subprocess.Popen([sys.executable, "-m", "arnews", "extract", str(src), "--out", str(out),
                                    "--no-ner", "--wait", "-q"], stderr=subprocess.PIPE, text=True)
        time.sleep(3)
        assert waiting.poll() is None          # still waiting for the lock
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    assert waiting.wait(timeout=120) == 0
    assert len(tables(out)["articles"]) == 3


def test_version_help_and_python_dash_m(tmp_path):
    for args in (["--version"], ["-h"], ["extract", "-h"]):
        proc = subprocess.run([sys.executable, "-m", "arnews", *args], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
    assert subprocess.run([sys.executable, "-m", "arnews", "--version"], capture_output=True,
                          text=True).stdout.startswith("arnews ")
