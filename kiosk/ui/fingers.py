"""A finger on the glass, for the headless kiosk (tests, ``kiosk simulate``, the monkey, the audit).

Kivy's own stand-in (``kivy.tests.common.UnitTestTouch``) is part of its test
suite, not of its API. :class:`Finger` is the same small thing, ours: a
:class:`~kivy.input.motionevent.MotionEvent` placed at window coordinates and
put down, moved and lifted through Kivy's event loop (``post_dispatch_input``),
exactly as a touchscreen's events arrive.
"""

from __future__ import annotations

from typing import Any

from kivy.base import EventLoop
from kivy.input.motionevent import MotionEvent


class Finger(MotionEvent):  # type: ignore[misc]  # Kivy has no type information
    """One touch at window coordinates ``(x, y)``: :meth:`down`, :meth:`move_to`, :meth:`up`."""

    def __init__(self, x: float, y: float) -> None:
        super().__init__("finger", id(self), self._relative(x, y), is_touch=True, type_id="touch")
        self.profile = ["pos"]

    @staticmethod
    def _relative(x: float, y: float) -> dict[str, float]:
        window = EventLoop.window
        return {"x": x / (window.width - 1.0), "y": y / (window.height - 1.0)}

    def depack(self, args: dict[str, Any]) -> None:
        self.sx, self.sy = args["x"], args["y"]  # where on the window, as a fraction of its size
        super().depack(args)

    def down(self) -> None:
        """Put the finger down where it is."""
        EventLoop.post_dispatch_input("begin", self)

    def move_to(self, x: float, y: float) -> None:
        """Slide to window coordinates ``(x, y)`` without lifting."""
        window = EventLoop.window
        self.move(self._relative(x, y))
        self.scale_for_screen(window.width, window.height)
        window.dispatch("on_touch_move", self)

    def up(self) -> None:
        """Lift the finger."""
        EventLoop.post_dispatch_input("end", self)
