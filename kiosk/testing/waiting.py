"""Wait for an event, never for a fixed time: ``wait_until(predicate, timeout)``.

Tests wait for what they expect (a report written, a clip played, a process
ready) and fail with a clear message when it does not come in time, instead of
sleeping a guessed number of seconds (too short on a loaded machine, too long
everywhere else). Imports no Kivy: a UI test passes ``step`` (run a few Kivy
frames, e.g. ``pilot.settle``) so the kiosk makes progress while the test waits.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_until(predicate: Callable[[], T], timeout: float = 10.0, *, step: Callable[[], object] | None = None,
               interval: float = 0.01, message: str | None = None) -> T:
    """Call ``predicate`` until it returns something truthy, and return that.

    Between tries, ``step()`` runs if given (for a UI test: a few frames of the
    kiosk), else the caller sleeps ``interval`` seconds (polling, not a guess at
    how long the event takes). After ``timeout`` seconds of real time without
    success, raise :class:`AssertionError` naming ``message`` (or the predicate).
    """
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            what = message or getattr(predicate, "__name__", "the condition")
            raise AssertionError(f"waited {timeout:g} s for {what}; it did not happen")
        if step is not None:
            step()
        else:
            time.sleep(interval)
