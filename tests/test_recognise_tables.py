"""The recognise rules as modules and tables (issue 10): the walk of named steps, the
public look-ups and functions later stages use, and the old `SentenceRules` names."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from arnews.document import Document, Record
from arnews.recognise import chains, names, people, roles
from arnews.recognise.lexicon import load_lexicons
from arnews.recognise.lookups import Lookups
from arnews.recognise.rules import SentenceRules
from arnews.recognise.steps import GO, NO, STOP, first, walk


@dataclass
class Counter:
    j: int = 0
    limit: int = 10

    def more(self) -> bool:
        return self.j < self.limit


def test_the_first_step_with_a_verdict_decides():
    seen = []

    def note(c):
        seen.append(c.j)

    def step_two(c):
        if c.j < 4:
            c.j += 2
            return GO
        return None

    def stop(c):
        return STOP

    assert walk(Counter(), (note, step_two, stop)).j == 4
    assert seen == [0, 2, 4]
    assert walk(Counter(limit=3), (step_two, stop)).j == 4      # `more` bounds the walk
    assert walk(Counter(), (note,)).j == 0                       # no verdict: done


def test_first_answer_and_a_final_no():
    assert first((lambda x: None, lambda x: x + 1), 1) == 2
    assert first((lambda x: NO, lambda x: x + 1), 1) is None
    assert first((lambda x: None,), 1) is None


@pytest.fixture(scope="module")
def look() -> Lookups:
    return Lookups(load_lexicons())


@pytest.fixture(scope="module")
def toks(pipeline):
    """The tokens of a one-sentence text, as the segment stage makes them."""
    normalise, segment = pipeline.stages[0], pipeline.stages[1]

    def _toks(text: str):
        d = segment(normalise(Document(record=Record(doc_id="t", source_path="t", text=text))))
        return d.sentence_tokens[0]
    return _toks


def test_module_functions_find_what_the_stage_reports(look, toks):
    t = toks("استقبل رئيس بلدية الخليل خالد العسيلي وفد شركة أرامكو السعودية")
    orgs = chains.find_orgs(look, t, set())
    assert [" ".join(x.text for x in t[s:e]) for s, e in orgs] == ["بلديه الخليل", "شركه ارامكو السعوديه"]
    found = roles.find_roles(look, t, set(), orgs)
    assert (found[0].start, found[0].end, found[0].org) == (1, 4, orgs[0])
    assert names.name_at(look, t, 4, set()).end == 6
    analysis = people.analyse(look, t)
    assert [(n.start, n.end) for n in analysis.names] == [(4, 6)]
    assert look.match(t, 1, "role_heads") == 1 and look.trigger_at(t, 0) is not None


def test_sentence_rules_keeps_the_names_events_calls(look, toks):
    rules = SentenceRules(load_lexicons())
    t = toks("التقى وزير الخارجية السوري وليد المعلم في مكتبه بدمشق")
    for method in ("match", "match_at", "head_clitic", "trigger_at", "is_conj", "is_place",
                   "has_preposition", "name_like", "blocked", "is_trigger_word", "is_future_verb",
                   "_name_at", "extend_chain", "extend_name", "find_names", "find_orgs", "find_roles",
                   "analyse"):
        assert callable(getattr(rules, method))
    assert rules.extend_chain(t, 2, 5, set(), allow_names=False) == \
        chains.extend_chain(look, t, 2, 5, set(), allow_names=False)
    assert rules.analyse(t) == people.analyse(look, t)

