"""The recognise rules as one object, for callers written against the old `rules.py`.

The rules now live by concern: `lookups.py` (lexicon look-ups at a position), `names.py`
(name spans), `chains.py` (idafa chains and organisations), `roles.py` (role spans),
`positions.py` (names found next to a role or title) and `people.py` (pairing names and
roles: `analyse`). `SentenceRules` is `Lookups` plus thin methods that call them, so that
`SentenceRules(lex).extend_chain(...)` keeps working; new code should use the modules.
"""
from __future__ import annotations

from arnews.recognise import chains as _chains
from arnews.recognise import names as _names
from arnews.recognise import people as _people
from arnews.recognise import positions as _positions
from arnews.recognise import roles as _roles
from arnews.recognise.lookups import Lookups, future_forms, is_name_ali, is_place_head, is_wordlike
from arnews.recognise.spans import NameSpan, RoleSpan, SentenceAnalysis
from arnews.text.tokens import Tok

__all__ = ["SentenceRules", "NameSpan", "RoleSpan", "SentenceAnalysis", "Tok"]


class SentenceRules(Lookups):
    """The rules, bound to one set of lexicons, applied to one sentence at a time."""

    is_wordlike = staticmethod(is_wordlike)
    _is_name_ali = staticmethod(is_name_ali)
    _is_place_head = staticmethod(is_place_head)
    _future_forms = staticmethod(future_forms)

    def _proper(self, tok: Tok) -> bool:
        return self.proper(tok)

    def _adjective(self, tok: Tok) -> bool:
        return self.adjective(tok)

    def _titles_someone(self, toks: list[Tok], j: int, date_toks: set[int]) -> bool:
        return _names.titles_someone(self, toks, j, date_toks)

    def extend_name(self, toks: list[Tok], i: int, date_toks: set[int], first_strong: bool) -> int:
        return _names.extend_name(self, toks, i, date_toks, first_strong)

    def find_names(self, toks: list[Tok], date_toks: set[int]) -> list[NameSpan]:
        return _names.find_names(self, toks, date_toks)

    def _name_at(self, toks: list[Tok], i: int, date_toks: set[int]) -> NameSpan | None:
        return _names.name_at(self, toks, i, date_toks)

    def extend_chain(self, toks: list[Tok], i: int, limit: int, date_toks: set[int],
                     allow_names: bool, closed: bool = False, stops: frozenset[int] = frozenset(),
                     quotes: bool = True, origin: int | None = None) -> int:
        return _chains.extend_chain(self, toks, i, limit, date_toks, allow_names, closed, stops, quotes, origin)

    def find_orgs(self, toks: list[Tok], date_toks: set[int]) -> list[tuple[int, int]]:
        return _chains.find_orgs(self, toks, date_toks)

    def find_roles(self, toks: list[Tok], date_toks: set[int], orgs: list[tuple[int, int]]) -> list[RoleSpan]:
        return _roles.find_roles(self, toks, date_toks, orgs)

    def analyse(self, toks: list[Tok], date_toks: set[int] | None = None,
                model_names: list[tuple[int, int]] | None = None) -> SentenceAnalysis:
        return _people.analyse(self, toks, date_toks, model_names)

    def _skip_titles(self, titles: list[tuple[int, int]], i: int) -> int:
        return _positions.skip_titles(titles, i)

    def _names_by_position(self, toks, roles, names, titles, date_toks) -> list[NameSpan]:
        return _positions.names_by_position(self, toks, roles, names, titles, date_toks)

    def _pair(self, toks, names, roles, titles):
        return _people.pair(self, toks, names, roles, titles)

    def _drop_bare_quotes(self, toks, people, roles, titles):
        return _people.drop_bare_quotes(toks, people, roles, titles)

    def _model_name_clitic(self, tok: Tok) -> int:
        return _people.model_name_clitic(self, tok)
