"""Who met: the parties of a trigger's clause and their sides.

The candidates are the people, groups and organisations the recognise stage found in the
sentence. The subject is chosen by the first rule of `SUBJECT_RULES` that finds one (SVO,
VSO, a verbal noun's possessor, a pronoun of respect standing for someone named before);
the objects after the trigger take the other side; a cue (يرافقه، بحضور) makes everyone
after it accompanying or attending.
"""
from __future__ import annotations

from dataclasses import dataclass

from arnews.document import Document, Mention, Participant, Person
from arnews.events.profiles import Profiles
from arnews.events import words as W
from arnews.events.clause import Clause
from arnews.events.triggers import Trigger
from arnews.text.tokens import Tok

VSO_WINDOW = 6   # tokens between a verb and its subject (dates, honorifics: التقى اليوم صاحب السمو ...)
HONORIFIC_GAP = 3   # words between a verbal noun and its possessor (صاحب السمو الملكي)
ANTECEDENT_SENTENCES = 3   # sentences back in which a pronoun's antecedent is looked for
SIDES = {"host_guest": ("host", "guest"), "guest_host": ("guest", "host"), "party": ("party", "party"),
         "chair": ("party", "attendee")}


@dataclass
class Party:
    """A candidate party in a sentence: a person, a group or an organisation."""

    kind: str
    start: int                    # token range in the sentence
    end: int
    person: Person | None = None
    org: Mention | None = None
    side: str = ""
    chairs: bool = False          # heads the party before it (وفد برئاسة X): not a party of its own


def candidates(d: Document, si: int) -> list[Party]:
    """The people, groups and organisations of sentence `si`, in text order."""
    persons = [p for p in d.persons if p.sentence_idx == si]
    out = [Party(p.kind if p.name is None else "person", p.tokens[0], p.tokens[1], person=p) for p in persons]
    taken = {k for p in persons for k in range(*p.tokens)}
    out += [Party("org", *m.tokens, org=m) for m in d.orgs[si]
            if not any(k in taken for k in range(*m.tokens))]
    out.sort(key=lambda c: c.start)
    return out


def parties(d: Document, si: int, toks: list[Tok], trig: Trigger, clause: Clause,
            place: tuple[int, int, str] | None) -> list[Party]:
    """The parties of the trigger, subject first, each with its side; [] without a subject."""
    cands = _in_clause(d, si, toks, trig, clause, place)
    pre = [c for c in cands if clause.start <= c.start and c.end <= trig.i]
    if any(c.kind != "org" for c in pre):
        pre = [c for c in pre if c.kind != "org"]
    post = _after_trigger(toks, trig, clause, cands)
    objects = [c for c in post if not c.side]
    subject = _subject(d, si, toks, trig, pre, objects)
    if subject is None:
        return gathering(d, si, toks, trig) if trig.kind == "noun" else []
    first, other = SIDES[trig.sides]
    subject.side = first
    for c in objects:
        c.side = other
    if trig.object_pronoun and not objects:
        _pronoun_object(d, si, subject, other, post)
    out = [subject] + [c for c in post if c is not subject]
    _chairs(toks, out)
    return _once_each(out)


def gathering(d: Document, si: int, toks: list[Tok], trig: Trigger) -> list[Party]:
    """اجتماع اللجنة ... برئاسة X، وY، وبحضور Z: a meeting noun with no subject, whose
    people are listed after برئاسة (parties) and بحضور (attendees; parties when nobody
    chairs). Fewer than two people: no gathering."""
    region, side = {}, None
    for k in range(trig.i + trig.n, len(toks)):
        word = toks[k].text
        if word in W.SENTENCE_STOP:
            break
        if word in W.CHAIR:
            side = "party"
        elif word in W.ATTEND:
            side = "attendee"
        elif word in W.CLAUSE_OPENERS or word in W.PURPOSE_AFTER:
            side = None
        region[k] = side
    people = [c for c in candidates(d, si) if c.kind != "org" and region.get(c.start)]
    for c in people:
        c.side = region[c.start]
    if sum(c.side == "party" for c in people) < 2:
        for c in people:
            c.side = "party"
    return _once_each(people) if len(people) >= 2 else []


