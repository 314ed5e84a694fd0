"""People in a sentence: names and roles put together (`analyse`).

The rules follow how Arabic news writes people: ROLE NAME (مدير عام السجون اللواء إبراهيم
الحمزي) and NAME ROLE (خالد العسيلي رئيس بلدية الخليل), with honorifics and ranks between
(dropped from the name) and royal or religious titles (kept: الأمير فيصل بن خالد).
Organisations are found first, roles next, then names outside organisations; names
found only by their position next to a role come from `positions.py`.
"""
from __future__ import annotations

from arnews.recognise import words as W
from arnews.recognise.chains import find_orgs
from arnews.recognise.lookups import Lookups, is_name_ali, is_wordlike
from arnews.recognise.names import find_names
from arnews.recognise.positions import names_by_position, skip_titles
from arnews.recognise.roles import find_roles
from arnews.recognise.spans import NameSpan, RoleSpan, SentenceAnalysis
from arnews.text.tokens import Tok

Person = tuple[NameSpan | None, RoleSpan | None]


def _covered(spans) -> set[int]:
    return {k for s, e in spans for k in range(s, e)}


def find_titles(look: Lookups, toks: list[Tok]) -> list[tuple[int, int]]:
    """Honorifics and ranks (السيد، اللواء، صاحب السمو), left to right."""
    titles = []
    i = 0
    while i < len(toks):
        t = look.match(toks, i, "titles")
        if t:
            titles.append((i, i + t))
            i += t
        else:
            i += 1
    return titles


def _names_outside(names: list[NameSpan], in_org: set[int], in_role: set[int]) -> list[NameSpan]:
    """Names not inside an organisation nor wholly inside a role; a name that runs into a
    role phrase is cut where the role starts."""
    kept = [n for n in names
            if not any(k in in_org for k in range(n.start, n.end))
            and not all(k in in_role for k in range(n.start, n.end))]
    for n in kept:
        for k in range(n.start, n.end):
            if k in in_role and k > n.start:
                n.end = k
                break
    return kept


def model_name_clitic(look: Lookups, tok: Tok) -> int:
    """A tagger's name keeps the conjunction glued to its first word (وفهد الجميعة);
    the name starts after it unless the whole word is a name itself (وليد، وديع)."""
    rest = tok.text[1:]
    # the corpora tag ومحمد as a first name too (the token kept its و): ask is_conj, which
    # weighs ومحمد against محمد
    return 1 if tok.conj and len(rest) >= 3 and (not look.lex.is_first_name(tok.text) or look.is_conj(tok)) else 0


def _never_in_a_name(look: Lookups, toks: list[Tok], k: int) -> bool:
    """A word a tagger's name cannot hold: a function word, a dashed aside (-حفظه الله-) or
    a meeting's word (اتصالين هاتفيين)."""
    tok = toks[k]
    return not is_wordlike(tok) or (look.lex.is_stop(tok.text) and not is_name_ali(tok)) \
        or look.is_trigger_word(toks, k)


def _tagger_name_end(look: Lookups, toks: list[Tok], s: int, e: int) -> int:
    """Where a tagger's name really ends: after the family (آل سعود | برقية), or before
    the first word it ran on into (`Lookups.ran_on`)."""
    e = next((k + 2 for k in range(s + 1, e - 2) if toks[k].text in W.FAMILY), e)
    return next((k for k in range(s + 2, e) if look.ran_on(toks, k)), e)


def _add_model_names(look: Lookups, toks: list[Tok], names: list[NameSpan], titles: list[tuple[int, int]],
                     taken: set[int], model_names: list[tuple[int, int]]) -> None:
    """A tagger's PERS spans where no rule found a name (titles at their start dropped)."""
    for s, e in model_names:
        s = skip_titles(titles, s)
        e = _tagger_name_end(look, toks, s, e)
        if s < e and not any(k in taken or _never_in_a_name(look, toks, k) for k in range(s, e)):
            names.append(NameSpan(s, e, strength=0, clitic=model_name_clitic(look, toks[s])))
            taken |= set(range(s, e))


