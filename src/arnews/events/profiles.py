"""Who each person of an article is, for the meetings table: the fullest name the article
gives (from the link stage), and a role and organisation from this mention or, failing
that, from another mention of the same person, or implied by the role (`orgs`)."""
from __future__ import annotations

from dataclasses import dataclass

from arnews.document import Document, Person, Span
from arnews.events.orgs import org_from_role
from arnews.link import canonical_names


@dataclass
class Profiles:
    canon: dict[str, Person]            # entity id -> the record with the fullest name
    records: dict[str, list[Person]]    # entity id -> every record, in text order

    @classmethod
    def of(cls, d: Document) -> "Profiles":
        records: dict[str, list[Person]] = {}
        for p in d.persons:
            if p.entity_id is not None:
                records.setdefault(p.entity_id, []).append(p)
        return cls(canonical_names(d), records)

    def name(self, person: Person) -> str | None:
        full = self.canon.get(person.entity_id) if person.entity_id else None
        return full.name.text if full is not None else (person.name.text if person.name else None)

    def _first(self, person: Person, attr: str) -> Span | None:
        """`attr` (role, org) of this mention, of the fullest one, or of the first that has one."""
        if getattr(person, attr) is not None:
            return getattr(person, attr)
        full = self.canon.get(person.entity_id) if person.entity_id else None
        if full is not None and getattr(full, attr) is not None:
            return getattr(full, attr)
        others = self.records.get(person.entity_id, []) if person.entity_id else []
        return next((getattr(o, attr) for o in others if getattr(o, attr) is not None), None)

    def role(self, person: Person) -> str | None:
        span = self._first(person, "role")
        return span.text if span is not None else None

    def org(self, person: Person) -> str | None:
        span = self._first(person, "org")
        return span.text if span is not None else org_from_role(self.role(person))
