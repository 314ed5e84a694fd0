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
from dataclasses import dataclass, field
from pathlib import Path

from arnews.evaluate.matching import align, org_key, overlap, party_key, prf, token_f1
from arnews.evaluate.report import differences
from arnews.io import layout

__all__ = ["evaluate", "load_predictions", "score"]


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
    calibration: list = field(default_factory=list)   # (confidence, right) per predicted meeting


def _score_article(art: dict, pms: list[dict], t: _Tally, texts: dict | None) -> None:
    gms = art["meetings"]
    c = t.counts
    c["art_gold"] += bool(gms)
    c["art_pred"] += bool(pms)
    c["art_tp"] += bool(gms) and bool(pms)
    g_parties, g_of = _pool(gms)
    p_parties, p_of = _pool(pms)
    a = align([x[0] for x in p_parties], [x[0] for x in g_parties])
    _count_parties(t, g_parties, p_parties, a)
    _count_pairs(t, g_of, p_of, a)
    _party_attributes(t, g_parties, p_parties, a)
    best_of = [_best_match(mi, gms, pms, g_of, p_of, a) for mi in range(len(gms))]
    for m, best in zip(gms, best_of):
        _meeting_attributes(t, m, best)
    chosen = {id(b) for b in best_of if b is not None}
    t.calibration += [(pm.get("confidence"), id(pm) in chosen) for pm in pms if pm.get("confidence") is not None]
    if texts is not None:
        t.shown += differences(art, pms, best_of, g_parties, p_parties, a, texts)


def _count_parties(t: _Tally, g_parties: list, p_parties: list, a: dict) -> None:
    """Named persons, pooled over the article, aligned one to one."""
    persons_p = [i for i, x in enumerate(p_parties) if x[0][0] == "P"]
    t.counts["par_gold"] += sum(1 for x in g_parties if x[0][0] == "P")
    t.counts["par_pred"] += len(persons_p)
    t.counts["par_tp"] += sum(1 for i in persons_p if i in a)


def _count_pairs(t: _Tally, g_of: list[set], p_of: list[set], a: dict) -> None:
    """Who met whom: pairs of parties sharing a meeting, through the alignment."""
    g_pairs, p_pairs = _pairs(g_of), _pairs(p_of)
    mapped = {tuple(sorted((a[i], a[j]))) for i, j in p_pairs if i in a and j in a}
    t.counts["pair_gold"] += len(g_pairs)
    t.counts["pair_pred"] += len(p_pairs)
    t.counts["pair_tp"] += len(mapped & g_pairs)
    if g_pairs or p_pairs:
        t.f1s["pairs"].append(prf(len(mapped & g_pairs), len(p_pairs), len(g_pairs))["f1"])


def _party_attributes(t: _Tally, g_parties: list, p_parties: list, a: dict) -> None:
    """Role and organisation of each gold person, against the person aligned to it."""
    inv = {j: i for i, j in a.items()}
    for j, (k, gp) in enumerate(g_parties):
        if k[0] != "P":
            continue
        pp = p_parties[inv[j]][1] if j in inv else None
        if gp.get("role"):
            t.accuracy["role"][1] += 1
            t.accuracy["role"][0] += bool(pp) and token_f1(pp.get("role"), gp["role"]) >= 0.5
        if gp.get("org"):
            t.accuracy["org"][1] += 1
            t.accuracy["org"][0] += bool(pp) and overlap(org_key(pp.get("org")), org_key(gp["org"])) >= 0.5


def _best_match(mi: int, gms: list[dict], pms: list[dict], g_of: list[set], p_of: list[set],
                a: dict) -> dict | None:
    """The predicted meeting that shares most aligned parties with gold meeting `mi`
    (ties: purpose and place alike); with as many meetings on both sides, the same rank."""
    m = gms[mi]
    members = {j for j, of in enumerate(g_of) if mi in of}
    best, rank = None, (0, 0.0)
    for pi, pm in enumerate(pms):
        n = sum(1 for i, of in enumerate(p_of) if pi in of and a.get(i) in members)
        tie = token_f1(pm.get("purpose"), m.get("purpose")) + token_f1(pm.get("location"), m.get("location"))
        if n and (n, tie) > rank:
            best, rank = pm, (n, tie)
    if best is None and len(pms) == len(gms):
        best = pms[mi]
    return best


def _meeting_attributes(t: _Tally, m: dict, best: dict | None) -> None:
    acc = t.accuracy
    if m.get("date") and len(m["date"]) == 10:
        acc["date"][1] += 1
        acc["date"][0] += bool(best) and best.get("date") == m["date"]
    for attr in ("status", "mode"):
        acc[attr][1] += 1
        acc[attr][0] += bool(best) and best.get(attr) == m.get(attr)
    for attr in ("purpose", "location"):
        if m.get(attr):
            t.f1s[attr].append(token_f1(best.get(attr), m[attr]) if best else 0.0)


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
        **calibration(t.calibration),
    }
    if texts is not None:
        result["differences"] = t.shown
    return result


def calibration(pairs: list[tuple[float, bool]], bins: int = 10) -> dict:
    """Expected calibration error of the meetings' confidence (equal-width bins; a predicted
    meeting is right when it is the one a gold meeting is compared with), and the precision
    of the meetings given 0.9 or more."""
    if not pairs:
        return {"confidence_ece": None, "precision_at_0_9": None, "meetings_at_0_9": 0}
    ece = 0.0
    for b in range(bins):
        inside = [(c, r) for c, r in pairs if b / bins <= c < (b + 1) / bins or (b == bins - 1 and c == 1.0)]
        if inside:
            ece += len(inside) / len(pairs) * abs(sum(c for c, _ in inside) / len(inside)
                                                  - sum(r for _, r in inside) / len(inside))
    high = [r for c, r in pairs if c >= 0.9]
    return {"confidence_ece": round(ece, 4),
            "precision_at_0_9": round(sum(high) / len(high), 4) if high else None,
            "meetings_at_0_9": len(high)}


def evaluate(gold_file: str | Path, out_dir: str | Path, show: bool = False) -> dict:
    """Score the output folder `out_dir` against the gold file (a JSON array of articles)."""
    gold = json.loads(Path(gold_file).read_text(encoding="utf-8"))
    predictions, texts = load_predictions(out_dir)
    return score(gold, predictions, texts if show else None)
