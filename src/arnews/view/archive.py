"""Questions to an output folder, answered by DuckDB over its Parquet datasets.

Only the columns and rows a question needs are read (DuckDB pushes projections and
filters into the Parquet scan), so `arnews show --person` stays fast on an archive far
larger than memory. Entity ids merged into another (`entities.alias_ids`) are followed:
a person is found under whichever of their names an article used.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from arnews.io import layout
from arnews.io.reader import _output_dir
from arnews.schema import SCHEMAS, schema_of


if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


@dataclass(frozen=True)
class Person:
    entity_id: str
    name: str
    n_articles: int
    ids: tuple[str, ...]     # the entity id and the ids merged into it


# The letter folding of `arnews.text.normalise` (alef, yaa, taa marbuta, hamza seats;
# diacritics and tatweel dropped), written out so that a query does not import
# camel-tools (1.2 s); tests/test_view.py checks the two agree.
_FOLDED = {**dict.fromkeys("\u0623\u0625\u0622\u0671", "\u0627"), "\u0649": "\u064a", "\u0629": "\u0647",
           "\u0624": "\u0648", "\u0626": "\u064a"}
_DROPPED = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0670\u0640"
_FOLD = str.maketrans({**_FOLDED, **dict.fromkeys(_DROPPED)})
# The same folding in DuckDB's translate(): the query is answered inside the scan.
_SQL_FOLD = ("translate({}, '" + "".join(_FOLDED) + _DROPPED + "', '" + "".join(_FOLDED.values()) + "')")


def name_key(text: str) -> str:
    """Spelling-insensitive form of a name or query, to match one against the other."""
    return " ".join(text.translate(_FOLD).split())


class Archive:
    """Read-only views, one per table, over an arnews output folder."""

    def __init__(self, out_dir: Path | str):
        self.out = _output_dir(out_dir)
        self.con = duckdb.connect()
        for table in SCHEMAS:
            files = layout.visible_files(self.out / table)
            if files:
                listed = ", ".join(_quoted(f) for f in files)
                self.con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet([{listed}], union_by_name = true)")
            else:
                self.con.register(f"{table}_empty", schema_of(table).empty_table())
                self.con.execute(f"CREATE VIEW {table} AS SELECT * FROM {table}_empty")

    def rows(self, sql: str, params: list | None = None) -> list[dict[str, Any]]:
        """A query's rows as dicts (no pandas: the terminal answers in well under 2 s)."""
        cursor = self.con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def find_people(self, query: str, limit: int = 10) -> list[Person]:
        """People whose name or alias holds every word of `query` (or whose id it is),
        the exact name first, then by how many articles name them."""
        key = name_key(query)
        # Every name of an entity joined by "|" (no query holds one): one substring test.
        names = _SQL_FOLD.format("array_to_string(list_prepend(name, coalesce(aliases, [])), '|')")
        rows = self.con.execute(f"""
            SELECT entity_id, name, aliases, n_articles, alias_ids FROM entities
            WHERE type = 'PERS' AND (entity_id = $q OR list_contains(alias_ids, $q) OR contains({names}, $key))""",
            {"q": query, "key": key}).fetchall()
        found = []
        for entity_id, name, aliases, n_articles, alias_ids in rows:
            names = [name_key(n) for n in [name or "", *(aliases or [])]]
            exact = key in names
            if query in (entity_id, *(alias_ids or [])) or exact or any(key in n for n in names):
                found.append((not (exact or query == entity_id), -(n_articles or 0),
                              Person(entity_id, name, n_articles or 0, (entity_id, *(alias_ids or [])))))
        return [p for *_, p in sorted(found, key=lambda f: f[:2])][:limit]

    def person_meetings(self, person: Person) -> tuple[list[dict], list[dict]]:
        """The person's meetings in date order, and every other party to them."""
        meetings = self.rows("""
            WITH mine AS (SELECT meeting_id, min(side) AS side FROM meeting_participants
                          WHERE entity_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY meeting_id)
            SELECT m.meeting_id, coalesce(m.date, strftime(a.published, '%Y-%m-%d')) AS date,
                   m.status, m.mode, m.trigger, m.location, m.purpose, mine.side,
                   a.doc_id, a.title, a.published
            FROM mine JOIN meetings m USING (meeting_id) JOIN articles a ON a.article_id = m.article_id
            ORDER BY date, m.meeting_id""", [list(person.ids)])
        others = self.rows("""
            SELECT meeting_id, entity_id, name, kind, role, org, side FROM meeting_participants
            WHERE meeting_id IN (SELECT unnest(?::VARCHAR[]))
              AND (entity_id IS NULL OR entity_id NOT IN (SELECT unnest(?::VARCHAR[])))
            ORDER BY meeting_id, start""", [[m["meeting_id"] for m in meetings], list(person.ids)])
        return meetings, others

    def article_tables(self, **which: str) -> dict[str, pd.DataFrame]:
        """Every row about one article, as the DataFrames an `Extraction` holds (for notebooks)."""
        from arnews.schema import to_frame
        return {t: to_frame(t, rows) for t, rows in self.article_rows(**which).items()}

    def article_rows(self, *, article_id: str | None = None, doc_id: str | None = None,
                     meeting_id: str | None = None) -> dict[str, list[dict]]:
        """Every row about one article, found by its id, its doc_id or one of its meetings;
        {} when there is none."""
        if meeting_id is not None:
            found = self.con.execute("SELECT article_id FROM meetings WHERE meeting_id = ?", [meeting_id]).fetchone()
        elif doc_id is not None:
            found = self.con.execute("SELECT article_id FROM articles WHERE doc_id = ? OR article_id = ? "
                                     "ORDER BY published DESC LIMIT 1", [doc_id, doc_id]).fetchone()
        else:
            found = (article_id,)
        if not found or found[0] is None:
            return {}
        tables = ("articles", "mentions", "affiliations", "dates", "meetings", "meeting_participants")
        return {t: self.rows(f"SELECT * FROM {t} WHERE article_id = ?", [found[0]]) for t in tables}
