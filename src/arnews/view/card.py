"""Meeting cards and the entity view, as HTML for notebooks (`Extraction._repr_html_`).

One card per meeting: the evidence sentence, right to left, with the parties (coloured by
side), trigger, date, place and purpose highlighted where the article states them, and
beside it each party's role and organisation; then the article with its entities marked,
in the manner of displaCy's entity view.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from importlib.resources import files
from typing import Any

import pandas as pd

from arnews.view.marks import Mark, by_side, entity_marks, meeting_marks, segments, value, without_overlaps


def stylesheet() -> str:
    return files("arnews.view").joinpath("assets/card.css").read_text(encoding="utf-8")


def _rows(frame: pd.DataFrame | None, **equal: Any) -> list[dict[str, Any]]:
    if frame is None or frame.empty:
        return []
    for column, wanted in equal.items():
        frame = frame[frame[column] == wanted]
    return frame.to_dict("records")


def _marked(text: str, lo: int, hi: int, marks: Sequence[Mark], prefix: str) -> str:
    out = []
    for piece, mark in segments(text, lo, hi, marks):
        if mark is None:
            out.append(escape(piece))
        else:
            out.append(f'<mark class="{prefix} {prefix}-{escape(mark.kind)} {prefix}-as-{escape(mark.label)}">'
                       f'{escape(piece)}<span class="arnews-lbl">{escape(mark.label)}</span></mark>')
    return "".join(out)


def _party_row(p: Mapping[str, Any]) -> str:
    who = value(p, "name") or value(p, "org") or value(p, "role") or ""
    side = value(p, "side") or "party"
    return (f'<tr><td><span class="arnews-side arnews-side-{escape(side)}">{escape(side)}</span></td>'
            f'<td class="arnews-who">{escape(str(who))}</td><td>{escape(str(value(p, "role") or ""))}</td>'
            f'<td>{escape(str(value(p, "org") or ""))}</td><td class="arnews-kind">{escape(str(p["kind"]))}</td></tr>')


def _facts(meeting: Mapping[str, Any]) -> str:
    facts = [("status", value(meeting, "status")), ("mode", value(meeting, "mode")),
             ("date", value(meeting, "date")), ("place", value(meeting, "location")),
             ("confidence", f"{meeting['confidence']:.2f}" if value(meeting, "confidence") is not None else None)]
    return "".join(f'<span class="arnews-fact"><b>{k}</b> <bdi>{escape(str(v))}</bdi></span>'
                   for k, v in facts if v is not None)


def meeting_card(text: str, meeting: Mapping[str, Any], participants: Sequence[Mapping[str, Any]],
                 dates: Sequence[Mapping[str, Any]] = ()) -> str:
    """One meeting: the facts, the highlighted evidence, and the parties by side."""
    marks = without_overlaps(meeting_marks(text, meeting, participants, dates))
    lo, hi = int(meeting["start"]), int(meeting["end"])
    purpose = value(meeting, "purpose")
    return (f'<div class="arnews-card" data-meeting-id="{escape(str(meeting["meeting_id"]))}">'
            f'<div class="arnews-head"><span class="arnews-trigger-word" dir="rtl">'
            f'{escape(str(value(meeting, "trigger") or ""))}</span>{_facts(meeting)}</div>'
            f'<p class="arnews-evidence" dir="rtl" lang="ar">{_marked(text, lo, hi, marks, "arnews")}</p>'
            + (f'<p class="arnews-purpose" dir="rtl" lang="ar"><b>purpose</b> {escape(purpose)}</p>' if purpose else "")
            + f'<table class="arnews-parties" dir="rtl" lang="ar">{"".join(map(_party_row, by_side(participants)))}</table></div>')


def entities_view(text: str, mentions: Sequence[Mapping[str, Any]]) -> str:
    """The article with its recognised spans marked by type."""
    return (f'<div class="arnews-ents" dir="rtl" lang="ar">'
            f'{_marked(text, 0, len(text), entity_marks(mentions), "arnews-ent")}</div>')


def article_html(article: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> str:
    """Every meeting card of one article, then its entities."""
    aid, text = article["article_id"], article["text"] or ""
    meetings = _rows(tables.get("meetings"), article_id=aid)
    cards = "".join(meeting_card(text, m, _rows(tables.get("meeting_participants"), meeting_id=m["meeting_id"]),
                                 _rows(tables.get("dates"), article_id=aid)) for m in meetings)
    title = value(article, "title") or article["doc_id"]
    return (f'<section class="arnews-article"><h4 dir="auto">{escape(str(title))} '
            f'<small>{len(meetings)} meeting(s)</small></h4>{cards or "<p>No meeting found.</p>"}'
            f'<details open><summary>Entities</summary>{entities_view(text, _rows(tables.get("mentions"), article_id=aid))}'
            f'</details></section>')


def tables_html(tables: Mapping[str, pd.DataFrame]) -> str:
    """The cards of every article in `tables` (an Extraction's or one article's rows)."""
    body = "".join(article_html(a, tables) for a in _rows(tables.get("articles")))
    return f'<div class="arnews-view"><style>{stylesheet()}</style>{body}</div>'

