"""The clause of a trigger: where its parties start and end, and where its purpose is.

The clause starts after the last reported-speech opener before the trigger (أن، قال) and
ends at the next opener or relative word (الذي، حيث), or at a purpose cue (بهدف، لبحث):
parties come before the purpose. Cue-led parties (يرافقه، بحضور) may still come after a
purpose, up to `stop`.
"""
from __future__ import annotations

from dataclasses import dataclass

from arnews.events import words as W
from arnews.events.triggers import Trigger
from arnews.text.tokens import Tok

MAX_PURPOSE = 30   # tokens of a purpose phrase


@dataclass
class Clause:
    start: int      # token index where the trigger's clause starts
    end: int        # token index where the parties end (purpose, reported clause, sentence end)
    stop: int       # token index where cue-led parties (يرافقه، بحضور) may still be found up to
    purpose: tuple[int, int] | None = None


def clause(toks: list[Tok], trig: Trigger) -> Clause:
    start = next((k + 1 for k in range(trig.i - 1, -1, -1) if toks[k].text in W.CLAUSE_OPENERS), 0)
    end = stop = len(toks)
    purpose = None
    for k in range(trig.i + trig.n, len(toks)):
        word = toks[k].text
        if word in W.CLAUSE_OPENERS or word in W.CLAUSE_ENDS:
            end = min(end, k)
            stop = k
            break
        if purpose is None and (word in W.PURPOSE_AFTER or word in W.PURPOSE_WITH_L):
            purpose = purpose_span(toks, k)
            end = min(end, k)
        if word in W.SENTENCE_STOP:
            end, stop = min(end, k), k
            break
    return Clause(start, end, stop, purpose)


def purpose_span(toks: list[Tok], cue: int) -> tuple[int, int]:
    """The purpose after the cue at `cue`: the cue itself left out (but a verbal noun
    with ل kept, لتبادل الخبرات), the meeting's or the sides' names skipped."""
    begin = cue + 1 if toks[cue].text in W.PURPOSE_AFTER else cue
    while begin < len(toks) and toks[begin].text in W.PURPOSE_SUBJECTS:
        begin += 1
    return begin, phrase_end(toks, begin)


def phrase_end(toks: list[Tok], begin: int) -> int:
    """A purpose ends at punctuation, at كما (a second report: كما ناقشوا ...) or after
    MAX_PURPOSE words."""
    k = begin
    while k < len(toks) and k - begin < MAX_PURPOSE and toks[k].text not in W.PHRASE_PUNCT \
            and not (k > begin and toks[k].text == W.ALSO):
        k += 1
    return k
