"""Why they met: the purpose, after a cue in the trigger's clause (بهدف، لبحث) or reported
in the same or one of the next sentences (وجرى خلال اللقاء بحث ...)."""
from __future__ import annotations

from arnews.document import Document
from arnews.events import words as W
from arnews.events.clause import Clause, phrase_end
from arnews.events.triggers import Trigger
from arnews.text.tokens import Tok, bare_forms

REPORT_SENTENCES = 3   # this sentence and the next two
REPORT_GAP = 4         # tokens between جرى and its purpose noun (خلال اللقاء)
TOPIC_SKIP = 3         # words of a verbal noun before its topic (تبادل الحديث عن)


def purpose(d: Document, si: int, toks: list[Tok], clause: Clause, trig: Trigger,
            party_ends: list[int]) -> str | None:
    """The purpose span's text, from the first place that states it: a cue in the clause,
    the object of a discussing verb (بحث X مع Y [purpose]), a report in this or the next
    sentences."""
    span = clause.purpose
    if span is None and trig.discussing:
        span = _discussed(d, si, toks, trig, party_ends)
    if span is None:
        reported = _reported_purpose(d, si, trig)
        if reported is None:
            return None
        sj, b, e = reported
        toks = d.sentence_tokens[sj]
    else:
        b, e = span
    if e <= b or b >= len(toks):
        return None
    skip = 1 if toks[b].text in W.PURPOSE_WITH_L else 0
    s, t = d.norm.to_original(toks[b].start + skip, toks[e - 1].end)
    return d.text[s:t]


def _discussed(d: Document, si: int, toks: list[Tok], trig: Trigger, party_ends: list[int]) -> tuple[int, int] | None:
    """بحث X ونظيره Y خلال اتصال هاتفي [purpose]: what a discussing verb takes, after its
    parties, their date and the encounter that carried it."""
    after = [e for e in party_ends if e > trig.i]
    if not after:
        return None
    dated = {k for m in d.dates if m.sentence_idx == si for k in range(*m.tokens)}
    k = max(after)
    while k < len(toks) and (k in dated or toks[k].text in W.DURING or toks[k].text in W.MEETING_NOUNS
                             or toks[k].text in W.CALL_CUES or toks[k].text in W.CALL_NOUNS):
        k += 1
    if k >= len(toks) or toks[k].is_punct:
        return None
    return k, phrase_end(toks, k)


def _reported_purpose(d: Document, si: int, trig: Trigger) -> tuple[int, int, int] | None:
    """وجرى خلال اللقاء بحث ... / وتم بحث ... in this or one of the next two sentences;
    a verb of discussing after the trigger or in a next sentence (وبحث الجانبان ...،
    اللقاء ناقش ...، بحثا خلاله ...)."""
    for sj in range(si, min(si + REPORT_SENTENCES, len(d.sentence_tokens))):
        toks = d.sentence_tokens[sj]
        first = trig.i + trig.n if sj == si else 0
        found = _report_noun(toks, first) or _report_verb(toks, first)
        if found is not None:
            return sj, found, phrase_end(toks, found)
    return None


def _report_noun(toks: list[Tok], first: int) -> int | None:
    """جرى / تم, then (خلال اللقاء الثنائي) a few words, then the verbal noun: بحث، مناقشة."""
    for k in range(first, len(toks)):
        if toks[k].text not in W.PURPOSE_REPORT:
            continue
        for j in range(k + 1, min(len(toks), k + 2 + REPORT_GAP)):
            if toks[j].is_punct:
                break
            if toks[j].text in W.PURPOSE_NOUNS:
                return _topic(toks, j)
    return None


def _topic(toks: list[Tok], j: int) -> int:
    """What a verbal noun of discussing takes: مناقشة [X]، تبادل الحديث عن [X]."""
    k = j
    while k < len(toks) and k - j < TOPIC_SKIP and (toks[k].text in W.PURPOSE_NOUNS or toks[k].text in W.ABOUT):
        k += 1
    return k if k < len(toks) and not toks[k].is_punct else j


def _report_verb(toks: list[Tok], first: int) -> int | None:
    """The purpose after a verb of discussing and its subject (وبحث الجانبان، اللقاء ناقش،
    بحثا خلاله)."""
    for k in range(first, len(toks)):
        if set(bare_forms(toks[k].text)) & W.PURPOSE_VERBS:
            j = k + 1
            while j < len(toks) and j - k <= REPORT_GAP and (
                    toks[j].text in W.PURPOSE_SUBJECTS or toks[j].text in W.DURING or toks[j].text in W.CALL_NOUNS
                    or toks[j].text in W.CALL_CUES or toks[j].text in W.MEETING_NOUNS):
                j += 1
            if j < len(toks) and toks[j].text in W.RELATIVE_PRONOUNS:
                # استعرضا خلال اللقاء الذي حضره X، [purpose]: past the relative clause
                j = next((c + 1 for c in range(j, len(toks)) if toks[c].text in W.PHRASE_PUNCT), len(toks))
            return j if j < len(toks) and not toks[j].is_punct else None
    return None
