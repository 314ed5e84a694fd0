"""The events stage: meetings, their parties and sides, date, place and purpose.

A meeting starts at a trigger (`recognise/lexicons/meeting_triggers.tsv`). The parties are
the people, groups and organisations of the trigger's clause: the subject (before the
trigger, or right after a verb in VSO order, or the antecedent of a possessive such as
لقائه / استقباله سموه), and the objects after it. Cues mark who came along (يرافقه) and
who attended (بحضور). A trigger with fewer than two parties, or with no named person, is
not a meeting (a session of one body, a visit to a place, a crowd received at an airport).
Repeats of one encounter in an article are merged.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from arnews.document import Document, Meeting, Mention, Participant, Person
from arnews.events import cues
from arnews.link.stage import Linker
from arnews.recognise.lexicon import Lexicons, load_lexicons
from arnews.recognise.rules import SentenceRules
from arnews.text.tokens import Tok

MAX_PURPOSE = 30
VSO_WINDOW = 6   # tokens between a verb and its subject (dates, honorifics: التقى اليوم صاحب السمو ...)
CITY_HEADS = {"عاصمه", "مدينه"}
FOLLOW_UP = 12   # sentences after a meeting in which 'حضر الاجتماع' still refers to it
PRINCIPAL = ("host", "guest", "party")


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


@dataclass
class Trigger:
    i: int
    n: int
    kind: str       # verb / noun
    sides: str      # host_guest / guest_host / party
    mode: str
    possessive: bool = False   # لقائه، استقباله: the possessor is a party


@dataclass
class Clause:
    start: int      # token index where the trigger's clause starts
    end: int        # token index where the parties end (purpose, reported clause, sentence end)
    stop: int       # token index where cue-led parties (يرافقه، بحضور) may still be found up to
    purpose: tuple[int, int] | None = None


class MeetingExtractor:
    name = "events"
    reads = frozenset({"record", "norm", "sentences", "sentence_tokens", "time_exprs", "analyses", "orgs", "persons"})
    writes = frozenset({"meetings"})

    def __init__(self, lexicons: Lexicons | None = None):
        self.lex = lexicons or load_lexicons()
        self.rules = SentenceRules(self.lex)
        self.linker = Linker(self.lex)

    def __call__(self, d: Document) -> Document:
        canon = self.linker.canonical(d)
        found: list[Meeting] = []
        for si, toks in enumerate(d.sentence_tokens):
            for trig in self.triggers(d, si, toks):
                m = self.meeting(d, si, toks, trig, canon)
                if m is not None:
                    found.append(m)
        for k, m in enumerate(found):
            until = found[k + 1].sentence_idx if k + 1 < len(found) else len(d.sentence_tokens)
            self.follow_up(d, m, range(m.sentence_idx + 1, min(until, m.sentence_idx + FOLLOW_UP)), canon)
        d.meetings = merge_repeats(found)
        return d

    def follow_up(self, d: Document, m: Meeting, sentences: range, canon: dict[str, Person]) -> None:
        """Later sentences that add people to the meeting just reported:
        'حضر الاجتماع ... كل من X و Y' (attendees), 'X كان بصحبة المعلم' (accompanying)."""
        ids = {p.entity_id for p in m.participants if p.entity_id}
        for sj in sentences:
            toks = d.sentence_tokens[sj]
            cands = [c for c in self._candidates(d, sj, toks) if c.kind != "org"]
            for k, tok in enumerate(toks):
                nxt = {t.text for t in toks[k + 1:k + 4]}
                if tok.text in cues.ATTEND and (nxt & cues.MEETING_NOUNS or tok.text.startswith(("بحضور", "وبحضور"))
                                                and any(t.text in cues.MEETING_NOUNS for t in toks[:k])):
                    self._add(d, m, ids, [c for c in cands if c.start > k], "attendee", canon)
                    break
                if tok.text in cues.ACCOMPANY:
                    after = [c for c in cands if c.start > k]
                    before = [c for c in cands if c.end <= k]
                    # X كان بصحبة المعلم: the companion comes first, the participant after the cue
                    if after and after[0].person is not None and after[0].person.entity_id in ids:
                        self._add(d, m, ids, before, "accompanying", canon)
                    elif before and before[0].person is not None and before[0].person.entity_id in ids:
                        self._add(d, m, ids, after, "accompanying", canon)
                    break

    def _add(self, d: Document, m: Meeting, ids: set, parties: list[Party], side: str,
             canon: dict[str, Person]) -> None:
        for c in parties:
            if c.person is not None and c.person.entity_id in ids:
                continue
            c.side = side
            m.participants.append(self.participant(d, c, canon))
            if c.person is not None and c.person.entity_id:
                ids.add(c.person.entity_id)

    # --- triggers ----------------------------------------------------------------------
    def triggers(self, d: Document, si: int, toks: list[Tok]) -> list[Trigger]:
        covered = {k for p in d.persons if p.sentence_idx == si for k in range(*p.tokens)}
        covered |= {k for s, e in d.analyses[si].orgs for k in range(s, e)}
        starts = {p.tokens[0] for p in d.persons if p.sentence_idx == si}
        if sum(t.text in cues.SPORT for t in toks) >= 2:
            return []       # a match report: لقاء and التقى are games there
        out, i = [], 0
        while i < len(toks):
            trig = None if i in covered else self._trigger_at(toks, i, starts)
            if trig is None:
                i += 1
                continue
            out.append(trig)
            i += trig.n
        return out

    def _trigger_at(self, toks: list[Tok], i: int, person_starts: set[int]) -> Trigger | None:
        hit = self.rules.trigger_at(toks, i)
        if hit is not None:
            n, (kind, sides, mode) = hit
            if kind == "noun" and not self._noun_is_event(toks, i, n, person_starts):
                return None
            if kind == "poss" and i and toks[i - 1].text in {"تم", "وتم", "جري", "وجري"}:
                return None       # تم استقبالهم: passive, no host named
            if i and toks[i - 1].text in {"بن", "بنت", "ابن", "ابو", "ال"}:
                return None       # سعود بن قابل: part of a name
            if i and (toks[i - 1].text in cues.CLAUSE_ENDS or toks[i - 1].text in {"من", "لمن", "ولمن"}) \
                    and kind == "verb":
                return None       # الذي يزور الإدارة، لجميع من زار المخيم: a relative clause
            if kind in ("poss", "noun") and sides == "host_guest" and i and toks[i - 1].text in cues.RECEPTION_PLACE:
                sides = "guest_host"   # وكان في استقباله X / وفي استقبال سموه X: X received him
            return Trigger(i, n, "verb" if kind == "verb" else "noun", sides, mode, possessive=kind == "poss")
        with_verb = self.rules.trigger_at(toks, i, "with_verbs")
        if with_verb is not None:
            # بحث وزير الخارجية الأمير سعود الفيصل مع نظيره ...: مع a few words on
            for k in range(i + 1, min(len(toks), i + 12)):
                if toks[k].text in cues.CLAUSE_OPENERS or toks[k].text in {".", "؛", "،"}:
                    break
                if toks[k].text == "مع":
                    return Trigger(i, 1, "verb", with_verb[1][1], with_verb[1][2])
            return None
        light = self.rules.trigger_at(toks, i, "light_verbs")
        if light is None:
            return None
        # أجرى عادل الجبير وزير الخارجية مباحثات، أمس، مع ...: the event noun a few words on
        for k in range(i + 1, min(len(toks), i + 12)):
            if toks[k].text in cues.CLAUSE_OPENERS or toks[k].text in {".", "؛"}:
                break
            event = self.rules.trigger_at(toks, k, "event_nouns")
            if event is not None:
                _, (_, _, mode) = event
                return Trigger(i, 1, "verb", light[1][1], "call" if light[1][2] == "call" else mode)
        return None

    def _noun_is_event(self, toks: list[Tok], i: int, n: int, person_starts: set[int]) -> bool:
        """A bare verbal noun reports a new encounter only with its parties after it:
        مع (اجتماع مع)، a respect pronoun (استقبال سموه), a verb of holding (لقاء عقده),
        or a person and then ب / ل / مع + another (اجتماع وزير الخارجية ... بالأمين العام)."""
        if toks[i + n - 1].text == "مع":
            return True
        nxt = toks[i + n].text if i + n < len(toks) else ""
        if nxt in cues.RESPECT_PRONOUNS or nxt == "مع":
            return True
        if nxt.startswith(("عقد", "اجرا", "اجري")) and len(nxt) > 3:
            return True
        if i + n in person_starts:
            for k in range(i + n + 1, min(len(toks), i + n + 15)):
                if toks[k].text in {".", "؛"} or toks[k].text in cues.CLAUSE_OPENERS:
                    break
                if k in person_starts and (toks[k - 1].text == "مع" or self.rules.has_preposition(toks[k].text)
                                           or toks[k].text[:1] in "بل" and self.rules.match(toks, k, "role_heads")):
                    return True
        return False

    # --- one meeting ---------------------------------------------------------------------
    def meeting(self, d: Document, si: int, toks: list[Tok], trig: Trigger,
                canon: dict[str, Person]) -> Meeting | None:
        clause = self.clause(d, si, toks, trig)
        place = self.location(d, si, toks, trig, clause)
        parties = self.parties(d, si, toks, trig, clause, place)
        principals = [p for p in parties if p.side in PRINCIPAL and not p.chairs]
        named = [p for p in principals if p.person is not None and p.person.entity_id is not None]
        if len(principals) < 2 or not named:
            return None
        if trig.sides != "party" and not any(p.kind != "org" for p in principals[1:]):
            return None   # received or visited a place or an institution, not a counterpart
        if all(p.kind == "org" and p.org is not None and p.org.norm.removeprefix("ال").startswith(cues.MEDIA)
               for p in principals[1:]):
            return None   # في لقاء مع قناة ...: an interview
        participants = [self.participant(d, p, canon) for p in parties]
        sent_start, sent_end = d.sentences[si]
        t_start, t_end = d.norm.to_original(toks[trig.i].start, toks[trig.i + trig.n - 1].end)
        m = Meeting(status="held", mode=trig.mode, trigger=d.text[t_start:t_end], sentence_idx=si,
                    start=sent_start, end=sent_end, participants=participants)
        if any(t.text in cues.CALL_CUES for t in toks[max(0, trig.i - 2):trig.i + trig.n + 4]):
            m.mode = "call"
        self.meeting_date(d, si, toks, trig, clause, parties, m)
        m.status = self.status(d, toks, trig, m)
        # a call has no meeting place; otherwise the dateline's city stands in for a place not named
        m.location = None if m.mode == "call" else place[2] if place else d.record.dateline
        m.purpose = self.purpose(d, si, toks, clause)
        m.confidence = min(0.95, 0.4 + 0.15 * len(named) + 0.1 * (m.date is not None))
        return m

    def clause(self, d: Document, si: int, toks: list[Tok], trig: Trigger) -> Clause:
        start = 0
        for k in range(trig.i - 1, -1, -1):
            if toks[k].text in cues.CLAUSE_OPENERS:
                start = k + 1
                break
        end = stop = len(toks)
        purpose = None
        for k in range(trig.i + trig.n, len(toks)):
            word = toks[k].text
            if word in cues.CLAUSE_OPENERS or word in cues.CLAUSE_ENDS:
                end = min(end, k)
                stop = k
                break
            if purpose is None and (word in cues.PURPOSE_AFTER or word in cues.PURPOSE_WITH_L):
                begin = k + 1 if word in cues.PURPOSE_AFTER else k
                while begin < len(toks) and toks[begin].text in cues.PURPOSE_SUBJECTS:
                    begin += 1
                purpose = (begin, self._phrase_end(toks, begin))
                end = min(end, k)
            if word == "." or word == "؛":
                end, stop = min(end, k), k
                break
        return Clause(start, end, stop, purpose)

    @staticmethod
    def _phrase_end(toks: list[Tok], begin: int) -> int:
        k = begin
        while k < len(toks) and k - begin < MAX_PURPOSE and toks[k].text not in {"،", ",", ".", "؛", ";", "!", "؟"}:
            k += 1
        return k

    def parties(self, d: Document, si: int, toks: list[Tok], trig: Trigger, clause: Clause,
                place: tuple[int, int, str] | None) -> list[Party]:
        outside = set(range(*clause.purpose)) if clause.purpose else set()
        if place:
            outside |= set(range(place[0], place[1]))
        cands = [c for c in self._candidates(d, si, toks)
                 if not any(k in outside for k in range(c.start, c.end))]
        # An organisation is a party only as the subject or right after مع (اجتمع الوزير مع شركة ...).
        cands = [c for c in cands if c.kind != "org" or c.end <= trig.i
                 or (c.start and toks[c.start - 1].text == "مع")]
        # Which cue governs each position after the trigger: principal, accompanying, attendee.
        region = {}
        side = None
        for k in range(trig.i + trig.n, clause.stop):
            word = toks[k].text
            if word in cues.ACCOMPANY:
                side = "accompanying"
            elif word in cues.ATTEND:
                side = "attendee"
            region[k] = side
        pre = [c for c in cands if clause.start <= c.start and c.end <= trig.i]
        if any(c.kind != "org" for c in pre):
            pre = [c for c in pre if c.kind != "org"]
        post = [c for c in cands if c.start >= trig.i + trig.n and c.start < clause.stop]
        post = [c for c in post if c.start < clause.end or region.get(c.start)]
        for c in post:
            c.side = region.get(c.start) or ""
            if c.kind == "group" and c.end < len(toks) and toks[c.end].text.startswith("المرافق"):
                c.side = "accompanying"   # والوفد المرافق لهما
        objects = [c for c in post if not c.side]
        subject: Party | None = None
        nxt = toks[trig.i + trig.n].text if trig.i + trig.n < len(toks) else ""
        after = trig.i + trig.n
        if pre:
            # SVO: the subject right before the verb; a verbal noun's possessor is the
            # subject of the main clause (وثمن X ... خلال استقباله Y)
            subject = pre[0] if trig.kind == "noun" else pre[-1]
        elif trig.kind == "verb" and objects and objects[0].start <= after + VSO_WINDOW \
                and not self._after_with(toks, trig, objects[0]):
            subject = objects.pop(0)
        elif trig.kind == "noun" and not trig.possessive and objects and objects[0].start == after:
            subject = objects.pop(0)      # اجتماع وزير الخارجية اليمني ... بالأمين العام
        refers_back = trig.possessive or nxt in cues.RESPECT_PRONOUNS or (
            trig.kind == "verb" and (toks[trig.i].text.startswith(cues.CONTINUATIONS)
                                     or (trig.i and toks[trig.i - 1].text == "كما")))
        if (subject is None and refers_back) or nxt in cues.RESPECT_PRONOUNS:
            ante = self.antecedent(d, si, toks, trig)
            if ante is not None:
                if subject is not None and subject is not ante:
                    objects.insert(0, subject)
                subject = ante
        if subject is None:
            return []
        first, other = {"host_guest": ("host", "guest"), "guest_host": ("guest", "host"),
                        "party": ("party", "party")}[trig.sides]
        subject.side = first
        for c in objects:
            c.side = other
        out = [subject] + [c for c in post if c is not subject]
        self._chairs(toks, out)
        # The same person twice (subject resolved from an earlier sentence and named again) counts once.
        seen, unique = set(), []
        for p in out:
            key = (p.person.entity_id if p.person is not None else None) or id(p)
            if key not in seen:
                seen.add(key)
                unique.append(p)
        return unique

    @staticmethod
    def _chairs(toks: list[Tok], parties: list[Party]) -> None:
        """A party right after برئاسة heads the party before it and takes its side."""
        for k, c in enumerate(parties):
            if k == 0 or c.start < 0:
                continue
            if any(toks[j].text in cues.CHAIR for j in range(max(0, c.start - 3), c.start)):
                c.chairs = True
                c.side = parties[k - 1].side

    @staticmethod
    def _after_with(toks: list[Tok], trig: Trigger, c: Party) -> bool:
        return any(toks[k].text == "مع" for k in range(trig.i + trig.n, c.start))

    def _candidates(self, d: Document, si: int, toks: list[Tok]) -> list[Party]:
        out = []
        persons = [p for p in d.persons if p.sentence_idx == si]
        for p in persons:
            out.append(Party(p.kind if p.name is None else "person", p.tokens[0], p.tokens[1], person=p))
        taken = {k for p in persons for k in range(*p.tokens)}
        for (s, e), m in zip(d.analyses[si].orgs, d.orgs[si]):
            if not any(k in taken for k in range(s, e)):
                out.append(Party("org", s, e, org=m))
        out.sort(key=lambda c: c.start)
        return out

    def antecedent(self, d: Document, si: int, toks: list[Tok], trig: Trigger) -> Party | None:
        """The person a possessive or a respect pronoun stands for: the first named person
        of the nearest earlier sentence that has one (the subject of the report)."""
        for sj in range(si - 1, max(-1, si - 4), -1):
            people = [p for p in d.persons if p.sentence_idx == sj and p.name is not None and p.kind == "person"]
            if people:
                p = people[0]
                return Party("person", -1, -1, person=p)
        return None

    def participant(self, d: Document, p: Party, canon: dict[str, Person]) -> Participant:
        if p.kind == "org":
            return Participant(None, "org", p.org.text, None, p.side, p.org.start, p.org.end,
                               entity_id=p.org.entity_id)
        person = p.person
        full = canon.get(person.entity_id) if person.entity_id else None
        name = full.name.text if full is not None else (person.name.text if person.name else None)
        role_src = person if person.role is not None else full
        role = role_src.role.text if role_src is not None and role_src.role is not None else None
        org_src = person if person.org is not None else full
        org = org_src.org.text if org_src is not None and org_src.org is not None else None
        spans = [s for s in (person.name, person.role) if s is not None]
        start, end = min(s.start for s in spans), max(s.end for s in spans)
        if p.kind == "group":
            return Participant(None, "group", org, role, p.side, start, end)
        return Participant(name, "person", org, role, p.side, start, end, entity_id=person.entity_id)

    # --- attributes ------------------------------------------------------------------------
    def meeting_date(self, d: Document, si: int, toks: list[Tok], trig: Trigger, clause: Clause,
                     parties: list[Party], m: Meeting) -> None:
        """The date expression governing the trigger's clause; else the one of the sentence
        that introduced the subject; else the lead's, when it is the day of publication
        (a report of the day's news)."""
        exprs = [x for x in d.time_exprs[si] if x.value]
        lo = toks[clause.start].start
        hi = toks[max(clause.stop, 1) - 1].end
        exprs = [x for x in exprs if lo <= x.start and x.end <= hi]
        b, e = clause.purpose or (0, 0)
        if e > b and b < len(toks):       # a date inside the purpose dates what was discussed
            p0, p1 = toks[b].start, toks[e - 1].end
            exprs = [x for x in exprs if not (p0 <= x.start and x.end <= p1)]
        anchor = toks[trig.i].start
        # Before the trigger only a date right next to it or a day of the report (اليوم، أمس،
        # الأحد الماضي) dates it: 'هدد من عام 2013 ... بعد اجتماعه' is not the meeting's year.
        near = toks[max(0, trig.i - 4)].start
        exprs = [x for x in exprs if x.start >= anchor or x.start >= near
                 or x.kind in ("relative_day", "weekday")]
        if exprs:
            best = min(exprs, key=lambda x: abs(x.start - anchor))
            self._set_date(d, m, best)
            return
        # The sentence that introduced the subject (سيزور موسكو يوم الثلاثاء ... خلال زيارته):
        # the nearest of the two before that names the same person.
        subject = parties[0].person if parties and parties[0].person is not None else None
        if subject is not None and subject.entity_id:
            for sj in range(si - 1, max(-1, si - 3), -1):
                if any(p.entity_id == subject.entity_id for p in d.persons if p.sentence_idx == sj):
                    cand = [x for x in d.time_exprs[sj] if x.value]
                    if cand:
                        self._set_date(d, m, cand[0])
                        return
                    break
        pub = d.record.published
        if self.rules.is_future_verb(toks[trig.i].text):
            return            # a planned meeting does not take the lead's (past) date
        for x in (d.time_exprs[0] if d.time_exprs else []):
            if x.value and pub and len(x.value) == 10 and 0 <= (pub - date.fromisoformat(x.value)).days <= 1:
                self._set_date(d, m, x)
                return

    @staticmethod
    def _set_date(d: Document, m: Meeting, x) -> None:
        s, e = d.norm.to_original(x.start, x.end)
        m.date, m.date_text = x.value, d.text[s:e]

    def status(self, d: Document, toks: list[Tok], trig: Trigger, m: Meeting) -> str:
        """Planned when the verb is future (سيلتقي، سيزور), the text says it is scheduled
        (من المقرر، سوف), or its date is after publication."""
        word = toks[trig.i].text
        if self.rules.is_future_verb(word):
            return "planned"
        if any(t.text in cues.FUTURE_CUES for t in toks[max(0, trig.i - 6):trig.i]):
            return "planned"
        pub = d.record.published
        if m.date and pub and len(m.date) == 10 and date.fromisoformat(m.date) > pub:
            return "planned"
        return "held"

    def location(self, d: Document, si: int, toks: list[Tok], trig: Trigger,
                 clause: Clause) -> tuple[int, int, str] | None:
        """Where they met: في / ب + a place (مكتبه، قاعة الاجتماعات، العاصمة روما, a known
        place name), or the place a visit verb takes as its object (زار العاصمة العمانية مسقط).
        Returns the token range and the original text."""
        skip = set(range(*clause.purpose)) if clause.purpose else set()
        skip |= {k for p in d.persons if p.sentence_idx == si for k in range(*p.tokens)}
        after = trig.i + trig.n
        if trig.sides == "guest_host" and trig.kind == "verb" and after < len(toks) \
                and self._place_start(toks[after].text):
            return self._place_span(d, toks, after, 0)
        for k in range(after - 1, clause.stop):
            if k in skip:
                continue
            word = toks[k].text
            if word == "في" and k + 1 < len(toks) and self._place_start(toks[k + 1].text):
                return self._place_span(d, toks, k + 1, 0)
            if word.startswith("ب") and len(word) > 3 and self._place_start(word[1:]):
                return self._place_span(d, toks, k, 1)
        return None

    def _place_start(self, word: str) -> bool:
        bare = word.removeprefix("ال")
        return word.startswith(cues.PLACE_HEADS) or bare.startswith(cues.PLACE_HEADS) or self.rules.is_place(word)

    def _place_span(self, d: Document, toks: list[Tok], start: int, skip_chars: int) -> tuple[int, int, str]:
        head = toks[start].text[skip_chars:]
        end = start + 1
        # مكتبه، قصره: a possessed place head is a whole place by itself
        possessed = not head.startswith("ال") and head.endswith(("ه", "ها", "هم")) and \
            any(head.startswith(h) and len(head) > len(h) for h in cues.PLACE_HEADS)
        if not possessed and not self.rules.is_place(head):
            # قاعة الاجتماعات، المتوسطة السابعة للبنات، العاصمة القطرية الدوحة
            end = max(end, self.rules.extend_chain(toks, start + 1, 5, set(), allow_names=False,
                                                    closed=toks[start].definite))
            while end < len(toks) and end - start < 6 and self.rules.is_place(toks[end].text):
                end += 1
        if end < len(toks) and toks[end].text[:1] == "ب" and self._place_start(toks[end].text[1:]) \
                and not self.rules.is_place(toks[end].text[1:]) or \
                (end < len(toks) and toks[end].text.startswith("بال") and possessed):
            end += 1      # مكتبه بالإمارة، مقر الرئاسة بمدينة رام الله
        # A city head takes the city's own name, up to two words on (العاصمة العمانية مسقط،
        # بمدينة رام الله، مدينة سانت بطرسبورج)
        heads = [k for k in range(start, end) if toks[k].text.removeprefix("ب").removeprefix("ال") in CITY_HEADS]
        if heads:
            stop = heads[-1] + 3
            while end < min(stop, len(toks)) and (toks[end].text == "الله" or (
                    self.rules.name_like(toks, end, set()) and not toks[end].definite)):
                end += 1
        s, e = d.norm.to_original(toks[start].start + skip_chars, toks[end - 1].end)
        return start, end, d.text[s:e]

    def purpose(self, d: Document, si: int, toks: list[Tok], clause: Clause) -> str | None:
        span = clause.purpose
        if span is None:
            span = self._reported_purpose(d, si)
            if span is None:
                return None
            sj, b, e = span
            toks = d.sentence_tokens[sj]
        else:
            b, e = span
        if e <= b or b >= len(toks):
            return None
        skip = 1 if toks[b].text in cues.PURPOSE_WITH_L else 0
        s, t = d.norm.to_original(toks[b].start + skip, toks[e - 1].end)
        return d.text[s:t]

    def _reported_purpose(self, d: Document, si: int) -> tuple[int, int, int] | None:
        """وجرى خلال اللقاء بحث ... / وتم بحث ... in this or one of the next two sentences."""
        for sj in range(si, min(si + 3, len(d.sentence_tokens))):
            toks = d.sentence_tokens[sj]
            for k, tok in enumerate(toks):
                if tok.text not in cues.PURPOSE_REPORT:
                    continue
                j = k + 1
                while j < len(toks) and j - k <= 4 and (toks[j].text in {"خلال", "في"} or toks[j].text in cues.MEETING_NOUNS):
                    j += 1
                if j < len(toks) and toks[j].text in cues.PURPOSE_NOUNS:
                    return sj, j, self._phrase_end(toks, j)
        return None


def merge_repeats(meetings: list[Meeting]) -> list[Meeting]:
    """One encounter reported twice (lead and a later paragraph) is one meeting: merge
    meetings that share a named principal and do not disagree on the date."""
    out: list[Meeting] = []
    for m in meetings:
        keys = _principal_keys(m)
        # Same people (one set inside the other), same status, no conflicting date:
        # Lavrov-Khatib and Lavrov-Meshaal share Lavrov but are two encounters.
        target = next((o for o in out if keys & _principal_keys(o) and o.status == m.status
                       and (keys <= _principal_keys(o) or _principal_keys(o) <= keys)
                       and (o.date is None or m.date is None or o.date == m.date)), None)
        if target is None:
            out.append(m)
            continue
        have = {(p.entity_id or p.name or p.org or p.role) for p in target.participants}
        for p in m.participants:
            if (p.entity_id or p.name or p.org or p.role) not in have:
                target.participants.append(p)
        for attr in ("date", "date_text", "location", "purpose"):
            if getattr(target, attr) is None:
                setattr(target, attr, getattr(m, attr))
    return out


def _principal_keys(m: Meeting) -> set[str]:
    return {p.entity_id for p in m.participants if p.side in PRINCIPAL and p.entity_id and p.kind == "person"}
