"""Score the archive's person entities against a gold file of names (`arnews
evaluate-entities`): B-cubed precision, recall and F1 over mentions.

The gold file (corpus/entities/) lists person names as the archive writes them, each with
the person a careful reader says it names. The prediction for a name is the entity the
output gives its mentions (after the archive's merges: `entities.alias_ids`). B-cubed
compares, for every mention of a gold name, the mentions in its predicted entity with the
mentions of its gold person; weighting by mentions makes a frequent name count as often as
users meet it. A wrong merge lowers precision, a missed one recall.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from arnews.io import layout


def bcubed(items: list[tuple[str, str, int]]) -> dict[str, float]:
    """Items (gold cluster, predicted cluster, weight): B-cubed precision, recall, F1."""
    total = sum(w for _, _, w in items)
    if not total:
        return {"p": 0.0, "r": 0.0, "f1": 0.0}
    both: Counter = Counter()
    gold: Counter = Counter()
    pred: Counter = Counter()
    for g, p, w in items:
        both[g, p] += w
        gold[g] += w
        pred[p] += w
    p = sum(w * both[g, q] / pred[q] for g, q, w in items) / total
    r = sum(w * both[g, q] / gold[g] for g, q, w in items) / total
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def predicted(out_dir: str | Path) -> tuple[dict[str, Counter], dict[str, str]]:
    """Name as written -> its mentions' entity ids (counted), and alias id -> kept id."""
    out = Path(out_dir)
    columns = ["article_id", "mention_id", "label", "text", "entity_id"]
    m = layout.read_arrow(layout.visible_files(out / "mentions"), "mentions", columns)
    by_text: dict[str, Counter] = {}
    seen: set[tuple[str, str]] = set()    # a mention written twice (an article re-processed) counts once
    for article, mention, label, text, e in zip(*(m[c].to_pylist() for c in columns)):
        if label == "PERS" and e is not None and (article, mention) not in seen:
            seen.add((article, mention))
            by_text.setdefault(text, Counter())[e] += 1
    ents = layout.read_arrow(layout.visible_files(out / "entities"), "entities", ["entity_id", "alias_ids"])
    kept = {a: e for e, aliases in zip(ents["entity_id"].to_pylist(), ents["alias_ids"].to_pylist())
            for a in (aliases or [])}
    return by_text, kept


def score_entities(gold_file: str | Path, out_dir: str | Path) -> dict:
    """B-cubed over the gold names' mentions in the output, and over the names themselves."""
    gold = json.loads(Path(gold_file).read_text(encoding="utf-8"))
    by_text, kept = predicted(out_dir)
    over_mentions, over_names, missing = [], [], []
    for entry in gold["names"]:
        ids = by_text.get(entry["name"])
        if not ids:
            missing.append(entry["name"])
            continue
        for e, n in ids.items():
            over_mentions.append((entry["person"], kept.get(e, e), n))
        top = ids.most_common(1)[0][0]
        over_names.append((entry["person"], kept.get(top, top), 1))
    return {"mentions": bcubed(over_mentions), "names": bcubed(over_names),
            "gold_names": len(gold["names"]), "gold_people": len({x["person"] for x in gold["names"]}),
            "names_not_in_output": missing}
