"""Person names in a sentence: where one starts (`name_at`) and where it ends (`extend_name`).

Names are recognised from first names seen in annotated corpora, connectors (بن، آل،
عبد، أبو), quotes around foreign names ("دوسان بوستفيتش") and royal or religious titles
kept in the name (الأمير فيصل بن خالد). Both rules are ordered tables of named tests.
"""
from __future__ import annotations

from dataclasses import dataclass

from arnews.recognise import words as W
from arnews.recognise.lookups import Lookups, is_glued_compound, is_name_ali, is_wordlike
from arnews.recognise.spans import NameSpan
from arnews.recognise.steps import GO, NO, STOP, Verdict, first, walk
from arnews.text.tokens import Tok

MAX_NAME = 6


# --- where a name ends ----------------------------------------------------------------
@dataclass
class NameWalk:
    """A name being extended: its first word at i, the next word to decide at j."""

    look: Lookups
    toks: list[Tok]
    i: int
    date_toks: set[int]
    first_strong: bool
    j: int

    def more(self) -> bool:
        return self.j < len(self.toks) and self.j - self.i < MAX_NAME

    @property
    def word(self) -> str:
        return self.toks[self.j].text


def _common_word_before_nisba(w: NameWalk) -> Verdict:
    """اللواء خالد قرار الحربي: after a strong start, an ordinary word then a nisba."""
    toks, j, lex = w.toks, w.j, w.look.lex
    if w.first_strong and lex.is_common(w.word) and j + 1 < len(toks) and toks[j + 1].definite \
            and toks[j + 1].text.endswith(W.NISBA_ENDING) and w.look.name_like(toks, j, w.date_toks) \
            and w.look.name_like(toks, j + 1, w.date_toks) and not lex.is_common(toks[j + 1].text):
        w.j += 2
        return GO
    return None


def _after_family(w: NameWalk) -> Verdict:
    """سلمان بن عبدالعزيز آل سعود | برقية: the family name ends the name."""
    if w.j - 2 > w.i and w.toks[w.j - 2].text in W.FAMILY and w.word not in W.ORDINALS:
        return STOP
    return None


def _ran_on(w: NameWalk) -> Verdict:
    """ياسر القحطاني | برامجهم، ليونيل ميسي | ونيمار: past two words, a word that is not
    a name's (`Lookups.ran_on`) ends it."""
    if w.j >= w.i + 2 and w.look.ran_on(w.toks, w.j):
        return STOP
    return None


def _connector(w: NameWalk) -> Verdict:
    """بن / آل / أبو and the word after it (سعود بن قابل)."""
    if w.word in W.CONNECTORS and w.j + 1 < len(w.toks) and w.look.after_connector(w.toks, w.j + 1, w.date_toks):
        w.j += 2
        return GO
    return None


def _ordinal(w: NameWalk) -> Verdict:
    """الملك عبدالله الثاني: a regnal ordinal ends the name."""
    if w.word in W.ORDINALS and w.first_strong:
        w.j += 1
        return STOP
    return None


def _not_name_like(w: NameWalk) -> Verdict:
    """A new line, or a word that cannot be part of a name."""
    if w.toks[w.j].nl_before or not w.look.name_like(w.toks, w.j, w.date_toks):
        return STOP
    return None


def _common_word(w: NameWalk) -> Verdict:
    """An ordinary word ends the name, unless it is a definite family name: محمد الفايز،
    عبدالرحمن الصالح right after a first name (even when it is also an adjective), or a
    nisba after بن X (علي بن ناصر الشهري)."""
    toks, j, lex = w.toks, w.j, w.look.lex
    if not (lex.is_common(w.word) and not lex.is_name_word(w.word)):
        return None
    prev_word = toks[j - 1].text
    prev = lex.stat(prev_word)
    unambiguous = lex.is_first_name(prev_word) and prev.first >= 3 * prev.other
    # السفير عسيري العلاقات: a family name (a nisba) first takes no ordinary word after it
    family_first = prev_word.endswith(W.NISBA_ENDING) and not lex.is_first_name(prev_word) \
        and not is_name_ali(toks[j - 1])
    # نظيره المصري + تمتين العلاقات: an unknown word before an ordinary definite one is a noun phrase
    unknown_first = j == w.i + 1 and not lex.is_name_word(prev_word)
    if toks[j].definite and ((j == w.i + 1 and w.first_strong and not family_first and not unknown_first)
                             or unambiguous):
        w.j += 1
        return GO
    if toks[j].definite and w.word.endswith(W.NISBA_ENDING) and j >= 2 and toks[j - 2].text in W.LINEAGE:
        w.j += 1
        return GO
    return STOP


def _accusative(w: NameWalk) -> Verdict:
    """علي بن ناصر حاضراً: an accusative word after an Arabic name, not part of it."""
    toks, j = w.toks, w.j
    if w.word.endswith(W.ACCUSATIVE_ENDING) and not toks[j].definite and not w.look.lex.is_name_word(w.word) \
            and j >= 2 and toks[j - 2].text in W.CONNECTORS:
        return STOP
    return None


def _surname(w: NameWalk) -> Verdict:
    """A family name with the article (العسيلي), a known name word, or an unseen word
    (or any word after a strong first word)."""
    lex = w.look.lex
    if w.toks[w.j].definite or lex.is_name_word(w.word) or lex.stat(w.word).total == 0 or w.first_strong:
        w.j += 1
        return GO
    return STOP


NAME_STEPS = (_after_family, _common_word_before_nisba, _connector, _ran_on, _ordinal, _not_name_like, _common_word,
              _accusative, _surname)


