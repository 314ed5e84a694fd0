"""How much one input may cost: the bounds that keep a run finishing on hostile input.

News articles are a few thousand characters; a scraper's bug, a gzip bomb or a page of
minified script is not. Each bound below turns such an input into an `errors` row
instead of letting it take the machine's memory or the night's time. The defaults are
generous for news (SaudiNewsNet's longest article is 34,000 characters) and every one
can be raised for a run (`arnews extract --max-chars ...`).
"""
from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Per-input bounds; an input over a bound is recorded in `errors` and skipped."""

    max_chars: int = 200_000          # characters of one article's text
    max_tokens: int = 50_000          # tokens of one article, after segmentation
    max_file_bytes: int = 64 * MIB    # a .json or .txt file, after decompression (parsed whole;
                                      # JSON Lines is streamed and has no file limit)
    max_line_bytes: int = 16 * MIB    # one record of a .jsonl file, after decompression
    max_seconds: float = 120.0        # processing time of one article (0: no limit)

    def __post_init__(self) -> None:
        for name in ("max_chars", "max_tokens", "max_file_bytes", "max_line_bytes"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")
        if self.max_seconds < 0:
            raise ValueError("max_seconds must be 0 (no limit) or positive")


DEFAULT_LIMITS = Limits()


class InputTooLarge(ValueError):
    """An input over one of the `Limits`: the message names the bound and how to raise it."""