def _in_clause(d: Document, si: int, toks: list[Tok], trig: Trigger, clause: Clause,
               place: tuple[int, int, str] | None) -> list[Party]:
    """Candidates outside the purpose and the place; an organisation only as the subject or
    right after مع (اجتمع الوزير مع شركة ...)."""
    outside = set(range(*clause.purpose)) if clause.purpose else set()
    if place:
        outside |= set(range(place[0], place[1]))
    cands = [c for c in candidates(d, si) if not any(k in outside for k in range(c.start, c.end))]
    return [c for c in cands if c.kind != "org" or c.end <= trig.i
            or (c.start and toks[c.start - 1].text == W.WITH)]


def _after_trigger(toks: list[Tok], trig: Trigger, clause: Clause, cands: list[Party]) -> list[Party]:
    """Candidates after the trigger, each with the side its cue gives (accompanying,
    attendee) or none yet (an object)."""
    region, side = {}, None
    for k in range(trig.i + trig.n, clause.stop):
        word = toks[k].text
        if word in W.ACCOMPANY:
            side = "accompanying"
        elif word in W.ATTEND:
            side = "attendee"
        region[k] = side
    post = [c for c in cands if c.start >= trig.i + trig.n and c.start < clause.stop]
    post = [c for c in post if c.start < clause.end or region.get(c.start)]
    for c in post:
        c.side = region.get(c.start) or ""
        if c.kind == "group" and c.end < len(toks) and toks[c.end].text.startswith(W.ACCOMPANYING_WORD):
            c.side = "accompanying"   # والوفد المرافق لهما
    return post


def _subject(d: Document, si: int, toks: list[Tok], trig: Trigger, pre: list[Party],
             objects: list[Party]) -> Party | None:
    """The first rule of SUBJECT_RULES that finds a subject; an antecedent from an earlier
    sentence replaces it where the trigger refers back (لقائه، استقبال سموه)."""
    subject = next((s for rule in SUBJECT_RULES if (s := rule(toks, trig, pre, objects)) is not None), None)
    nxt = toks[trig.i + trig.n].text if trig.i + trig.n < len(toks) else ""
    if (subject is None and _refers_back(toks, trig, nxt)) or nxt in W.RESPECT_PRONOUNS:
        ante = antecedent(d, si, trig.i if nxt in W.RESPECT_PRONOUNS else None)
        if ante is not None:
            if subject is not None and subject is not ante:
                objects.insert(0, subject)
            subject = ante
    if subject is None and trig.kind == "verb" and objects:
        # أعلن فابيوس أنه سيتوجه إلى إيران حيث سيلتقي روحاني: the main clause's subject
        subject = _main_subject(d, si, trig)
    return subject


def _pronoun_object(d: Document, si: int, subject: Party, side: str, post: list[Party]) -> None:
    """واستقبله في المطار X: the object pronoun stands for the person the report is about."""
    ante = antecedent(d, si)
    if ante is not None and (subject.person is None or ante.person.entity_id != subject.person.entity_id):
        ante.side = side
        post.insert(0, ante)


def _main_subject(d: Document, si: int, trig: Trigger) -> Party | None:
    """The first person named in the sentence before the trigger, in an earlier clause."""
    people = [p for p in d.persons if p.sentence_idx == si and p.kind == "person"
              and p.name is not None and p.tokens[1] <= trig.i]
    return Party("person", *people[0].tokens, person=people[0]) if people else None


def _svo(toks, trig, pre, objects) -> Party | None:
    """SVO: the subject right before the verb; a verbal noun's possessor is the subject of
    the main clause (وثمن X ... خلال استقباله Y)."""
    if pre:
        return pre[0] if trig.kind == "noun" else pre[-1]
    return None


