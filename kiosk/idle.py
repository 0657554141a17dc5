"""The only timeout: the idle reset that protects the next visitor's privacy.

After ``delay`` seconds without a touch or key, a warning starts a countdown of
``warning`` seconds (at least 20); any touch or key cancels it; at zero the
visit ends. The clock is injected so tests can let time pass without waiting
(the app ticks the timer from Kivy's clock). Imports no Kivy.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from enum import Enum


class IdleState(Enum):
    ACTIVE = "active"
    WARNING = "warning"
    EXPIRED = "expired"


class IdleTimer:
    """Tracks the visitor's last action and says when to warn and when to reset."""

    def __init__(self, delay: float, warning: float, now: Callable[[], float] = time.monotonic) -> None:
        self.delay = delay
        self.warning = warning
        self.now = now
        self.state = IdleState.ACTIVE
        self._last = now()

    def activity(self) -> bool:
        """A touch or key: restart the delay. True if it cancelled a warning."""
        self._last = self.now()
        was_warning = self.state is IdleState.WARNING
        self.state = IdleState.ACTIVE
        return was_warning

    def seconds_left(self) -> int:
        """Whole seconds left on the warning's countdown (rounded up)."""
        left = self.delay + self.warning - (self.now() - self._last)
        return max(0, math.ceil(left))

    def tick(self) -> IdleState | None:
        """Advance; returns the new state when it changed, else ``None``."""
        idle_for = self.now() - self._last
        if self.state is IdleState.ACTIVE and idle_for >= self.delay:
            self.state = IdleState.WARNING
            return self.state
        if self.state is IdleState.WARNING and idle_for >= self.delay + self.warning:
            self.state = IdleState.EXPIRED
            return self.state
        return None

    def restart(self) -> None:
        """Start afresh after a reset."""
        self._last = self.now()
        self.state = IdleState.ACTIVE