def analyse(look: Lookups, toks: list[Tok], date_toks: set[int] | None = None,
            model_names: list[tuple[int, int]] | None = None) -> SentenceAnalysis:
    """All people, roles and organisations of one sentence.

    `model_names` are PERS spans from a statistical tagger, used where no rule found a name."""
    date_toks = date_toks or set()
    orgs = find_orgs(look, toks, date_toks)
    in_org = _covered(orgs)
    # الوزراء inside مجلس الوزراء names the body, not a person holding a role
    roles = [r for r in find_roles(look, toks, date_toks, orgs)
             if not all(k in in_org for k in range(r.start, r.end))]
    in_role = {k for r in roles for k in range(r.start, r.end)}
    names = _names_outside(find_names(look, toks, date_toks), in_org, in_role)
    titles = find_titles(look, toks)
    names += names_by_position(look, toks, roles, names, titles, date_toks)
    taken = {k for n in names for k in range(n.start, n.end)} | in_org
    _add_model_names(look, toks, names, titles, taken, model_names or [])
    names.sort(key=lambda n: n.start)
    people = drop_bare_quotes(toks, pair(look, toks, names, roles, titles), roles, titles)
    names = [n for n, _ in people if n is not None]
    return SentenceAnalysis(names=names, roles=roles, orgs=orgs, titles=titles, people=people)


# --- pairing names and roles ----------------------------------------------------------
def _holder(look: Lookups, toks: list[Tok], r: RoleSpan, titles: list[tuple[int, int]],
            name_at: dict[int, NameSpan], name_end: dict[int, NameSpan], role_of: dict[int, RoleSpan]
            ) -> NameSpan | None:
    """The name a role describes: ROLE [titles] NAME, else NAME ROLE; None for a group
    (والوفد المرافق is never a person's role) or a role nobody named holds."""
    if look.match(toks, r.start, "groups"):
        return None
    after = skip_titles(titles, r.end)
    if after < len(toks) and toks[after].text in W.COMMAS and after + 1 in name_at \
            and not look.is_conj(toks[after + 1]):
        after += 1      # الرئيس اليمني، عبدربه منصور هادي
    # ROLE + وال-title + NAME is a coordination: the role is not that person's
    fwd = None if r.end < len(toks) and toks[r.end].conj and after > r.end else name_at.get(after)
    back = name_end.get(r.start)
    if fwd is not None and id(fwd) not in role_of and not (fwd.clitic and back is not None):
        return fwd
    if back is not None and id(back) not in role_of:
        return back
    return None


def _second_posts(look: Lookups, toks: list[Tok], names: list[NameSpan], role_of: dict[int, RoleSpan],
                  unnamed: list[RoleSpan]) -> None:
    """A role right after a named person's role is a second post of the same person:
    خالد بحاح نائب الرئيس رئيس الحكومة اليمنية."""
    by_end = {r.end: n for n in names if (r := role_of.get(id(n))) is not None}
    for r in list(unnamed):
        n = by_end.get(r.start)
        if n is not None and not look.match(toks, r.start, "groups"):
            first = role_of[id(n)]
            role_of[id(n)] = RoleSpan(first.start, r.end, first.org or r.org)
            unnamed.remove(r)


def pair(look: Lookups, toks: list[Tok], names: list[NameSpan], roles: list[RoleSpan],
         titles: list[tuple[int, int]]) -> list[Person]:
    """Attach each role to the name it describes: ROLE [titles] NAME, else NAME ROLE."""
    name_at = {n.start: n for n in names}
    for n in names:
        if n.quoted:
            name_at.setdefault(n.start - 1, n)
    name_end = {n.end: n for n in names}
    for n in names:
        if n.quoted:
            name_end.setdefault(n.end + 1, n)
    role_of: dict[int, RoleSpan] = {}
    unnamed: list[RoleSpan] = []
    for r in roles:
        holder = _holder(look, toks, r, titles, name_at, name_end, role_of)
        if holder is None:
            unnamed.append(r)
        else:
            role_of[id(holder)] = r
    _second_posts(look, toks, names, role_of, unnamed)
    people: list[Person] = [(n, role_of.get(id(n))) for n in names]
    people += [(None, r) for r in unnamed]
    people.sort(key=lambda p: min(x.start for x in p if x is not None))
    return people


def drop_bare_quotes(toks: list[Tok], people: list[Person], roles: list[RoleSpan],
                     titles: list[tuple[int, int]]) -> list[Person]:
    """A quoted phrase is a person only next to a role or title («داعش» is not):
    "بونيا جلوسفيتش" after its role, or coordinated with a quoted name that has one."""
    ends = {r.end for r in roles} | {e for _, e in titles}
    kept, quoted_ok = [], set()
    for n, r in sorted(people, key=lambda p: -(p[0].start if p[0] else -1)):
        if n is None or not n.quoted or r is not None or (n.start - 1) in ends \
                or (n.end + 1 in quoted_ok) or (n.end + 2 in quoted_ok):
            kept.append((n, r))
            if n is not None and n.quoted:
                quoted_ok.add(n.start - 1)
    return sorted(kept, key=lambda p: min(x.start for x in p if x is not None))
