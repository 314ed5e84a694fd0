"""Where a meeting is reported: the trigger words of a sentence.

A trigger is a verb whose subject and object are the parties (التقى، استقبل), a verbal noun
(اجتماع، لقاء، استقبال) that reports a new encounter only with its parties after it, a
possessed noun whose possessor is a party (لقائه), a verb of discussing with مع a few words
on (بحث ... مع), or a light verb with an event noun after the subject (أجرى ... مباحثات).
The forms are in `recognise/lexicons/meeting_triggers.tsv`.
"""
from __future__ import annotations

from dataclasses import dataclass

from arnews.document import Document
from arnews.events import words as W
from arnews.recognise import words as RW
from arnews.recognise.lookups import Lookups
from arnews.text.tokens import Tok, bare_forms

SEARCH = 40   # tokens after a discussing or light verb in which its مع or event noun may come
NOUN_PARTIES = 15   # tokens after a verbal noun in which its second party may come
GATHERING_CUE = 30   # tokens after a meeting noun in which بحضور / برئاسة may list its members


@dataclass
class Trigger:
    i: int
    n: int
    kind: str       # verb / noun
    sides: str      # host_guest / guest_host / party
    mode: str
    possessive: bool = False   # لقائه، استقباله: the possessor is a party
    object_pronoun: bool = False   # استقبله: the object is someone named before
    discussing: bool = False       # بحث X مع Y: what was discussed follows the parties


def find_triggers(look: Lookups, d: Document, si: int, toks: list[Tok]) -> list[Trigger]:
    """The triggers of sentence `si`, outside the names and organisations found there."""
    covered = {k for p in d.persons if p.sentence_idx == si for k in range(*p.tokens)}
    covered |= {k for m in d.orgs[si] for k in range(*m.tokens)}
    starts = titled_starts(look, toks, {p.tokens[0] for p in d.persons if p.sentence_idx == si})
    ends = frozenset(p.tokens[1] for p in d.persons if p.sentence_idx == si)
    sport = sum(t.text in W.SPORT for t in toks) >= 2
    out, i = [], 0
    while i < len(toks):
        trig = None if i in covered else trigger_at(look, toks, i, starts, ends)
        if trig is None:
            i += 1
            continue
        if not (sport and set(bare_forms(toks[i].text)) & W.MATCH_WORDS):
            out.append(trig)   # in a match report, لقاء and التقى are games
        i += trig.n
    return out


def titled_starts(look: Lookups, toks: list[Tok], starts: set[int]) -> set[int]:
    """Where each person's phrase begins once the honorifics before the name are counted
    (لقاء معالي وزير الخارجية ... مع صاحب السمو الملكي الأمير ...: the titles are not in
    the person's span, yet the parties start there)."""
    out = set(starts)
    for s in starts:
        pos = s
        while pos > 0:
            back = next((t for t in range(pos - 1, max(-1, pos - 4), -1)
                         if look.match(toks, t, "titles") == pos - t), None)
            if back is None:
                break
            pos = back
            out.add(pos)
    return out


def trigger_at(look: Lookups, toks: list[Tok], i: int, person_starts: set[int],
               person_ends: frozenset[int] = frozenset()) -> Trigger | None:
    hit = look.trigger_at(toks, i)
    if hit is not None:
        return _main_trigger(look, toks, i, hit, person_starts, person_ends)
    with_verb = look.trigger_at(toks, i, "with_verbs")
    if with_verb is not None:
        return _with_verb(look, toks, i, with_verb)
    light = look.trigger_at(toks, i, "light_verbs")
    if light is None:
        return None
    # أجرى عادل الجبير وزير الخارجية مباحثات، أمس، مع ...: the event noun a few words on
    for k in range(i + 1, min(len(toks), i + SEARCH)):
        if toks[k].text in W.CLAUSE_OPENERS or toks[k].text in W.SENTENCE_STOP:
            break
        event = look.trigger_at(toks, k, "event_nouns")
        if event is not None:
            _, (_, _, mode) = event
            return Trigger(i, 1, "verb", light[1][1], "call" if light[1][2] == "call" else mode)
    # المحادثات التي أجراها X ونظيره Y، اللقاء الذي عقده X مع Y: the event noun before, in a relative clause
    if i >= 2 and toks[i - 1].text in W.RELATIVE_PRONOUNS and toks[i - 2].text in W.MEETING_NOUNS:
        return Trigger(i, 1, "verb", light[1][1], light[1][2])
    return None


