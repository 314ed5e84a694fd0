"""The `entities` table: an aggregate over the whole archive, not over one run.

An entity seen in last year's run and again tonight must have one row with both
dates, so the table is recomputed from every run's `mentions` (joined with
`articles.published`) whenever a run closes, instead of being appended to.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from arnews.link.archive import Named, aliases
from arnews.link.names import name_key, split_title
from arnews.recognise.lexicon import load_lexicons
from arnews.schema import SCHEMAS

ENTITY_LABELS = ("PERS", "ORG", "LOC", "GPE")
MENTION_COLUMNS = ["article_id", "mention_id", "entity_id", "label", "text"]
ARTICLE_COLUMNS = ["article_id", "published"]
AFFILIATION_COLUMNS = ["article_id", "person_entity_id", "role", "org"]

# Habash-Soudi-Buckwalter: one Latin letter per Arabic letter, like Buckwalter, but
# with š, θ, ð, ς, γ ... instead of $, v, *, E, g, so a reader can sound names out.
ROMANISER = "ar2hsb"


@lru_cache(maxsize=1)
def _romaniser() -> Callable[[str], str] | None:
    try:
        from camel_tools.utils.charmap import CharMapper

        return CharMapper.builtin_mapper(ROMANISER)
    except Exception:  # camel-tools missing or without the map: name_latin stays null
        return None


def romanise(name: str | None) -> str | None:
    """`name` in HSB transliteration, or None when it cannot be romanised."""
    mapper = _romaniser()
    if mapper is None or name is None:
        return None
    return mapper(name)


def _most_frequent(m: pd.DataFrame, column: str) -> pd.Series:
    """Per entity_id, the most frequent value of `column`.

    Ties go to the longer value (the fuller name, خالد العسيلي over العسيلي), then to
    the smaller one, so the choice does not depend on the order of the files.
    """
    counts = m.groupby(["entity_id", column]).size().rename("n").reset_index()
    counts["len"] = counts[column].str.len()
    counts = counts.sort_values(["entity_id", "n", "len", column],
                                ascending=[True, False, False, True])
    return counts.drop_duplicates("entity_id").set_index("entity_id")[column]


def _fullest(m: pd.DataFrame, column: str) -> pd.Series:
    """Per entity_id, the longest value of `column`: an article names a person in full once
    and by family name after (خالد العسيلي, then العسيلي three times); the name is the full one.
    Ties go to the more frequent value, then the smaller one (independent of file order)."""
    counts = m.groupby(["entity_id", column]).size().rename("n").reset_index()
    # fullest = most words; decoration (tatweel ـ) does not make a name fuller
    counts["words"] = [len(str(v).split()) for v in counts[column]]
    counts["len"] = [len(str(v).replace("\u0640", "")) for v in counts[column]]
    counts = counts.sort_values(["entity_id", "words", "n", "len", column],
                                ascending=[True, False, False, False, True])
    return counts.drop_duplicates("entity_id").set_index("entity_id")[column]


def person_aliases(m: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """For the person entities of the archive's mentions, alias id -> (kept id, rule):
    the names of one person written in full in some articles and in part in others."""
    pers = m[m["label"] == "PERS"].dropna(subset=["text"])
    if pers.empty:
        return {}
    lex = load_lexicons()
    names = _fullest(pers, "text")
    g = pers.groupby("entity_id")
    first, n = g["published"].min(), g["article_id"].nunique()
    people = [Named(e, tuple(name_key(str(names[e]), lex).split()),
                    None if pd.isna(first[e]) else first[e], int(n[e])) for e in names.index]
    return aliases(people)


def _merges(merged: dict[str, tuple[str, str]], index: pd.Index) -> tuple[pd.Series, pd.Series]:
    """Per kept entity, the ids merged into it and the rule of each (in id order)."""
    into: dict[str, list[tuple[str, str]]] = {}
    for alias, (kept, rule) in sorted(merged.items()):
        into.setdefault(kept, []).append((alias, rule))
    ids = pd.Series([[a for a, _ in into.get(e, ())] for e in index], index=index, dtype=object)
    rules = pd.Series([[r for _, r in into.get(e, ())] for e in index], index=index, dtype=object)
    return ids, rules


def _titles(m: pd.DataFrame) -> pd.DataFrame:
    """Each person mention's leading titles apart from the name (الأمير | محمد بن نايف)."""
    lex = load_lexicons()
    person_texts = set(m.loc[m["label"] == "PERS", "text"].dropna())
    once = {t: split_title(t, lex) for t in person_texts}      # a name recurs: split it once
    split = [once[t] if label == "PERS" and t in once else (None, t) for t, label in zip(m["text"], m["label"])]
    m["title"] = pd.Series([t for t, _ in split], index=m.index, dtype=object)
    m["bare"] = pd.Series([b for _, b in split], index=m.index, dtype=object)
    return m


