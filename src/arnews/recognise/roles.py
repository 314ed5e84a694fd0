"""Roles (OCC) and groups in a sentence: a head word plus what it governs.

A role is its head (رئيس، وزير، مدير) plus the idafa chain after it (وزير الخارجية السوري),
the institution it governs (رئيس بلدية الخليل), its posting place (السفير البريطاني في
القاهرة) and a coordinated second post (مستشار وزير الاتصالات ومدير وحدة الشكاوى). The
walk after the head is an ordered table of named steps.
"""
from __future__ import annotations

from dataclasses import dataclass

from arnews.recognise import words as W
from arnews.recognise.chains import extend_chain
from arnews.recognise.lookups import Lookups, is_place_head
from arnews.recognise.names import name_at
from arnews.recognise.spans import RoleSpan
from arnews.recognise.steps import GO, STOP, Verdict, walk
from arnews.text.tokens import Tok

MAX_ROLE = 9


@dataclass
class RoleWalk:
    """A role whose head is toks[i:i + n], extended to j."""

    look: Lookups
    toks: list[Tok]
    date_toks: set[int]
    org_at: dict[int, int]         # organisations found in the sentence: start -> end
    stops: frozenset[int]          # their starts
    i: int
    n: int
    j: int
    closed: bool
    org: tuple[int, int] | None = None
    chained_to: int = -1           # where the last noun-phrase chain stopped: do not restart it there

    def more(self) -> bool:
        return self.j < len(self.toks) and self.j - self.i < MAX_ROLE

    @property
    def word(self) -> str:
        return self.toks[self.j].text


def _institution(r: RoleWalk) -> Verdict:
    """The institution the role governs: رئيس بلدية الخليل، بمجلس المنطقة (not a new noun
    phrase after a closed role: وزير الصحة | مستشفى الملك فهد). The last one is the outer."""
    j = r.j
    if j in r.org_at and (not r.closed or r.look.has_preposition(r.toks[j].text)):
        r.org = (j, r.org_at[j])
        r.j = r.org_at[j]
        r.closed = True
        return GO
    return None


def _group_of_body(r: RoleWalk) -> Verdict:
    """اعضاء من المجلس البلدي: a group of a body."""
    if r.word == W.PARTITIVE and r.j + 1 in r.org_at and r.look.match(r.toks, r.i, "groups"):
        r.j += 1
        return GO
    return None


def _organisation_after_preposition(r: RoleWalk) -> Verdict:
    """في + organisation: رئيس وحدة تكنولوجيا المعلومات في بلدية الخليل."""
    j = r.j
    if r.word in W.SEAT_PREPOSITIONS and j + 1 in r.org_at and not is_place_head(r.toks[j + 1].text):
        r.org = (j + 1, r.org_at[j + 1])
        r.j = r.org_at[j + 1]
        return GO
    return None


def _posting_before_name(r: RoleWalk) -> Verdict:
    """السفير البريطاني في القاهرة جون كاسن: the posting place before the name."""
    toks, j = r.toks, r.j
    if r.word == W.POSTING and j + 2 < len(toks) and r.look.is_place(toks[j + 1].text) \
            and name_at(r.look, toks, j + 2, r.date_toks) is not None:
        r.j += 2
        return STOP
    return None


def _accredited_to(r: RoleWalk) -> Verdict:
    """السفير الكوري لدى المملكة: the state an envoy is accredited to."""
    toks, j = r.toks, r.j
    if r.word == W.ACCREDITED and j + 1 < len(toks) and (
            r.look.is_place(toks[j + 1].text) or toks[j + 1].text.removeprefix(W.ARTICLE) in W.REGIONS):
        r.j += 2
        return GO
    return None


def _field_before_quoted_name(r: RoleWalk) -> Verdict:
    """في + field before a quoted name: الخبيرة الصربية في تكنولوجيا الاتصالات "بونيا ..."."""
    toks, j = r.toks, r.j
    if r.word == W.POSTING and j + 1 < len(toks):
        k = extend_chain(r.look, toks, j + 1, 4, r.date_toks, allow_names=False, stops=r.stops, quotes=False)
        if k > j + 1 and k < len(toks) and toks[k].is_quote:
            r.j = k
            return STOP
    return None


def _idafa_chain(r: RoleWalk) -> Verdict:
    """The chain the head governs; open again after an indefinite noun: النائب الثاني
    لرئيس | مجلس الوزراء."""
    j = r.j
    if j == r.chained_to:
        return None
    nxt = extend_chain(r.look, r.toks, j, MAX_ROLE - (j - r.i), r.date_toks, allow_names=False,
                       closed=r.closed, stops=r.stops, origin=r.i + r.n)
    r.chained_to = nxt
    if nxt > j:
        r.closed = r.toks[nxt - 1].definite
        r.j = nxt
        return GO
    return None


def _coordinated_role(r: RoleWalk) -> Verdict:
    """A coordinated second role: مستشار وزير الاتصالات ومدير وحدة الشكاوى."""
    look, toks, j = r.look, r.toks, r.j
    if j < len(toks) and look.is_conj(toks[j]) and look.match(toks, j, "role_heads") \
            and not look.match(toks, j, "titles"):
        r.j += look.match(toks, j, "role_heads")
        r.closed = toks[r.j - 1].definite
        return GO
    return None


def _role_after_comma(r: RoleWalk) -> Verdict:
    """ولي ولي العهد السعودي، وزير الدفاع: a second role after a comma; not one with a
    conjunction or a kept title, which starts the next person (، ووزير الخارجية، والأمير)."""
    look, toks, j = r.look, r.toks, r.j
    if j < len(toks) and toks[j].text in W.COMMAS and j + 1 < len(toks) \
            and look.match(toks, j + 1, "role_heads") and not look.head_clitic(toks, j + 1, "role_heads") \
            and not look.match(toks, j + 1, "titles") \
            and not look.match(toks, j + 1, "name_titles"):
        r.j += 1 + look.match(toks, j + 1, "role_heads")
        r.closed = toks[r.j - 1].definite
        return GO
    return None


def _end(r: RoleWalk) -> Verdict:
    return STOP


ROLE_STEPS = (_institution, _group_of_body, _organisation_after_preposition, _posting_before_name,
              _accredited_to, _field_before_quoted_name, _idafa_chain, _coordinated_role,
              _role_after_comma, _end)


def role_head(look: Lookups, toks: list[Tok], i: int) -> int:
    """Length of the role or group head at i: 0 for none, for a title, or inside a name
    (عبدالله بن مساعد، مساعد بن محمد)."""
    n = max(look.match(toks, i, "role_heads"), look.match(toks, i, "groups"))
    if not n or look.match(toks, i, "titles") >= n or look.match(toks, i, "name_titles") >= n \
            or (i and toks[i - 1].text in W.CONNECTORS) \
            or (i + n < len(toks) and toks[i + n].text in W.PATRONYMICS):
        return 0      # مساعد بن محمد العيبان: a first name before بن, not a role
    return n


def find_roles(look: Lookups, toks: list[Tok], date_toks: set[int], orgs: list[tuple[int, int]]) -> list[RoleSpan]:
    org_at = {s: e for s, e in orgs}
    stops = frozenset(org_at)
    out: list[RoleSpan] = []
    i = 0
    while i < len(toks):
        n = role_head(look, toks, i)
        if not n:
            i += 1
            continue
        role = walk(RoleWalk(look, toks, date_toks, org_at, stops, i, n, i + n, toks[i + n - 1].definite),
                    ROLE_STEPS)
        out.append(RoleSpan(i, role.j, role.org))
        i = role.j
    return out
