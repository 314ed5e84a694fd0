"""Helpers for the hostile-input and crash suites: articles written for the tests, the
`arnews` command run as a user runs it (a separate process, measured), and a check that
every input is accounted for in `articles` or `errors`.

Every article text here was written for these tests (invented people, the constructions
Arabic news uses); nothing is copied from the corpora.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import arnews

PEOPLE = [
    ("خالد العتيبي", "وزير الصحة"), ("سعاد الحربي", "مديرة التعليم بمنطقة الجوف"),
    ("ماجد القحطاني", "محافظ ينبع"), ("نورة الشمري", "رئيسة جمعية البر"),
    ("فهد الدوسري", "أمين منطقة حائل"), ("هيروشي تاناكا", "سفير اليابان"),
    ("ماريا لوبيز", "سفيرة إسبانيا"), ("عبدالله المطيري", "رئيس الغرفة التجارية"),
    ("ليلى الزهراني", "عميدة كلية الطب"), ("يوسف الغامدي", "مدير عام المرور"),
]
TEMPLATES = [
    "استقبل {role_a} {a} اليوم في مكتبه {role_b} {b} لبحث سبل التعاون بين الجانبين.",
    "التقى {role_a} {a} أمس مع {role_b} {b} وناقش الجانبان عددا من الموضوعات ذات الاهتمام المشترك.",
    "أجرى {role_a} {a} اتصالا هاتفيا بـ{role_b} {b} بحثا خلاله تطورات المشروع.",
    "زار {role_a} {a} مقر الجمعية والتقى {role_b} {b} بحضور عدد من المسؤولين.",
    "ارتفعت أسعار الخضار في أسواق المدينة خلال الأسبوع الماضي بنسبة عشرة في المئة.",
]


def article_text(i: int) -> str:
    a, b = PEOPLE[i % len(PEOPLE)], PEOPLE[(i * 3 + 1) % len(PEOPLE)]
    body = TEMPLATES[i % len(TEMPLATES)].format(a=a[0], role_a=a[1], b=b[0], role_b=b[1])
    return f"{body} وأوضح المتحدث أن اللقاء رقم {i} جاء في إطار التنسيق المستمر."


def article_record(i: int, **extra) -> dict:
    return {"id": f"art-{i:03d}", "title": f"خبر رقم {i}", "published": "2015-08-11",
            "content": article_text(i), **extra}


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


# The command, run in its own process under a small wrapper that reports the peak
# resident memory of the command and every process it started (RUSAGE_CHILDREN covers
# grandchildren once they are waited for).
_WRAPPER = """
import json, resource, subprocess, sys, time
t = time.monotonic()
rc = subprocess.run(sys.argv[2:], stdin=subprocess.DEVNULL).returncode
json.dump({"rc": rc, "seconds": time.monotonic() - t,
           "peak_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}, open(sys.argv[1], "w"))
"""


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float

    @property
    def err(self) -> str:
        """stderr with rich's line wrapping undone."""
        return " ".join(self.stderr.split())

    @property
    def summary(self) -> dict:
        return json.loads(self.stdout.strip().splitlines()[-1])


def run_arnews(args: list[str], tmp_path: Path, env: dict | None = None, timeout: float = 900,
               preexec_fn=None) -> Result:
    report = tmp_path / f"report-{os.getpid()}-{len(list(tmp_path.glob('report-*')))}.json"
    cmd = [sys.executable, "-c", _WRAPPER, str(report), sys.executable, "-m", "arnews", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})}, preexec_fn=preexec_fn)
    info = json.loads(report.read_text())
    return Result(info["rc"], proc.stdout, proc.stderr, info["seconds"], info["peak_kb"] / 1024)


def tables(out: Path) -> dict[str, pd.DataFrame]:
    return arnews.read_tables(out)


def rows_for(out: Path, source: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The `articles` and `errors` rows of one input file."""
    t = tables(out)
    return (t["articles"][t["articles"]["source_path"] == source],
            t["errors"][t["errors"]["source_path"] == source])


RUN_COLUMNS = {"run_id", "started_at", "finished_at", "error_id"}


def _norm(df: pd.DataFrame) -> pd.DataFrame:
    df = df.drop(columns=[c for c in df.columns if c in RUN_COLUMNS])
    # list columns (entities: aliases, alias_ids, merged_by, roles) compare as their JSON
    listed = [c for c in df.columns if len(df) and isinstance(df[c].dtype, pd.ArrowDtype)
              and pa.types.is_list(df[c].dtype.pyarrow_dtype)]
    listed += [c for c in ("aliases", "alias_ids", "merged_by", "roles") if c in df and c not in listed]
    for c in listed:
        df = df.assign(**{c: df[c].map(lambda v: json.dumps(_plain(v), ensure_ascii=False, sort_keys=True,
                                                            default=str)).astype("string")})
    return df.sort_values(list(df.columns)).reset_index(drop=True)


def _plain(v):
    """A list cell as plain Python (numpy arrays and Arrow scalars to lists and dicts)."""
    if v is None or (not hasattr(v, "__len__") and pd.isna(v)):
        return None
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if hasattr(v, "tolist") and not isinstance(v, (str, bytes)):
        v = v.tolist()
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    return v


def assert_same_tables(a: Path, b: Path,
                       names=("articles", "mentions", "dates", "affiliations", "meetings",
                              "meeting_participants", "entities", "errors")) -> None:
    """Two output folders hold the same tables, apart from what names a run (ids, times)."""
    ta, tb = tables(a), tables(b)
    for name in names:
        pd.testing.assert_frame_equal(_norm(ta[name]), _norm(tb[name]), obj=name)
