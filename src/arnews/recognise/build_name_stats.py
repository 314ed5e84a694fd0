"""Build the token statistics the rule-based person recogniser relies on.

For each (normalised) word we count how often the annotated corpora tag it as the first
word of a person name, as a later word of one, as part of a place, and as anything else;
and, separately, how often it is part of an organisation name (للسياحة in هيئة السياحة).
These counts let the recogniser tell a first name (خالد) from a common noun (المعلم as
'the teacher') without a statistical model. Sources: ANERcorp train split (CC BY-SA 4.0)
and the Wojood sample's train split (MIT); only counts are stored, no sentences.
Run `arnews build-name-stats` to regenerate `models/name_stats/name_stats.tsv`.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from arnews.text.normalise import normalise_word

COLUMNS = ("first", "inner", "place", "other", "org")   # org: also inside an organisation name


def _conll_rows(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2 or parts[0] == "$#$":
            continue
        yield parts[0], parts[1:]


def count_tags(paths: list[Path]) -> dict[str, Counter]:
    """Count each word's roles over CoNLL files (token, one or more IOB tags per line)."""
    stats: dict[str, Counter] = {}
    for path in paths:
        for token, tags in _conll_rows(path):
            word = normalise_word(token)
            if not word:
                continue
            c = stats.setdefault(word, Counter())
            outer = tags[0]
            if any(t == "B-PERS" for t in tags):
                c["first"] += 1
            elif any(t == "I-PERS" for t in tags):
                c["inner"] += 1
            elif outer.endswith(("-LOC", "-GPE")):
                c["place"] += 1
            else:
                c["other"] += 1
            if any(t.endswith("-ORG") for t in tags):
                c["org"] += 1
    return stats


def write_stats(stats: dict[str, Counter], out: Path) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = sorted(stats.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    with out.open("w", encoding="utf-8") as f:
        f.write("word\t" + "\t".join(COLUMNS) + "\n")
        for word, c in rows:
            f.write(word + "\t" + "\t".join(str(c[k]) for k in COLUMNS) + "\n")
    return len(rows)


def build(corpora: Path, out: Path) -> int:
    paths = [corpora / "anercorp" / "train.txt", corpora / "wojood-sample" / "train.txt"]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise FileNotFoundError(f"training corpora not found: {', '.join(missing)}")
    return write_stats(count_tags(paths), out)
