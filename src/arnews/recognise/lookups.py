"""Look-ups at a token position: lexicon entries, triggers, and what a single word is.

`Lookups` binds the lexicons once (with an index of each lexicon's first words, so that
most tokens are rejected at once) and answers the questions every rule asks about the
word at a position: does a role head, an organisation head, a title or a meeting trigger
start here (`match`, `trigger_at`), is this و a conjunction (`is_conj`), is this word a
place, does it carry ب / ل (`has_preposition`), can it be part of a name (`name_like`).
It is the public face of the lexicons for the stages after recognise.
"""
from __future__ import annotations

from functools import lru_cache

from arnews.recognise import words as W
from arnews.recognise.lexicon import Lexicons
from arnews.text.tokens import Tok, bare_forms

INDEXED = ("titles", "name_titles", "role_heads", "org_heads", "groups",
           "triggers", "light_verbs", "event_nouns", "with_verbs")
HEAD_TABLES = ("role_heads", "org_heads", "groups")     # matched with or without ال
CONJ_HEAD_TABLES = ("role_heads", "org_heads", "groups", "titles", "name_titles", "triggers")
Trigger = tuple[str, str, str]                           # kind, sides, mode
CACHE_LIMIT = 200_000     # word look-ups kept per Lookups (about 50 MB: a worker's memory stays bounded)


@lru_cache(maxsize=100_000)
def future_forms(word: str) -> tuple[str, ...]:
    """سيلتقي -> (يلتقي,): the word without a future prefix before an imperfect verb."""
    out = []
    for pre in W.FUTURE_PREFIXES:
        if word.startswith(pre) and len(word) - len(pre) >= 3 and word[len(pre)] in W.IMPERFECT_PREFIXES:
            out.append(word[len(pre):])
    return tuple(out)

DASHES = ("-", "\u2013", "\u2014")


def is_wordlike(tok: Tok) -> bool:
    """A word that may be part of a name; a dash glued to it (-حفظه الله-) marks an aside."""
    return not tok.is_punct and any(c.isalpha() for c in tok.text) and not tok.text.isdigit() \
        and not tok.text.startswith(DASHES) and not tok.text.endswith(DASHES)


def is_name_ali(tok: Tok) -> bool:
    """علي (the name, with yaa) is not على (the preposition, with alef maqsura)."""
    return tok.text in W.ALI and tok.raw.endswith(W.NAME_YAA)


def is_glued_compound(word: str) -> bool:
    """A compound first name written as one word: عبدالرؤوف، أبوالقاسم (عبد/أبو + ال...)."""
    return any(word.startswith(p) and word[len(p):].startswith(W.ARTICLE) and len(word) - len(p) >= 5
               for p in W.COMPOUND_STARTS)


def is_place_head(word: str) -> bool:
    """A building rather than an organisation: مكتب، قصر، قاعة (with or without ال)."""
    return word.removeprefix(W.ARTICLE).startswith(W.BUILDINGS)


def _without_article(form: str) -> str:
    return form[len(W.ARTICLE):]