def _affiliations(aff: pa.Table | None, merged: dict[str, tuple[str, str]], a: pd.DataFrame,
                  index: pd.Index) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Per person entity, the most frequent role and its organisation, and per month the
    role and organisation of that month (most articles first)."""
    empty = pd.Series([None] * len(index), index=index, dtype=object)
    if aff is None or aff.num_rows == 0:
        return empty, empty.copy(), pd.Series([[] for _ in index], index=index, dtype=object)
    f = aff.select(AFFILIATION_COLUMNS).to_pandas().dropna(subset=["person_entity_id", "role"])
    f = f.drop_duplicates(["article_id", "person_entity_id", "role"]).merge(a, on="article_id", how="left")
    f["entity_id"] = [merged[e][0] if e in merged else e for e in f["person_entity_id"]]
    f["month"] = [None if pd.isna(p) else f"{p:%Y-%m}" for p in f["published"]]
    f["org"] = f["org"].astype(object).where(f["org"].notna(), None)
    top = (f.groupby(["entity_id", "role"], dropna=False).agg(n=("article_id", "nunique"), org=("org", "first"))
           .reset_index().sort_values(["entity_id", "n", "role"], ascending=[True, False, True])
           .drop_duplicates("entity_id").set_index("entity_id"))
    monthly = (f.dropna(subset=["month"]).groupby(["entity_id", "month", "role"])
               .agg(n=("article_id", "nunique"), org=("org", "first")).reset_index()
               .sort_values(["entity_id", "month", "n", "role"], ascending=[True, True, False, True])
               .drop_duplicates(["entity_id", "month"]))
    by_entity: dict[str, list[dict]] = {}
    for e, month, r, n, o in monthly[["entity_id", "month", "role", "n", "org"]].itertuples(index=False):
        by_entity.setdefault(e, []).append({"month": month, "role": r, "org": o, "n_articles": int(n)})
    roles, orgs = top["role"].to_dict(), top["org"].to_dict()
    role = pd.Series([roles.get(e) for e in index], index=index, dtype=object)
    org = pd.Series([orgs.get(e) for e in index], index=index, dtype=object)
    return role, org, pd.Series([by_entity.get(e, []) for e in index], index=index, dtype=object)


def build_entities(mentions: pa.Table, articles: pa.Table, affiliations: pa.Table | None = None) -> pa.Table:
    """One row per entity_id of a PERS, ORG, LOC or GPE mention, in `entities`' schema.

    A mention (article_id, mention_id) or an article counted twice, as after a run that
    re-processed an article, is counted once.
    """
    schema = SCHEMAS["entities"]
    keep = pc.and_(pc.is_in(mentions["label"], pa.array(ENTITY_LABELS)),
                   pc.is_valid(mentions["entity_id"]))
    m = mentions.select(MENTION_COLUMNS).filter(keep).to_pandas(types_mapper=pd.ArrowDtype)
    if m.empty:
        return schema.empty_table()
    m = m.drop_duplicates(["article_id", "mention_id"])
    a = (articles.select(ARTICLE_COLUMNS).to_pandas(types_mapper=pd.ArrowDtype)
         .drop_duplicates("article_id"))
    m = m.merge(a, on="article_id", how="left")
    merged = person_aliases(m)
    m["entity_id"] = m["entity_id"].map(lambda e: merged[e][0] if e in merged else e).astype(m["entity_id"].dtype)

    g = m.groupby("entity_id", sort=True)
    out = pd.DataFrame({
        "n_articles": g["article_id"].nunique(),
        "n_mentions": g.size(),
        "first_published": g["published"].min(),
        "last_published": g["published"].max(),
    })
    out["type"] = _most_frequent(m, "label")
    m = _titles(m)
    out["name"] = _fullest(m.dropna(subset=["bare"]), "bare")
    out["title"] = _most_frequent(m.dropna(subset=["title"]), "title").reindex(out.index).astype(object)
    out["name_latin"] = [romanise(None if pd.isna(n) else n) for n in out["name"]]
    forms: dict[str, set[str]] = {}
    for entity_id, text in m[["entity_id", "text"]].dropna().itertuples(index=False):
        forms.setdefault(entity_id, set()).add(text)
    out["aliases"] = pd.Series([sorted(forms.get(e, ())) for e in out.index],
                               index=out.index, dtype=object)
    out["alias_ids"], out["merged_by"] = _merges(merged, out.index)
    out["role"], out["org"], out["roles"] = _affiliations(affiliations, merged, a, out.index)
    out = out.rename_axis("entity_id").reset_index()
    return pa.Table.from_pandas(out[schema.names], schema=schema, preserve_index=False)
