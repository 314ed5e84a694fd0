"""The token layer every stage above segmentation works on.

A `Tok` is one token of the normalised text, with what the rules need to know about it;
`bare_forms` strips the conjunction and preposition clitics Arabic glues to a word, so
that a lexicon entry (رئيس) matches its forms in running text (ورئيس، لرئيس، للرئيس).
These are closed classes of the script itself, kept here beside the tokens.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

QUOTE_CHARS = frozenset("\"'«»“”„‘’")
# Conjunction (و ف) and preposition (ب ل ك) clitics, and their pairs, longest first.
PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


@lru_cache(maxsize=200_000)
def bare_forms(word: str) -> tuple[str, ...]:
    """The word and its forms without a leading conjunction/preposition clitic.

    `لرييس` -> (لرييس, رييس); `للشباب` -> (للشباب, الشباب); `وبمجلس` -> (وبمجلس, مجلس).
    """
    forms = [word]
    for clitic in PROCLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 2:
            rest = word[len(clitic):]
            if clitic.endswith("ل") and rest.startswith("ل"):   # لل = ل + ال
                forms.append("ا" + rest)
            forms.append(rest)
    return tuple(forms)


@dataclass
class Tok:
    """A normalised token with what the rules need to know about it."""

    text: str
    start: int      # offsets into the normalised text
    end: int
    is_punct: bool
    is_quote: bool
    nl_before: bool = False
    raw: str = ""   # the original characters (علي the name vs على the preposition differ only there)

    @property
    def definite(self) -> bool:
        return any(f.startswith("ال") and len(f) > 3 for f in bare_forms(self.text))

    @property
    def conj(self) -> bool:
        """Starts with the conjunction و (a word like وليد is checked by the rules' `is_conj`)."""
        return self.text.startswith("و") and len(self.text) > 2
