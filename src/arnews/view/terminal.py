"""`arnews show` in the terminal: a person's meetings, one meeting, one article.

Most terminals neither join Arabic letters nor lay out right-to-left text: they print the
characters in memory order, left to right. So each line is wrapped first (in reading
order), then shaped (arabic-reshaper) and reordered for display (python-bidi), and set
flush right. `bidi=False` leaves the text as it is, for terminals that do both
themselves (mlterm, Konsole, GNOME Terminal with bidi on).
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from arabic_reshaper import reshape
from bidi import get_display
from rich.text import Text

Piece = tuple[str, str]    # text, rich style ("" for plain)

STYLES = {"host": "bold cyan", "guest": "bold yellow", "accompanying": "magenta", "attendee": "bright_white",
          "party": "bold green", "trigger": "bold red", "date": "green", "place": "blue", "purpose": "italic",
          "PERS": "bold cyan", "ORG": "yellow", "LOC": "blue", "GPE": "blue", "OCC": "magenta", "DATE": "green"}


def wrap(pieces: Sequence[Piece], width: int) -> list[list[Piece]]:
    """Styled text cut into lines of at most `width` characters, at spaces, in reading order."""
    lines: list[list[Piece]] = [[]]
    used = 0
    for text, style in pieces:
        for word in text.split():
            if used and used + 1 + len(word) > width:
                lines.append([])
                used = 0
            lines[-1].append((word, style))
            used += len(word) + (1 if used else 0)
    return [line for line in lines if line] or [[]]


def _runs(line: list[Piece]) -> list[Piece]:
    """Neighbouring words of one style joined into one piece."""
    runs: list[Piece] = []
    for word, style in line:
        if runs and runs[-1][1] == style:
            runs[-1] = (runs[-1][0] + " " + word, style)
        else:
            runs.append((word, style))
    return runs


@lru_cache(maxsize=20_000)   # names and roles recur; shaping is the slow part
def visual(text: str) -> str:
    """One line as a left-to-right terminal must print it to be read right to left."""
    return get_display(reshape(text), base_dir="R")


def rtl(pieces: Sequence[Piece] | str, width: int, bidi: bool = True) -> Text:
    """Right-to-left text for a terminal: wrapped, shaped, reordered and flush right."""
    if isinstance(pieces, str):
        pieces = [(pieces, "")]
    out = Text(justify="right", no_wrap=True)
    for i, line in enumerate(wrap(pieces, width)):
        runs = _runs(line)
        if bidi:  # each run reordered within itself, the runs laid out right to left
            runs = [(visual(t), s) for t, s in reversed(runs)]
        if i:
            out.append("\n")
        for j, (t, s) in enumerate(runs):
            out.append(("" if j == 0 else " ") + t, style=s or None)
    return out
