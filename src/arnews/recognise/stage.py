"""The recognise stage: people, roles, groups and organisations in every sentence.

Rules do the work at this stage (`people.analyse`, with the look-ups of `lookups.py`); a
statistical tagger plugs in through `Recogniser(ner=...)`: any callable that takes a
sentence's token texts and returns one BIO tag per token (one that also has
`tag_sentences`, as `arnews.ner.SentenceTagger` has, gets a whole article's sentences in
one batch). Its PERS spans are offered to the rules as names, so that roles still attach
to them and organisation spans still absorb names inside them.
"""
from __future__ import annotations

from typing import Callable, Sequence

from arnews.document import Document, Mention, Person, Span
from arnews.recognise import words as W
from arnews.recognise.lexicon import Lexicons, load_lexicons
from arnews.recognise.lookups import Lookups
from arnews.recognise.people import analyse
from arnews.recognise.spans import RoleSpan
from arnews.text.tokens import Tok, bare_forms
from arnews.text.normalise import normalise_word

Tagger = Callable[[Sequence[str]], list[str]]


def bio_spans(tags: Sequence[str], label: str) -> list[tuple[int, int]]:
    """Token spans [start, end) tagged B-label I-label* (an I- without B- starts a span)."""
    spans, start = [], None
    for i, tag in enumerate([*tags, "O"]):
        inside = tag == f"I-{label}" and start is not None
        if start is not None and not inside:
            spans.append((start, i))
            start = None
        if tag in (f"B-{label}", f"I-{label}") and start is None:
            start = i
    return spans


