"""The silver gazetteer: for every word of SaudiNewsNet, how often it occurs and how often
inside a person's name (first word or later word), an organisation's or a place's, as
arnews's rule-based recogniser (titles, roles, name statistics) tags that text.

ANERcorp's test names are mostly absent from its training split; news of the same years
mentions many of them, and the rules find people there by their titles and roles. The
tagger reads these rates as features, so it can learn how far to trust them.
"""
from __future__ import annotations

from collections import Counter
from multiprocessing import Pool
from pathlib import Path
from typing import Iterable

from arnews.ner.features import GAZ_LABELS, Gazetteer, view
from arnews.ner.text import saudinewsnet_texts, tokenise

MIN_COUNT = 3
_PIPELINE = None


def _rule_pipeline():
    """The extraction pipeline with the rules alone (no statistical NER: the gazetteer
    must not depend on the model it feeds), up to the last stage that writes the mentions
    it counts; later stages (events) leave them as they are."""
    from arnews.pipeline import Pipeline

    stages = Pipeline(ner=None).stages
    last = max(i for i, stage in enumerate(stages) if "mentions" in stage.writes)
    return Pipeline(stages[:last + 1])


def count_article(text: str) -> tuple[Counter, dict[str, Counter]]:
    """(word counts, per label the counts of words inside mentions of that label)."""
    global _PIPELINE
    from arnews.document import Record

    if _PIPELINE is None:
        _PIPELINE = _rule_pipeline()
    words = Counter(view(t).word for t in tokenise(text))
    labelled: dict[str, Counter] = {lab: Counter() for lab in GAZ_LABELS}
    try:
        doc = _PIPELINE.run(Record(doc_id="g", source_path="<gazetteer>", text=text))
    except Exception:  # noqa: BLE001 - an article the rules fail on adds no labels
        return words, labelled
    for m in doc.mentions:
        if m.label not in ("PERS", "ORG", "LOC"):
            continue
        for i, tok in enumerate(tokenise(m.text)):
            w = view(tok).word
            labelled[m.label][w] += 1
            if m.label == "PERS":
                labelled["PERS_B" if i == 0 else "PERS_I"][w] += 1
    return words, labelled


def build(texts: Iterable[str], workers: int = 2, min_count: int = MIN_COUNT) -> Gazetteer:
    total: Counter = Counter()
    labelled: dict[str, Counter] = {}
    with Pool(workers) as pool:
        for words, labs in pool.imap(count_article, texts, chunksize=64):
            total.update(words)
            for lab, c in labs.items():
                labelled.setdefault(lab, Counter()).update(c)
    counts = {w: [n] + [min(labelled.get(lab, Counter())[w], n) for lab in GAZ_LABELS]
              for w, n in total.items() if n >= min_count}
    return Gazetteer(counts)


def build_from_corpora(corpora: Path, workers: int = 2) -> Gazetteer:
    return build(saudinewsnet_texts(corpora), workers=workers)
