"""Where they met: في / ب + a place (مكتبه، قاعة الاجتماعات، العاصمة روما, a known place
name), or the place a visit verb takes as its object (زار العاصمة العمانية مسقط)."""
from __future__ import annotations

from arnews.document import Document
from arnews.events import words as W
from arnews.events.clause import Clause
from arnews.events.triggers import Trigger
from arnews.recognise import words as RW
from arnews.recognise.chains import extend_chain
from arnews.recognise.lookups import Lookups
from arnews.text.normalise import normalise_word
from arnews.text.tokens import Tok

PLACE_CHAIN = 5        # tokens of the idafa chain after a place head (قاعة الاجتماعات)
PLACE_WORDS = 6        # tokens a place may run to
CITY_NAME = 3          # tokens after a city head in which the city's own name ends


def location(look: Lookups, d: Document, si: int, toks: list[Tok], trig: Trigger,
             clause: Clause) -> tuple[int, int, str] | None:
    """The place of the meeting as a token range and its original text, or None."""
    skip = set(range(*clause.purpose)) if clause.purpose else set()
    skip |= {k for p in d.persons if p.sentence_idx == si for k in range(*p.tokens)}
    orgs = {m.tokens[0]: m.tokens[1] for m in d.orgs[si]}
    after = trig.i + trig.n
    if trig.sides == "guest_host" and trig.kind == "verb" and after < len(toks) \
            and place_start(look, toks[after].text):
        return place_span(look, d, toks, after, 0, orgs)
    for k in range(after - 1, clause.stop):
        if k in skip:
            continue
        word = toks[k].text
        if word == RW.POSTING and k + 1 < len(toks) and place_start(look, toks[k + 1].text):
            return place_span(look, d, toks, k + 1, 0, orgs)
        if word.startswith(W.BI) and len(word) > 3 and place_start(look, word[1:]):
            return place_span(look, d, toks, k, 1, orgs)
    return _named_place_in_sentence(look, d, toks, trig, skip, orgs)


def _named_place_in_sentence(look: Lookups, d: Document, toks: list[Tok], trig: Trigger, skip: set[int],
                             orgs: dict[int, int]) -> tuple[int, int, str] | None:
    """وفي أديس أبابا سيلتقي ...، وصل إلى الكويت حيث التقى ...: a known place name after
    في / إلى / ب anywhere in the sentence, the nearest to the trigger."""
    found = []
    for k in range(len(toks)):
        if k in skip or k + 1 in skip:
            continue
        word = toks[k].text
        if word in W.PLACE_PREPOSITIONS and k + 1 < len(toks) and look.is_place(toks[k + 1].text):
            found.append((abs(k - trig.i), k + 1, 0))
        elif word.startswith(W.BI) and len(word) > 3 and look.is_place(word[1:]):
            found.append((abs(k - trig.i), k, 1))
    if not found:
        return None
    _, start, chars = min(found)
    return place_span(look, d, toks, start, chars, orgs)


def is_seat(place: str) -> bool:
    """A place that is a party's own: a possessed place head (مكتبه، قصره، بمقر إمارته)."""
    words = normalise_word(place).split()
    return bool(words) and _possessed_head(words[0].removeprefix(W.BI))


def place_start(look: Lookups, word: str) -> bool:
    bare = word.removeprefix(RW.ARTICLE)
    return word.startswith(W.PLACE_HEADS) or bare.startswith(W.PLACE_HEADS) or look.is_place(word)


def place_span(look: Lookups, d: Document, toks: list[Tok], start: int, skip_chars: int,
               orgs: dict[int, int]) -> tuple[int, int, str]:
    head = toks[start].text[skip_chars:]
    possessed = _possessed_head(head)
    end = start + 1
    if not possessed and not look.is_place(head):
        # قاعة الاجتماعات، المتوسطة السابعة للبنات، العاصمة القطرية الدوحة
        end = max(end, extend_chain(look, toks, start + 1, PLACE_CHAIN, set(), allow_names=False,
                                    closed=toks[start].definite))
        while end < len(toks) and end - start < PLACE_WORDS and look.is_place(toks[end].text):
            end += 1
        # مستشفى الملك عبدالعزيز (an organisation named from the head), مقر وزارة الخارجية
        end = max(end, orgs.get(start, end), orgs.get(end, end) if end == start + 1 else end)
    if _second_place(look, toks, end, possessed):
        end += 1      # مكتبه بالإمارة، مقر الرئاسة بمدينة رام الله
    elif end + 1 < len(toks) and toks[end].text == RW.POSTING and look.is_place(toks[end + 1].text):
        end += 2      # مقر وزارة الخارجية الإسبانية في مدريد
    end = _city_name(look, toks, start, end)
    s, e = d.norm.to_original(toks[start].start + skip_chars, toks[end - 1].end)
    return start, end, d.text[s:e]


def _possessed_head(head: str) -> bool:
    """مكتبه، قصره: a possessed place head is a whole place by itself."""
    return not head.startswith(RW.ARTICLE) and head.endswith(RW.PRONOUN_ENDINGS) and \
        any(head.startswith(h) and len(head) > len(h) for h in W.PLACE_HEADS)


def _second_place(look: Lookups, toks: list[Tok], end: int, possessed: bool) -> bool:
    if end >= len(toks):
        return False
    word = toks[end].text
    return (word[:1] == W.BI and place_start(look, word[1:]) and not look.is_place(word[1:])) or \
        (word.startswith(W.BI + RW.ARTICLE) and possessed)


def _city_name(look: Lookups, toks: list[Tok], start: int, end: int) -> int:
    """A city head takes the city's own name, up to two words on (العاصمة العمانية مسقط،
    بمدينة رام الله، مدينة سانت بطرسبورج)."""
    heads = [k for k in range(start, end) if toks[k].text.removeprefix(W.BI).removeprefix(RW.ARTICLE) in W.CITY_HEADS]
    if heads:
        stop = heads[-1] + CITY_NAME
        while end < min(stop, len(toks)) and (toks[end].text in W.CITY_NAME_PARTS or (
                look.name_like(toks, end, set()) and not toks[end].definite)):
            end += 1
    return end

