"""What `arnews evaluate --show` lists: missed and spurious meetings and persons, each
with the sentence of the article that states it."""
from __future__ import annotations

from typing import Any


def differences(art, pms, best_of, g_parties, p_parties, a, texts) -> list[str]:
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
    return lines + _person_differences(doc, text, g_parties, p_parties, a)


def _person_differences(doc, text, g_parties, p_parties, a) -> list[str]:
    matched_gold = set(a.values())
    lines = [f"{doc}  missed person: {gp.get('name')} ({gp.get('side')}) | {_sentence(text, gp.get('name'))}"
             for j, (k, gp) in enumerate(g_parties) if k[0] == "P" and j not in matched_gold]
    lines += [f"{doc}  spurious person: {pp.get('name')} ({pp.get('side')}) | {_cut(text, pp.get('start'), pp.get('end'))}"
              for i, (k, pp) in enumerate(p_parties) if k[0] == "P" and i not in a]
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