def _vso(toks, trig, pre, objects) -> Party | None:
    """VSO: the first party within a few words after the verb, unless مع comes before it."""
    after = trig.i + trig.n
    if trig.kind == "verb" and objects and objects[0].start <= after + VSO_WINDOW \
            and not any(toks[k].text == W.WITH for k in range(after, objects[0].start)):
        return objects.pop(0)
    return None


def _noun_possessor(toks, trig, pre, objects) -> Party | None:
    """اجتماع وزير الخارجية اليمني ... بالأمين العام: the party right after the noun, or
    after its honorifics (لقاء معالي وزير ...، اجتماع صاحب السمو الملكي الأمير ...)."""
    if trig.kind != "noun" or trig.possessive or not objects:
        return None
    gap = toks[trig.i + trig.n:objects[0].start]
    if len(gap) <= HONORIFIC_GAP and not any(t.is_punct or t.text == W.WITH for t in gap):
        return objects.pop(0)
    return None


SUBJECT_RULES = (_svo, _vso, _noun_possessor)


def _refers_back(toks: list[Tok], trig: Trigger, nxt: str) -> bool:
    """The trigger's subject is someone named before: a possessive (لقائه), a pronoun of
    respect (استقبال سموه), or a verb that continues the report (والتقى، كما التقى)."""
    return trig.possessive or nxt in W.RESPECT_PRONOUNS or (
        trig.kind == "verb" and (toks[trig.i].text.startswith(W.CONTINUATIONS)
                                 or (trig.i and toks[trig.i - 1].text == W.ALSO)))


def antecedent(d: Document, si: int, before: int | None = None) -> Party | None:
    """The person a possessive or a respect pronoun stands for: a person named earlier in
    the same sentence (وقف نائب الوزير ... ثم التقى معاليه), else the first named person
    of the nearest earlier sentence that has one (the subject of the report)."""
    if before is not None:
        earlier = [p for p in d.persons if p.sentence_idx == si and p.kind == "person" and p.tokens[1] <= before
                   and (p.name is not None or p.same_as is not None)]
        if earlier:
            return Party("person", -1, -1, person=earlier[0])
    for sj in range(si - 1, max(-1, si - 1 - ANTECEDENT_SENTENCES), -1):
        people = [p for p in d.persons if p.sentence_idx == sj and p.name is not None and p.kind == "person"]
        if people:
            return Party("person", -1, -1, person=people[0])
    return None


def _chairs(toks: list[Tok], parties: list[Party]) -> None:
    """A party right after برئاسة heads the party before it and takes its side."""
    for k, c in enumerate(parties):
        if k == 0 or c.start < 0:
            continue
        if any(toks[j].text in W.CHAIR for j in range(max(0, c.start - 3), c.start)):
            c.chairs = True
            c.side = parties[k - 1].side


def _once_each(parties: list[Party]) -> list[Party]:
    """The same person twice (subject resolved from an earlier sentence and named again) counts once."""
    seen, unique = set(), []
    for p in parties:
        key = (p.person.entity_id if p.person is not None else None) or id(p)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def participant(p: Party, profiles: Profiles) -> Participant:
    """A party as a row of `meeting_participants`: the person's fullest name in the
    article, their role and organisation (see `profiles`)."""
    if p.kind == "org":
        return Participant(None, "org", p.org.text, None, p.side, p.org.start, p.org.end,
                           entity_id=p.org.entity_id)
    person = p.person
    spans = [s for s in (person.name, person.role) if s is not None]
    start, end = min(s.start for s in spans), max(s.end for s in spans)
    role, org = profiles.role(person), profiles.org(person)
    if p.kind == "group":
        return Participant(None, "group", org, role, p.side, start, end)
    return Participant(profiles.name(person), "person", org, role, p.side, start, end,
                       entity_id=person.entity_id)