def _with_verb(look: Lookups, toks: list[Tok], i: int, hit) -> Trigger | None:
    """بحث وزير الخارجية ... مع نظيره: مع a few words on; or بحث X ونظيره Y خلال اتصال
    هاتفي / خلال لقائهما: the encounter named after the two."""
    for k in range(i + 1, min(len(toks), i + SEARCH)):
        if toks[k].text in W.CLAUSE_OPENERS or toks[k].text in W.CLAUSE_PUNCT:
            break
        if toks[k].text == W.WITH:
            return Trigger(i, 1, "verb", hit[1][1], hit[1][2], discussing=True)
        if toks[k].text in W.CALL_CUES:
            return Trigger(i, 1, "verb", hit[1][1], "call", discussing=True)
        if toks[k].text in W.DURING_NOUN and k + 1 < len(toks) and look.trigger_at(toks, k + 1) is not None:
            return Trigger(i, 1, "verb", hit[1][1], hit[1][2], discussing=True)
    return None


def _main_trigger(look: Lookups, toks: list[Tok], i: int, hit, person_starts: set[int],
                  person_ends: frozenset[int]) -> Trigger | None:
    n, (kind, sides, mode) = hit
    before = toks[i - 1].text if i else ""
    object_pronoun = kind == "verb_obj"
    kind = "verb" if object_pronoun else kind
    if kind == "noun" and not (noun_is_event(look, toks, i, n, person_starts)
                               or (before in W.DURING_NOUN and i + n in person_starts)):
        return None       # جاء ذلك خلال استقبال X Y / خلال لقاء X بـY: during the encounter of X
    if kind == "poss" and before in W.PASSIVE:
        return None       # تم استقبالهم: passive, no host named
    if before in W.NAME_PARTS:
        return None       # سعود بن قابل: part of a name
    if kind == "verb" and (before in W.RELATIVE_WHO or (before in W.RELATIVE_PRONOUNS
                                                        and i - 1 not in person_ends)):
        return None       # الذي يزور الإدارة، لجميع من زار المخيم: a relative clause (but
        #                   الملك عبدالله الذي استقبل ولي العهد: a person's relative clause)
    if kind in ("poss", "noun") and sides == "host_guest" and before in W.RECEPTION_PLACE:
        sides = "guest_host"   # وكان في استقباله X / وفي استقبال سموه X: X received him
    return Trigger(i, n, "verb" if kind == "verb" else "noun", sides, mode, possessive=kind == "poss",
                   object_pronoun=object_pronoun)


def noun_is_event(look: Lookups, toks: list[Tok], i: int, n: int, person_starts: set[int]) -> bool:
    """A bare verbal noun reports a new encounter only with its parties after it:
    مع (اجتماع مع)، a respect pronoun (استقبال سموه), a verb of holding (لقاء عقده),
    or a person and then ب / ل / مع + another (اجتماع وزير الخارجية ... بالأمين العام)."""
    if toks[i + n - 1].text == W.WITH:
        return True
    nxt = toks[i + n].text if i + n < len(toks) else ""
    if nxt in W.RESPECT_PRONOUNS or nxt == W.WITH:
        return True
    if nxt.startswith(W.HOLDING_VERBS) and len(nxt) > 3:
        return True
    if i + n in person_starts and look.has_preposition(nxt):
        return True       # للاجتماع بالعاهل السعودي، لقاء بوزير الخارجية
    if _attendance_follows(toks, i + n, person_starts):
        return True       # اجتماع اللجنة الثلاثية، بحضور وزير ... X، ووزير ... Y
    if i + n in person_starts:
        for k in range(i + n + 1, min(len(toks), i + n + NOUN_PARTIES)):
            if toks[k].text in W.SENTENCE_STOP or toks[k].text in W.CLAUSE_OPENERS:
                break
            if k in person_starts and (toks[k - 1].text == W.WITH or look.has_preposition(toks[k].text)
                                       or _preposition_and_role(look, toks, k)):
                return True
    return False


def _attendance_follows(toks: list[Tok], start: int, person_starts: set[int]) -> bool:
    """A cue of attendance or chairing (بحضور، برئاسة) later in the sentence, a person
    right after it: the noun reports a gathering of the people listed there."""
    for k in range(start, min(len(toks), start + GATHERING_CUE)):
        word = toks[k].text
        if word in W.SENTENCE_STOP:
            return False
        if (word in W.ATTEND or word in W.CHAIR) and k + 1 in person_starts:
            return True
    return False


def _preposition_and_role(look: Lookups, toks: list[Tok], k: int) -> bool:
    """لرئيس، بوزير: a role head with a preposition glued to it."""
    return toks[k].text[:1] in RW.PREPOSITION_LETTERS and bool(look.match(toks, k, "role_heads"))
