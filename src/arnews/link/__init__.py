"""Linking: entities inside an article and stable ids across articles (`stage.Linker`).

Public answers for later stages: `canonical_names(d)` (each person entity's fullest
record), `name_key(text, lex)` and `entity_id(label, key)`.
"""
from arnews.link.names import canonical_names, entity_id, name_key

__all__ = ["canonical_names", "entity_id", "name_key"]
