"""How gold and predicted parties and texts are compared: the development scorer's rules
(shared/tools/score_meetings.py), written once here."""
from __future__ import annotations

import re
from typing import Any

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
