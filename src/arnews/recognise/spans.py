"""What the recognise rules find in one sentence: token-index spans, [start, end)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class NameSpan:
    start: int          # token indices, [start, end)
    end: int
    clitic: int = 0     # characters of a leading clitic on the first token (ويوسف -> 1)
    quoted: bool = False
    strength: int = 1   # 2: strong evidence (title, connector, first name), 1: position only


@dataclass
class RoleSpan:
    start: int
    end: int
    org: tuple[int, int] | None = None   # the organisation the role governs, if any


@dataclass
class SentenceAnalysis:
    names: list[NameSpan] = field(default_factory=list)
    roles: list[RoleSpan] = field(default_factory=list)
    orgs: list[tuple[int, int]] = field(default_factory=list)
    titles: list[tuple[int, int]] = field(default_factory=list)
    people: list[tuple[NameSpan | None, RoleSpan | None]] = field(default_factory=list)
