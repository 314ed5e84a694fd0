"""The annotated corpus's articles, read from SaudiNewsNet (`../shared/corpora`): a gold
entry names its day file, its record and the SHA-256 of its text; the text itself is not
stored with the gold (the corpus's licence is non-commercial)."""
from __future__ import annotations

import gzip
import hashlib
import json
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from arnews.document import Record


@lru_cache(maxsize=32)
def day_file(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def fetch(entry: dict, corpora: Path) -> dict:
    """The SaudiNewsNet record of a gold entry, checked against its text hash."""
    rec = day_file(Path(corpora) / "saudinewsnet" / entry["file"])[entry["record"]]
    digest = hashlib.sha256(rec["content"].encode("utf-8")).hexdigest()
    if digest != entry["text_sha256"]:
        raise ValueError(f"{entry['id']}: text in {entry['file']}#{entry['record']} does not match the corpus hash")
    return {"id": entry["id"], "source": rec["source"], "url": rec["url"], "published": entry["published"],
            "title": rec.get("title") or "", "content": rec["content"]}


def records(gold: list[dict], corpora: Path) -> Iterator[Record]:
    """The gold entries' articles as pipeline input, with the gold ids."""
    for entry in gold:
        r = fetch(entry, corpora)
        yield Record(doc_id=r["id"], source_path=entry["file"], text=r["content"], title=r["title"],
                     published=date.fromisoformat(r["published"]), source=r["source"], url=r["url"])
