"""The article as it flows through the stages.

`Record` is what ingest produces (metadata and text, nothing inferred). `Document` wraps
one record for one run of the pipeline: each stage reads what earlier stages left on it
and adds its own results, as a spaCy `Doc` carries annotations from component to
component. All spans on a `Document` are offsets into `record.text` (the original
characters), never into the normalised text.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from arnews.text.clean import clean_string
from arnews.text.tokens import Tok

if TYPE_CHECKING:  # pragma: no cover
    from arnews.text.normalise import NormalisedText


@dataclass
class Record:
    """One input article as read, before any NLP."""

    doc_id: str
    source_path: str
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    dateline: str | None = None
    record_index: int | None = None  # position inside a multi-record file, else None

    def __post_init__(self) -> None:
        # Lone surrogates cannot be written as UTF-8 (Parquet, spaCy): one repair, in place.
        self.text = clean_string(self.text)
        self.doc_id = clean_string(self.doc_id)
        if self.title is not None:
            self.title = clean_string(self.title)

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def article_id(self) -> str:
        """Stable for the same doc_id and text, so re-runs over an archive can skip it."""
        key = f"{self.doc_id}\n{self.text_sha256}".encode("utf-8")
        return hashlib.sha256(key).hexdigest()[:16]


@dataclass
class IngestError:
    """An input (or one record of it) that could not be read."""

    source_path: str
    record_index: int | None
    error: str      # exception class name
    message: str
    stage: str = "ingest"
    level: str = "error"   # "error": could not be read; "skipped": not read, by a documented rule


@dataclass
class Span:
    """A span of the original text with the sentence it lies in."""

    start: int
    end: int
    text: str
    sentence_idx: int


@dataclass
class Mention(Span):
    label: str = ""            # PERS, ORG, LOC, GPE, OCC, NORP, DATE, ...
    norm: str = ""
    method: str = "rule"       # model / rule / lexicon
    score: float | None = None
    entity_id: str | None = None
    tokens: tuple[int, int] | None = None   # token range in its sentence (organisations)


@dataclass
class DateMention(Span):
    value: str | None = None   # ISO YYYY-MM-DD, YYYY-MM or YYYY
    calendar: str = "gregorian"
    relative: bool = False
    anchor: date | None = None
    kind: str = ""
    tokens: tuple[int, int] = (0, 0)   # the tokens of its sentence it overlaps, [first, last + 1)


@dataclass
class Person:
    """A person, an unnamed role holder or a group, as one place in the text describes them."""

    name: Mention | None            # None for an unnamed role holder (نظيره العماني) or a group
    role: Span | None = None
    org: Span | None = None         # the organisation the role names (بلدية الخليل)
    kind: str = "person"            # person / group
    sentence_idx: int = 0
    tokens: tuple[int, int] = (0, 0)  # token range inside its sentence, for the event rules
    same_as: "Person | None" = None  # an unnamed role holder the article names elsewhere (الرئيس الروسي)

    @property
    def entity_id(self) -> str | None:
        if self.name is not None:
            return self.name.entity_id
        return self.same_as.entity_id if self.same_as is not None else None


@dataclass
class Participant:
    name: str | None
    kind: str                       # person / org / group
    org: str | None
    role: str | None
    side: str                       # host / guest / accompanying / attendee / party
    start: int
    end: int
    entity_id: str | None = None


@dataclass
class Meeting:
    status: str                     # held / planned
    mode: str                       # in_person / call
    trigger: str
    sentence_idx: int
    start: int
    end: int
    participants: list[Participant] = field(default_factory=list)
    date: str | None = None
    date_text: str | None = None
    location: str | None = None
    purpose: str | None = None
    confidence: float = 0.5
    plover: str | None = None       # PLOVER event type and mode (events.codes)
    cameo: str | None = None        # CAMEO event code (events.codes)
    evidence: dict[str, float] = field(default_factory=dict)   # what the rules saw (events.confidence)


@dataclass
class Document:
    """One record on its way through the pipeline."""

    record: Record
    norm: "NormalisedText | None" = None
    sentences: list[tuple[int, int]] = field(default_factory=list)  # original offsets
    sentence_tokens: list[list[Tok]] = field(default_factory=list)   # per sentence
    n_tokens: int = 0
    model_tags: list[list[str]] | None = None   # the tagger's BIO tags per sentence, when batched
    orgs: list[list[Mention]] = field(default_factory=list)          # per sentence, with token ranges
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    affiliations: list[dict[str, str | int | None]] = field(default_factory=list)  # rows of `affiliations`
    meetings: list[Meeting] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.record.text
