"""SIGINT and SIGTERM for the length of a run: finish what is safe, then stop.

The first signal asks the run to stop after committing what is finished. While an
article is being processed in this process, it is abandoned at once (`Interrupt`);
while rows are being written or committed, the flag is only noted, so that no commit
is ever cut in half by the handler.
"""
from __future__ import annotations

import signal
import threading
from typing import Any


class Interrupt(BaseException):
    """Raised inside an article's processing when a stop is requested (not an Exception,
    so that the per-article error handling does not swallow it)."""


class Stop:
    """SIGINT/SIGTERM handling for the length of a run (main thread only): the first
    signal asks the run to stop after committing what is finished."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self.interruptible = False
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> "Stop":
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)

    def _handle(self, signum: int, frame: object) -> None:
        if self.signum is None:
            self.signum = signum
        if self.interruptible:
            self.interruptible = False
            raise Interrupt()

    @property
    def requested(self) -> bool:
        return self.signum is not None
