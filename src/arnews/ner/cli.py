"""Where `arnews.cli` finds the NER commands; they live in `arnews.ner.training.cli`.

Kept only so that `from arnews.ner.cli import ner_app` keeps working until `arnews.cli`
imports `arnews.ner.training.cli` itself; then this module can go.
"""
from arnews.ner.training.cli import ner_app

__all__ = ["ner_app"]
