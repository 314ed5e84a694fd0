"""Score an output folder against a gold file of meetings (the format of MEETINGS.md).

    arnews evaluate corpus/meetings/dev.json OUT [--show] [--json]

The matching is the development scorer's (`shared/tools/score_meetings.py`), so the two
agree: parties are pooled per article and aligned one to one, best token overlap first
(names match when at least half of the shorter name's tokens are shared, titles aside;
organisations and groups by their organisation); who-met-whom pairs are pairs of aligned
parties sharing a meeting; each gold meeting's attributes are compared with the predicted
meeting that shares most of its aligned parties. Text is compared after light
normalisation (diacritics, tatweel, alef / yaa / taa marbuta, punctuation). Beyond that
scorer: the status and mode of each gold meeting, and `show`, which lists every missed
and spurious meeting and person with the sentence that states it.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from arnews.io import layout

DIAC = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
PUNCT = re.compile(r"[^\w\s]|_")
TITLES = frozenset("السيد السيده الدكتور الدكتوره د المهندس المهندسه الاستاذ الاستاذه معالي سعاده "
                   "صاحب السمو الملكي سمو فضيله الشيخ الامير الاميره اللواء العميد العقيد الفريق "
                   "سماحه دوله فخامه".split())
ORG_PREFIXES = ("وال", "بال", "لل", "ال", "و", "ب", "ل")


def norm(text: Any) -> str:
    if not isinstance(text, str):
        return ""
    t = DIAC.sub("", text)
    t = re.sub("[إأآٱ]", "ا", t).replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")
    return " ".join(PUNCT.sub(" ", t).split())


def tokens(text: Any) -> list[str]:
    return norm(text).split()


def name_key(name: Any) -> frozenset:
    return frozenset(t for t in tokens(name) if t not in TITLES)


def org_key(org: Any) -> frozenset:
    out = set()
    for t in tokens(org):
        pre = next((p for p in ORG_PREFIXES if t.startswith(p) and len(t) - len(p) >= 3), "")
        out.add(t[len(pre):])
    return frozenset(out)


def overlap(a: frozenset, b: frozenset) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def token_f1(pred: Any, gold: Any) -> float:
    p, rest = tokens(pred), tokens(gold)
    if not p or not rest:
        return 0.0
    n_gold, common = len(rest), 0
    for t in p:
        if t in rest:
            rest.remove(t)
            common += 1
    if not common:
        return 0.0
    prec, rec = common / len(p), common / n_gold
    return 2 * prec * rec / (prec + rec)


def party_key(p: dict) -> tuple | None:
    """('P', name tokens) for a named person, ('O', org tokens) for an organisation or group."""
    key = name_key(p.get("name")) if p.get("kind") == "person" else org_key(p.get("org"))
    return (("P" if p.get("kind") == "person" else "O"), key) if key else None


def align(pred_keys: list, gold_keys: list) -> dict[int, int]:
    """Greedy one-to-one alignment, best overlap first: {pred index: gold index}."""
    cands = sorted(((overlap(pk[1], gk[1]), len(pk[1] & gk[1]), i, j)
                    for i, pk in enumerate(pred_keys) for j, gk in enumerate(gold_keys)
                    if pk and gk and pk[0] == gk[0] and overlap(pk[1], gk[1]) >= 0.5), reverse=True)
    out: dict[int, int] = {}
    for _, _, i, j in cands:
        if i not in out and j not in out.values():
            out[i] = j
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": n_pred, "gold": n_gold}


def _pool(meetings: list[dict]) -> tuple[list, list[set]]:
    """Distinct parties of an article's meetings, and which meetings each is in."""
    parties, of = [], []
    for mi, m in enumerate(meetings):
        for p in m["participants"]:
            k = party_key(p)
            if k is None:
                continue
            keys = [x[0] for x in parties]
            if k in keys:
                of[keys.index(k)].add(mi)
            else:
                parties.append((k, p))
                of.append({mi})
    return parties, of


def _pairs(of: list[set]) -> set:
    return {(i, j) for i in range(len(of)) for j in range(i + 1, len(of)) if of[i] & of[j]}