class Lookups:
    """The lexicons of one run, asked about one position of a sentence at a time."""

    def __init__(self, lex: Lexicons):
        self.lex = lex
        self._max_len = {name: max((len(e) for e in getattr(lex, name)), default=1) for name in INDEXED}
        # First words of each lexicon: most tokens start no entry, and are rejected at once.
        self._firsts = {name: {e[0] for e in getattr(lex, name)} for name in INDEXED}
        # Whether a word may start an entry of a lexicon, per (word, lexicon): the rules ask
        # it of the same words many times (each name start and each extension asks it).
        self._start_cache: dict[tuple[str, str], bool] = {}
        self._trigger_cache: dict[tuple[str, str], tuple[str, ...]] = {}
        # `blocked` per position of the sentence asked about last: each name start and
        # each extension asks it again of the same tokens.
        self._blocked_of: tuple[list[Tok] | None, set[int] | None] = (None, None)
        self._blocked: dict[int, bool] = {}

    # --- lexicon entries at a position ---------------------------------------------------
    def match(self, toks: list[Tok], i: int, name: str) -> int:
        """Length of the longest entry of lexicon `name` starting at token i (0 if none).

        The first token may carry a clitic (و، ل، ب، لل)."""
        return self.match_at(toks, i, name)[0]

    def head_clitic(self, toks: list[Tok], i: int, name: str) -> int:
        """Characters of the proclitic glued to the entry matched at i (لرئيس -> 1)."""
        return self.match_at(toks, i, name)[1]

    def match_at(self, toks: list[Tok], i: int, name: str) -> tuple[int, int]:
        """(length, clitic characters) of the longest entry of `name` at i, or (0, 0)."""
        word = toks[i].text
        heads = name in HEAD_TABLES
        if not self._may_start(word, name, heads):
            return 0, 0
        table = getattr(self.lex, name)
        for n in range(min(self._max_len[name], len(toks) - i), 0, -1):
            if any(t.is_punct for t in toks[i:i + n]):
                continue
            rest = tuple(t.text for t in toks[i + 1:i + n])
            for form in bare_forms(word):
                clitic = len(word) - len(form) if word.endswith(form) else 0   # للأمم: no verbatim head
                if any((c, *rest) in table for c in self._head_candidates(form, heads)):
                    return n, clitic
        return 0, 0

    def _may_start(self, word: str, name: str, heads: bool) -> bool:
        key = (word, name)
        known = self._start_cache.get(key)
        if known is None:
            firsts = self._firsts[name]
            known = any(f in firsts or (heads and f.startswith(W.ARTICLE) and _without_article(f) in firsts)
                        for f in bare_forms(word))
            if len(self._start_cache) > CACHE_LIMIT:
                self._start_cache.clear()
            self._start_cache[key] = known
        return known

    def _trigger_forms(self, word: str, table: str) -> tuple[str, ...]:
        """The forms of `word` that start an entry of `table` (none for most words)."""
        key = (word, table)
        forms = self._trigger_cache.get(key)
        if forms is None:
            forms = bare_forms(word) + future_forms(word)
            forms = forms if any(f in self._firsts[table] for f in forms) else ()
            if len(self._trigger_cache) > CACHE_LIMIT:
                self._trigger_cache.clear()
            self._trigger_cache[key] = forms
        return forms

    @staticmethod
    def _head_candidates(form: str, heads: bool) -> list[str]:
        """A head is listed without ال: الوزارة is tried as وزارة too."""
        if heads and form.startswith(W.ARTICLE) and len(form) > 4:
            return [form, _without_article(form)]
        return [form]

    # --- meeting triggers ----------------------------------------------------------------
    def trigger_at(self, toks: list[Tok], i: int, table: str = "triggers") -> tuple[int, Trigger] | None:
        """A meeting trigger (or, with table='light_verbs' / 'event_nouns', its parts) at i."""
        entries = getattr(self.lex, table)
        forms = self._trigger_forms(toks[i].text, table)
        if not forms:
            return None
        for n in (3, 2, 1):
            if i + n > len(toks):
                continue
            rest = tuple(t.text for t in toks[i + 1:i + n])
            for form in forms:
                hit = entries.get((form, *rest))
                if hit:
                    return n, hit
        return None

    def is_trigger_word(self, toks: list[Tok], i: int) -> bool:
        return bool(self.trigger_at(toks, i) or self.trigger_at(toks, i, "light_verbs")
                    or self.trigger_at(toks, i, "with_verbs") or self.trigger_at(toks, i, "event_nouns"))

    def is_future_verb(self, word: str) -> bool:
        """سيلتقي، وسيزور: the future prefix on an imperfect trigger verb."""
        firsts = {key[0] for key, (kind, _, _) in self.lex.triggers.items() if kind in ("verb", "verb_obj")}
        firsts |= {key[0] for key in self.lex.light_verbs} | {key[0] for key in self.lex.with_verbs}
        return any(f in firsts for f in future_forms(word))

    # --- one word ------------------------------------------------------------------------
    def is_conj(self, tok: Tok) -> bool:
        """و + a word (ومحمد، والوفد، ومدير), unless the whole token is itself a name
        (وليد، وائل) or an unknown foreign name that starts with the letter (ويلسون)."""
        if not tok.conj:
            return False
        rest = tok.text[1:]
        if self.lex.is_first_name(rest) or self.lex.stat(rest).total > self.lex.stat(tok.text).total:
            return True          # ومحمد: و + محمد
        s = self.lex.stat(tok.text)
        if s.first + s.inner > s.other and s.first + s.inner >= 2:
            return False
        if rest.startswith(W.ARTICLE) or self.lex.stat(rest).total or s.total:
            return True
        if is_glued_compound(rest):
            return True          # وعبدالرؤوف: و + a compound first name written as one word
        return any(rest in self._firsts[name] for name in CONJ_HEAD_TABLES)

    def is_place(self, word: str) -> bool:
        """A word the annotated corpora mostly tag as (part of) a place: جدة، القاهرة، روما."""
        s = self.lex.stat(word)
        return s.place >= 2 and s.place > s.other + s.first + s.inner

    def has_preposition(self, word: str) -> bool:
        """ب/ل glued to a word (بمجلس، للشباب), told apart from words that start with the letter."""
        if word[:1] not in W.PREPOSITION_LETTERS or word.startswith(W.ARTICLE) or len(word) < 4:
            return False
        rest = word[1:]
        if word.startswith(W.ARTICLE_AFTER_LAM) or rest.startswith(W.ARTICLE) \
                or (rest,) in self.lex.org_heads or (rest,) in self.lex.role_heads:
            return True
        whole, bare = self.lex.stat(word), self.lex.stat(rest)
        if whole.first + whole.inner > 0:
            return False         # بندر، بدر، بسام: names that start with the letter
        # the rest must be an ordinary word seen a few times (بجهود), not a rare one (بريت)
        return bare.other >= 3 or self.is_place(rest) or rest.startswith(W.SEATS)

    def proper(self, tok: Tok) -> bool:
        """An indefinite word the corpora never saw as an ordinary word (a place or a name)."""
        st = self.lex.stat(tok.text)
        return not tok.definite and st.first + st.inner + st.place >= st.other \
            and not self.is_conj(tok) and tok.text not in W.CONNECTORS

    def adjective(self, tok: Tok) -> bool:
        """A definite adjective (العامة، الوطنية، العليا، السعودي) that an organisation name
        continues after with ل (الهيئة العامة للسياحة)."""
        w = tok.text
        return tok.definite and not self.is_place(w) and w.endswith(W.ADJECTIVE_ENDINGS) \
            and not self.lex.is_first_name(w)

    # --- can a word be part of a name ----------------------------------------------------
    def blocked(self, toks: list[Tok], i: int, date_toks: set[int]) -> bool:
        """A token that can never be part of a name."""
        sentence, dates = self._blocked_of
        if sentence is not toks or dates is not date_toks:
            self._blocked_of, self._blocked = (toks, date_toks), {}
        known = self._blocked.get(i)
        if known is None:
            known = self._blocked[i] = self._is_blocked(toks, i, date_toks)
        return known

    def _is_blocked(self, toks: list[Tok], i: int, date_toks: set[int]) -> bool:
        tok = toks[i]
        if not is_wordlike(tok) or i in date_toks:
            return True
        if self.lex.is_stop(tok.text) and not is_name_ali(tok):
            return True
        first_name = i + 1 < len(toks) and toks[i + 1].text in W.PATRONYMICS   # مساعد بن محمد
        return bool((self.match(toks, i, "role_heads") and not first_name) or self.match(toks, i, "org_heads")
                    or self.match(toks, i, "titles") or self.match(toks, i, "groups")
                    or self.is_trigger_word(toks, i))

    def name_like(self, toks: list[Tok], i: int, date_toks: set[int]) -> bool:
        if i >= len(toks) or self.blocked(toks, i, date_toks) or self.has_preposition(toks[i].text):
            return False
        return not self.is_conj(toks[i])

    def ran_on(self, toks: list[Tok], k: int) -> bool:
        """A word after a name of two words or more that is not part of it: the next person
        or verb (ونيمار، واستمع), a word with a plural pronoun (برامجهم), a second definite
        word that is no name (المالكي | الأخيرة), a place, a function word or an indefinite
        ordinary word (a definite one may be a family name: علي عبدالله الأحمر)."""
        tok, lex = toks[k], self.lex
        if toks[k - 1].text in W.CONNECTORS or (lex.is_name_word(tok.text) and not tok.conj) \
                or (tok.definite and toks[k - 2].text in W.LINEAGE and not self.is_place(tok.text)):
            return False     # علي بن ناصر + الشهري: a family name after the father's
        return (tok.conj and not lex.is_name_word(tok.text)) or tok.text.endswith(W.PLURAL_PRONOUNS) \
            or (tok.definite and toks[k - 1].definite) or self.is_place(tok.text) \
            or lex.is_stop(tok.text) or (lex.is_common(tok.text) and not tok.definite)

    def after_connector(self, toks: list[Tok], i: int, date_toks: set[int]) -> bool:
        """A word after بن / آل / أبو belongs to the name unless it is a function word:
        سعود بن قابل (قابل is also a verb), فيصل بن مشعل."""
        tok = toks[i]
        return is_wordlike(tok) and i not in date_toks and not tok.is_quote \
            and not (self.lex.is_stop(tok.text) and not is_name_ali(tok))

