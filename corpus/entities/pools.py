"""Draw the names the entity gold is made of, and what a reader sees to judge them.

    python corpus/entities/pools.py OUT_DIR --out build/entity-pools --parts 4

OUT_DIR is an `arnews extract` output over the whole SaudiNewsNet archive. Seeds are person
names as written in it: the 50 written in the most articles and 50 drawn at random among
names written in one article only (seeded, so the draw can be repeated). Each seed's pool is
every other person name of the archive of two words or more that begins with the same word
and shares one more (connectors and titles aside), or that it contains: the blocking any entity gold
needs, made from the strings alone, never from arnews's entities. Each name comes with up to
three passages of the articles that write it, so that a reader can tell who it names.
"""
from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter, defaultdict
from pathlib import Path

import pyarrow.dataset as ds

IGNORED = {"بن", "ابن", "بنت", "آل", "ال", "عبد", "أبو", "ابو", "الأمير", "الامير", "الملك", "الشيخ",
           "الدكتور", "المهندس", "الأستاذ", "السيد", "الرئيس", "الوزير", "سمو", "معالي", "فخامة", "الفريق"}
POOL_MAX = 12
SNIPPETS = 3
CONTEXT = 90


def simple(word: str) -> str:
    """Letters only, hamza forms of alef as alef, ta marbuta as ha, alef maqsura as ya."""
    word = re.sub(r"[\u064B-\u0652\u0640]", "", word)
    return word.translate(str.maketrans("أإآىة", "ااايه"))


def core(name: str) -> list[str]:
    """The name's words that tell people apart, in order (connectors, titles and words of
    two letters aside)."""
    return [simple(w) for w in name.split() if len(simple(w)) > 2 and w not in IGNORED and simple(w) not in IGNORED]


def words(name: str) -> set[str]:
    return set(core(name))


def related(seed: str, name: str) -> bool:
    """Same first word and one more in common (سلمان بن عبدالعزيز آل سعود / سلمان بن عبد
    العزيز), or a name of two words or more written inside the seed (عادل الجبير)."""
    a, b = core(seed), core(name)
    if len(b) < 2:
        return False
    return (a[0] == b[0] and len(set(a) & set(b)) >= 2) or simple(name) in simple(seed)


def pools(names: Counter, seeds: list[str]) -> list[list[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for n in names:
        for w in words(n):
            index[w].add(n)
    out, used = [], set()
    for seed in seeds:
        if seed in used:
            continue
        ws = words(seed)
        cands = set().union(*(index[w] for w in ws)) if ws else set()
        pool = [n for n in cands if n != seed and n not in used and related(seed, n)]
        pool = [seed] + sorted(pool, key=lambda n: (-names[n], n))[:POOL_MAX - 1]
        used |= set(pool)
        out.append(pool)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--parts", type=int, default=4)
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()
    m = ds.dataset(args.out_dir / "mentions").to_table(columns=["article_id", "label", "text", "start", "end"]).to_pandas()
    m = m[m["label"] == "PERS"]
    arts = m.groupby("text")["article_id"].nunique()
    names = Counter(arts.to_dict())
    multiword = [n for n in names if len(core(n)) >= 2 and not n.isascii()]
    frequent = sorted(multiword, key=lambda n: (-names[n], n))[:80]
    rare = sorted(n for n in multiword if names[n] == 1)
    rng = random.Random(args.seed)
    drawn = pools(names, frequent)[:50] + pools(names, rng.sample(rare, 80))[:50]
    texts = ds.dataset(args.out_dir / "articles").to_table(columns=["article_id", "text", "published"]).to_pandas()
    text_of = dict(zip(texts["article_id"], texts["text"]))
    day_of = dict(zip(texts["article_id"], texts["published"].astype(str)))
    where = m.drop_duplicates(["text", "article_id"]).groupby("text")
    items = []
    for k, pool in enumerate(drawn):
        entries = []
        for n in pool:
            rows = where.get_group(n).head(SNIPPETS)
            snippets = [{"date": day_of[a], "text": text_of[a][max(0, s - CONTEXT):e + CONTEXT]}
                        for a, s, e in zip(rows["article_id"], rows["start"], rows["end"])]
            entries.append({"name": n, "articles": int(names[n]), "passages": snippets})
        items.append({"pool": f"{'F' if k < 50 else 'R'}{k:03d}", "names": entries})
    args.out.mkdir(parents=True, exist_ok=True)
    for part in range(args.parts):
        chunk = items[part::args.parts]
        (args.out / f"pools_{part}.json").write_text(json.dumps(chunk, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(items)} pools, {sum(len(i['names']) for i in items)} names")


if __name__ == "__main__":
    main()
