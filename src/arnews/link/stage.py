"""The link stage: one entity per person or organisation inside an article, stable ids
across articles, and the affiliations (person, role, organisation) the article states.

Inside an article a person is often named in full once and by family name after
(خالد العسيلي ... واكد العسيلي): the later mentions are found and linked to the full
name, whose fullest form is the one the tables report.
"""
from __future__ import annotations

from arnews.document import Document, Mention, Person
from arnews.link.names import canonical_names, entity_id, name_key
from arnews.recognise.words import FAMILY, PATRONYMICS
from arnews.recognise.lexicon import Lexicons, load_lexicons
from arnews.recognise.lookups import Lookups
from arnews.text.tokens import bare_forms
from arnews.text.normalise import normalise_word

__all__ = ["ENTITY_LABELS", "Linker", "canonical_names", "entity_id", "name_key"]

ENTITY_LABELS = ("PERS", "ORG", "LOC", "GPE")


class Linker:
    name = "link"
    reads = frozenset({"record", "norm", "sentence_tokens", "orgs", "persons", "mentions"})
    writes = frozenset({"persons", "mentions", "orgs", "affiliations"})  # entity ids on mentions

    def __init__(self, lexicons: Lexicons | None = None):
        self.lex = lexicons or load_lexicons()
        self.look = Lookups(self.lex)

    def __call__(self, d: Document) -> Document:
        self._assign_ids(d)
        self._family_name_mentions(d)
        self._short_names(d)
        self._roles_named_elsewhere(d)
        d.affiliations = [self._affiliation(d, p) for p in d.persons
                          if p.name is not None and p.role is not None and p.kind == "person"]
        return d

    def _last_names(self, d: Document) -> tuple[dict[str, Person], dict[str, Person]]:
        """The last word of each full name (two words or more) -> the first person named
        with it; apart, the last words that are also ordinary words (المخرج، الفال)."""
        by_last: dict[str, Person] = {}
        common: dict[str, Person] = {}
        for p in d.persons:
            if p.name is None:
                continue
            words = name_key(p.name.text, self.lex).split()
            if len(words) >= 2 and len(words[-1]) >= 3:
                table = common if self.lex.is_common(words[-1]) else by_last
                table.setdefault(words[-1], p)
        return by_last, common

    def _family_name_mentions(self, d: Document) -> None:
        """Add a person for each later mention of a full name's last word (العسيلي، الجبير)."""
        by_last, common = self._last_names(d)
        if not by_last and not common:
            return
        covered = {(p.sentence_idx, k) for p in d.persons for k in range(*p.tokens)}
        covered |= {(si, k) for si, orgs in enumerate(d.orgs) for m in orgs for k in range(*m.tokens)}
        for si, toks in enumerate(d.sentence_tokens):
            for i in range(len(toks)):
                if (si, i) in covered:
                    continue
                # an ordinary word is a family name only after a title: المهندس المخرج
                titled = any(self.look.match(toks, t, "titles") == i - t for t in range(max(0, i - 3), i))
                self._family_name_at(d, si, i, {**common, **by_last} if titled else by_last)
        d.persons.sort(key=lambda p: (p.sentence_idx, p.tokens[0]))

    def _family_name_at(self, d: Document, si: int, i: int, by_last: dict[str, Person]) -> None:
        """A mention of a full name's last word at token i of sentence si (clitics apart)."""
        tok = d.sentence_tokens[si][i]
        for form in bare_forms(tok.text):
            full = by_last.get(form)
            if full is None or (full.sentence_idx == si and full.tokens[0] <= i < full.tokens[1]):
                continue
            skip = len(tok.text) - len(form)
            start, end = d.norm.to_original(tok.start + skip, tok.end)
            m = Mention(start, end, d.text[start:end], si, label="PERS",
                        norm=normalise_word(d.text[start:end]), method="rule",
                        entity_id=full.name.entity_id)
            d.mentions.append(m)
            d.persons.append(Person(name=m, role=None, org=None, sentence_idx=si, tokens=(i, i + 1)))
            return

    def _assign_ids(self, d: Document) -> None:
        """Stable ids from the normalised name without titles, for every entity mention."""
        for m in d.mentions:
            if m.label in ENTITY_LABELS and m.entity_id is None:
                m.entity_id = entity_id(m.label, name_key(m.text, self.lex))

    def _short_names(self, d: Document) -> None:
        """A shorter name whose words end a longer name of the article, or share its first and
        last words, is the same person (بوتين -> فلاديمير بوتين، أحمد الصغير -> أحمد بن إبراهيم الصغير)."""
        named = [(name_key(p.name.text, self.lex).split(), p) for p in d.persons if p.name is not None]
        for words, p in named:
            if not words:
                continue
            longer = [(w, q) for w, q in named if len(w) > len(words) and (
                (w[-len(words):] == words and w[-len(words) - 1] not in PATRONYMICS)  # بوتين / فلاديمير بوتين,
                # not the father: سلمان بن عبدالعزيز / محمد بن سلمان بن عبدالعزيز
                # أحمد الصغير / أحمد بن إبراهيم الصغير, not عبدالله بن عبدالعزيز / عبدالله بن فيصل بن عبدالعزيز
                or (len(words) >= 2 and w[0] == words[0] and w[-1] == words[-1]
                    and not PATRONYMICS & set(words))
                # سلمان بن عبدالعزيز / سلمان بن عبدالعزيز آل سعود: the family added
                or (len(w) == len(words) + 2 and w[:len(words)] == words and w[len(words)] in FAMILY))]
            if longer:
                p.name.entity_id = max(longer, key=lambda x: len(x[0]))[1].name.entity_id

    def _roles_named_elsewhere(self, d: Document) -> None:
        """An unnamed role holder whose exact role a named person of the article holds."""
        by_role: dict[str, Person] = {}
        for p in d.persons:
            if p.name is not None and p.role is not None and p.kind == "person":
                by_role.setdefault(normalise_word(p.role.text), p)
        for p in d.persons:
            if p.name is None and p.role is not None and p.kind == "person":
                role = normalise_word(p.role.text)
                p.same_as = by_role.get(role) or _only_holder_of_longer_role(role, by_role)

    def canonical(self, d: Document) -> dict[str, Person]:
        """Kept for old callers: use `arnews.link.canonical_names(d)`."""
        return canonical_names(d)

    def _affiliation(self, d: Document, p: Person) -> dict:
        org_id = entity_id("ORG", name_key(p.org.text, self.lex)) if p.org else None
        start = min(p.name.start, p.role.start)
        end = max(p.name.end, p.role.end)
        return {
            "person_entity_id": p.name.entity_id, "person": p.name.text, "role": p.role.text,
            "role_en": None, "org_entity_id": org_id, "org": p.org.text if p.org else None,
            "sentence_idx": p.sentence_idx, "start": start, "end": end,
        }


def _only_holder_of_longer_role(role: str, by_role: dict[str, Person]) -> Person | None:
    """نائب وزير الصحة: the one named person whose role begins with it (نائب وزير الصحة
    للشؤون الصحية); none when two people's roles do (وزير الخارجية السعودي / المصري)."""
    if len(role.split()) < 2:
        return None
    holders = {q.entity_id or id(q): q for r, q in by_role.items() if r.startswith(role + " ")}
    return next(iter(holders.values())) if len(holders) == 1 else None
