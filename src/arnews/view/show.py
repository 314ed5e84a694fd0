"""What `arnews show` prints: a person's meetings over time, one meeting with its
evidence, one article's extraction. Each function takes an `Archive` and a rich
`Console` and returns whether it found what was asked for."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from arnews.view.archive import Archive
from arnews.view.marks import Mark, by_side, entity_marks, meeting_marks, segments, value, without_overlaps
from arnews.view.terminal import STYLES, Piece, rtl

def _who(p: Mapping[str, Any]) -> str:
    """A party as one phrase: the name, else the organisation or group, with the role."""
    name = value(p, "name") or value(p, "org") or value(p, "role") or "?"
    role = value(p, "role")
    return f"{name} – {role}" if role and role != name and value(p, "name") else str(name)


def _text_width(console: Console) -> int:
    """Columns for running text: the terminal's, at most 110 (lines stay readable)."""
    return max(40, min(console.width, 110) - 4)


def _pieces(text: str, lo: int, hi: int, marks: Sequence[Mark]) -> list[Piece]:
    return [(t, STYLES.get(m.label, STYLES.get(m.kind, "")) if m else "") for t, m in segments(text, lo, hi, marks)]


def print_person(console: Console, archive: Archive, query: str, bidi: bool = True, limit: int = 40) -> bool:
    """The person's meetings, oldest first, with the other parties: the `limit` latest
    (0: all)."""
    people = archive.find_people(query)
    if not people:
        console.print(f"No person matches {query!r}.")
        return False
    person = people[0]
    meetings, others = archive.person_meetings(person)
    by_meeting: dict[str, list[dict]] = {}
    for p in others:
        by_meeting.setdefault(p["meeting_id"], []).append(p)
    shown = meetings[-limit:] if limit else meetings
    console.print(rtl(person.name, 60, bidi), f"  [dim]{person.entity_id} · {person.n_articles} articles · "
                  f"{len(meetings)} meetings" + (f", the {len(shown)} latest shown (--limit 0: all)" if len(shown) < len(meetings) else "") + "[/dim]")
    if len(people) > 1:
        also = "، ".join(f"{p.name}" for p in people[1:6])
        console.print("[dim]also matching:[/dim]", rtl(also, 80, bidi))
    rest = max(30, console.width - 45)
    table = Table(show_lines=True, box=box.SIMPLE_HEAD, pad_edge=False)
    for name, width in (("date · id", 19), ("as", 6), ("trigger", 8), ("met", rest // 2), ("where · why", rest - rest // 2)):
        table.add_column(name, width=width, no_wrap=True, justify="left" if width >= 19 or name == "as" else "right")
    for m in shown:
        met = [rtl([(_who(p), STYLES.get(value(p, "side") or "party", ""))], rest // 2, bidi)
               for p in by_meeting.get(m["meeting_id"], [])]
        where_why = [(m["location"] + " ·", "blue")] if m["location"] else []
        table.add_row(f"{m['date'] or ''}\n[dim]{m['meeting_id']}[/dim]", m["side"] or "",
                      rtl(m["trigger"] or "", 8, bidi), Text("\n").join(met),
                      rtl(where_why + [(m["purpose"] or "", "")], rest - rest // 2, bidi))
    console.print(table)
    return True


def _print_meeting(console: Console, text: str, meeting: Mapping[str, Any], parties: list[dict],
                   dates: list[dict], bidi: bool) -> None:
    width = _text_width(console)
    facts = " · ".join(f"{k} {meeting[c]}" for k, c in (("", "status"), ("", "mode"), ("date", "date"))
                       if value(meeting, c) is not None)
    console.rule(f"[bold]{meeting['meeting_id']}[/bold]  {facts}  confidence {meeting['confidence']:.2f}")
    marks = without_overlaps(meeting_marks(text, meeting, parties, dates))
    console.print(rtl(_pieces(text, int(meeting["start"]), int(meeting["end"]), marks), width, bidi), justify="right")
    table = Table(box=None, show_header=True)
    cols = max(12, (width - 24) // 3)
    for name in ("side", "kind", "party", "role", "organisation"):
        table.add_column(name, justify="left" if name in ("side", "kind") else "right",
                         no_wrap=True, width=None if name in ("side", "kind") else cols)
    for p in by_side(parties):
        side = value(p, "side") or "party"
        table.add_row(f"[{STYLES.get(side, '')}]{side}[/]", str(p["kind"]),
                      rtl(value(p, "name") or value(p, "org") or "", cols, bidi),
                      rtl(value(p, "role") or "", cols, bidi), rtl(value(p, "org") or "", cols, bidi))
    console.print(table)
    for label, column in (("place", "location"), ("purpose", "purpose")):
        if value(meeting, column):
            console.print(f"[dim]{label}[/dim]", rtl(meeting[column], width - 10, bidi), justify="right")


def _print_heading(console: Console, article: Mapping[str, Any], detail: str, bidi: bool) -> None:
    console.print(rtl(value(article, "title") or article["doc_id"], 100, bidi), justify="right")
    console.print(f"[dim]{article['doc_id']} · {article['published'] or ''} · {detail}[/dim]")


def _print_meeting_in(console: Console, tables: Mapping[str, list[dict]], meeting: Mapping[str, Any],
                      bidi: bool) -> None:
    """One meeting of the article whose rows `tables` holds."""
    _print_meeting(console, tables["articles"][0]["text"], meeting,
                   [p for p in tables["meeting_participants"] if p["meeting_id"] == meeting["meeting_id"]],
                   tables["dates"], bidi)


def print_meeting(console: Console, archive: Archive, meeting_id: str, bidi: bool = True) -> bool:
    """One meeting: its facts, the evidence sentence with the parts highlighted, the parties."""
    tables = archive.article_rows(meeting_id=meeting_id)
    if not tables:
        console.print(f"No meeting {meeting_id!r}.")
        return False
    article = tables["articles"][0]
    _print_heading(console, article, value(article, "source") or "", bidi)
    _print_meeting_in(console, tables, next(m for m in tables["meetings"] if m["meeting_id"] == meeting_id), bidi)
    return True


def print_article(console: Console, archive: Archive, doc_id: str, bidi: bool = True) -> bool:
    """One article's extraction: its meetings, then its text with the entities marked."""
    tables = archive.article_rows(doc_id=doc_id)
    if not tables:
        console.print(f"No article {doc_id!r}.")
        return False
    article = tables["articles"][0]
    _print_heading(console, article, f"{len(tables['meetings'])} meetings · {len(tables['mentions'])} mentions", bidi)
    for m in tables["meetings"]:
        _print_meeting_in(console, tables, m, bidi)
    console.rule("entities")
    text = article["text"] or ""
    console.print(rtl(_pieces(text, 0, len(text), entity_marks(tables["mentions"])), _text_width(console), bidi),
                  justify="right")
    return True
