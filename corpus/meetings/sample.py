#!/usr/bin/env python3
"""Draw the meeting corpus's articles from SaudiNewsNet, with a fixed seed.

    python corpus/meetings/sample.py [--corpora ../shared/corpora] [--n 440] [--out sample.json]

Half of the sample is drawn at random from all articles, stratified by day and outlet in
proportion to the whole corpus. The other half is drawn from the articles that contain
a meeting cue word (cues.txt: لقاء، اجتماع، استقبل، التقى، زار، بحث مع، مباحثات، اتصال
هاتفي، وفد، ...), each with weight 4^(k-1), k the number of different cue words it holds
(at most 3): one cue word alone is most often no meeting (a match, a ministry's
reception hall), three are almost always one. That half is stratified by day and outlet
in proportion to the weight of each. Nothing that arnews extracts is looked at.

Every draw is an ordering: `--n 600` gives the articles of `--n 500` and 100 more, so the
corpus can grow without changing what is already in it.

Before drawing, the corpus is deduplicated (identical text, first occurrence kept) and
the development set's articles (../shared/corpora/meetings-dev) are left out. Each
article's id is `snn-` + the first 10 hex digits of the SHA-1 of its URL, as in the
development gold. Each article's split (train / dev / test) follows from its story
group: articles whose texts share most of their word 5-grams (one agency story printed
by several papers) are one group, and the group's first id decides, so that no story is
both trained on and tested on.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261202
DIAC = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
PROCLITICS = ("وال", "فال", "بال", "كال", "ولل", "لل", "ال", "وب", "ول", "وس", "فس", "و", "ف", "ب", "ل", "ك", "س")
SUFFIXES = ("هما", "هم", "ها", "ه", "كم", "نا", "ي", "")


def norm(text: str) -> str:
    t = DIAC.sub("", text)
    # ة stays ة: folded into ه it would read as a pronoun suffix (وزارة -> وزار -> زار)
    return re.sub("[إأآٱ]", "ا", t).replace("ى", "ي")


def words(text: str) -> list[str]:
    return re.findall(r"[\u0621-\u064A]+", norm(text))


def load_cues(path: Path) -> tuple[set[str], set[tuple[str, str]]]:
    single, double = set(), set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        ws = words(line)
        (single.add(ws[0]) if len(ws) == 1 else double.add((ws[0], ws[1])))
    return single, double


def stems(word: str) -> set[str]:
    """The word itself and the word with one proclitic and/or one suffix taken off."""
    out = {word}
    bases = [word] + [word[len(p):] for p in PROCLITICS if word.startswith(p) and len(word) - len(p) >= 3]
    for b in bases:
        out.add(b)
        for s in SUFFIXES:
            if s and b.endswith(s) and len(b) - len(s) >= 3:
                out.add(b[: -len(s)])
    return out


def distinct_cues(text: str, single: set[str], double: set[tuple[str, str]]) -> int:
    """How many different cue lines the text holds."""
    ws = [stems(w) for w in words(text)]
    found: set = set()
    for i, st in enumerate(ws):
        found |= st & single
        if i + 1 < len(ws):
            found |= {(a, b) for a, b in double if a in st and b in ws[i + 1]}
    return len(found)


def article_id(url: str) -> str:
    return "snn-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]


def load_corpus(corpora: Path) -> list[dict]:
    dev = json.loads((corpora / "meetings-dev" / "saudinewsnet_dev.json").read_text(encoding="utf-8"))
    dev_urls = {a["url"] for a in dev}
    dev_texts = {a["content"] for a in dev}
    seen, out = set(), []
    for path in sorted((corpora / "saudinewsnet").glob("*.json.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            records = json.load(f)
        for i, r in enumerate(records):
            text = r.get("content") or ""
            if r["url"] in dev_urls or text in dev_texts or text in seen or not text.strip():
                continue
            seen.add(text)
            out.append({"id": article_id(r["url"]), "file": path.name, "record": i,
                        "source": r["source"], "url": r["url"],
                        "published": r["date_extracted"][:10], "day": path.name[:10],
                        "title": r.get("title") or "", "content": text})
    return out


def stratified_order(pool: list[dict], rng: random.Random, weight=None) -> list[dict]:
    """The pool in a seeded order whose every prefix holds each (day, outlet) stratum in
    proportion to its share of the pool's weight: the next article always comes from the
    stratum furthest below its share. Inside a stratum, articles come shuffled, or with a
    `weight`, in a weighted random order (Efraimidis-Spirakis keys: u ** (1 / weight),
    largest first)."""
    by = defaultdict(list)
    for a in sorted(pool, key=lambda a: a["id"]):
        by[(a["day"], a["source"])].append(a)
    share = {}
    for k in sorted(by):
        if weight is None:
            rng.shuffle(by[k])
            share[k] = float(len(by[k]))
        else:
            keyed = [(rng.random() ** (1.0 / weight(a)), a["id"], a) for a in by[k]]
            by[k] = [a for _, _, a in sorted(keyed, key=lambda x: x[:2], reverse=True)]
            share[k] = sum(weight(a) for a in by[k])
    total = sum(share.values())
    taken = Counter()
    out = []
    for n in range(1, len(pool) + 1):
        k = max((k for k in sorted(by) if taken[k] < len(by[k])), key=lambda k: share[k] / total * n - taken[k])
        out.append(by[k][taken[k]])
        taken[k] += 1
    return out


def cue_weight(a: dict) -> float:
    return 4.0 ** (min(a["cues"], 3) - 1)


def shingles(text: str) -> set[int]:
    ws = words(text)
    return {hash(" ".join(ws[i:i + 5])) for i in range(max(1, len(ws) - 4))}


def story_groups(arts: list[dict]) -> dict[str, str]:
    """id -> the smallest id of its story group (texts sharing >= 50% of the smaller one's 5-grams)."""
    parent = {a["id"]: a["id"] for a in arts}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    sh = {a["id"]: shingles(a["title"] + " " + a["content"]) for a in arts}
    ids = sorted(sh)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            small = min(len(sh[a]), len(sh[b]))
            if small and len(sh[a] & sh[b]) / small >= 0.5:
                ra, rb = find(a), find(b)
                parent[max(ra, rb)] = min(ra, rb)
    return {i: find(i) for i in ids}


def split_of(group_id: str) -> str:
    """Fixed rule: the SHA-1 of the story group's id, modulo 10: 0-5 train, 6-7 dev, 8-9 test."""
    d = int(hashlib.sha1(group_id.encode("utf-8")).hexdigest(), 16) % 10
    return "train" if d < 6 else "dev" if d < 8 else "test"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path, default=HERE.parents[2] / "shared" / "corpora")
    ap.add_argument("--n", type=int, default=700, help="articles in all (half random, half with a cue)")
    ap.add_argument("--out", type=Path, default=HERE / "sample.json")
    args = ap.parse_args()

    arts = load_corpus(args.corpora)
    single, double = load_cues(HERE / "cues.txt")
    for a in arts:
        a["cues"] = distinct_cues(a["title"] + " " + a["content"], single, double)
    rng = random.Random(SEED)
    n_random = args.n // 2
    random_half = stratified_order(arts, rng)[:n_random]
    taken = {a["id"] for a in random_half}
    cue_order = stratified_order([a for a in arts if a["cues"]], rng, cue_weight)
    cue_half = [a for a in cue_order if a["id"] not in taken][: args.n - n_random]
    sample = [dict(a, drawn="random") for a in random_half] + [dict(a, drawn="cue") for a in cue_half]
    groups = story_groups(sample)
    rows = []
    for a in sorted(sample, key=lambda a: a["id"]):
        rows.append({"id": a["id"], "file": a["file"], "record": a["record"], "url": a["url"],
                     "source": a["source"], "published": a["published"], "drawn": a["drawn"],
                     "cues": a["cues"], "story": groups[a["id"]], "split": split_of(groups[a["id"]]),
                     "text_sha256": hashlib.sha256(a["content"].encode("utf-8")).hexdigest()})
    args.out.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(arts)} distinct articles, {len(cue_order)} with a cue; "
          f"sample {len(rows)}: " + ", ".join(f"{k} {v}" for k, v in Counter(r['split'] for r in rows).items())
          + f"; {len(set(groups.values()))} stories")


if __name__ == "__main__":
    main()
