"""Throughput of `arnews extract` against the camel-tools floor, in one table.

    python benchmarks/extract_speed.py ../shared/corpora/saudinewsnet --runs 3 \\
        --settings floor local:1 local:2 dask:2

Settings (each run is a fresh process, writing into a fresh temporary folder, so no
article is skipped as unchanged and peak memory is the run's own):

- `floor`: what reading the text costs: the same articles read by arnews's ingest, then
  camel-tools' normalize_unicode, dediac_ar and simple_word_tokenize, in one process;
- `local:N`: `arnews extract --workers N` (the local engine), NER on, start-up included;
- `dask:N`: `arnews extract --engine dask --workers N` (a LocalCluster of N workers);
- `nightly:FILE`: the nightly case: a full run over the inputs without FILE (not timed),
  then the timed re-run over the inputs with FILE added, which must process FILE alone.

Printed per setting: median wall seconds over --runs, articles per second, the ratio to
the floor's time, and peak resident memory of the run's main process and of its largest
worker process (MB). Timings on shared machines are noisy: the settings are run
interleaved (run 1 of every setting, then run 2, ...), and ratios within one table are
what to compare.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def floor(inputs: list[str]) -> dict:
    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import normalize_unicode

    from arnews.document import Record
    from arnews.ingest import plan_inputs, read_file
    from arnews.ingest._io import Progress
    from arnews.limits import DEFAULT_LIMITS

    files, _ = plan_inputs(inputs, False)
    n = n_tokens = 0
    for f in files:
        for item in read_file(f, DEFAULT_LIMITS, Progress(f.size)):
            if isinstance(item, Record):
                n += 1
                n_tokens += len(simple_word_tokenize(dediac_ar(normalize_unicode(item.text))))
    return {"articles": n, "meetings": 0, "tokens": n_tokens}


def extract(inputs: list[str], out: Path, engine: str, workers: int) -> dict:
    from arnews.engines import local
    from arnews.engines.summary import RunOptions

    summary = local.run(inputs, out, RunOptions(workers=workers, engine=engine))
    return {"articles": summary.n_articles, "meetings": summary.n_meetings}


def without(inputs: list[str], day: str) -> list[str]:
    """The input files, folders expanded, less `day` (a folder that holds it must not
    bring it back into the first run)."""
    from arnews.ingest import plan_inputs

    files, _ = plan_inputs(inputs, False)
    return [str(f.path) for f in files if f.path.resolve() != Path(day).resolve()]


def one_run(setting: str, inputs: list[str]) -> dict:
    """One timed run of `setting`, in this (fresh) process."""
    kind, _, arg = setting.partition(":")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "tables"
        if kind == "nightly":
            extract(without(inputs, arg), out, "local", 2)
        t0 = time.perf_counter()
        if kind == "floor":
            result = floor(inputs)
        elif kind == "nightly":
            result = extract([*inputs, arg] if arg not in inputs else inputs, out, "local", 2)
        else:
            result = extract(inputs, out, kind, int(arg or 1))
        result["seconds"] = time.perf_counter() - t0
    result["rss_main_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["rss_worker_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return result


def measure(setting: str, inputs: list[str]) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--one", setting, *inputs],
                          check=True, capture_output=True, text=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--settings", nargs="+", default=["floor", "local:1", "local:2"])
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one_run(args.one, args.inputs)))
        return
    results: dict[str, list[dict]] = {s: [] for s in args.settings}
    for _ in range(args.runs):
        for s in args.settings:
            results[s].append(measure(s, args.inputs))
    base = statistics.median(r["seconds"] for r in results["floor"]) if "floor" in results else None
    print(f"{'setting':<16} {'articles':>8} {'meetings':>8} {'median s':>9} {'articles/s':>10} "
          f"{'x floor':>8} {'main MB':>8} {'worker MB':>9}")
    for s, rs in results.items():
        secs = statistics.median(r["seconds"] for r in rs)
        ratio = f"{secs / base:8.1f}" if base else f"{'':>8}"
        print(f"{s:<16} {rs[0]['articles']:>8} {rs[0]['meetings']:>8} {secs:>9.1f} "
              f"{rs[0]['articles'] / secs:>10.1f} {ratio} {max(r['rss_main_mb'] for r in rs):>8.0f} "
              f"{max(r['rss_worker_mb'] for r in rs):>9.0f}")
    nightly = next((s for s in results if s.startswith("nightly:")), None)
    if nightly and "local:2" in results:
        share = statistics.median(r["seconds"] for r in results[nightly]) / \
            statistics.median(r["seconds"] for r in results["local:2"])
        print(f"nightly re-run / full run at 2 workers: {share:.1%}")


if __name__ == "__main__":
    main()
