"""`arnews report`: one self-contained HTML file of who met whom.

The file carries its data (one JSON object: people, meetings with their evidence
sentence and parties) and everything that draws it, inlined: vis-network for the
network, Chart.js for the weekly timeline (both vendored under `assets/vendor`, with
their licences), and `assets/report.js` for the filters, the top pairs and the
searchable table. It opens without network access.
"""
from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

from arnews.view.archive import Archive

EVIDENCE_CHARS = 700    # longest evidence kept per meeting (the file stays small)


def _asset(name: str) -> str:
    return files("arnews.view").joinpath("assets", name).read_text(encoding="utf-8")


def _within(party: dict, meeting: dict) -> tuple[int | None, int | None]:
    """A party's offsets in the kept evidence; None when the article names it elsewhere
    (an earlier sentence) or beyond the kept characters."""
    start, end = party["start"], party["end"]
    if start is None or end is None:
        return None, None
    start, end = start - meeting["start"], end - meeting["start"]
    return (start, end) if 0 <= start < end <= len(meeting["evidence"] or "") else (None, None)


def report_data(archive: Archive) -> dict:
    """People and meetings as compact arrays: merged entity ids are followed to the kept
    one, so a person is one node whatever name an article used."""
    meetings = archive.rows(f"""
        SELECT m.meeting_id, m.start, CASE WHEN length(m.date) = 10 THEN m.date
                    ELSE strftime(a.published, '%Y-%m-%d') END AS day,
               m.date, m.trigger, m.status, m.mode, m.location, m.purpose, m.confidence,
               substr(a.text, m.start + 1, least(m."end" - m.start, {EVIDENCE_CHARS})) AS evidence,
               a.doc_id, a.title, a.source, a.url
        FROM meetings m JOIN articles a ON a.article_id = m.article_id ORDER BY day, m.meeting_id""")
    parties = archive.rows("""
        WITH kept AS (SELECT entity_id AS id, entity_id AS kept FROM entities
                      UNION ALL SELECT unnest(alias_ids), entity_id FROM entities)
        SELECT p.meeting_id, coalesce(k.kept, p.entity_id) AS entity_id, p.name, p.kind, p.side, p.role, p.org,
               p.start, p."end" FROM meeting_participants p LEFT JOIN kept k ON k.id = p.entity_id
        ORDER BY p.meeting_id, p.start""")
    people = {r["entity_id"]: r["name"] for r in archive.rows(
        "SELECT entity_id, name FROM entities WHERE type = 'PERS'")}
    by_meeting: dict[str, list] = {}
    for p in parties:
        by_meeting.setdefault(p["meeting_id"], []).append(p)
    rows = []
    for m in meetings:
        ps = []
        for p in by_meeting.get(m["meeting_id"], []):
            person = p["kind"] == "person" and p["entity_id"] is not None
            if person:
                people.setdefault(p["entity_id"], p["name"])
            ps.append([p["entity_id"] if person else None, p["name"] or p["org"] or p["role"] or "",
                       p["side"], p["role"], p["org"], *_within(p, m)])
        rows.append([m["meeting_id"], m["day"], m["date"], m["trigger"], m["status"], m["mode"], m["location"],
                     m["purpose"], round(float(m["confidence"] or 0), 2), m["evidence"], m["doc_id"], m["title"],
                     m["source"], m["url"], ps])
    used = {p[0] for r in rows for p in r[-1] if p[0]}
    return {"people": {k: v for k, v in people.items() if k in used}, "meetings": rows,
            "columns": ["meeting_id", "day", "date", "trigger", "status", "mode", "location", "purpose",
                        "confidence", "evidence", "doc_id", "title", "source", "url", "parties"],
            "party_columns": ["entity_id", "name", "side", "role", "org", "start", "end"]}


def _script(code: str) -> str:
    return "<script>" + code.replace("</script", "<\\/script") + "</script>"


def render(data: dict, top: int = 150, title: str = "arnews: who met whom") -> str:
    """The report's HTML, everything inlined."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return (_asset("report.html")
            .replace("{{title}}", title)
            .replace("{{style}}", _asset("report.css"))
            .replace("{{libraries}}", _script(_asset("vendor/vis-network.min.js")) + _script(_asset("vendor/chart.umd.min.js")))
            .replace("{{data}}", f'<script id="arnews-data" type="application/json">{payload}</script>')
            .replace("{{app}}", _script(f"const TOP_PEOPLE = {int(top)};\n" + _asset("report.js"))))


def write_report(archive: Archive, path: Path, top: int = 150) -> dict:
    """Write the report atomically (a temporary file renamed into place)."""
    data = report_data(archive)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(render(data, top=top), encoding="utf-8")
    tmp.replace(path)
    return {"meetings": len(data["meetings"]), "people": len(data["people"])}
