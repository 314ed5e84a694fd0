"""Statistical named-entity recognition for Arabic news.

    >>> from arnews.ner import tag
    >>> tag(["التقى", "الملك", "سلمان", "في", "الرياض"])
    ['O', 'O', 'B-PERS', 'O', 'B-LOC']

Back ends:

- "arnews" (default): the model shipped in `models/ner/model` (a BiLSTM-CRF pretrained as
  a language model on news text, trained with `arnews train-ner`): PERS, LOC, ORG, MISC,
  plus OCC and NORP with `roles=True`;
- "camel": CAMeL Lab's BERT NER through `camel_tools.ner.NERecognizer` (PERS, LOC, ORG,
  MISC), for users who installed its model with camel-tools' data command; far slower.

Models are loaded lazily, once per (back end, model path).
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Sequence

from arnews.ner.scoring import bio_spans
from arnews.ner.tagger import (DEFAULT_MODEL, MAIN_COMPONENT, ROLES_COMPONENT, ModelMissing,
                               default_model_path)

__all__ = ["tag", "tag_sentences", "entities", "load", "SentenceTagger", "ModelMissing", "BACKENDS",
           "DEFAULT_MODEL", "default_model_path", "bio_spans"]

BACKENDS = ("arnews", "camel")
_LOADED: dict[tuple[str, str], object] = {}
_LOCK = threading.Lock()


def _check_backend(backend: str) -> None:
    if backend not in BACKENDS:
        raise ValueError(f"unknown NER back end {backend!r}: choose one of {', '.join(BACKENDS)}")


def load(backend: str = "arnews", model: str | Path | None = None):
    """The tagger of a back end (loaded on first use, then cached)."""
    _check_backend(backend)
    if backend == "arnews" and model is None:
        model = default_model_path()
    key = (backend, str(Path(model).resolve()) if model is not None else "")
    with _LOCK:
        if key not in _LOADED:
            if backend == "arnews":
                from arnews.ner.tagger import Tagger
                _LOADED[key] = Tagger(model)
            else:
                from arnews.ner.camel import CamelTagger
                _LOADED[key] = CamelTagger(model)
        return _LOADED[key]


def _components(roles: bool) -> list[str]:
    return [ROLES_COMPONENT] if roles else [MAIN_COMPONENT]


def tag_sentences(sentences: Sequence[Sequence[str]], backend: str = "arnews",
                  model: str | Path | None = None, roles: bool = False) -> list[list[str]]:
    """One BIO tag per token for each sentence. With `roles=True` the tags are the roles
    model's OCC and NORP spans (arnews back end only) instead of PERS/LOC/ORG/MISC."""
    tagger = load(backend, model)
    if backend == "camel":
        if roles:
            raise ValueError("the camel back end has no OCC/NORP model; use backend='arnews'")
        return tagger.tag_sentences(sentences)
    out = []
    for tokens, spans in zip(sentences, tagger.spans(sentences, _components(roles))):
        tags = ["O"] * len(tokens)
        for start, end, label in spans:
            tags[start] = f"B-{label}"
            for k in range(start + 1, end):
                tags[k] = f"I-{label}"
        out.append(tags)
    return out


def tag(tokens: Sequence[str], backend: str = "arnews", model: str | Path | None = None,
        roles: bool = False) -> list[str]:
    """One BIO tag per token (PERS, LOC, ORG, MISC; OCC and NORP with `roles=True`)."""
    if not tokens:
        return []
    return tag_sentences([list(tokens)], backend=backend, model=model, roles=roles)[0]


def entities(tokens: Sequence[str], model: str | Path | None = None
             ) -> list[tuple[int, int, str]]:
    """All spans both networks of the arnews model find (roles may contain entities):
    (start, end exclusive, label), sorted."""
    if not tokens:
        return []
    tagger = load("arnews", model)
    return tagger.spans([list(tokens)], [MAIN_COMPONENT, ROLES_COMPONENT])[0]


class SentenceTagger:
    """The NER as the recognise stage's tagger (`Recogniser(ner=SentenceTagger())`):
    BIO tags of PERS/LOC/ORG/MISC for one sentence, or for all of an article's sentences
    in one batch. The model loads on first use."""

    def __init__(self, backend: str = "arnews", model: str | Path | None = None):
        _check_backend(backend)
        self.backend = backend
        self.model = model

    def __call__(self, tokens: Sequence[str]) -> list[str]:
        return tag(tokens, backend=self.backend, model=self.model)

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return tag_sentences(sentences, backend=self.backend, model=self.model)
