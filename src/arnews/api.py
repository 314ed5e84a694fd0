"""The library entry points for notebooks and scripts."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import pandas as pd

from arnews.document import Record
from arnews.engines import local
from arnews.pipeline import Pipeline
from arnews.schema import to_frame

ARTICLE_TABLES = ("articles", "mentions", "affiliations", "dates", "meetings", "meeting_participants")


@dataclass(repr=False)
class Extraction:
    """The tables for one text, as pandas DataFrames with the output schemas."""

    articles: pd.DataFrame
    mentions: pd.DataFrame
    affiliations: pd.DataFrame
    dates: pd.DataFrame
    meetings: pd.DataFrame
    meeting_participants: pd.DataFrame

    def tables(self) -> dict[str, pd.DataFrame]:
        return {t: getattr(self, t) for t in ARTICLE_TABLES}

    def __repr__(self) -> str:
        counts = ", ".join(f"{t}={len(getattr(self, t))}" for t in ARTICLE_TABLES)
        return f"Extraction({counts})"

    def _repr_html_(self) -> str:
        """A notebook shows one card per meeting, then the article's entities."""
        from arnews.view.card import tables_html
        return tables_html(self.tables())


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline()


def extract_text(text: str, published: date | str | None = None, *, title: str | None = None,
                 doc_id: str = "text", pipeline: Pipeline | None = None) -> Extraction:
    """Run the pipeline over one article's text; `published` anchors اليوم، أمس، ..."""
    if isinstance(published, str):
        published = date.fromisoformat(published[:10])
    record = Record(doc_id=doc_id, source_path="<text>", text=text, title=title, published=published)
    rows = (pipeline or default_pipeline()).process(record).rows
    rows["articles"] = [{**r, "run_id": "extract_text"} for r in rows["articles"]]
    return Extraction(**{t: to_frame(t, rows.get(t, [])) for t in ARTICLE_TABLES})


def extract(inputs: Sequence[str | Path] | str | Path, out_dir: str | Path = "data/processed", *,
            workers: int = 1, ner: bool = True, options: local.RunOptions | None = None) -> local.RunSummary:
    """Extract files or folders of articles into the Parquet tables under `out_dir`.

    Articles already in `out_dir` (same doc_id and text) are skipped, so calling it again
    on a growing archive only processes what is new. `ner=False`: rules only (faster).
    `options` sets everything else (limits, commits, links); see `RunOptions`. An
    interrupt (Ctrl-C) commits the finished articles, then raises `RunInterrupted`."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    return local.run(list(inputs), out_dir, options, workers=workers, ner=ner)
