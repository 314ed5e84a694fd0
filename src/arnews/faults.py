"""Fault injection for the crash tests: kill this process at a named point of a run.

`ARNEWS_FAULTS="commit.renamed:3"` makes the process SIGKILL itself the third time it
passes `faults.point("commit.renamed")`; several points can be given, comma-separated.
`ARNEWS_FAULTS="article:doc-17"` kills the process that starts processing the article
whose doc_id is `doc-17` (a worker dying on one article). A point planned as "count"
never fires; `seen()` tells how often it was passed (the tests pick kill points from
that). Unset (always, outside tests), `point` is one dictionary look-up.
"""
from __future__ import annotations

import os
import signal
from collections import Counter

_SPEC = os.environ.get("ARNEWS_FAULTS", "")
_PLAN: dict[str, str] = dict(item.split(":", 1) for item in _SPEC.split(",") if ":" in item)
_SEEN: Counter = Counter()


def plan(spec: dict[str, str]) -> None:
    """Replace the fault plan (for a test process that is already running)."""
    _PLAN.clear()
    _PLAN.update(spec)
    _SEEN.clear()


def seen() -> dict[str, int]:
    return dict(_SEEN)


def point(name: str, key: str | None = None) -> None:
    """Die here if the fault plan says so."""
    if not _PLAN or name not in _PLAN:
        return
    _SEEN[name] += 1
    target = _PLAN[name]
    if (key is not None and target == key) or (key is None and target.isdigit() and _SEEN[name] == int(target)):
        os.kill(os.getpid(), signal.SIGKILL)
