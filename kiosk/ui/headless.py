"""The real kiosk, running headless: time, layout, pictures, and a visitor's touches and keys.

A product capability, not a test harness: ``kiosk screenshot`` and ``kiosk
audit`` render screens through it, and commands that drive the kiosk as a
visitor would (many simulated visits, random touches) tap and press through
it, with the visitor verbs below (start a visit, open a procedure, go to a
step, end the visit). The test pilot (:mod:`kiosk.testing.pilot`) builds on it
and adds reading.

    with Headless.run(config) as kiosk:
        kiosk.tap("start_button")
        kiosk.screenshot(Path("language.png"))

Taps are real touch events at the widget's window coordinates, so whatever is
on top (an overlay) gets them, as it would a finger. Keys go through both Kivy
keyboard events, as SDL sends them. The kiosk's idle timer reads a clock this
module can move forward (:meth:`Headless.advance`), so nobody waits minutes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from kiosk.config import KioskConfig
from kiosk.keymap import KEY_CODES
from kiosk.ui import bootstrap

#: Key names that can be pressed: the key map's names (kiosk.keymap), plus "space".
KEYS = {**KEY_CODES, "space": 32}

H = TypeVar("H", bound="Headless")


class VisitorStuck(AssertionError):
    """A visitor's verb could not be carried out: the kiosk is not where the story expects."""