@dataclass
class _Tally:
    counts: dict = field(default_factory=lambda: dict.fromkeys(
        ("art_tp", "art_pred", "art_gold", "par_tp", "par_pred", "par_gold", "pair_tp", "pair_pred", "pair_gold"), 0))
    accuracy: dict = field(default_factory=lambda: {k: [0, 0] for k in ("date", "role", "org", "status", "mode")})
    f1s: dict = field(default_factory=lambda: {"purpose": [], "location": [], "pairs": []})
    shown: list = field(default_factory=list)


def _score_article(art: dict, pms: list[dict], t: _Tally, texts: dict | None) -> None:
    c, acc = t.counts, t.accuracy
    gms = art["meetings"]
    c["art_gold"] += bool(gms)
    c["art_pred"] += bool(pms)
    c["art_tp"] += bool(gms) and bool(pms)
    g_parties, g_of = _pool(gms)
    p_parties, p_of = _pool(pms)
    a = align([x[0] for x in p_parties], [x[0] for x in g_parties])
    persons_g = [i for i, x in enumerate(g_parties) if x[0][0] == "P"]
    persons_p = [i for i, x in enumerate(p_parties) if x[0][0] == "P"]
    c["par_gold"] += len(persons_g)
    c["par_pred"] += len(persons_p)
    c["par_tp"] += sum(1 for i in persons_p if i in a)
    g_pairs, p_pairs = _pairs(g_of), _pairs(p_of)
    mapped = {tuple(sorted((a[i], a[j]))) for i, j in p_pairs if i in a and j in a}
    c["pair_gold"] += len(g_pairs)
    c["pair_pred"] += len(p_pairs)
    c["pair_tp"] += len(mapped & g_pairs)
    if g_pairs or p_pairs:
        t.f1s["pairs"].append(prf(len(mapped & g_pairs), len(p_pairs), len(g_pairs))["f1"])
    inv = {j: i for i, j in a.items()}
    for j, (k, gp) in enumerate(g_parties):
        if k[0] != "P":
            continue
        pp = p_parties[inv[j]][1] if j in inv else None
        if gp.get("role"):
            acc["role"][1] += 1
            acc["role"][0] += bool(pp) and token_f1(pp.get("role"), gp["role"]) >= 0.5
        if gp.get("org"):
            acc["org"][1] += 1
            acc["org"][0] += bool(pp) and overlap(org_key(pp.get("org")), org_key(gp["org"])) >= 0.5
    best_of = []
    for mi, m in enumerate(gms):
        members = {j for j, of in enumerate(g_of) if mi in of}
        best, rank = None, (0, 0.0)
        for pi, pm in enumerate(pms):
            n = sum(1 for i, of in enumerate(p_of) if pi in of and a.get(i) in members)
            tie = token_f1(pm.get("purpose"), m.get("purpose")) + token_f1(pm.get("location"), m.get("location"))
            if n and (n, tie) > rank:
                best, rank = pm, (n, tie)
        if best is None and len(pms) == len(gms):
            best = pms[mi]
        best_of.append(best)
        if m.get("date") and len(m["date"]) == 10:
            acc["date"][1] += 1
            acc["date"][0] += bool(best) and best.get("date") == m["date"]
        for attr in ("status", "mode"):
            acc[attr][1] += 1
            acc[attr][0] += bool(best) and best.get(attr) == m.get(attr)
        for attr in ("purpose", "location"):
            if m.get(attr):
                t.f1s[attr].append(token_f1(best.get(attr), m[attr]) if best else 0.0)
    if texts is not None:
        t.shown += _differences(art, pms, best_of, g_parties, p_parties, a, texts)


def _differences(art, pms, best_of, g_parties, p_parties, a, texts) -> list[str]:
    """Missed and spurious meetings and persons of one article, with their sentences."""
    doc, text = art["id"], texts.get(str(art["id"]), "")
    lines = []
    chosen = {id(b) for b in best_of if b is not None}
    for m, best in zip(art["meetings"], best_of):
        if best is None:
            who = [p.get("name") or p.get("org") or p.get("role") for p in m["participants"]]
            anchor = m.get("evidence") or next((w for w in who if w and w in text), None)
            lines.append(f"{doc}  missed meeting ({', '.join(w for w in who if w)}): {_sentence(text, anchor)}")
    for pm in pms:
        if id(pm) not in chosen:
            lines.append(f"{doc}  spurious meeting: {_cut(text, pm.get('start'), pm.get('end'))}")
    matched_gold = set(a.values())
    for j, (k, gp) in enumerate(g_parties):
        if k[0] == "P" and j not in matched_gold:
            lines.append(f"{doc}  missed person: {gp.get('name')} ({gp.get('side')}) | {_sentence(text, gp.get('name'))}")
    for i, (k, pp) in enumerate(p_parties):
        if k[0] == "P" and i not in a:
            lines.append(f"{doc}  spurious person: {pp.get('name')} ({pp.get('side')}) | "
                         f"{_cut(text, pp.get('start'), pp.get('end'))}")
    return lines


