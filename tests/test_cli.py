"""The `arnews` command, through typer's test runner."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest
from conftest import SAMPLE
from typer.testing import CliRunner

from arnews.cli import app


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def test_help_explains_the_tool(runner):
    res = runner.invoke(app, ["--help"])
    assert res.exit_code == 0
    out = " ".join(res.output.split())
    assert "Arabic news" in out and "Parquet" in out
    assert "extract" in out and "build-name-stats" in out
    assert "arnews extract data/raw --out data/processed" in out


def test_no_arguments_shows_help(runner):
    res = runner.invoke(app, [])
    assert "extract" in res.output and "Usage" in res.output


def test_extract_help_lists_its_options(runner):
    res = runner.invoke(app, ["extract", "--help"])
    assert res.exit_code == 0
    out = " ".join(res.output.split())
    for opt in ("--out", "--workers", "--show"):
        assert opt in out
    assert "errors" in out               # tells where unreadable inputs go


def test_extract_on_a_folder_prints_the_summary_and_writes_tables(runner, tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    shutil.copy(SAMPLE, inp)
    out = tmp_path / "out"
    res = runner.invoke(app, ["extract", str(inp), "--out", str(out)])
    assert res.exit_code == 0, res.output
    text = res.output
    for label in ("articles read", "unchanged (skipped)", "failed", "meetings found", "people found"):
        assert label in text
    assert "خالد العسيلي" in text and "host" in text          # the meeting is shown
    assert "2012-08-27" in text
    assert len(pd.read_parquet(out / "meetings")) == 1
    assert len(pd.read_parquet(out / "articles")) == 1

    again = runner.invoke(app, ["extract", str(inp), "--out", str(out), "--show", "0"])
    assert again.exit_code == 0
    row = [line for line in again.output.splitlines() if "unchanged (skipped)" in line]
    assert row and "1" in row[0]
    assert len(pd.read_parquet(out / "meetings")) == 1


def test_extract_with_a_missing_input_exits_2_before_any_work(runner, tmp_path):
    out = tmp_path / "out"
    missing = tmp_path / "nope.txt"
    res = runner.invoke(app, ["extract", str(missing), "--out", str(out), "--show", "0"])
    assert res.exit_code == 2
    assert "no such file or folder" in res.output and "nope.txt" in res.output
    assert not out.exists()   # nothing was done


def test_workers_must_be_positive(runner, tmp_path):
    res = runner.invoke(app, ["extract", str(tmp_path), "--out", str(tmp_path / "o"), "--workers", "0"])
    assert res.exit_code != 0
