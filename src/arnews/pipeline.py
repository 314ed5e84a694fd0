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
        return self.finish_run(self.start(record))

    def process(self, record: Record) -> ArticleResult:
        d = self.run(record)
        return ArticleResult(record.article_id, d, document_rows(d))

    # -- many articles at once ------------------------------------------------------
    # A stage with a `prepare(docs)` method (the recogniser, whose tagger is faster on
    # many sentences at once) splits the work in three, as spaCy's `pipe` batches:
    # `start` each article up to that stage, `prepare` them together, `finish` each.

    def _batch_point(self) -> int:
        return next((k for k, s in enumerate(self.stages) if hasattr(s, "prepare")), len(self.stages))

    def start(self, record: Record) -> Document:
        """The stages before the batched one, for one article."""
        return _run_stages(Document(record=record), self.stages[:self._batch_point()])

    def prepare(self, docs: Sequence[Document]) -> None:
        """The batched stage's shared work for many started articles."""
        k = self._batch_point()
        if k < len(self.stages):
            self.stages[k].prepare(docs)

    def finish_run(self, d: Document) -> Document:
        return _run_stages(d, self.stages[self._batch_point():])

    def finish(self, d: Document) -> ArticleResult:
        """The remaining stages and the rows, for one started (and prepared) article."""
        d = self.finish_run(d)
        return ArticleResult(d.record.article_id, d, document_rows(d))


def _run_stages(d: Document, stages: Sequence[Stage]) -> Document:
    for stage in stages:
        try:
            d = stage(d)
        except Exception as exc:  # noqa: BLE001 - reported per article, the run goes on
            raise StageError(stage.name, exc) from exc
    return d
