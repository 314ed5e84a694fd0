"""Rule-based recognition of people, roles (OCC) and organisations in one sentence.

Works on the normalised tokens of a sentence and returns token-index spans. The rules
follow how Arabic news writes people:

* ROLE NAME (مدير عام السجون اللواء إبراهيم الحمزي) and NAME ROLE (خالد العسيلي رئيس بلدية
  الخليل), with honorifics and ranks between (dropped from the name) and royal or
  religious titles (kept: الأمير فيصل بن خالد).
* A role is its head word plus the idafa chain it governs: indefinite nouns up to the first
  definite one, then definite adjectives (وزير الخارجية السوري). An indefinite word after
  a closed chain starts a name (مستشار وزير العدل التركي بصري باغجي).
* Names are recognised from first names seen in annotated corpora, connectors (بن، آل،
  عبد، أبو), quotes around foreign names ("دوسان بوستفيتش"), and position next to a role.
* An organisation is its head (وزارة، بلدية، شركة) plus its chain; a person name inside one
  (مطار الملك عبدالعزيز) belongs to the organisation.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from arnews.recognise.lexicon import Lexicons
from arnews.text.tokens import Tok, bare_forms

ORDINALS = {"الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس"}   # الملك عبدالله الثاني
# Region and state nouns a role's posting place starts with (مدير التعليم بمنطقة تبوك، بدولة قطر).
REGIONS = {"منطقه", "محافظه", "مدينه", "مركز", "امانه", "جمهوريه", "دوله", "مملكه", "سلطنه", "اماره"}
# Adjectives that follow a definite role head (الرئيس العام، الأمين المكلف), besides nisbas.
ROLE_ADJECTIVES = {"العام", "العامه", "المكلف", "المفوض", "المساعد", "الاعلي", "السابق", "الاسبق",
                   "الجديد", "الفخري", "المناوب", "الاول", "الثاني", "الثالث", "المشرف"}
POSSESSED = ("ته", "تها", "تهم", "اته", "ات")   # جلسته، باقات: a possessed or plural noun, not a name
CONNECTORS = {"بن", "بنت", "ابن", "ابو", "ابي", "ال", "عبد", "ام", "ولد", "دي", "فان", "فون"}
MAX_NAME = 6
MAX_ROLE = 9
MAX_ORG = 8


@dataclass
class NameSpan:
    start: int          # token indices, [start, end)
    end: int
    clitic: int = 0     # characters of a leading clitic on the first token (ويوسف -> 1)
    quoted: bool = False
    strength: int = 1   # 2: strong evidence (title, connector, first name), 1: position only


@dataclass
class RoleSpan:
    start: int
    end: int
    org: tuple[int, int] | None = None   # the organisation the role governs, if any


@dataclass
class SentenceAnalysis:
    names: list[NameSpan] = field(default_factory=list)
    roles: list[RoleSpan] = field(default_factory=list)
    orgs: list[tuple[int, int]] = field(default_factory=list)
    titles: list[tuple[int, int]] = field(default_factory=list)
    people: list[tuple[NameSpan | None, RoleSpan | None]] = field(default_factory=list)


class SentenceRules:
    """The rules, bound to one set of lexicons, applied to one sentence at a time."""

    def __init__(self, lex: Lexicons):
        self.lex = lex
        names = ("titles", "name_titles", "role_heads", "org_heads", "groups",
                 "triggers", "light_verbs", "event_nouns", "with_verbs")
        self._max_len = {name: max((len(e) for e in getattr(lex, name)), default=1) for name in names}
        # First words of each lexicon: most tokens start no entry, and are rejected at once.
        self._firsts = {name: {e[0] for e in getattr(lex, name)} for name in names}

    # --- lexicon look-ups at a position ------------------------------------------------
    def match(self, toks: list[Tok], i: int, name: str) -> int:
        """Length of the longest entry of lexicon `name` starting at token i (0 if none).

        The first token may carry a clitic (و، ل، ب، لل)."""
        return self.match_at(toks, i, name)[0]

    def head_clitic(self, toks: list[Tok], i: int, name: str) -> int:
        """Characters of the proclitic glued to the entry matched at i (لرئيس -> 1)."""
        return self.match_at(toks, i, name)[1]

    def match_at(self, toks: list[Tok], i: int, name: str) -> tuple[int, int]:
        table = getattr(self.lex, name)
        word = toks[i].text
        heads = name in ("role_heads", "org_heads", "groups")
        firsts = self._firsts[name]
        if not any(f in firsts or (heads and f.startswith("ال") and f[2:] in firsts) for f in bare_forms(word)):
            return 0, 0
        for n in range(min(self._max_len[name], len(toks) - i), 0, -1):
            if any(t.is_punct for t in toks[i:i + n]):
                continue
            rest = tuple(t.text for t in toks[i + 1:i + n])
            for form in bare_forms(word):
                clitic = len(word) - len(form) if word.endswith(form) else 0   # للأمم: no verbatim head
                candidates = [form, form[2:]] if heads and form.startswith("ال") and len(form) > 4 else [form]
                if any((c, *rest) in table for c in candidates):
                    return n, clitic
        return 0, 0

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
        if rest.startswith("ال") or self.lex.stat(rest).total or s.total:
            return True
        return any(rest in self._firsts[name] for name in ("role_heads", "org_heads", "groups", "titles",
                                                          "name_titles", "triggers"))

    def _titles_someone(self, toks: list[Tok], j: int, date_toks: set[int]) -> bool:
        """A title followed by a name, a role or another title (not دولة قطر)."""
        n = self.match(toks, j, "titles")
        if not n:
            return False
        k = j + n
        return k >= len(toks) or self._name_at(toks, k, date_toks) is not None or bool(
            self.match(toks, k, "role_heads") or self.match(toks, k, "titles")
            or self.match(toks, k, "name_titles")) or toks[k].is_quote

    def _proper(self, tok: Tok) -> bool:
        """An indefinite word the corpora never saw as an ordinary word (a place or a name)."""
        st = self.lex.stat(tok.text)
        return not tok.definite and st.first + st.inner + st.place >= st.other \
            and not self.is_conj(tok) and tok.text not in CONNECTORS

    def _adjective(self, tok: Tok) -> bool:
        """A definite adjective (العامة، الوطنية، العليا، السعودي) that an organisation name
        continues after with ل (الهيئة العامة للسياحة)."""
        w = tok.text
        return tok.definite and not self.is_place(w) and w.endswith(("ي", "يه", "امه", "يا")) \
            and not self.lex.is_first_name(w)

    @staticmethod
    def _is_name_ali(tok: Tok) -> bool:
        """علي (the name, with yaa) is not على (the preposition, with alef maqsura)."""
        return tok.text in ("علي", "وعلي") and tok.raw.endswith("ي")

    def is_place(self, word: str) -> bool:
        """A word the annotated corpora mostly tag as (part of) a place: جدة، القاهرة، روما."""
        s = self.lex.stat(word)
        return s.place >= 2 and s.place > s.other + s.first + s.inner

    @staticmethod
    def _is_place_head(word: str) -> bool:
        return word.removeprefix("ال").startswith(("مكتب", "قصر", "مقر", "بيت", "منزل", "قاعه", "مبني"))

    def has_preposition(self, word: str) -> bool:
        """ب/ل glued to a word (بمجلس، للشباب), told apart from words that start with the letter."""
        if word[:1] not in "لب" or word.startswith("ال") or len(word) < 4:
            return False
        rest = word[1:]
        if word.startswith("لل") or rest.startswith("ال") or (rest,) in self.lex.org_heads or (rest,) in self.lex.role_heads:
            return True
        whole, bare = self.lex.stat(word), self.lex.stat(rest)
        if whole.first + whole.inner > 0:
            return False         # بندر، بدر، بسام: names that start with the letter
        # the rest must be an ordinary word seen a few times (بجهود), not a rare one (بريت)
        return bare.other >= 3 or self.is_place(rest) or rest.startswith(("مكتب", "مقر", "قصر"))

    def is_wordlike(self, tok: Tok) -> bool:
        return not tok.is_punct and any(c.isalpha() for c in tok.text) and not tok.text.isdigit()

    def blocked(self, toks: list[Tok], i: int, date_toks: set[int]) -> bool:
        """A token that can never be part of a name."""
        tok = toks[i]
        if not self.is_wordlike(tok) or i in date_toks:
            return True
        if self.lex.is_stop(tok.text) and not self._is_name_ali(tok):
            return True
        return bool(self.match(toks, i, "role_heads") or self.match(toks, i, "org_heads")
                    or self.match(toks, i, "titles") or self.match(toks, i, "groups")
                    or self.is_trigger_word(toks, i))

    def trigger_at(self, toks: list[Tok], i: int, table: str = "triggers"
                   ) -> tuple[int, tuple[str, str, str]] | None:
        """A meeting trigger (or, with table='light_verbs' / 'event_nouns', its parts) at i."""
        entries = getattr(self.lex, table)
        forms = bare_forms(toks[i].text) + self._future_forms(toks[i].text)
        if not any(f in self._firsts[table] for f in forms):
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
        firsts = {key[0] for key, (kind, _, _) in self.lex.triggers.items() if kind == "verb"}
        firsts |= {key[0] for key in self.lex.light_verbs} | {key[0] for key in self.lex.with_verbs}
        return any(f in firsts for f in self._future_forms(word))

    @staticmethod
    @lru_cache(maxsize=100_000)
    def _future_forms(word: str) -> tuple[str, ...]:
        out = []
        for pre in ("وس", "فس", "س"):
            if word.startswith(pre) and len(word) - len(pre) >= 3 and word[len(pre)] in "يت":
                out.append(word[len(pre):])
        return tuple(out)

    # --- names -------------------------------------------------------------------------
    def name_like(self, toks: list[Tok], i: int, date_toks: set[int]) -> bool:
        if i >= len(toks) or self.blocked(toks, i, date_toks) or self.has_preposition(toks[i].text):
            return False
        return not self.is_conj(toks[i])

    def after_connector(self, toks: list[Tok], i: int, date_toks: set[int]) -> bool:
        """A word after بن / آل / أبو belongs to the name unless it is a function word:
        سعود بن قابل (قابل is also a verb), فيصل بن مشعل."""
        tok = toks[i]
        return self.is_wordlike(tok) and i not in date_toks and not tok.is_quote \
            and not (self.lex.is_stop(tok.text) and not self._is_name_ali(tok))

    def extend_name(self, toks: list[Tok], i: int, date_toks: set[int], first_strong: bool) -> int:
        """End (exclusive) of a name whose first word is at i."""
        j = i + 1
        if toks[i].text in {"عبد", "ابو", "ام", "ابن"} and j < len(toks) and not toks[j].is_punct:
            j += 1          # عبد ربه منصور هادي: the compound first name is one unit
        while j < len(toks) and j - i < MAX_NAME:
            word = toks[j].text
            if first_strong and self.lex.is_common(word) and j + 1 < len(toks) and toks[j + 1].definite \
                    and toks[j + 1].text.endswith("ي") and self.name_like(toks, j, date_toks) \
                    and self.name_like(toks, j + 1, date_toks) and not self.lex.is_common(toks[j + 1].text):
                j += 2      # اللواء خالد قرار الحربي
                continue
            if word in CONNECTORS and j + 1 < len(toks) and self.after_connector(toks, j + 1, date_toks):
                j += 2
                continue
            if word in ORDINALS and first_strong:
                j += 1
                break
            if toks[j].nl_before or not self.name_like(toks, j, date_toks):
                break
            if self.lex.is_common(word) and not self.lex.is_name_word(word):
                # محمد الفايز، عبدالرحمن الصالح: right after a first name, a definite word is
                # the family name even when it is also an ordinary adjective
                prev = self.lex.stat(toks[j - 1].text)
                unambiguous = self.lex.is_first_name(toks[j - 1].text) and prev.first >= 3 * prev.other
                if toks[j].definite and ((j == i + 1 and first_strong) or unambiguous):
                    j += 1
                    continue
                if toks[j].definite and word.endswith("ي") and j >= 2 and toks[j - 2].text in {"بن", "ال"}:
                    j += 1       # علي بن ناصر الشهري: a nisba family name after بن X
                    continue
                break
            stat = self.lex.stat(word)
            # Surnames: a nisba or family name with the article (العسيلي), a known name word,
            # or an unseen word right after a first name.
            if word.endswith("ا") and not toks[j].definite and not self.lex.is_name_word(word) \
                    and j >= 2 and toks[j - 2].text in CONNECTORS:
                break    # علي بن ناصر حاضراً: an accusative word after an Arabic name, not part of it
            if toks[j].definite or self.lex.is_name_word(word) or stat.total == 0 or first_strong:
                j += 1
                continue
            break
        # A dangling connector is not part of the name.
        while j > i + 1 and toks[j - 1].text in CONNECTORS:
            j -= 1
        return j

    def find_names(self, toks: list[Tok], date_toks: set[int]) -> list[NameSpan]:
        names: list[NameSpan] = []
        i = 0
        while i < len(toks):
            span = self._name_at(toks, i, date_toks)
            if span:
                names.append(span)
                i = span.end
            else:
                i += 1
        return names

    def _name_at(self, toks: list[Tok], i: int, date_toks: set[int]) -> NameSpan | None:
        # Royal / religious title kept in the name: الأمير فيصل بن خالد
        kt = self.match(toks, i, "name_titles")
        if kt and i + kt < len(toks) and self.match(toks, i + kt, "titles"):
            kt += self.match(toks, i + kt, "titles")     # الأمير الدكتور تركي: the title inside stays
        if kt and self.name_like(toks, i + kt, date_toks):
            end = self.extend_name(toks, i + kt, date_toks, first_strong=True)
            return NameSpan(i, end, strength=2, clitic=self.head_clitic(toks, i, "name_titles"))
        # Quoted name: "دوسان بوستفيتش"
        if toks[i].is_quote and i + 1 < len(toks):
            j = i + 1
            while j < len(toks) and j - i <= 4 and not toks[j].is_quote and self.is_wordlike(toks[j]) \
                    and not self.lex.is_stop(toks[j].text):
                j += 1
            if j < len(toks) and toks[j].is_quote and j > i + 1:
                # kept only next to a role or title (see _drop_bare_quotes): «داعش» is not a person
                return NameSpan(i + 1, j, quoted=True, strength=1)
            return None
        word = toks[i].text
        if toks[i].conj and self.lex.is_first_name(word[1:]) and not self.blocked(toks, i, date_toks):
            end = self.extend_name(toks, i, date_toks, first_strong=False)
            if end > i + 1:
                return NameSpan(i, end, clitic=1, strength=2)
        if not self.name_like(toks, i, date_toks) or word in {"بن", "بنت", "ال"}:
            return None      # a name does not start with its connector
        if self._is_name_ali(toks[i]) and i + 1 < len(toks) and self.name_like(toks, i + 1, date_toks) \
                and (self.lex.is_name_word(toks[i + 1].text) or toks[i + 1].text in CONNECTORS):
            return NameSpan(i, self.extend_name(toks, i, date_toks, False), strength=2)   # علي عبدالله صالح
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        # Connector right after: سفر بن سويد, عبدالله ال شجاع
        if nxt in CONNECTORS and i + 2 < len(toks) and self.after_connector(toks, i + 2, date_toks) \
                and (nxt in {"بن", "بنت", "ابن"} or not self.lex.is_common(word)) and not toks[i].definite:
            return NameSpan(i, self.extend_name(toks, i, date_toks, True), strength=2)
        if self.lex.is_first_name(word) and not toks[i].definite:
            end = self.extend_name(toks, i, date_toks, first_strong=False)
            if end > i + 1:
                return NameSpan(i, end, strength=2)
        return None

    # --- organisations -----------------------------------------------------------------
    def extend_chain(self, toks: list[Tok], i: int, limit: int, date_toks: set[int],
                     allow_names: bool, closed: bool = False, stops: frozenset[int] = frozenset(),
                     quotes: bool = True, origin: int | None = None) -> int:
        """End of an idafa chain starting after a head at i: indefinite nouns up to the first
        definite one, then definite adjectives; quoted names; ل/ب + organisation heads."""
        j = i
        origin = i if origin is None else origin
        while j < len(toks) and j - i < limit:
            tok = toks[j]
            if (tok.nl_before and j > i) or (j in stops and j > i):
                break
            if tok.is_quote:
                if not quotes or closed:
                    break     # الخبير الهولندي "يان فيرمولن": a quoted name after a closed phrase
                k = j + 1
                while k < len(toks) and not toks[k].is_quote and k - j <= 5 and self.is_wordlike(toks[k]):
                    k += 1
                if k < len(toks) and toks[k].is_quote and k > j + 1:
                    j = k + 1
                    closed = True
                    continue
                break
            if not self.is_wordlike(tok) or j in date_toks or self.lex.is_stop(tok.text):
                break
            if self.is_trigger_word(toks, j) or self._titles_someone(toks, j, date_toks) \
                    or (self.match(toks, j, "name_titles") and (closed or not allow_names)):
                break
            kt = self.match(toks, j, "name_titles")
            if kt and self.name_like(toks, j + kt, date_toks):
                if not allow_names or closed:
                    break     # a name after a closed organisation is its head, not part of it
                j = self.extend_name(toks, j + kt, date_toks, True)
                closed = True
                continue
            if not allow_names and tok.definite and j - origin >= 2 and self.match(toks, j, "role_heads"):
                break   # امير منطقه عسير الرييس الفخري: a second role in apposition
            if closed and tok.definite and self.match(toks, j, "role_heads") and tok.text not in ROLE_ADJECTIVES:
                break   # رئيس البلدية | الخبيرة الفنلندية: a role is not an adjective (المساعد may be)
            bare = bare_forms(tok.text)
            clitic = self.has_preposition(tok.text)
            if self.is_conj(tok):
                # و + noun continues the chain only as a coordinated noun (ودور التوقيف، والاقتصادية)
                rest = tok.text[1:]
                if closed and (rest.startswith("ال") or (j + 1 < len(toks) and toks[j + 1].definite
                                                         and not rest.endswith(("ها", "هم", "ه"))))\
                        and not self.match(toks, j, "role_heads") and not self.lex.is_first_name(rest):
                    j += 1
                    continue
                break
            if clitic:
                # بمجلس المنطقة، بالمحافظة; للسياحة after an adjective (الهيئة العامة للسياحة),
                # not بالدور or بلدية الزرقاء للوصول
                # (a role's posting place too: مدير التعليم بجدة; an organisation's is not its name)
                if closed and (self.match(toks, j, "org_heads") or any(
                        (not allow_names and (self.is_place(f) or f.removeprefix("ال") in REGIONS))
                        or (f.startswith("ال") and self.lex.stat(f).org) for f in bare[1:])
                        or (tok.text[0] == "ل" and j > 0 and self._adjective(toks[j - 1]))
                        # a role goes on through ل: وزير الدولة للشؤون الخارجية، النائب الثاني لرئيس
                        or (tok.text[0] == "ل" and not allow_names and not self.lex.is_stop(tok.text))):
                    j += 1
                    if bare[-1].removeprefix("ال") in REGIONS and not bare[-1].startswith("ال") \
                            and j < len(toks) and self.is_wordlike(toks[j]) and not toks[j].definite \
                            and not self.lex.is_common(toks[j].text) and not self.lex.is_first_name(toks[j].text) \
                            and not self.blocked(toks, j, date_toks):
                        j += 1   # بمنطقة تبوك، بدولة قطر: the region's own name
                    continue
                break
            if tok.definite:
                # After a definite role head only adjectives follow (الرئيس التنفيذي، الوزير
                # المفوض), not a new noun (أبدى الوزير | الشكر لرئيس ...)
                if not allow_names and j == origin and j > 0 and toks[j - 1].definite \
                        and self.match(toks, j - 1, "role_heads") \
                        and not (self._adjective(tok) or tok.text in ROLE_ADJECTIVES):
                    break
                closed = True
                j += 1
                continue
            if closed:
                break   # an indefinite word after a definite one starts something new (a name)
            if allow_names and self.lex.is_first_name(tok.text) and j + 1 < len(toks) \
                    and toks[j + 1].text in {"بن", "بنت", "ابن"}:
                j = self.extend_name(toks, j, date_toks, True)   # مؤسسة محمد بن سلمان الخيرية
                closed = True
                continue
            if self.lex.is_first_name(tok.text) and j > i:
                break
            if j > i and self._proper(toks[j - 1]) and self._proper(tok):
                break   # بلدية طولكرم | إياد الجيوسي: a second unknown word after a place name
            if j + 1 < len(toks) and toks[j + 1].text in CONNECTORS:
                break   # سفر بن سويد: a name
            j += 1
        return j

    def find_orgs(self, toks: list[Tok], date_toks: set[int]) -> list[tuple[int, int]]:
        out = []
        i = 0
        while i < len(toks):
            n = self.match(toks, i, "org_heads")
            if n and not self.lex.is_stop(toks[i].text):     # برئاسة is a cue, not رئاسة
                end = self.extend_chain(toks, i + n, MAX_ORG, date_toks, allow_names=True,
                                        closed=toks[i + n - 1].definite)
                if end > i + n or toks[i].definite:
                    out.append((i, end))
                    i = end
                    continue
            i += 1
        return out

    # --- roles -------------------------------------------------------------------------
    def find_roles(self, toks: list[Tok], date_toks: set[int], orgs: list[tuple[int, int]]) -> list[RoleSpan]:
        org_at = {s: e for s, e in orgs}
        out: list[RoleSpan] = []
        i = 0
        while i < len(toks):
            n = max(self.match(toks, i, "role_heads"), self.match(toks, i, "groups"))
            if not n or self.match(toks, i, "titles") >= n or self.match(toks, i, "name_titles") >= n \
                    or (i and toks[i - 1].text in CONNECTORS):     # عبدالله بن مساعد: a name
                i += 1
                continue
            j = i + n
            org = None
            closed = toks[i + n - 1].definite
            chained_to = -1     # where the last noun-phrase chain stopped: do not restart it there
            while j < len(toks) and j - i < MAX_ROLE:
                # The institution the role governs: رئيس بلدية الخليل، بمجلس المنطقة (not a
                # new noun phrase after a closed role: وزير الصحة | مستشفى الملك فهد)
                if j in org_at and (not closed or self.has_preposition(toks[j].text)):
                    org = (j, org_at[j])      # the last one named is the outer institution
                    j = org_at[j]
                    closed = True
                    continue
                # اعضاء من المجلس البلدي: a group of a body
                if toks[j].text == "من" and j + 1 in org_at and self.match(toks, i, "groups"):
                    j += 1
                    continue
                # في + organisation: رئيس وحدة تكنولوجيا المعلومات في بلدية الخليل
                if toks[j].text in {"في", "علي"} and j + 1 in org_at and not self._is_place_head(toks[j + 1].text):
                    org = (j + 1, org_at[j + 1])
                    j = org_at[j + 1]
                    continue
                # السفير البريطاني في القاهرة جون كاسن: the posting place before the name
                if toks[j].text == "في" and j + 2 < len(toks) and self.is_place(toks[j + 1].text) \
                        and self._name_at(toks, j + 2, date_toks) is not None:
                    j += 2
                    break
                # السفير الكوري لدى المملكة: the state an envoy is accredited to
                if toks[j].text == "لدي" and j + 1 < len(toks) and (
                        self.is_place(toks[j + 1].text) or toks[j + 1].text.removeprefix("ال") in REGIONS):
                    j += 2
                    continue
                # في + field before a quoted name: الخبيرة الصربية في تكنولوجيا الاتصالات "بونيا ..."
                if toks[j].text == "في" and j + 1 < len(toks):
                    k = self.extend_chain(toks, j + 1, 4, date_toks, allow_names=False,
                                          stops=frozenset(org_at), quotes=False)
                    if k > j + 1 and k < len(toks) and toks[k].is_quote:
                        j = k
                        break
                if j != chained_to:
                    nxt = self.extend_chain(toks, j, MAX_ROLE - (j - i), date_toks, allow_names=False,
                                            closed=closed, stops=frozenset(org_at), origin=i + n)
                    chained_to = nxt
                    if nxt > j:
                        # open again after an indefinite noun: النائب الثاني لرئيس | مجلس الوزراء
                        closed = toks[nxt - 1].definite
                        j = nxt
                        continue
                # A coordinated second role: مستشار وزير الاتصالات ومدير وحدة الشكاوى
                if j < len(toks) and self.is_conj(toks[j]) and self.match(toks, j, "role_heads") \
                        and not self.match(toks, j, "titles"):
                    j += self.match(toks, j, "role_heads")
                    closed = toks[j - 1].definite
                    continue
                if j < len(toks) and toks[j].text in {"،", ","} and j + 1 < len(toks) \
                        and self.match(toks, j + 1, "role_heads") and not self.match(toks, j + 1, "titles"):
                    j += 1 + self.match(toks, j + 1, "role_heads")   # ولي ولي العهد السعودي، وزير الدفاع
                    closed = toks[j - 1].definite
                    continue
                break
            out.append(RoleSpan(i, j, org))
            i = j
        return out

    # --- putting it together -------------------------------------------------------------
    def analyse(self, toks: list[Tok], date_toks: set[int] | None = None,
                model_names: list[tuple[int, int]] | None = None) -> SentenceAnalysis:
        """All people, roles and organisations of one sentence.

        `model_names` are PERS spans from a statistical tagger, used where no rule found a name."""
        date_toks = date_toks or set()
        orgs = self.find_orgs(toks, date_toks)
        roles = self.find_roles(toks, date_toks, orgs)
        in_org = {k for s, e in orgs for k in range(s, e)}
        # الوزراء inside مجلس الوزراء names the body, not a person holding a role
        roles = [r for r in roles if not all(k in in_org for k in range(r.start, r.end))]
        in_role = {k for r in roles for k in range(r.start, r.end)}
        names = [n for n in self.find_names(toks, date_toks)
                 if not any(k in in_org for k in range(n.start, n.end))
                 and not all(k in in_role for k in range(n.start, n.end))]
        # Trim names that run into a role phrase.
        for n in names:
            for k in range(n.start, n.end):
                if k in in_role and k > n.start:
                    n.end = k
                    break
        titles = []
        i = 0
        while i < len(toks):
            t = self.match(toks, i, "titles")
            if t:
                titles.append((i, i + t))
                i += t
            else:
                i += 1
        names += self._names_by_position(toks, roles, names, titles, date_toks)
        taken = {k for n in names for k in range(n.start, n.end)} | in_org
        for s, e in model_names or []:
            s = self._skip_titles(titles, s)
            if s < e and not any(k in taken for k in range(s, e)):
                names.append(NameSpan(s, e, strength=0, clitic=self._model_name_clitic(toks[s])))
                taken |= set(range(s, e))
        names.sort(key=lambda n: n.start)
        people = self._pair(toks, names, roles, titles)
        people = self._drop_bare_quotes(toks, people, roles, titles)
        names = [n for n, _ in people if n is not None]
        return SentenceAnalysis(names=names, roles=roles, orgs=orgs, titles=titles, people=people)

    def _model_name_clitic(self, tok: Tok) -> int:
        """A tagger's name keeps the conjunction glued to its first word (وفهد الجميعة);
        the name starts after it unless the whole word is a name itself (وليد، وديع)."""
        rest = tok.text[1:]
        return 1 if tok.conj and len(rest) >= 3 and not self.lex.is_first_name(tok.text) else 0

    def _drop_bare_quotes(self, toks, people, roles, titles):
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

    def _skip_titles(self, titles: list[tuple[int, int]], i: int) -> int:
        moved = True
        while moved:
            moved = False
            for s, e in titles:
                if s == i:
                    i, moved = e, True
        return i

    def _names_by_position(self, toks, roles, names, titles, date_toks) -> list[NameSpan]:
        """Names found only because a role or title sits next to them (unknown foreign names)."""
        taken = {k for n in names for k in range(n.start, n.end)}
        taken |= {k for r in roles for k in range(r.start, r.end)}
        out = []
        anchors = [r.end for r in roles if not self.match(toks, r.start, "groups")] + [e for _, e in titles]
        starts = {n.start: n for n in names}
        for a in anchors:
            i = self._skip_titles(titles, a)
            if i in taken or not self.name_like(toks, i, date_toks) or toks[i].definite:
                continue
            if i + 1 in starts and not self.lex.is_common(toks[i].text):
                starts[i + 1].start = i          # اللواء عائض + سالم القحطاني
                taken.add(i)
                continue
            if self.lex.is_common(toks[i].text) or toks[i].text.endswith(POSSESSED):
                continue
            end = self.extend_name(toks, i, date_toks, first_strong=True)
            inside = next((k for k in range(i, end) if k in taken), None)
            if inside is not None and inside in starts and inside > i:
                starts[inside].start = i         # محيي الدين بن + يحيى حكمي: one name
                taken |= set(range(i, inside))
                continue
            end = inside if inside is not None else end
            if end > i and (end - i >= 2 or self.lex.is_name_word(toks[i].text)):
                out.append(NameSpan(i, end, strength=1))
                taken |= set(range(i, end))
        # NAME ROLE with a name the statistics do not know (حسام الجعبري رئيس بلدية الخليل):
        # two or three name-like words between a boundary and the role, the first indefinite.
        for r in roles:
            if self.match(toks, r.start, "groups"):
                continue
            j = r.start - 1
            while j >= 0 and r.start - j <= 3 and j not in taken and self.name_like(toks, j, date_toks) \
                    and not self.lex.is_common(toks[j].text):
                j -= 1
            start = j + 1
            boundary = j < 0 or toks[j].is_punct or self.lex.is_stop(toks[j].text) or self.is_trigger_word(toks, j)
            while start < r.start - 1 and toks[start].definite:
                start, boundary = start + 1, False
            if r.start - start >= 2 and boundary and not toks[start].definite:
                out.append(NameSpan(start, r.start, strength=1))
                taken |= set(range(start, r.start))
        return out

    def _pair(self, toks, names, roles, titles) -> list[tuple[NameSpan | None, RoleSpan | None]]:
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
            if self.match(toks, r.start, "groups"):
                unnamed.append(r)       # والوفد المرافق: a group, never a person's role
                continue
            after = self._skip_titles(titles, r.end)
            if after < len(toks) and toks[after].text in {"،", ","} and after + 1 in name_at:
                after += 1      # الرئيس اليمني، عبدربه منصور هادي
            # ROLE + وال-title + NAME is a coordination: the role is not that person's
            fwd = None if r.end < len(toks) and toks[r.end].conj and after > r.end else name_at.get(after)
            back = name_end.get(r.start)
            if fwd is not None and id(fwd) not in role_of and not (fwd.clitic and back is not None):
                role_of[id(fwd)] = r
            elif back is not None and id(back) not in role_of:
                role_of[id(back)] = r
            else:
                unnamed.append(r)
        # A role right after a named person's role is a second post of the same person:
        # خالد بحاح نائب الرئيس رئيس الحكومة اليمنية
        by_end = {r.end: n for n in names if (r := role_of.get(id(n))) is not None}
        for r in list(unnamed):
            n = by_end.get(r.start)
            if n is not None and not self.match(toks, r.start, "groups"):
                first = role_of[id(n)]
                role_of[id(n)] = RoleSpan(first.start, r.end, first.org or r.org)
                unnamed.remove(r)
        people: list[tuple[NameSpan | None, RoleSpan | None]] = [(n, role_of.get(id(n))) for n in names]
        people += [(None, r) for r in unnamed]
        people.sort(key=lambda p: min(x.start for x in p if x is not None))
        return people
