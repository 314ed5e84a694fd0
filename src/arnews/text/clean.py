"""Text that can be written: the one repair arnews makes to input strings."""
from __future__ import annotations

import re

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_string(s: str) -> str:
    """`s` with lone surrogates (a JSON "\\udc80" escape, a byte a decoder could not read)
    replaced by U+FFFD: the text keeps its length, so offsets stay true, and it can be
    written as UTF-8."""
    return _LONE_SURROGATE.sub("\ufffd", s)
