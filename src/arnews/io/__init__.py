"""Write and read the output tables (see `shared/spec/TABLES.md`).

Imported lazily: reading the tables (`arnews show`, `layout`, `reader`) must not pay for
the entity builder, which loads the name lexicons.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["TableWriter", "build_entities", "read_table", "read_tables"]

if TYPE_CHECKING:  # pragma: no cover
    from arnews.io.entities import build_entities
    from arnews.io.reader import read_table, read_tables
    from arnews.io.writer import TableWriter


def __getattr__(name: str) -> Any:
    if name == "build_entities":
        from arnews.io.entities import build_entities
        return build_entities
    if name in ("read_table", "read_tables"):
        from arnews.io import reader
        return getattr(reader, name)
    if name == "TableWriter":
        from arnews.io.writer import TableWriter
        return TableWriter
    raise AttributeError(f"module 'arnews.io' has no attribute {name!r}")
