#!/usr/bin/env python3
"""Write the corpus's articles as arnews input, read from ../shared/corpora.

    python corpus/meetings/articles.py [--split dev] [--corpora ../shared/corpora] --out DIR

The corpus stores no article text (SaudiNewsNet's licence is non-commercial): each gold
article names its day file, its record and the SHA-256 of its text, and this script
fetches the texts from the corpora folder, checks them, and writes one JSON Lines file
per split (`DIR/<split>.jsonl`) whose records carry the gold ids, so that
`arnews extract DIR/dev.jsonl --out OUT` and `arnews evaluate dev.json OUT` meet.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from arnews.evaluate.corpus import fetch

HERE = Path(__file__).resolve().parent
SPLITS = ("train", "dev", "test")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=SPLITS, action="append", help="one split (repeatable); all by default")
    ap.add_argument("--gold", type=Path, default=HERE, help="folder of <split>.json gold files")
    ap.add_argument("--corpora", type=Path, default=HERE.parents[2] / "shared" / "corpora")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for split in args.split or SPLITS:
        gold = json.loads((args.gold / f"{split}.json").read_text(encoding="utf-8"))
        with open(args.out / f"{split}.jsonl", "w", encoding="utf-8") as f:
            for entry in gold:
                f.write(json.dumps(fetch(entry, args.corpora), ensure_ascii=False) + "\n")
        print(f"{split}: {len(gold)} articles -> {args.out / (split + '.jsonl')}")


if __name__ == "__main__":
    main()
