"""Fit the meetings' confidence on the annotated corpus (`arnews calibrate-meetings`).

Every meeting the pipeline finds in the train split is labelled right when it is the one
a gold meeting is compared with (as `arnews evaluate` pairs them), and a logistic model
over `confidence.FEATURES` is fitted to those labels (L2-regularised, full-batch gradient
descent, seeded only by the data: the same corpus gives the same weights).
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from arnews.events.confidence import FEATURES, confidence
from arnews.evaluate import _best_match, _pool, calibration
from arnews.evaluate.corpus import records
from arnews.evaluate.matching import align
from arnews.pipeline import Pipeline
from arnews.rows import document_rows


def labelled(gold: list[dict], corpora: Path, pipeline: Pipeline) -> list[tuple[dict, bool]]:
    """(evidence features, right) for every meeting found in the gold articles."""
    out = []
    for entry, record in zip(gold, records(gold, corpora)):
        d = pipeline.run(record)
        rows = document_rows(d)
        pms = [{**m, "participants": [p for p in rows["meeting_participants"] if p["meeting_id"] == m["meeting_id"]]}
               for m in rows["meetings"]]
        gms = entry["meetings"]
        g, g_of = _pool(gms)
        p, p_of = _pool(pms)
        a = align([x[0] for x in p], [x[0] for x in g])
        chosen = {id(b) for b in (_best_match(mi, gms, pms, g_of, p_of, a) for mi in range(len(gms))) if b}
        out += [(m.evidence, id(pm) in chosen) for m, pm in zip(d.meetings, pms)]
    return out


def fit(data: list[tuple[dict, bool]], l2: float = 1.0, steps: int = 3000, lr: float = 0.5) -> dict[str, float]:
    x = np.array([[f[k] for k in FEATURES] for f, _ in data], dtype=float)
    y = np.array([float(r) for _, r in data])
    w, b = np.zeros(len(FEATURES)), 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        w -= lr * (x.T @ (p - y) / len(y) + l2 * w / len(y))
        b -= lr * float(np.mean(p - y))
    return {"bias": round(b, 6), **{k: round(float(v), 6) for k, v in zip(FEATURES, w)}}


def run(gold_file: Path, corpora: Path, out: Path, check: list[Path] = ()) -> dict:
    """Fit on `gold_file`, write the weights, and report calibration on it and on `check`."""
    pipeline = Pipeline()
    data = labelled(json.loads(gold_file.read_text(encoding="utf-8")), corpora, pipeline)
    weights = fit(data)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(weights, indent=1) + "\n", encoding="utf-8")
    report = {gold_file.name: calibration([(confidence(f, weights), r) for f, r in data]) | {"meetings": len(data)}}
    for path in check:
        other = labelled(json.loads(path.read_text(encoding="utf-8")), corpora, pipeline)
        report[path.name] = calibration([(confidence(f, weights), r) for f, r in other]) | {"meetings": len(other)}
    return report
