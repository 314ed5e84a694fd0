"""Idafa chains, and the organisations they make with a head (وزارة، بلدية، شركة).

A chain after a head runs over indefinite nouns up to the first definite one, then over
definite adjectives (وزير الخارجية السوري); an indefinite word after a closed chain
starts something new, usually a name (مستشار وزير العدل التركي بصري باغجي). Quoted
names, ل/ب + an organisation head and a role's posting place (مدير التعليم بمنطقة
تبوك) go on with it. A person name inside an organisation (مطار الملك عبدالعزيز)
belongs to the organisation. `extend_chain` is an ordered table of named steps.
"""
from __future__ import annotations

from dataclasses import dataclass

from arnews.recognise import words as W
from arnews.recognise.lookups import Lookups, is_wordlike
from arnews.recognise.names import extend_name, titles_someone
from arnews.recognise.steps import GO, STOP, Verdict, walk
from arnews.text.tokens import Tok, bare_forms

MAX_ORG = 8


@dataclass
class ChainWalk:
    """A chain being extended from i (after its head); the next word to decide at j."""

    look: Lookups
    toks: list[Tok]
    i: int
    limit: int
    date_toks: set[int]
    allow_names: bool          # an organisation may hold a name; a role may not
    closed: bool               # a definite word was seen: only adjectives follow
    stops: frozenset[int]      # token indices the chain may not run into
    quotes: bool
    origin: int                # where the head ended
    j: int

    def more(self) -> bool:
        return self.j < len(self.toks) and self.j - self.i < self.limit

    @property
    def tok(self) -> Tok:
        return self.toks[self.j]


def _boundary(c: ChainWalk) -> Verdict:
    """A new line, or a token the caller stops at (the start of an organisation)."""
    if (c.tok.nl_before and c.j > c.i) or (c.j in c.stops and c.j > c.i):
        return STOP
    return None


def _quoted_name(c: ChainWalk) -> Verdict:
    """A quoted name closes the chain (شركة "أرامكو"), but not after a closed phrase:
    الخبير الهولندي "يان فيرمولن" is a person."""
    if not c.tok.is_quote:
        return None
    if not c.quotes or c.closed:
        return STOP
    toks, j = c.toks, c.j
    k = j + 1
    while k < len(toks) and not toks[k].is_quote and k - j <= 5 and is_wordlike(toks[k]):
        k += 1
    if k < len(toks) and toks[k].is_quote and k > j + 1:
        c.j = k + 1
        c.closed = True
        return GO
    return STOP


def _not_a_word(c: ChainWalk) -> Verdict:
    """Punctuation, a number, a date or a function word."""
    if not is_wordlike(c.tok) or c.j in c.date_toks or c.look.lex.is_stop(c.tok.text):
        return STOP
    return None


def _someone_else(c: ChainWalk) -> Verdict:
    """A trigger, a title before someone, a kept title where no name may follow, or a group
    or a definite title after a closed chain (زار وكيل الوزارة | المرضى المنومين، وزير
    خارجية مصر | الأستاذ سامح شكري)."""
    look, toks, j = c.look, c.toks, c.j
    if look.is_trigger_word(toks, j) or titles_someone(look, toks, j, c.date_toks) \
            or (look.match(toks, j, "name_titles") and (c.closed or not c.allow_names)) \
            or (c.closed and look.match(toks, j, "groups") and not look.match(toks, j - 1, "groups")) \
            or (c.closed and toks[j].definite and look.match(toks, j, "titles")):
        return STOP
    return None


def _titled_name(c: ChainWalk) -> Verdict:
    """مطار الملك عبدالعزيز: a titled name inside an organisation; after a closed one, a
    name is its head, not part of it."""
    kt = c.look.match(c.toks, c.j, "name_titles")
    if not (kt and c.look.name_like(c.toks, c.j + kt, c.date_toks)):
        return None
    if not c.allow_names or c.closed:
        return STOP
    c.j = extend_name(c.look, c.toks, c.j + kt, c.date_toks, True)
    c.closed = True
    return GO


def _second_role(c: ChainWalk) -> Verdict:
    """امير منطقه عسير الرييس الفخري: a second role in apposition."""
    if not c.allow_names and c.tok.definite and c.j - c.origin >= 2 and c.look.match(c.toks, c.j, "role_heads"):
        return STOP
    return None


def _role_after_closed(c: ChainWalk) -> Verdict:
    """رئيس البلدية | الخبيرة الفنلندية: a role is not an adjective (المساعد may be)."""
    if c.closed and c.tok.definite and c.look.match(c.toks, c.j, "role_heads") \
            and c.tok.text not in W.ROLE_ADJECTIVES:
        return STOP
    return None


def _coordinated(c: ChainWalk) -> Verdict:
    """و + noun continues the chain only as a coordinated noun (ودور التوقيف، والاقتصادية)."""
    if not c.look.is_conj(c.tok):
        return None
    toks, j = c.toks, c.j
    rest = c.tok.text[1:]
    if c.closed and (rest.startswith(W.ARTICLE) or (j + 1 < len(toks) and toks[j + 1].definite
                                                    and not rest.endswith(W.PRONOUN_ENDINGS))) \
            and not c.look.match(toks, j, "role_heads") and not c.look.lex.is_first_name(rest):
        c.j += 1
        return GO
    return STOP


