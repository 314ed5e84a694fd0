"""The pipeline: builds the stages once and runs them over one article at a time.

`Pipeline.process(record)` is the one function every engine maps over the inputs: the
record in, rows for every per-article table out, no I/O. The stages run in order:
normalise -> segment -> dates -> recognise -> link -> events.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, fields
from typing import Protocol, Sequence

from arnews.dates.stage import DateRecogniser
from arnews.document import Document, Record
from arnews.events.stage import MeetingExtractor
from arnews.limits import DEFAULT_LIMITS, Limits
from arnews.link.stage import Linker
from arnews.recognise.lexicon import load_lexicons
from arnews.recognise.stage import Recogniser, Tagger
from arnews.rows import Rows, document_rows
from arnews.text.stage import Normaliser, Segmenter


log = logging.getLogger("arnews.pipeline")


class Stage(Protocol):
    """One step of the pipeline. Like a spaCy component registered with `requires` and
    `assigns`, it says which `Document` fields it reads and which it writes, so that the
    pipeline can check the order of its stages when it is built."""

    name: str
    reads: frozenset[str]
    writes: frozenset[str]

    def __call__(self, d: Document) -> Document: ...


class PipelineOrderError(ValueError):
    """A stage reads a field that no stage before it writes."""


def check_order(stages: Sequence[Stage]) -> None:
    """Every field a stage reads is written by an earlier stage (or is the record)."""
    known = {f.name for f in fields(Document)}
    available = {"record"}
    for stage in stages:
        unknown = (stage.reads | stage.writes) - known
        if unknown:
            raise PipelineOrderError(f"stage {stage.name!r} names fields a Document does not have: {sorted(unknown)}")
        missing = stage.reads - available
        if missing:
            raise PipelineOrderError(f"stage {stage.name!r} reads {sorted(missing)}, which no stage before it writes")
        available |= stage.writes


class StageError(Exception):
    """A stage failed on one article; carries the stage name for the `errors` table."""

    def __init__(self, stage: str, cause: BaseException):
        super().__init__(f"{stage}: {type(cause).__name__}: {cause}")
        self.stage = stage
        self.cause = cause


@dataclass
class ArticleResult:
    article_id: str
    document: Document
    rows: Rows


def default_ner() -> Tagger | None:
    """The shipped statistical NER (`models/ner/model`, loaded on first use), or None
    when it is not installed: the rules then work alone."""
    from arnews.ner import SentenceTagger, default_model_path

    if not (default_model_path() / "meta.json").exists():
        log.warning("no NER model at %s: people are found by the rules alone",
                    default_model_path())
        return None
    return SentenceTagger()


class Pipeline:
    """`ner`: the statistical tagger offered to the recognise stage; "default" is the
    shipped model, None the rules alone. `limits`: the bounds on one article's size."""

    def __init__(self, stages: Sequence[Stage] | None = None,
                 ner: Tagger | None | str = "default", limits: Limits = DEFAULT_LIMITS):
        if ner == "default":
            ner = default_ner() if stages is None else None
        if stages is None:
            lex = load_lexicons()
            stages = [Normaliser(limits.max_chars), Segmenter(limits.max_tokens), DateRecogniser(),
                      Recogniser(lex, ner=ner), Linker(lex), MeetingExtractor(lex)]
        self.stages = list(stages)
        check_order(self.stages)

    def run(self, record: Record) -> Document:
        d = Document(record=record)
        for stage in self.stages:
            try:
                d = stage(d)
            except Exception as exc:  # noqa: BLE001 - reported per article, the run goes on
                raise StageError(stage.name, exc) from exc
        return d

    def process(self, record: Record) -> ArticleResult:
        d = self.run(record)
        return ArticleResult(record.article_id, d, document_rows(d))

