"""What a run is asked to do (`RunOptions`) and what it did (`RunSummary`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from arnews.limits import DEFAULT_LIMITS, Limits

MAX_FAILURES_KEPT = 1000   # error rows kept in the summary for the console
ENGINES = ("local", "dask")


@dataclass(frozen=True)
class RunOptions:
    """How a run goes; every field has a CLI option of the same name."""

    workers: int = 1
    ner: bool = True
    limits: Limits = DEFAULT_LIMITS
    follow_links: bool = False      # follow symbolic links out of the input folders
    wait: bool = False              # wait for another run on the same output folder
    commit_every: float = 60.0      # seconds between commits
    commit_articles: int = 5000     # articles between commits
    batch_size: int = 16            # articles per task (a worker tags their sentences together)
    engine: str = "local"           # "local" (worker processes here) or "dask"
    scheduler: str | None = None    # with engine="dask": a scheduler address (None: a LocalCluster)

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ValueError("workers must be at least 1")
        if self.commit_every <= 0 or self.commit_articles < 1 or self.batch_size < 1:
            raise ValueError("commit_every, commit_articles and batch_size must be positive")
        if self.engine not in ENGINES:
            raise ValueError(f"unknown engine {self.engine!r}: choose one of {', '.join(ENGINES)}")
        if self.scheduler and self.engine != "dask":
            raise ValueError("a scheduler address goes with engine='dask'")


@dataclass
class RunSummary:
    run_id: str
    out_dir: Path
    n_files: int = 0
    n_read: int = 0          # records and unreadable inputs seen
    n_articles: int = 0      # articles processed and written
    n_unchanged: int = 0     # already in the output, skipped
    n_failed: int = 0        # inputs or records that could not be read or processed
    n_skipped: int = 0       # entries not read by a documented rule (see `ingest`)
    n_meetings: int = 0
    people: set[str] = field(default_factory=set)
    article_ids: list[str] = field(default_factory=list)   # written or unchanged
    failures: list[dict[str, Any]] = field(default_factory=list)  # error rows, first ones
    notes: list[str] = field(default_factory=list)   # what the run found and repaired
    bytes_total: int = 0
    bytes_done: int = 0
    seconds: float = 0.0
    status: str = "running"

    @property
    def n_people(self) -> int:
        return len(self.people)
