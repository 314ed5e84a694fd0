"""Why they met: the purpose, after a cue in the trigger's clause (بهدف، لبحث) or reported
in the same or one of the next sentences (وجرى خلال اللقاء بحث ...)."""
from __future__ import annotations

from arnews.document import Document
from arnews.events import words as W
from arnews.events.clause import Clause, phrase_end
from arnews.text.tokens import Tok, bare_forms

REPORT_SENTENCES = 3   # this sentence and the next two
REPORT_GAP = 4         # tokens between جرى and its purpose noun (خلال اللقاء)


def purpose(d: Document, si: int, toks: list[Tok], clause: Clause) -> str | None:
    span = clause.purpose
    if span is None:
        reported = _reported_purpose(d, si)
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


def _reported_purpose(d: Document, si: int) -> tuple[int, int, int] | None:
    """وجرى خلال اللقاء بحث ... / وتم بحث ... in this or one of the next two sentences;
    a next sentence opening with a verb of discussing (وبحث الجانبان ...، وناقش اللقاء ...)."""
    for sj in range(si, min(si + REPORT_SENTENCES, len(d.sentence_tokens))):
        toks = d.sentence_tokens[sj]
        found = _report_noun(toks) or (_report_verb(toks) if sj > si else None)
        if found is not None:
            return sj, found, phrase_end(toks, found)
    return None


def _report_noun(toks: list[Tok]) -> int | None:
    for k, tok in enumerate(toks):
        if tok.text not in W.PURPOSE_REPORT:
            continue
        j = k + 1
        while j < len(toks) and j - k <= REPORT_GAP and (toks[j].text in W.DURING or toks[j].text in W.MEETING_NOUNS):
            j += 1
        if j < len(toks) and toks[j].text in W.PURPOSE_NOUNS:
            return j
    return None


def _report_verb(toks: list[Tok]) -> int | None:
    """The purpose after a sentence-opening verb of discussing and its subject."""
    for k in range(min(2, len(toks))):
        if set(bare_forms(toks[k].text)) & W.PURPOSE_VERBS:
            j = k + 1
            while j < len(toks) and j - k <= REPORT_GAP and (toks[j].text in W.PURPOSE_SUBJECTS or toks[j].text in W.DURING):
                j += 1
            return j if j < len(toks) else None
    return None
