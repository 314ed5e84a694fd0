"""Write and read the output tables (see `shared/spec/TABLES.md`)."""
from arnews.io.entities import build_entities
from arnews.io.reader import read_table, read_tables
from arnews.io.writer import TableWriter

__all__ = ["TableWriter", "build_entities", "read_table", "read_tables"]
