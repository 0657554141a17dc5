"""Ctrl+C in a long batch run (simulated visits, random touches): noted at once, acted on between two steps.

Python raises ``KeyboardInterrupt`` wherever the main thread happens to be, and
Kivy runs a lot of code where an exception is printed and dropped (a widget's
weak-reference callback, a destructor): a Ctrl+C landing there was lost and the
run went on. Here the signal only sets a flag; the loop calls ``check()`` between
two visits or two events, where stopping leaves every file whole.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def deferred_interrupt() -> Iterator[Callable[[], None]]:
    """Within the block SIGINT is noted; the ``check()`` yielded raises ``KeyboardInterrupt`` once it came.

    Outside the main thread (where signals cannot be caught) ``check()`` does nothing.
    """
    asked = threading.Event()

    def check() -> None:
        if asked.is_set():
            raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield check
        return
    previous = signal.signal(signal.SIGINT, lambda _signum, _frame: asked.set())
    try:
        yield check
    finally:
        signal.signal(signal.SIGINT, previous)