class MovableClock:
    """A monotonic clock that can be moved forward (the kiosk's idle timer reads it)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.monotonic() + self.offset


class Headless:
    """One running :class:`kiosk.ui.app.KioskApp`, drawn off screen."""

    def __init__(self, app: Any, clock: MovableClock) -> None:
        self.app = app
        self.clock = clock
        #: draw frames while settling; off, the kiosk runs its clock and lays out without
        #: drawing (``kiosk simulate``: the same events and records, no pixels)
        self.draw = True

    # -- life -----------------------------------------------------------------------
    @staticmethod
    def prepare(config: KioskConfig) -> None:
        """Set Kivy up as :meth:`run` will; call it first if something imports Kivy before ``run``.

        Whatever imports Kivy first fixes its settings: frames paced at 60 a second
        instead of back to back, Kivy's own console log, the screen's density.
        """
        bootstrap.prepare(config, windowed=True, headless=not os.environ.get("PASSERELLE_SHOW"))

    @classmethod
    @contextmanager
    def run(cls: type[H], config: KioskConfig | None = None, **app_kwargs: Any) -> Iterator[H]:
        """Start the kiosk headless (offscreen SDL, no display needed) and yield it.

        Unless told otherwise the kiosk speaks to a recording engine (nothing is
        heard) and runs windowed (so it can be stopped). ``PASSERELLE_SHOW=1``
        shows the window instead, to watch it work.
        """
        config = config or KioskConfig()
        cls.prepare(config)
        from kivy.base import EventLoop, runTouchApp
        from kivy.core.window import Window

        from kiosk.speech.engines import RecordingEngine
        from kiosk.ui.app import KioskApp

        clock = MovableClock()
        app_kwargs.setdefault("engine", RecordingEngine())
        app_kwargs.setdefault("windowed", True)
        app = KioskApp(config, now=clock, **app_kwargs)
        size = (config.screen.width_px, config.screen.height_px)
        if tuple(Window.size) != size:
            Window.size = size
        cls._start(app)
        runTouchApp(embedded=True)
        kiosk = cls(app, clock)
        try:
            kiosk.settle()
            yield kiosk
        finally:
            app.stop()
            # Kivy's App.stop removes the window's children while iterating over them, so
            # every other one stays (an overlay left open): the next kiosk in this process
            # would draw it and it would take the touches.
            for child in list(Window.children):
                Window.remove_widget(child)
            EventLoop.idle()

    @staticmethod
    def _start(app: Any) -> None:
        """What ``App.run`` does before its loop, through the App's public methods: build, show, start."""
        from kivy.core.window import Window

        if not app.built:
            app.load_config()
            app.load_kv(filename=app.kv_file)
            app.root = app.build()
        Window.add_widget(app.root)
        app.dispatch("on_start")

    @property
    def services(self) -> Any:
        """The running kiosk's domain services (configuration, content, visit, speech, logbook)."""
        return self.app.services

    @property
    def ui(self) -> Any:
        """The kiosk's UI context: ``ui.style`` and ``ui.nav`` (the navigator)."""
        return self.app.ui

    @property
    def screen(self) -> str:
        """Name of the screen on show."""
        return self.app.root.current

    @property
    def overlay(self) -> str | None:
        """Class name of the overlay on top, if any."""
        overlays = self.ui.nav.overlays
        return type(overlays[-1]).__name__ if overlays else None

    # -- a visitor's verbs ------------------------------------------------------------
    def activate(self, name: str) -> None:
        """Touch ``name`` so that it acts: once, or twice in speech mode.

        In speech mode (explore by touch) the first touch on an item only says
        what it is; a visitor touches it again to use it. An item the last touch
        already announced (armed) acts at once; the focus ring alone is not
        enough (after Next, the ring stays on Next but a touch announces it again).
        """
        widget = self.find(name)
        if self.services.visit.explore_by_touch and self.app.focus.armed is not widget:
            self.tap_widget(widget)
        self.tap_widget(widget)

    def start_visit(self, lang: str) -> None:
        """From the welcome screen: touch Start, then the language ``lang``.

        A kiosk that offers one language skips the language screen; ``lang``
        must then be that language.
        """
        self._expect("welcome", "start a visit")
        self.activate("start_button")
        if self.screen == "language":
            self.activate(f"language_{lang}")
        elif lang != self.services.visit.language:
            raise VisitorStuck(f"this kiosk offers only {self.services.visit.language!r}, not {lang!r}")
        self._expect("catalogue", f"choose {lang!r}")

    def open_procedure(self, procedure_id: str) -> None:
        """From the catalogue: touch the procedure's button (scrolling to it as a visitor would)."""
        self._expect("catalogue", f"open {procedure_id!r}")
        self.activate(f"procedure_{procedure_id}")
        self._expect("walkthrough", f"open {procedure_id!r}")

    def go_to_step(self, number: int) -> None:
        """In a walkthrough: touch Next (or Back) until step ``number`` (from 1) is on show."""
        self._expect("walkthrough", f"go to step {number}")
        steps = len(self.ui.nav.procedure.steps)
        if not 1 <= number <= steps:
            raise ValueError(f"step {number}: the procedure has steps 1 to {steps}")
        visit = self.services.visit
        # Bounded: one touch per step (a few per step in the easy profile, page by page), with room to spare.
        for _ in range(20 * steps):
            if visit.step_index + 1 == number:
                return
            self.activate("next_button" if visit.step_index + 1 < number else "back_button")
            self._expect("walkthrough", f"go to step {number}")
        raise VisitorStuck(f"step {number} never came: the visit is at step {visit.step_index + 1}")

    def toggle_profile(self, profile: str) -> None:
        """Touch the profile's toggle (on the welcome and language screens)."""
        self.activate(f"profile_{profile}")

    def focus_on(self, name: str) -> None:
        """Press Tab until the keyboard focus is on ``name`` (at most one round of the screen)."""
        from kiosk.ui.focus import actionable

        widget = self.find(name)
        for _ in range(len(actionable(self.app.root.current_screen, self.ui.style.rtl)) + 1):
            if self.app.focus.current is widget:
                return
            self.press("tab")
        raise VisitorStuck(f"Tab never reached {name!r} on {self.screen!r}")

    def end_visit(self) -> None:
        """End the visit as a visitor does: "I have finished" on the last screen, else walk away.

        Walking away lets the idle delay, then the warning's countdown, run out;
        the kiosk wipes the visit and shows the welcome screen. On the welcome
        screen there is nothing to end (its idle timer never runs).
        """
        if self.screen == "welcome" and self.overlay is None:
            raise VisitorStuck("no visit to end on the welcome screen: start one first")
        if self.screen == "finished" and self.overlay is None:
            self.activate("end_button")
        else:
            config = self.services.config
            self.advance(config.idle_delay_s + 1)
            self.advance(config.idle_warning_s + 1)
        self._expect("welcome", "end the visit")

    def _expect(self, screen: str, doing: str) -> None:
        """Fail with a clear message unless ``screen`` is on show with nothing over it."""
        if self.screen != screen or self.overlay is not None:
            where = self.screen + (f" under {self.overlay}" if self.overlay else "")
            raise VisitorStuck(f"cannot {doing}: expected the {screen} screen, the kiosk shows {where}")

    # -- time -----------------------------------------------------------------------
    def settle(self, frames: int = 4) -> None:
        """Let the clock run a few frames so layout, bindings and events settle."""
        from kivy.base import EventLoop

        if not self.draw:
            self.settle_layout()
            return
        for _ in range(frames):
            EventLoop.idle()

    def settle_layout(self, max_frames: int = 40) -> int:
        """Run the clock without drawing until nothing is left to lay out.

        Quicker than :meth:`settle` when only geometry matters (the audit): nothing
        is drawn, and it stops as soon as no layout or text update waits for the
        next frame (timers that run later, like the idle check, do not count).
        Returns the frames run, or 0 if the layout was still changing after
        ``max_frames`` (something flickers: the audit reports it).
        """
        from kivy.clock import Clock
        from kivy.lang import Builder

        for frame in range(1, max_frames + 1):
            Clock.tick()
            Builder.sync()  # kv updates canvas instructions (colours, shapes) in a batch
            if not any(event.timeout <= 0 and not event.loop for event in Clock.get_events()):
                return frame
        return 0

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` pass for the kiosk's timers (idle), then settle.

        The kiosk checks its idle timer on Kivy's clock a few times a second, so
        frames also run for a little real time after the clock is moved.
        """
        from kiosk.ui.app import IDLE_TICK_S

        self.clock.offset += seconds
        self.wait(IDLE_TICK_S * 1.5)

    def expire(self, seconds: float) -> None:
        """Let ``seconds`` pass and run the kiosk's idle check once, without waiting.

        A quicker :meth:`advance` for when only the outcome matters (the audit).
        """
        self.clock.offset += seconds
        self.app._tick_idle(0)
        self.settle_layout()

    def wait(self, seconds: float) -> None:
        """Run frames for ``seconds`` of real time (for things that take real time)."""
        from kivy.base import EventLoop

        end = time.monotonic() + seconds
        while time.monotonic() < end:
            EventLoop.idle()
        self.settle()

    # -- pictures ---------------------------------------------------------------------
    def screenshot(self, path: Path) -> Path:
        """Lay out until nothing is pending, draw a frame, and write the window to ``path`` (PNG)."""
        from kivy.core.window import Window

        self.settle_layout()
        self.settle(2)
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        written = Window.screenshot(name=str(path.with_suffix("")) + "%(counter)s.png")
        Path(written).replace(path)
        return path

    def thumbnail(self, width: int) -> tuple[int, int, bytes]:
        """The whole window (screen and overlays) drawn at ``width`` pixels wide (:func:`window_thumbnail`)."""
        from kiosk.ui.thumbnails import window_thumbnail

        return window_thumbnail(width)

    # -- finding what a visitor sees ----------------------------------------------------
    def visible_roots(self) -> list[Any]:
        """What a person sees: the top overlay if any, else the current screen."""
        overlays = self.ui.nav.overlays
        return [overlays[-1]] if overlays else [self.app.root.current_screen]

    def find(self, name: str) -> Any:
        """The visible widget called ``name`` (its ``name`` property, else a kv ``id``)."""
        for root in self.visible_roots():
            for widget in root.walk(restrict=True):
                if getattr(widget, "name", None) == name:
                    return widget
            for widget in root.walk(restrict=True):
                ids = getattr(widget, "ids", {})
                if name in ids:
                    return ids[name]
        raise LookupError(f"no visible widget named {name!r} on {self.screen!r}")

    # -- a visitor's touches and keys ---------------------------------------------------
    def tap(self, name: str) -> None:
        """Touch down and up at the centre of the widget ``name``.

        Like a visitor, it first brings the widget into view with the scroll
        pane's big Up/Down buttons when it lies outside the visible part.
        """
        self.tap_widget(self.find(name))

    def tap_widget(self, widget: Any) -> None:
        """Touch down and up at the centre of ``widget``, scrolled into view first."""
        self.scroll_into_view(widget)
        x, y = widget.to_window(*widget.center)
        self.tap_at(x, y)

    def scroll_into_view(self, widget: Any, max_presses: int = 40) -> None:
        """Press the enclosing pane's Up/Down buttons until ``widget`` is fully visible.

        Or until its middle is, where it cannot be whole: taller than the view, or
        paged past both ways (a text taller than the view pages by 80 % of it).

        Raises ``LookupError`` if it is still out of view after ``max_presses``.
        """
        from kivy.uix.scrollview import ScrollView

        from kiosk.ui.widgets import ScrollPane

        scroller = pane = None
        parent = widget.parent
        while parent is not None and pane is None:
            if isinstance(parent, ScrollView):
                scroller = parent
            if isinstance(parent, ScrollPane):
                pane = parent
            parent = parent.parent if parent.parent is not parent else None  # the Window is its own parent
        if pane is None or scroller is None:
            return
        was_above = None
        for _ in range(max_presses):
            _, bottom = widget.to_window(widget.x, widget.y)
            _, top = widget.to_window(widget.x, widget.top)
            _, view_bottom = scroller.to_window(scroller.x, scroller.y)
            _, view_top = scroller.to_window(scroller.x, scroller.top)
            if bottom >= view_bottom - 1 and top <= view_top + 1:
                return
            middle = (bottom + top) / 2
            if top - bottom > view_top - view_bottom:  # taller than the view (large text, a short reach band)
                if view_bottom <= middle <= view_top:
                    return  # its middle, where the finger lands, is in sight
                above = middle > view_top
            else:
                above = top > view_top
                if was_above is not None and above != was_above and view_bottom <= middle <= view_top:
                    return  # a page overshoots both ways: its middle, where the finger lands, is in sight
            was_above = above
            button = pane.ids.up_button if above else pane.ids.down_button
            x, y = button.to_window(*button.center)
            self.tap_at(x, y)
        raise LookupError(f"could not scroll {getattr(widget, 'name', widget)!r} into view")

    def tap_at(self, x: float, y: float) -> None:
        """Touch down and up at window coordinates ``(x, y)``."""
        from kiosk.ui.fingers import Finger

        finger = Finger(x, y)
        finger.down()
        self.settle(1)
        finger.up()
        self.settle()

    def slide(self, names: Sequence[str]) -> None:
        """One finger down on the first widget named, sliding across the others, then up."""
        points = []
        for name in names:
            widget = self.find(name)
            points.append(widget.to_window(*widget.center))
        self.slide_at(points)

    def slide_at(self, points: Sequence[tuple[float, float]]) -> None:
        """One finger down at the first window point, moved through the others, then up."""
        from kiosk.ui.fingers import Finger

        finger = Finger(*points[0])
        finger.down()
        self.settle(1)
        for x, y in points[1:]:
            finger.move_to(x, y)
            self.settle(1)
        finger.up()
        self.settle()

    def press(self, key: str, modifiers: list[str] | None = None) -> None:
        """Press and release a key (a :data:`KEYS` name or one character), through both Kivy keyboard events."""
        from kivy.core.window import Window

        code, scancode = (KEYS[key], 0) if key in KEYS else (ord(key), 0)
        text = key if len(key) == 1 else (key[-1] if key.startswith("numpad") and key[-1].isdigit() else None)
        mods = modifiers or []
        Window.dispatch("on_key_down", code, scancode, text, mods)
        Window.dispatch("on_keyboard", code, scancode, text, mods)
        Window.dispatch("on_key_up", code, scancode)
        self.settle()