def extend_name(look: Lookups, toks: list[Tok], i: int, date_toks: set[int], first_strong: bool) -> int:
    """End (exclusive) of a name whose first word is at i."""
    j = i + 1
    if toks[i].text in W.COMPOUND_STARTS and j < len(toks) and not toks[j].is_punct:
        j += 1          # عبد ربه منصور هادي: the compound first name is one unit
    j = walk(NameWalk(look, toks, i, date_toks, first_strong, j), NAME_STEPS).j
    while j > i + 1 and toks[j - 1].text in W.CONNECTORS:
        j -= 1          # a dangling connector is not part of the name
    return j


# --- where a name starts --------------------------------------------------------------
def _titled(look: Lookups, toks: list[Tok], i: int, date_toks: set[int]) -> NameSpan | None:
    """A royal or religious title kept in the name: الأمير فيصل بن خالد; a title after
    it stays inside (الأمير الدكتور تركي)."""
    kt = look.match(toks, i, "name_titles")
    if kt and i + kt < len(toks) and look.match(toks, i + kt, "titles"):
        kt += look.match(toks, i + kt, "titles")
    if kt and look.name_like(toks, i + kt, date_toks):
        end = extend_name(look, toks, i + kt, date_toks, first_strong=True)
        return NameSpan(i, end, strength=2, clitic=look.head_clitic(toks, i, "name_titles"))
    return None


def _quoted(look: Lookups, toks: list[Tok], i: int, date_toks: set[int]) -> NameSpan | str | None:
    """A quoted name: "دوسان بوستفيتش" (kept only next to a role or title, see
    people.drop_bare_quotes: «داعش» is not a person)."""
    if not (toks[i].is_quote and i + 1 < len(toks)):
        return None
    j = i + 1
    while j < len(toks) and j - i <= 4 and not toks[j].is_quote and is_wordlike(toks[j]) \
            and not look.lex.is_stop(toks[j].text):
        j += 1
    if j < len(toks) and toks[j].is_quote and j > i + 1:
        return NameSpan(i + 1, j, quoted=True, strength=1)
    return NO


def _conj_first_name(look: Lookups, toks: list[Tok], i: int, date_toks: set[int]) -> NameSpan | None:
    """ويوسف الحربي، وعبدالرؤوف أبو زناده: و + a first name."""
    rest = toks[i].text[1:]
    if toks[i].conj and (look.lex.is_first_name(rest) or is_glued_compound(rest)) \
            and not look.blocked(toks, i, date_toks):
        end = extend_name(look, toks, i, date_toks, first_strong=False)
        if end > i + 1:
            return NameSpan(i, end, clitic=1, strength=2)
    return None


def _not_a_start(look: Lookups, toks: list[Tok], i: int, date_toks: set[int]) -> str | None:
    """A word that cannot be in a name, or a connector (a name does not start with one)."""
    if not look.name_like(toks, i, date_toks) or toks[i].text in W.NOT_FIRST:
        return NO
    return None


def _ali(look: Lookups, toks: list[Tok], i: int, date_toks: set[int]) -> NameSpan | None:
    """علي عبدالله صالح: the name علي before a name word, a connector or a word the corpora
    never saw (علي عواض عسيري)."""
    if is_name_ali(toks[i]) and i + 1 < len(toks) and look.name_like(toks, i + 1, date_toks) \
            and (look.lex.is_name_word(toks[i + 1].text) or toks[i + 1].text in W.CONNECTORS
                 or (look.lex.stat(toks[i + 1].text).total == 0 and not toks[i + 1].definite)):
        return NameSpan(i, extend_name(look, toks, i, date_toks, False), strength=2)
    return None


def _before_connector(look: Lookups, toks: list[Tok], i: int, date_toks: set[int]) -> NameSpan | None:
    """A connector right after: سفر بن سويد، عبدالله آل شجاع."""
    word = toks[i].text
    nxt = toks[i + 1].text if i + 1 < len(toks) else ""
    if nxt in W.CONNECTORS and i + 2 < len(toks) and look.after_connector(toks, i + 2, date_toks) \
            and (nxt in W.PATRONYMICS or not look.lex.is_common(word)) and not toks[i].definite:
        return NameSpan(i, extend_name(look, toks, i, date_toks, True), strength=2)
    return None


def _first_name(look: Lookups, toks: list[Tok], i: int, date_toks: set[int]) -> NameSpan | None:
    """A first name the corpora know, and at least one more word."""
    if look.lex.is_first_name(toks[i].text) and not toks[i].definite:
        end = extend_name(look, toks, i, date_toks, first_strong=False)
        if end > i + 1:
            return NameSpan(i, end, strength=2)
    return None


NAME_STARTS = (_titled, _quoted, _conj_first_name, _not_a_start, _ali, _before_connector, _first_name)


def name_at(look: Lookups, toks: list[Tok], i: int, date_toks: set[int]) -> NameSpan | None:
    """The name starting at token i, if one does."""
    return first(NAME_STARTS, look, toks, i, date_toks)


def find_names(look: Lookups, toks: list[Tok], date_toks: set[int]) -> list[NameSpan]:
    names: list[NameSpan] = []
    i = 0
    while i < len(toks):
        span = name_at(look, toks, i, date_toks)
        if span:
            names.append(span)
            i = span.end
        else:
            i += 1
    return names


def titles_someone(look: Lookups, toks: list[Tok], j: int, date_toks: set[int]) -> bool:
    """A title followed by a name, a role or another title (not دولة قطر)."""
    n = look.match(toks, j, "titles")
    if not n:
        return False
    k = j + n
    return k >= len(toks) or name_at(look, toks, k, date_toks) is not None or bool(
        look.match(toks, k, "role_heads") or look.match(toks, k, "titles")
        or look.match(toks, k, "name_titles")) or toks[k].is_quote
