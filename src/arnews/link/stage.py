"""The link stage: one entity per person or organisation inside an article, stable ids
across articles, and the affiliations (person, role, organisation) the article states.

Inside an article a person is often named in full once and by family name after
(خالد العسيلي ... واكد العسيلي): the later mentions are found and linked to the full
name, whose fullest form is the one the tables report.
"""
from __future__ import annotations

import hashlib

from arnews.document import Document, Mention, Person
from arnews.recognise.lexicon import Lexicons, load_lexicons
from arnews.text.tokens import bare_forms
from arnews.text.normalise import normalise_word

ENTITY_LABELS = ("PERS", "ORG", "LOC", "GPE")


def name_key(text: str, lex: Lexicons) -> str:
    """The words of a name that identify its bearer: normalised, without titles."""
    titles = {t[0] for t in lex.titles | lex.name_titles if len(t) == 1}
    words = [w for w in normalise_word(text).replace('"', " ").split() if w not in titles]
    return " ".join(words)


def entity_id(label: str, key: str) -> str:
    return label[0] + hashlib.sha1(f"{label}|{key}".encode("utf-8")).hexdigest()[:12]


class Linker:
    name = "link"
    reads = frozenset({"record", "norm", "sentence_tokens", "analyses", "persons", "mentions"})
    writes = frozenset({"persons", "mentions", "orgs", "affiliations"})  # entity ids on mentions

    def __init__(self, lexicons: Lexicons | None = None):
        self.lex = lexicons or load_lexicons()

    def __call__(self, d: Document) -> Document:
        self._assign_ids(d)
        self._family_name_mentions(d)
        self._short_names(d)
        self._roles_named_elsewhere(d)
        d.affiliations = [self._affiliation(d, p) for p in d.persons
                          if p.name is not None and p.role is not None and p.kind == "person"]
        return d

    def _family_name_mentions(self, d: Document) -> None:
        """Add a person for each later mention of a full name's last word (العسيلي، الجبير)."""
        by_last: dict[str, Person] = {}
        for p in d.persons:
            if p.name is None:
                continue
            words = name_key(p.name.text, self.lex).split()
            if len(words) >= 2 and len(words[-1]) >= 3 and words[-1] not in by_last \
                    and not self.lex.is_common(words[-1]):
                by_last[words[-1]] = p
        if not by_last:
            return
        covered = {(p.sentence_idx, k) for p in d.persons for k in range(*p.tokens)}
        covered |= {(si, k) for si, a in enumerate(d.analyses) for s, e in a.orgs for k in range(s, e)}
        for si, toks in enumerate(d.sentence_tokens):
            for i, tok in enumerate(toks):
                if (si, i) in covered:
                    continue
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
                    break
        d.persons.sort(key=lambda p: (p.sentence_idx, p.tokens[0]))

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
                w[-len(words):] == words                                   # بوتين / فلاديمير بوتين
                or (len(words) >= 2 and w[0] == words[0] and w[-1] == words[-1]))]  # أحمد الصغير / أحمد بن إبراهيم الصغير
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
                p.same_as = by_role.get(normalise_word(p.role.text))

    def canonical(self, d: Document) -> dict[str, Person]:
        """For each person entity, the person record with the fullest name and a role if any."""
        best: dict[str, Person] = {}
        for p in d.persons:
            if p.name is None or p.name.entity_id is None:
                continue
            cur = best.get(p.name.entity_id)
            if cur is None or (len(p.name.text), p.role is not None) > (len(cur.name.text), cur.role is not None):
                best[p.name.entity_id] = p
        return best

    def _affiliation(self, d: Document, p: Person) -> dict:
        org_id = entity_id("ORG", name_key(p.org.text, self.lex)) if p.org else None
        start = min(p.name.start, p.role.start)
        end = max(p.name.end, p.role.end)
        return {
            "person_entity_id": p.name.entity_id, "person": p.name.text, "role": p.role.text,
            "role_en": None, "org_entity_id": org_id, "org": p.org.text if p.org else None,
            "sentence_idx": p.sentence_idx, "start": start, "end": end,
        }
