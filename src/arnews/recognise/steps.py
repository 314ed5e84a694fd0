"""Ordered tables of named tests, as `dates/extract.py` keeps its `RULES`.

A rule that walks along a sentence (a name, an idafa chain, a role) is a table of small
named steps. At each position the steps are asked in order; the first with a verdict
decides: GO (it moved the walk on; ask again from the top), STOP (the phrase ends here).
A step that does not apply returns None and the next one is asked. Reading the table
top to bottom reads the rule; adding a case is adding a step at the right place.
"""
from __future__ import annotations

from typing import Callable, Protocol, TypeVar

GO = "go"
STOP = "stop"
NO = "no"           # for `first`: the answer is "none", and no later test is asked
Verdict = str | None
S = TypeVar("S", bound="Walk")
T = TypeVar("T")


class Walk(Protocol):
    def more(self) -> bool: ...


def walk(state: S, steps: tuple[Callable[[S], Verdict], ...]) -> S:
    """Apply `steps` to `state` while `state.more()`, until a step says STOP (or none speaks)."""
    while state.more():
        for step in steps:
            verdict = step(state)
            if verdict is not None:
                break
        else:
            return state
        if verdict == STOP:
            return state
    return state


def first(tests: tuple[Callable[..., T | str | None], ...], *args) -> T | None:
    """The answer of the first test that has one; NO from a test is a final None."""
    for test in tests:
        answer = test(*args)
        if answer is not None:
            return None if answer is NO else answer
    return None
