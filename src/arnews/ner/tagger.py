"""The spaCy back end: loads the shipped pipeline and turns token lists into BIO tags."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Sequence

from arnews.ner.text import norm_tokens

MODELS_DIR = Path(__file__).resolve().parents[3] / "models"
DEFAULT_MODEL = MODELS_DIR / "ner" / "pipeline"
MAIN_COMPONENT = "ner"          # PERS, LOC, ORG, MISC (ANERcorp)
ROLES_COMPONENT = "ner_roles"   # OCC, NORP (Wojood)


class ModelMissing(RuntimeError):
    """The NER model asked for is not installed."""


def default_model_path() -> Path:
    env = os.environ.get("ARNEWS_NER_MODEL")
    return Path(env) if env else DEFAULT_MODEL


class SpacyTagger:
    """Tags pre-tokenised sentences with the arnews spaCy pipeline."""

    def __init__(self, path: str | Path | None = None):
        import spacy

        import arnews.ner.model  # noqa: F401  (registers the custom embedding layer)

        self.path = Path(path) if path else default_model_path()
        if not (self.path / "config.cfg").exists():
            raise ModelMissing(
                f"no NER model at {self.path}: build it with `arnews train-ner` "
                "(or point ARNEWS_NER_MODEL at a trained pipeline)")
        # numpy's BLAS (multi-threaded) rather than thinc's single-threaded blis: about
        # 2.5x faster on 2 cores; ARNEWS_NER_BLIS=1 keeps blis.
        if os.environ.get("ARNEWS_NER_BLIS") == "1":
            self.nlp = spacy.load(self.path)
        else:
            from thinc.api import use_ops
            with use_ops("numpy", use_blis=False):
                self.nlp = spacy.load(self.path)
        self.components = list(self.nlp.pipe_names)
        # The normalisation the model was trained with (recorded by train-ner).
        self.normaliser = self.nlp.meta.get("arnews", {}).get("normalise", "full")

    def labels(self, component: str) -> list[str]:
        if component not in self.components:
            return []
        return list(self.nlp.get_pipe(component).labels)

    def _docs(self, sentences: Iterable[Sequence[str]]):
        from spacy.tokens import Doc

        for tokens in sentences:
            yield Doc(self.nlp.vocab,
                      words=norm_tokens(list(tokens), self.normaliser) if tokens else [])

    def tag_docs(self, sentences: Sequence[Sequence[str]], components: Sequence[str],
                 batch_size: int = 256):
        """One spaCy Doc per sentence, each with the spans of every asked component in
        `doc.spans[component]`."""
        comps = [c for c in components if c in self.components]
        docs = list(self._docs(sentences))
        out = []
        for doc in self._pipe(docs, comps, batch_size):
            out.append(doc)
        return out

    def _pipe(self, docs, comps, batch_size):
        # A pipeline with a shared encoder (as `spacy train` leaves it) runs it first.
        if "tok2vec" in self.components and comps:
            docs = list(self.nlp.get_pipe("tok2vec").pipe(docs, batch_size=batch_size))
        # Each NER component writes doc.ents; keep each one's result apart.
        for name in comps:
            proc = self.nlp.get_pipe(name)
            for doc in proc.pipe(docs, batch_size=batch_size):
                doc.spans[name] = list(doc.ents)
                doc.ents = []
        return docs

    def spans(self, sentences: Sequence[Sequence[str]], components: Sequence[str],
              batch_size: int = 256) -> list[list[tuple[int, int, str]]]:
        """Predicted (start, end, label) spans per sentence, for the given components."""
        result = []
        for doc in self.tag_docs(sentences, components, batch_size):
            spans = []
            for name in components:
                if name in doc.spans:
                    spans.extend((s.start, s.end, s.label_) for s in doc.spans[name])
            result.append(sorted(spans))
        return result
