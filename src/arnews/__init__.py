"""arnews: who met whom, when, where and why, from Arabic news, as Parquet tables.

    import arnews
    result = arnews.extract_text(text, published="2012-08-27")
    result.meetings, result.meeting_participants      # pandas DataFrames

    arnews.extract(["data/raw"], "data/processed")    # files or folders -> tables
    tables = arnews.read_tables("data/processed")     # dict of DataFrames
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Pipeline", "extract", "extract_text", "read_tables", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from arnews.api import extract, extract_text
    from arnews.io import read_tables
    from arnews.pipeline import Pipeline


def __getattr__(name: str) -> Any:
    """Import lazily: `arnews --help` and `import arnews` stay fast."""
    if name in ("extract", "extract_text"):
        from arnews import api
        return getattr(api, name)
    if name == "read_tables":
        from arnews.io import read_tables
        return read_tables
    if name == "Pipeline":
        from arnews.pipeline import Pipeline
        return Pipeline
    raise AttributeError(f"module 'arnews' has no attribute {name!r}")
