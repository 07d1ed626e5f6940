"""Progress lines on stderr for long runs (``syriastats check`` on many claims).

Quiet unless someone is waiting: progress is shown when stderr is a terminal, or
when there are at least :data:`PROGRESS_MIN_ITEMS` items (a long run whose stderr
goes to a log). Tests and notebooks, with a handful of claims and no terminal, see
nothing. On a terminal the line is rewritten in place; in a log one line is
written every :data:`LOG_EVERY_SECONDS`.
"""
from __future__ import annotations

import sys
import time
from typing import IO, Any

#: Runs with at least this many items report progress even when stderr is not a terminal.
PROGRESS_MIN_ITEMS: int = 1_000
#: Seconds between progress updates on a terminal / in a log.
TTY_EVERY_SECONDS: float = 0.5
LOG_EVERY_SECONDS: float = 10.0


class Progress:
    """Count items done; ``with Progress("label", total) as p: ... p.step()``."""

    def __init__(self, label: str, total: int, stream: IO[str] | None = None,
                 min_items: int | None = None) -> None:
        self.label, self.total, self.done = label, int(total), 0
        self.stream = stream if stream is not None else sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        floor = PROGRESS_MIN_ITEMS if min_items is None else min_items
        self.enabled = self.total > 0 and (self.tty or self.total >= floor)
        self.start = self.last = time.monotonic()
        self.shown = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.shown and self.tty:
            self.stream.write("\n")
            self.stream.flush()

    def step(self, *_: Any) -> None:
        """One more item done (arguments, e.g. ``(done, total)`` of a callback, ignored)."""
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        every = TTY_EVERY_SECONDS if self.tty else LOG_EVERY_SECONDS
        if now - self.last < every and self.done < self.total:
            return
        self.last = now
        rate = self.done / max(now - self.start, 1e-9)
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        text = (f"{self.label}: {self.done:,} of {self.total:,} done "
                f"({100 * self.done / self.total:.0f}%, about {left:,.0f} s left)")
        self.stream.write(("\r" + text) if self.tty else (text + "\n"))
        self.stream.flush()
        self.shown = True