def _sentence(text: str, anchor: str | None) -> str:
    """The sentence of `text` that holds `anchor` (verbatim), or the anchor itself."""
    pos = text.find(anchor) if anchor else -1
    if pos < 0:
        return anchor or ""
    return _cut(text, pos, pos + len(anchor))


def _cut(text: str, start: Any, end: Any) -> str:
    if not isinstance(start, int) or not isinstance(end, int) or not text:
        return ""
    left = max(text.rfind(c, 0, start) for c in ".\n؟!") + 1
    rights = [i for i in (text.find(c, end) for c in ".\n؟!") if i >= 0]
    return " ".join(text[left:min(rights) + 1 if rights else len(text)].split())[:400]


def load_predictions(out_dir: str | Path) -> tuple[dict[str, list[dict]], dict[str, str]]:
    """doc_id -> its predicted meetings (with participants), and doc_id -> article text."""
    out = Path(out_dir)

    def read(table: str, columns: list[str] | None = None) -> list[dict]:
        return layout.read_arrow(layout.visible_files(out / table), table, columns).to_pylist()

    arts = layout.read_arrow(layout.visible_files(out / "articles"), "articles", ["article_id", "doc_id", "text"])
    doc_of = dict(zip(arts["article_id"].to_pylist(), arts["doc_id"].to_pylist()))
    texts = dict(zip(arts["doc_id"].to_pylist(), arts["text"].to_pylist()))
    by_doc: dict[str, dict[str, dict]] = {}
    for m in read("meetings"):
        doc = doc_of.get(m["article_id"])
        if doc is not None:
            by_doc.setdefault(doc, {})[m["meeting_id"]] = {**m, "participants": []}
    for p in read("meeting_participants"):
        m = by_doc.get(doc_of.get(p["article_id"]), {}).get(p["meeting_id"])
        if m is not None:
            m["participants"].append(p)
    return {doc: list(ms.values()) for doc, ms in by_doc.items()}, texts


def score(gold: list[dict], predictions: dict[str, list[dict]], texts: dict[str, str] | None = None) -> dict:
    """The metrics of `predictions` against `gold`; with `texts`, also the `differences`."""
    t = _Tally()
    for art in gold:
        _score_article(art, predictions.get(str(art["id"]), []), t, texts)
    c, acc = t.counts, t.accuracy

    def mean(xs: list) -> float | None:
        return round(sum(xs) / len(xs), 4) if xs else None

    def ratio(k: str) -> float | None:
        ok, n = acc[k]
        return round(ok / n, 4) if n else None

    result = {
        "articles_with_meetings": prf(c["art_tp"], c["art_pred"], c["art_gold"]),
        "person_participants": prf(c["par_tp"], c["par_pred"], c["par_gold"]),
        "who_met_whom_pairs": prf(c["pair_tp"], c["pair_pred"], c["pair_gold"]),
        "who_met_whom_f1_per_article": mean(t.f1s["pairs"]),
        "date_accuracy": ratio("date"), "dated_meetings": acc["date"][1],
        "role_accuracy": ratio("role"), "roles": acc["role"][1],
        "org_accuracy": ratio("org"), "orgs": acc["org"][1],
        "purpose_token_f1": mean(t.f1s["purpose"]), "purposes": len(t.f1s["purpose"]),
        "location_token_f1": mean(t.f1s["location"]), "locations": len(t.f1s["location"]),
        "status_accuracy": ratio("status"), "mode_accuracy": ratio("mode"), "meetings": acc["mode"][1],
    }
    if texts is not None:
        result["differences"] = t.shown
    return result


def evaluate(gold_file: str | Path, out_dir: str | Path, show: bool = False) -> dict:
    """Score the output folder `out_dir` against the gold file (a JSON array of articles)."""
    gold = json.loads(Path(gold_file).read_text(encoding="utf-8"))
    predictions, texts = load_predictions(out_dir)
    return score(gold, predictions, texts if show else None)
