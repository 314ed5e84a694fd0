"""When they met, and whether it has happened: the meeting's date and status.

The date is the expression governing the trigger's clause; else the one of the sentence
that introduced the subject; else the lead's, when it is the day of publication (a report
of the day's news). Dates come from the dates stage (`Document.dates`), with the tokens
of their sentence they cover.
"""
from __future__ import annotations

from datetime import date

from arnews.document import DateMention, Document, Meeting
from arnews.events import words as W
from arnews.events.clause import Clause
from arnews.events.parties import Party
from arnews.events.triggers import Trigger
from arnews.recognise.lookups import Lookups
from arnews.text.tokens import Tok

NEXT_TO = 4   # tokens before the trigger within which a date of any kind dates it
SUBJECT_SENTENCES = 2   # sentences back in which the sentence that introduced the subject is looked for
FUTURE_WINDOW = 6   # tokens before the trigger in which من المقرر، سوف make it planned


def dated(d: Document, si: int) -> list[DateMention]:
    return [x for x in d.dates if x.sentence_idx == si and x.value]


def meeting_date(look: Lookups, d: Document, si: int, toks: list[Tok], trig: Trigger, clause: Clause,
                 parties: list[Party]) -> DateMention | None:
    """The date of the meeting of `trig`, or None."""
    return _in_clause(d, si, toks, trig, clause) or _subject_sentence(d, si, parties) \
        or (None if look.is_future_verb(toks[trig.i].text) else _lead(d))


def _in_clause(d: Document, si: int, toks: list[Tok], trig: Trigger, clause: Clause) -> DateMention | None:
    """The date nearest the trigger inside its clause, not inside its purpose (a date there
    dates what was discussed); before the trigger only a date right next to it or a day of
    the report (اليوم، أمس، الأحد الماضي): 'هدد من عام 2013 ... بعد اجتماعه' is not the meeting's year."""
    exprs = [x for x in dated(d, si) if clause.start <= x.tokens[0] and x.tokens[1] <= max(clause.stop, 1)]
    b, e = clause.purpose or (0, 0)
    if e > b and b < len(toks):
        exprs = [x for x in exprs if not (b <= x.tokens[0] and x.tokens[1] <= e)]
    exprs = [x for x in exprs if x.tokens[0] >= trig.i - NEXT_TO or x.kind in ("relative_day", "weekday")]
    if not exprs:
        return None
    anchor = d.norm.to_original(toks[trig.i].start, toks[trig.i].end)[0]
    return min(exprs, key=lambda x: abs(x.start - anchor))


def _subject_sentence(d: Document, si: int, parties: list[Party]) -> DateMention | None:
    """The sentence that introduced the subject (سيزور موسكو يوم الثلاثاء ... خلال زيارته):
    the nearest of the two before that names the same person."""
    subject = parties[0].person if parties and parties[0].person is not None else None
    if subject is None or not subject.entity_id:
        return None
    for sj in range(si - 1, max(-1, si - 1 - SUBJECT_SENTENCES), -1):
        if any(p.entity_id == subject.entity_id for p in d.persons if p.sentence_idx == sj):
            cand = dated(d, sj)
            return cand[0] if cand else None
    return None


def _lead(d: Document) -> DateMention | None:
    """The lead's date when it is the day of publication or the day before."""
    pub = d.record.published
    for x in dated(d, 0):
        if pub and len(x.value) == 10 and 0 <= (pub - date.fromisoformat(x.value)).days <= 1:
            return x
    return None


def status(look: Lookups, d: Document, toks: list[Tok], trig: Trigger, m: Meeting) -> str:
    """Planned when the verb is future (سيلتقي، سيزور), the text says it is scheduled
    (من المقرر، سوف), or its date is after publication."""
    if look.is_future_verb(toks[trig.i].text):
        return "planned"
    if any(t.text in W.FUTURE_CUES for t in toks[max(0, trig.i - FUTURE_WINDOW):trig.i]):
        return "planned"
    pub = d.record.published
    if m.date and pub and len(m.date) == 10 and date.fromisoformat(m.date) > pub:
        return "planned"
    return "held"
