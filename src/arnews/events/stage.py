"""The events stage: meetings, their parties and sides, date, place and purpose.

A meeting starts at a trigger (`triggers`). The parties are the people, groups and
organisations of the trigger's clause (`clause`, `parties`); cues mark who came along
(يرافقه) and who attended (بحضور). A trigger with fewer than two parties, or with no
named person, is not a meeting (a session of one body, a visit to a place, a crowd
received at an airport). Then the date and status (`when`), the place (`where`), the
purpose (`why`); repeats of one encounter in an article are merged (`merge`).
"""
from __future__ import annotations

from arnews.document import Document, Meeting, Person
from arnews.events import words as W
from arnews.events.clause import clause
from arnews.events.codes import codes
from arnews.events.where import is_seat as _is_seat
from arnews.events.confidence import confidence, features
from arnews.events.merge import PRINCIPAL, follow_ups, merge_repeats, one_per_call
from arnews.events.parties import Party, participant, parties
from arnews.events.profiles import Profiles
from arnews.events.triggers import Trigger, find_triggers
from arnews.events.when import meeting_date, status
from arnews.events.where import location
from arnews.events.why import purpose
from arnews.recognise.lexicon import Lexicons, load_lexicons
from arnews.recognise.lookups import Lookups
from arnews.recognise.words import ARTICLE
from arnews.text.tokens import Tok

CALL_WINDOW = (2, 4)   # tokens before and after a trigger in which هاتفيا makes it a call


class MeetingExtractor:
    name = "events"
    reads = frozenset({"record", "norm", "sentences", "sentence_tokens", "dates", "orgs", "persons"})
    writes = frozenset({"meetings"})

    def __init__(self, lexicons: Lexicons | None = None):
        self.look = Lookups(lexicons or load_lexicons())

    def __call__(self, d: Document) -> Document:
        profiles = Profiles.of(d)
        found: list[Meeting] = []
        for si, toks in enumerate(d.sentence_tokens):
            for trig in find_triggers(self.look, d, si, toks):
                m = self.meeting(d, si, toks, trig, profiles)
                if m is not None:
                    found += one_per_call(m)
        follow_ups(d, found, profiles)
        d.meetings = merge_repeats(found)
        for m in d.meetings:
            m.plover, m.cameo = codes(m, seat=bool(m.location) and _is_seat(m.location))
        return d

    def meeting(self, d: Document, si: int, toks: list[Tok], trig: Trigger,
                profiles: Profiles) -> Meeting | None:
        c = clause(toks, trig)
        place = location(self.look, d, si, toks, trig, c)
        found = parties(d, si, toks, trig, c, place)
        named = _named_principals(found)
        if not _is_meeting(trig, found, named):
            return None
        sent_start, sent_end = d.sentences[si]
        t_start, t_end = d.norm.to_original(toks[trig.i].start, toks[trig.i + trig.n - 1].end)
        m = Meeting(status="held", mode=trig.mode, trigger=d.text[t_start:t_end], sentence_idx=si,
                    start=sent_start, end=sent_end, participants=[participant(p, profiles) for p in found])
        before, after = CALL_WINDOW
        if any(t.text in W.CALL_CUES for t in toks[max(0, trig.i - before):trig.i + trig.n + after]):
            m.mode = "call"
        when = meeting_date(self.look, d, si, toks, trig, c, found)
        if when is not None:
            m.date, m.date_text = when.value, when.text
        m.status = status(self.look, d, toks, trig, m)
        # a call has no meeting place; otherwise the dateline's city stands in for a place not named
        m.location = None if m.mode == "call" else place[2] if place else d.record.dateline
        m.purpose = purpose(d, si, toks, c, trig, [p.end for p in found if p.start >= 0])
        principals = [p for p in found if p.side in PRINCIPAL and not p.chairs]
        m.evidence = features(trig, found, principals, named, m)
        m.confidence = confidence(m.evidence)
        return m


def _named_principals(found: list[Party]) -> list[Party]:
    return [p for p in found if p.side in PRINCIPAL and not p.chairs
            and p.person is not None and p.person.entity_id is not None]


def _is_meeting(trig: Trigger, found: list[Party], named: list[Party]) -> bool:
    """Two principals or more, one of them a named person; a counterpart that is not a
    place or an institution received or visited; not an interview (في لقاء مع قناة ...)."""
    principals = [p for p in found if p.side in PRINCIPAL and not p.chairs]
    if trig.sides == "chair":   # ترأس X الاجتماع بحضور Y: the chair and who attended
        return bool(principals) and len(found) >= 2 and bool(named)
    if len(principals) < 2 or not (named or any(p.kind == "person" for p in principals)):
        return False
    if trig.sides != "party" and not any(p.kind != "org" for p in principals[1:]):
        return False
    return not all(p.kind == "org" and p.org is not None and p.org.norm.removeprefix(ARTICLE).startswith(W.MEDIA)
                   for p in principals[1:])