class Recogniser:
    """Find people (named or by role), groups and organisations; add their mentions."""

    name = "recognise"
    reads = frozenset({"record", "norm", "sentence_tokens", "dates"})
    writes = frozenset({"orgs", "mentions", "persons", "model_tags"})   # model_tags: by `prepare`

    def __init__(self, lexicons: Lexicons | None = None, ner: Tagger | None = None):
        self.lex = lexicons or load_lexicons()
        self.look = Lookups(self.lex)
        self.ner = ner

    def prepare(self, docs: Sequence[Document]) -> None:
        """Tag the sentences of many articles in one call, before each goes through
        `__call__`: the tagger runs about twice as fast on a few articles' sentences
        sorted by length as on one article's (less padding, fewer calls)."""
        if self.ner is None or not hasattr(self.ner, "tag_sentences") or not docs:
            return
        tags = self.ner.tag_sentences([[t.text for t in toks] for d in docs for toks in d.sentence_tokens])
        k = 0
        for d in docs:
            d.model_tags = tags[k:k + len(d.sentence_tokens)]
            k += len(d.sentence_tokens)

    def _model_tags(self, d: Document) -> list[list[str]]:
        if d.model_tags is not None:
            return d.model_tags
        words = [[t.text for t in toks] for toks in d.sentence_tokens]
        if self.ner is None:
            return [[] for _ in words]
        if hasattr(self.ner, "tag_sentences"):
            return self.ner.tag_sentences(words)
        return [self.ner(w) for w in words]

    def __call__(self, d: Document) -> Document:
        model_tags = self._model_tags(d)
        dates_by_sentence: dict[int, set[int]] = {}   # tokens inside a date, never part of a name
        for x in d.dates:
            dates_by_sentence.setdefault(x.sentence_idx, set()).update(range(*x.tokens))
        name_words: set[str] = set()   # words of the names found in earlier sentences
        for si, toks in enumerate(d.sentence_tokens):
            date_toks = dates_by_sentence.get(si, set())
            # A model span holding a word of a name already found (العبادي مارتينيز, two
            # family names side by side) is left to the linker, which knows both people.
            model_names = [(s, e) for s, e in bio_spans(model_tags[si], "PERS")
                           if not any(toks[k].text in name_words for k in range(s, e))]
            analysis = analyse(self.look, toks, date_toks, model_names)
            name_words.update(toks[k].text for n in analysis.names for k in range(n.start, n.end))
            orgs = []
            for s, e in analysis.orgs:
                m = self._mention(d, si, toks, s, e, "ORG", self.look.head_clitic(toks, s, "org_heads"))
                m.tokens = (s, e)
                orgs.append(m)
                d.mentions.append(m)
            d.orgs.append(orgs)
            self._places_and_nationalities(d, si, toks, analysis)
            for name, role in analysis.people:
                person = self._person(d, si, toks, name, role)
                d.persons.append(person)
                if person.name is not None:
                    d.mentions.append(person.name)
                if role is not None and person.kind == "person":
                    d.mentions.append(Mention(**vars(person.role), label="OCC",
                                              norm=normalise_word(person.role.text)))
        return d

    def _places_and_nationalities(self, d: Document, si: int, toks: list[Tok], analysis) -> None:
        """LOC for words the corpora mostly tag as places (outside names and organisations),
        NORP for nationality adjectives (السوري، الفلسطينية), wherever they stand."""
        covered = {k for n in analysis.names for k in range(n.start, n.end)}
        covered |= {k for s, e in analysis.orgs for k in range(s, e)}
        for i, tok in enumerate(toks):
            if tok.is_punct:
                continue
            forms = bare_forms(tok.text)
            norp = next((f for f in reversed(forms) if f in self.lex.nationalities), None)
            if norp is not None:
                d.mentions.append(self._mention(d, si, toks, i, i + 1, "NORP", len(tok.text) - len(norp)))
            elif i not in covered:
                place = next((f for f in reversed(forms) if self.look.is_place(f)), None)
                if place is not None:
                    d.mentions.append(self._mention(d, si, toks, i, i + 1, "LOC", len(tok.text) - len(place)))

    def _governed_region(self, toks: list[Tok], role: RoleSpan) -> tuple[int, int] | None:
        """For a governor, minister or ambassador, the region or state the role names, which
        MEETINGS.md takes as the organisation (أمير منطقة عسير -> منطقة عسير، وزير خارجية
        المملكة -> المملكة، سفير جمهورية البوسنة -> جمهورية البوسنة)."""
        head = toks[role.start].text
        if not any(f.removeprefix(W.ARTICLE) in W.GOVERNING_HEADS for f in bare_forms(head)):
            return None
        for k in range(role.start + 1, role.end):
            if any(f in W.STATE_WORDS for f in bare_forms(toks[k].text)) or self.look.is_place(toks[k].text):
                end = k + 1
                while end < role.end and not toks[end].is_punct and not self.look.is_conj(toks[end]):
                    end += 1
                return k, end
        return None

    def _span(self, d: Document, si: int, toks: list[Tok], s: int, e: int, skip: int = 0) -> tuple[int, int]:
        return d.norm.to_original(toks[s].start + skip, toks[e - 1].end)

    def _mention(self, d: Document, si: int, toks: list[Tok], s: int, e: int, label: str,
                 skip: int = 0, method: str = "rule") -> Mention:
        start, end = self._span(d, si, toks, s, e, skip)
        text = d.text[start:end]
        return Mention(start, end, text, si, label=label, norm=normalise_word(text), method=method)

    def _person(self, d: Document, si: int, toks: list[Tok], name, role: RoleSpan | None) -> Person:
        name_m = None
        if name is not None:
            name_m = self._mention(d, si, toks, name.start, name.end, "PERS", name.clitic,
                                   method="model" if name.strength == 0 else "rule")
        role_span = org_span = None
        kind = "person"
        if role is not None:
            skip = self.look.head_clitic(toks, role.start, "role_heads")
            if self.look.match(toks, role.start, "groups"):
                kind = "group" if name is None else "person"
                skip = self.look.head_clitic(toks, role.start, "groups")
            start, end = self._span(d, si, toks, role.start, role.end, skip)
            role_span = Span(start, end, d.text[start:end], si)
            org = role.org or self._governed_region(toks, role)
            if org is not None:
                os_, oe = self._span(d, si, toks, org[0], org[1],
                                     self.look.head_clitic(toks, org[0], "org_heads"))
                org_span = Span(os_, oe, d.text[os_:oe], si)
        spans = [x for x in (name, role) if x is not None]
        tokens = (min(x.start for x in spans), max(x.end for x in spans))
        return Person(name=name_m, role=role_span, org=org_span, kind=kind, sentence_idx=si, tokens=tokens)
