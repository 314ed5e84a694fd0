"""One person across the archive: the names of one person that articles write in full or
in part (عادل الجبير / عادل بن أحمد الجبير, محمد بن سلمان / محمد بن سلمان بن عبدالعزيز)
merged into one entity, with the rule that merged them.

Inside an article the link stage already joins a family name to the full name. Across
articles only the names are known, so the rules here are careful: a shorter name joins a
longer one only when exactly one person of the archive fits it; two people who share a
short name (two men called محمد بن سلمان with different grandfathers) leave it alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from arnews.recognise.words import ARTICLE, FAMILY, PATRONYMICS

FATHERS = "fathers"            # محمد بن سلمان -> محمد بن سلمان بن عبدالعزيز: the chain goes on
FIRST_AND_LAST = "first_last"  # عادل الجبير -> عادل بن أحمد الجبير: same first and family name
WITH_FAMILY = "family"         # سلمان بن عبدالعزيز -> سلمان بن عبدالعزيز آل سعود: the family added
ESTABLISHED = 5                # a name this many times more frequent than a longer one is someone else's
FAMILY_ESTABLISHED = 20        # ... or, for the family added, the longer one is a slip (آل سعودد)


@dataclass(frozen=True)
class Named:
    """A person entity as the archive knows it: its name key's words and its first day."""

    entity_id: str
    words: tuple[str, ...]
    first_published: date | None
    n_articles: int


def extends(short: tuple[str, ...], long: tuple[str, ...]) -> str | None:
    """The rule by which `long` names the person `short` names, or None."""
    if len(short) < 2 or len(long) <= len(short):
        return None
    if long[:len(short)] == short and long[len(short)] in PATRONYMICS:
        return FATHERS
    if long[:len(short)] == short and len(long) == len(short) + 2 and long[len(short)] in FAMILY \
            and PATRONYMICS & set(short):
        return WITH_FAMILY
    if short[0] == long[0] and short[-1] == long[-1] and not PATRONYMICS & set(short) \
            and _in_order(short, long) and _middle_names(short, long):
        return FIRST_AND_LAST
    return None


def _middle_names(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """What the longer name adds are fathers' names (بن أحمد، قرار), not a second family
    name (بشار الأسد | سليمان الأسد is two names run together)."""
    return not any(w.startswith(ARTICLE) for w in long[1:-1])


def _in_order(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def aliases(people: list[Named]) -> dict[str, tuple[str, str]]:
    """alias entity id -> (the entity id it is merged into, the rule). The entity kept is
    the one the archive saw first (then the one in more articles), so that adding articles
    never renames an entity already published."""
    by_first: dict[str, list[Named]] = {}
    for p in people:
        if p.words:
            by_first.setdefault(p.words[0], []).append(p)
    parent: dict[str, str] = {}
    rule_of: dict[str, str] = {}
    for group in by_first.values():
        for p in group:
            target = _only_fit(p, group)
            if target is not None:
                parent[p.entity_id] = target.entity_id
                rule_of[p.entity_id] = extends(p.words, target.words) or ""
    return _kept(people, parent, rule_of)


def _only_fit(p: Named, group: list[Named]) -> Named | None:
    """The name `p` is part of that the archive uses most, when all the names it is part of
    may be one person's; None when none is or two different people's are."""
    # الملك عبدالله بن عبدالعزيز (100 articles) is not الأمير عبدالله بن عبدالعزيز بن مساعد (7);
    # the same chain with its family added is the same man unless the longer name is a slip
    fits = [q for q in group if (rule := extends(p.words, q.words))
            and p.n_articles <= (FAMILY_ESTABLISHED if rule == WITH_FAMILY else ESTABLISHED) * q.n_articles]
    fits = [q for q in fits if not any(_ran_on(f.words, q.words) for f in fits)]
    if not fits or any(not (extends(a.words, b.words) or extends(b.words, a.words))
                       for a in fits for b in fits if a is not b):
        return None
    return max(fits, key=lambda q: (q.n_articles, len(q.words), q.entity_id))


def _ran_on(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """b is a tagger's name that ran on past a (محمد بن نايف بن عبدالعزيز | ركعتين): it
    begins with a and goes on with no father's name."""
    return len(b) > len(a) and b[:len(a)] == a and extends(a, b) is None


def _kept(people: list[Named], parent: dict[str, str], rule_of: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Each group of names of one person is kept under its oldest entity id."""
    def root(e: str) -> str:
        while e in parent:
            e = parent[e]
        return e

    info = {p.entity_id: p for p in people}
    groups: dict[str, list[str]] = {}
    for e in parent:
        groups.setdefault(root(e), []).append(e)
    out: dict[str, tuple[str, str]] = {}
    for top, members in groups.items():
        everyone = [top, *members]
        kept = min(everyone, key=lambda e: (info[e].first_published or date.max, -info[e].n_articles, e))
        for e in everyone:
            if e != kept:
                # the rule that joins e to the group: its own, or (the longest name, kept
                # under an older, shorter one) the rule that joined the kept name to it
                out[e] = (kept, rule_of[e] if e != top else rule_of[kept])
    return out
