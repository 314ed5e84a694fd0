"""Several mentions of one encounter: later sentences that add people to a meeting just
reported, and repeats of one meeting (lead and a later paragraph) merged into one."""
from __future__ import annotations

from dataclasses import replace

from arnews.document import Document, Meeting, Person
from arnews.events import words as W
from arnews.recognise import words as RW
from arnews.events.parties import Party, candidates, participant
from arnews.events.profiles import Profiles

FOLLOW_UP = 12   # sentences after a meeting in which 'حضر الاجتماع' still refers to it
PRINCIPAL = ("host", "guest", "party")
CUE_WINDOW = 3   # tokens after حضر in which the meeting's noun tells it is this meeting


def follow_ups(d: Document, found: list[Meeting], profiles: Profiles) -> None:
    """Each meeting takes the attendees and companions named in the sentences after it,
    up to the next meeting."""
    for k, m in enumerate(found):
        until = found[k + 1].sentence_idx if k + 1 < len(found) else len(d.sentence_tokens)
        follow_up(d, m, range(m.sentence_idx + 1, min(until, m.sentence_idx + FOLLOW_UP)), profiles)


def follow_up(d: Document, m: Meeting, sentences: range, profiles: Profiles) -> None:
    """'حضر الاجتماع ... كل من X و Y' (attendees), 'X كان بصحبة المعلم' (accompanying)."""
    ids = {p.entity_id for p in m.participants if p.entity_id}
    for sj in sentences:
        toks = d.sentence_tokens[sj]
        cands = [c for c in candidates(d, sj) if c.kind != "org"]
        for k, tok in enumerate(toks):
            if tok.text in W.ATTEND and _names_this_meeting(toks, k):
                _add(m, ids, [c for c in cands if c.start > k], "attendee", profiles)
                break
            if tok.text in W.ACCOMPANY:
                _companions(m, ids, cands, k, profiles)
                break


def _names_this_meeting(toks, k: int) -> bool:
    """حضر الاجتماع؛ اللقاء الذي حضره؛ كما حضرها (the meeting itself, in a pronoun); or
    بحضور in a sentence that names the meeting before it."""
    nxt = {t.text for t in toks[k + 1:k + 1 + CUE_WINDOW]}
    before = {t.text for t in toks[max(0, k - CUE_WINDOW - 1):k]}
    return bool(nxt & W.MEETING_NOUNS) or bool(before & W.MEETING_NOUNS) or toks[k].text in W.ATTEND_IT \
        or (toks[k].text.startswith(W.ATTEND_NOUNS) and any(t.text in W.MEETING_NOUNS for t in toks[:k]))


def _companions(m: Meeting, ids: set, cands: list[Party], k: int, profiles: Profiles) -> None:
    """X كان بصحبة المعلم: the companion comes first, the participant after the cue."""
    after = [c for c in cands if c.start > k]
    before = [c for c in cands if c.end <= k]
    if after and after[0].person is not None and after[0].person.entity_id in ids:
        _add(m, ids, before, "accompanying", profiles)
    elif before and before[0].person is not None and before[0].person.entity_id in ids:
        _add(m, ids, after, "accompanying", profiles)


def _add(m: Meeting, ids: set, parties: list[Party], side: str, profiles: Profiles) -> None:
    for c in parties:
        if c.person is not None and c.person.entity_id in ids:
            continue
        c.side = side
        m.participants.append(participant(c, profiles))
        if c.person is not None and c.person.entity_id:
            ids.add(c.person.entity_id)


def one_per_call(m: Meeting) -> list[Meeting]:
    """تلقى X اتصالين هاتفيين من Y، وZ: a call is between two, so each person on the other
    end is a call of its own with the first party."""
    if m.mode != "call":
        return [m]
    first = next((p for p in m.participants if p.side in PRINCIPAL), None)
    others = [p for p in m.participants if p.side in PRINCIPAL and p is not first]
    if first is None or len(others) < 2 or not all(p.kind == "person" for p in others):
        return [m]
    rest = [p for p in m.participants if p.side not in PRINCIPAL]
    return [replace(m, participants=[first, o, *rest], evidence=dict(m.evidence)) for o in others]


def merge_repeats(meetings: list[Meeting]) -> list[Meeting]:
    """One encounter reported twice (lead and a later paragraph) is one meeting: merge
    meetings that share a named principal and do not disagree on the date."""
    out: list[Meeting] = []
    for m in meetings:
        target = _same_encounter(out, m)
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


def _same_encounter(earlier: list[Meeting], m: Meeting) -> Meeting | None:
    """Same people (one set inside the other), same status, no conflicting date:
    Lavrov-Khatib and Lavrov-Meshaal share Lavrov but are two encounters."""
    keys = _principal_keys(m)
    return next((o for o in earlier if keys & _principal_keys(o) and o.status == m.status
                 and (keys <= _principal_keys(o) or _principal_keys(o) <= keys)
                 and (o.date is None or m.date is None or o.date == m.date)
                 and not _two_calls(o, m, keys) and not _other_groups(o, m)), None)


def _two_calls(o: Meeting, m: Meeting, keys: set[str]) -> bool:
    """Two calls with different people on the line are two calls (each call is its own
    meeting), even when one of them names a single party."""
    return o.mode == m.mode == "call" and keys != _principal_keys(o)


def _other_groups(o: Meeting, m: Meeting) -> bool:
    """زار المرضى ... ثم التقى بعدد من المواطنين: the same person meeting two different
    groups had two encounters."""
    a, b = _group_heads(o), _group_heads(m)
    return bool(a and b and not a & b)


def _group_heads(m: Meeting) -> set[str]:
    return {p.role.split()[0].removeprefix(RW.ARTICLE) for p in m.participants
            if p.kind == "group" and p.side in PRINCIPAL and p.role}


def _principal_keys(m: Meeting) -> set[str]:
    return {p.entity_id for p in m.participants if p.side in PRINCIPAL and p.entity_id and p.kind == "person"}
