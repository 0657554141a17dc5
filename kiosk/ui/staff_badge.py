"""The help-call badge: a small framed sign at the top of the window until staff acknowledge the calls."""

from __future__ import annotations

from kivy.core.window import Window
from kivy.graphics import Color, Line, RoundedRectangle
from kivy.properties import NumericProperty

from kiosk.i18n import t
from kiosk.ui.widgets import KioskLabel


class HelpBadge(KioskLabel):
    """"Helper called (N)" in the theme's warning colours, framed; it takes no touch."""

    count = NumericProperty(0)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(role="title", align="center", name="help_badge", size_hint=(None, None), **kwargs)
        with self.canvas.before:
            self._face = Color(*self.style.background)
            self._box = RoundedRectangle(radius=[self.style.mm(2)])
            self._edge_colour = Color(*self.style.text)
            self._edge = Line(width=self.style.mm(0.8))
        self.fbind("count", self._update)
        self.style.fbind("lang", self._update)
        self.fbind("pos", self._draw)
        self.fbind("size", self._draw)
        Window.bind(size=self._update)
        self._update()

    def _update(self, *_: object) -> None:
        style = self.style
        self.logical = t(style.lang, "help_badge", n=self.count)
        self.width = style.mm(90)
        self.height = style.mm(16)
        self.center_x = Window.width / 2
        self.top = Window.height - style.mm(2)
        self._face.rgba = style.background
        self._edge_colour.rgba = style.text

    def _draw(self, *_: object) -> None:
        self._box.pos, self._box.size = self.pos, self.size
        self._edge.rounded_rectangle = (self.x, self.y, self.width, self.height, self.style.mm(2))

    def on_touch_down(self, touch: object) -> bool:
        return False  # a sign, not a button: touches go to the screen below
