#!/usr/bin/env python3
"""Check an annotation file: python3 validate.py BATCH FILE.json

BATCH is a batch name from batches.json (A01, B02, ...). Prints every problem; exits 1 if any."""
import json, re, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
batch, path = sys.argv[1], Path(sys.argv[2])
ids = json.loads((HERE / "batches.json").read_text())[batch]
problems, warnings = [], []


def article(aid):
    t = (HERE / "articles" / f"{aid}.txt").read_text(encoding="utf-8")
    head, body = t.split("\n\n", 1)
    title = [l[7:] for l in head.splitlines() if l.startswith("title: ")][0]
    pub = [l[11:] for l in head.splitlines() if l.startswith("published: ")][0]
    return title + "\n" + body, pub


def ws(s):
    return " ".join(s.split())


try:
    data = json.loads(path.read_text(encoding="utf-8"))
except Exception as e:
    print(f"not valid JSON: {e}"); sys.exit(1)
if not isinstance(data, list):
    print("the file must hold a JSON array of articles"); sys.exit(1)
seen = [a.get("id") for a in data if isinstance(a, dict)]
for aid in ids:
    if seen.count(aid) != 1:
        problems.append(f"{aid}: annotated {seen.count(aid)} times (must be exactly once)")
for aid in set(seen) - set(ids):
    problems.append(f"{aid}: not in batch {batch}")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
for a in data:
    aid = a.get("id")
    if aid not in ids:
        continue
    text, pub = article(aid)
    flat = ws(text)
    if a.get("published") != pub:
        problems.append(f"{aid}: published must be {pub}")
    ms = a.get("meetings")
    if not isinstance(ms, list):
        problems.append(f"{aid}: meetings must be a list"); continue

    def verbatim(where, val, required=False, warn=False):
        if val is None:
            if required:
                problems.append(f"{where}: must not be null")
            return
        if not isinstance(val, str) or not val.strip():
            problems.append(f"{where}: must be a non-empty string or null"); return
        if ws(val) not in flat:
            (warnings if warn else problems).append(f"{where}: {val!r} is not verbatim in the article (copy it exactly)")

    for i, m in enumerate(ms):
        w = f"{aid} meeting {i}"
        extra = set(m) - {"status", "mode", "date", "date_text", "location", "purpose", "participants", "evidence"}
        if extra:
            problems.append(f"{w}: unknown fields {sorted(extra)}")
        if m.get("status") not in ("held", "planned"):
            problems.append(f"{w}: status must be held or planned")
        if m.get("mode") not in ("in_person", "call"):
            problems.append(f"{w}: mode must be in_person or call")
        d = m.get("date")
        if d is not None and not (isinstance(d, str) and DATE.match(d)):
            problems.append(f"{w}: date must be YYYY-MM-DD, YYYY-MM, YYYY or null")
        if (d is None) != (m.get("date_text") is None):
            problems.append(f"{w}: date and date_text go together (both null or both set)")
        verbatim(f"{w} date_text", m.get("date_text"))
        verbatim(f"{w} location", m.get("location"))
        verbatim(f"{w} purpose", m.get("purpose"))
        verbatim(f"{w} evidence", m.get("evidence"), required=True)
        if isinstance(m.get("evidence"), str) and len(m["evidence"]) > 400:
            problems.append(f"{w} evidence: keep it to the clause that reports the meeting (<= 400 characters)")
        ps = m.get("participants")
        if not isinstance(ps, list) or not ps:
            problems.append(f"{w}: participants must be a non-empty list"); continue
        if len(ps) < 2:
            warnings.append(f"{w}: only one participant; a meeting has two or more parties")
        for j, p in enumerate(ps):
            pw = f"{w} participant {j}"
            extra = set(p) - {"name", "kind", "org", "role", "side"}
            if extra:
                problems.append(f"{pw}: unknown fields {sorted(extra)}")
            if p.get("kind") not in ("person", "org", "group"):
                problems.append(f"{pw}: kind must be person, org or group")
            if p.get("side") not in ("host", "guest", "accompanying", "attendee", "party"):
                problems.append(f"{pw}: side must be host, guest, accompanying, attendee or party")
            if p.get("kind") in ("org", "group") and p.get("name") is not None:
                problems.append(f"{pw}: name must be null for an org or a group")
            if p.get("kind") == "org" and not p.get("org"):
                problems.append(f"{pw}: an org participant needs its name in org")
            if p.get("kind") == "person" and p.get("name") is None and not p.get("role"):
                problems.append(f"{pw}: an unnamed person needs the descriptor in role")
            verbatim(f"{pw} name", p.get("name"))
            verbatim(f"{pw} role", p.get("role"))
            verbatim(f"{pw} org", p.get("org"), warn=True)
for w in warnings:
    print("warning:", w)
for p in problems:
    print("problem:", p)
print(f"{len(problems)} problems, {len(warnings)} warnings")
sys.exit(1 if problems else 0)