def _goes_on_through(c: ChainWalk) -> bool:
    """After a closed phrase, ب / ل + an organisation head, a role's posting place or a
    body (بمجلس المنطقة، بالمحافظة، مدير التعليم بجدة); ل after an adjective (الهيئة
    العامة للسياحة), or any ل in a role (وزير الدولة للشؤون الخارجية، النائب الثاني لرئيس);
    not بالدور or بلدية الزرقاء للوصول."""
    look, tok, j = c.look, c.tok, c.j
    return bool(look.match(c.toks, j, "org_heads")) or any(
        (not c.allow_names and (look.is_place(f) or f.removeprefix(W.ARTICLE) in W.REGIONS))
        or (f.startswith(W.ARTICLE) and look.lex.stat(f).org) for f in bare_forms(tok.text)[1:]) \
        or (tok.text[0] == W.LAM and j > 0 and look.adjective(c.toks[j - 1])) \
        or (tok.text[0] == W.LAM and not c.allow_names and not look.lex.is_stop(tok.text))


def _region_name_follows(c: ChainWalk, form: str) -> bool:
    """بمنطقة تبوك، بدولة قطر: after a region, its own name (c.j is the word after it)."""
    look, toks, j = c.look, c.toks, c.j
    return form.removeprefix(W.ARTICLE) in W.REGIONS and not form.startswith(W.ARTICLE) \
        and j < len(toks) and is_wordlike(toks[j]) and not toks[j].definite \
        and not look.lex.is_common(toks[j].text) and not look.lex.is_first_name(toks[j].text) \
        and not look.blocked(toks, j, c.date_toks)


def _prepositional(c: ChainWalk) -> Verdict:
    """A word with ب / ل glued to it: on only where `_goes_on_through` allows."""
    tok = c.tok
    if not c.look.has_preposition(tok.text):
        return None
    if not (c.closed and _goes_on_through(c)):
        return STOP
    c.j += 1
    if _region_name_follows(c, bare_forms(tok.text)[-1]):
        c.j += 1
    return GO


def _definite(c: ChainWalk) -> Verdict:
    """A definite word closes the chain. After a definite role head only adjectives follow
    (الرئيس التنفيذي، الوزير المفوض), not a new noun (أبدى الوزير | الشكر لرئيس ...)."""
    look, toks, j, tok = c.look, c.toks, c.j, c.tok
    if not tok.definite:
        return None
    if not c.allow_names and j == c.origin and j > 0 and toks[j - 1].definite \
            and look.match(toks, j - 1, "role_heads") \
            and not (look.adjective(tok) or tok.text in W.ROLE_ADJECTIVES):
        return STOP
    c.closed = True
    c.j += 1
    return GO


def _after_closed(c: ChainWalk) -> Verdict:
    """An indefinite word after a definite one starts something new (a name)."""
    return STOP if c.closed else None


def _founder_name(c: ChainWalk) -> Verdict:
    """مؤسسة محمد بن سلمان الخيرية: a name with بن inside an organisation."""
    toks, j = c.toks, c.j
    if c.allow_names and c.look.lex.is_first_name(c.tok.text) and j + 1 < len(toks) \
            and toks[j + 1].text in W.PATRONYMICS:
        c.j = extend_name(c.look, toks, j, c.date_toks, True)
        c.closed = True
        return GO
    return None


def _later_first_name(c: ChainWalk) -> Verdict:
    return STOP if c.look.lex.is_first_name(c.tok.text) and c.j > c.i else None


def _second_proper_word(c: ChainWalk) -> Verdict:
    """بلدية طولكرم | إياد الجيوسي: a second unknown word after a place name."""
    if c.j > c.i and c.look.proper(c.toks[c.j - 1]) and c.look.proper(c.tok):
        return STOP
    return None


def _connector_next(c: ChainWalk) -> Verdict:
    """سفر بن سويد: a name."""
    return STOP if c.j + 1 < len(c.toks) and c.toks[c.j + 1].text in W.CONNECTORS else None


def _indefinite_noun(c: ChainWalk) -> Verdict:
    c.j += 1
    return GO


CHAIN_STEPS = (_boundary, _quoted_name, _not_a_word, _someone_else, _titled_name, _second_role,
               _role_after_closed, _coordinated, _prepositional, _definite, _after_closed,
               _founder_name, _later_first_name, _second_proper_word, _connector_next, _indefinite_noun)


def extend_chain(look: Lookups, toks: list[Tok], i: int, limit: int, date_toks: set[int],
                 allow_names: bool, closed: bool = False, stops: frozenset[int] = frozenset(),
                 quotes: bool = True, origin: int | None = None) -> int:
    """End of an idafa chain starting after a head at i: indefinite nouns up to the first
    definite one, then definite adjectives; quoted names; ل/ب + organisation heads."""
    origin = i if origin is None else origin
    state = ChainWalk(look, toks, i, limit, date_toks, allow_names, closed, stops, quotes, origin, i)
    return walk(state, CHAIN_STEPS).j


def find_orgs(look: Lookups, toks: list[Tok], date_toks: set[int]) -> list[tuple[int, int]]:
    """Organisations: a head and its chain (a definite head may stand alone)."""
    out = []
    i = 0
    while i < len(toks):
        n = look.match(toks, i, "org_heads")
        if n and not look.lex.is_stop(toks[i].text):     # برئاسة is a cue, not رئاسة
            end = extend_chain(look, toks, i + n, MAX_ORG, date_toks, allow_names=True,
                               closed=toks[i + n - 1].definite)
            if end > i + n or toks[i].definite:
                out.append((i, end))
                i = end
                continue
        i += 1
    return out
