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

import ctypes
import gc
import time


def tidy() -> float:
    """Collect every generation, freeze the survivors, give free memory back; returns the milliseconds it took."""
    start = time.perf_counter()
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    give_back_free_memory()
    return (time.perf_counter() - start) * 1000


def give_back_free_memory() -> None:
    """Return the C heap's free pages to the system (glibc's ``malloc_trim``).

    Memory freed inside the heap stays with the process, scattered between
    blocks still in use: over a 50,000-event monkey run the heap's free part grew
    from 26 to 71 MB while what was in use stayed level, and resident memory
    with it. Elsewhere than glibc there is nothing to do.
    """
    try:
        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return  # not glibc (another libc manages its heap its own way)
    trim(0)


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
    """Forget a pending tidy and the finish after each frame; unfreeze the frozen objects (the app stops)."""
    from kivy.core.window import Window

    Window.unbind(on_flip=_tidy_once)
    Window.unbind(on_flip=_finish)
    gc.unfreeze()


def finish_every_frame() -> None:
    """Off screen, let the renderer finish every drawn frame (``glFinish``), so that what it held is freed.

    On a display, showing the frame does this. SDL's offscreen driver shows
    nothing, so Mesa's software renderer kept each frame's vertex buffers and
    textures waiting, until its own limit about 2 GB later: 30 shapes moved
    every frame grew the C heap by 1.5 MB a frame; a monkey run drawing every
    event grew it from 221 to 401 MB in 1,500 events, and a long one passed 1 GB
    of resident memory. Finished frames keep the same monkey run at 60-71 MB,
    and no slower. (``glFlush`` is not enough: the same shapes still held 137 MB.)
    """
    from kivy.core.window import Window

    Window.unbind(on_flip=_finish)  # bound once, whatever the number of kiosks in the process
    Window.bind(on_flip=_finish)


def _finish(*_: object) -> None:
    from kivy.graphics.opengl import glFinish

    glFinish()
