"""Turn a processed `Document` into rows for every per-article table of TABLES.md."""
from __future__ import annotations

from typing import Any

from arnews.document import Document

Rows = dict[str, list[dict[str, Any]]]


def document_rows(d: Document) -> Rows:
    aid = d.record.article_id
    meetings, participants = _meeting_rows(d, aid)
    return {"articles": [_article_row(d, aid)], "mentions": _mention_rows(d, aid), "dates": _date_rows(d, aid),
            "affiliations": [{"article_id": aid, **a} for a in d.affiliations],
            "meetings": meetings, "meeting_participants": participants}


def _article_row(d: Document, aid: str) -> dict[str, Any]:
    r = d.record
    return {
        "article_id": aid, "doc_id": r.doc_id, "source_path": r.source_path, "source": r.source,
        "url": r.url, "title": r.title, "published": r.published, "dateline": r.dateline,
        "text": r.text, "text_sha256": r.text_sha256, "n_sentences": len(d.sentences),
        "n_tokens": d.n_tokens, "record": r.record_index,
    }


def _mention_rows(d: Document, aid: str) -> list[dict[str, Any]]:
    mentions = []
    for i, m in enumerate(sorted(d.mentions, key=lambda m: (m.start, m.end, m.label))):
        mentions.append({
            "article_id": aid, "mention_id": f"{aid}-m{i}", "sentence_idx": m.sentence_idx,
            "start": m.start, "end": m.end, "text": m.text, "label": m.label, "norm": m.norm,
            "entity_id": m.entity_id, "method": m.method, "score": m.score,
        })
    for x in d.dates:
        mentions.append({
            "article_id": aid, "mention_id": f"{aid}-m{len(mentions)}", "sentence_idx": x.sentence_idx,
            "start": x.start, "end": x.end, "text": x.text, "label": "DATE", "norm": x.value,
            "entity_id": None, "method": "rule", "score": None,
        })
    return mentions


def _date_rows(d: Document, aid: str) -> list[dict[str, Any]]:
    r = d.record
    dates = [{
        "article_id": aid, "start": None, "end": None, "text": None, "value": r.published.isoformat(),
        "calendar": "gregorian", "relative": False, "anchor": None, "kind": "publication",
    }] if r.published else []
    return dates + [{
        "article_id": aid, "start": x.start, "end": x.end, "text": x.text, "value": x.value,
        "calendar": x.calendar, "relative": x.relative, "anchor": x.anchor, "kind": x.kind,
    } for x in d.dates]


def _meeting_rows(d: Document, aid: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    meetings, participants = [], []
    for i, m in enumerate(d.meetings):
        mid = f"{aid}-e{i}"
        meetings.append({
            "meeting_id": mid, "article_id": aid, "status": m.status, "mode": m.mode,
            "trigger": m.trigger, "date": m.date, "date_text": m.date_text, "location": m.location,
            "purpose": m.purpose, "sentence_idx": m.sentence_idx, "start": m.start, "end": m.end,
            "confidence": m.confidence, "plover": m.plover, "cameo": m.cameo,
        })
        participants += [{
            "meeting_id": mid, "article_id": aid, "entity_id": p.entity_id, "name": p.name,
            "kind": p.kind, "org": p.org, "role": p.role, "side": p.side,
            "start": p.start, "end": p.end,
        } for p in m.participants]
    return meetings, participants
