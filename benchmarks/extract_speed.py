"""Throughput of `arnews extract`: median wall time and articles per second over repeated runs.

    python benchmarks/extract_speed.py ../shared/corpora/saudinewsnet/2015-08-11.json.gz --runs 3 --workers 1 2

Each run writes into a fresh temporary folder (so no article is skipped as unchanged). Timings
on shared machines are noisy: compare medians, and ratios between settings of one run.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from arnews.engines import local


def measure(inputs: list[str], workers: int, runs: int) -> tuple[float, int, int]:
    times, n_articles, n_meetings = [], 0, 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            t0 = time.perf_counter()
            summary = local.run(inputs, Path(out) / "tables", workers=workers)
            times.append(time.perf_counter() - t0)
            n_articles, n_meetings = summary.n_articles, summary.n_meetings
    return statistics.median(times), n_articles, n_meetings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, nargs="+", default=[1])
    args = ap.parse_args()
    print(f"{'workers':>7} {'articles':>8} {'meetings':>8} {'median s':>9} {'articles/s':>10}")
    for w in args.workers:
        secs, n, meetings = measure(args.inputs, w, args.runs)
        print(f"{w:>7} {n:>8} {meetings:>8} {secs:>9.1f} {n / secs:>10.1f}")


if __name__ == "__main__":
    main()
