"""Reading the tables of an output directory back, as pandas DataFrames.

Each table comes back with its schema's columns and dtypes (`pd.ArrowDtype`, see
`arnews.schema.arrow_to_frame`), even when it holds no rows, so code that reads the
output can rely on the contract rather than on what a given run happened to find.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

from arnews.io import layout
from arnews.schema import SCHEMAS, arrow_to_frame, schema_of


def _output_dir(out_dir: Path | str) -> Path:
    out = Path(out_dir)
    if not out.is_dir():
        raise FileNotFoundError(
            f"{out}: no such directory (expected the output directory of `arnews extract`)")
    if not any((out / table).is_dir() for table in SCHEMAS):
        raise FileNotFoundError(
            f"{out} is not an arnews output directory: it has none of the table "
            f"folders {', '.join(SCHEMAS)}")
    return out


def read_table(out_dir: Path | str, name: str) -> pd.DataFrame:
    """The whole table `name` (every run) from an arnews output directory."""
    schema_of(name)  # ValueError for a name that is no table
    out = _output_dir(out_dir)
    folder = out / name
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: the arnews output {out} has no table {name!r}")
    return arrow_to_frame(layout.read_arrow(layout.visible_files(folder), name))


def read_tables(out_dir: Path | str) -> dict[str, pd.DataFrame]:
    """Every table present in an arnews output directory, keyed by name."""
    out = _output_dir(out_dir)
    return {name: read_table(out, name) for name in SCHEMAS if (out / name).is_dir()}
