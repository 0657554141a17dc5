"""Python's full garbage collections, done while nobody waits instead of in the middle of a touch.

A running kiosk holds a few hundred thousand Python objects that live as long
as it does (Kivy's properties and kv bindings, the screens, the content). A
full (generation 2) collection walks all of them: 0.3-1.3 s on this machine
under load, and it fell at random inside a visitor's transition
(``bench/latency.py``: next_practice p95 2.9 s where its p50 was 0.3 s).

:func:`tidy` collects everything once, at a moment when no visitor waits (the
welcome screen has just been drawn: start-up, or a visit has ended), then
freezes what survived (``gc.freeze``): later collections skip those objects.
Each tidy first unfreezes, so what was alive at the last one and has died
since (with reference cycles) is collected too: nothing is kept for ever, at
most one visit's worth until the next welcome screen.
"""

from __future__ import annotations

import gc
import time


def tidy() -> float:
    """Collect every generation, then freeze the survivors; returns the milliseconds it took."""
    start = time.perf_counter()
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    return (time.perf_counter() - start) * 1000


def tidy_after_next_frame(*_: object) -> None:
    """Tidy once the next frame is on the glass (a clock callback would run before it is drawn)."""
    from kivy.core.window import Window

    Window.unbind(on_flip=_tidy_once)  # one pending tidy at most
    Window.bind(on_flip=_tidy_once)


def _tidy_once(*_: object) -> None:
    from kivy.core.window import Window

    Window.unbind(on_flip=_tidy_once)
    tidy()


def cancel() -> None:
    """Forget a pending tidy and hand the frozen objects back to the collector (the app stops)."""
    from kivy.core.window import Window

    Window.unbind(on_flip=_tidy_once)
    gc.unfreeze()
