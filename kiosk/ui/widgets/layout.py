"""Rows and screen layouts: a row in reading order, and the reach-band layout.

:class:`MirrorBox` lays a row out left to right or right to left;
:class:`ReachLayout` puts a screen's touchable part (:class:`TouchArea`) inside
the wheelchair reach band in the seated profile, by :func:`kiosk.access.geometry.reach_layout`.
No kv rules: these take their sizes from the screens' rules.
"""

from __future__ import annotations

from kivy.properties import ObjectProperty
from kivy.uix.boxlayout import BoxLayout

from kiosk.access.geometry import reach_layout
from kiosk.ui.style import follow_style


class MirrorBox(BoxLayout):
    """A horizontal row laid out in reading order: left to right, or right to left.

    Kivy's BoxLayout has no right-to-left mode, so the row keeps its children's
    logical order and re-adds them reversed when the style's language is RTL.
    Add children with :meth:`set_items` (or in kv, as usual).
    """

    style = ObjectProperty(None, allownone=True)

    def __init__(self, **kwargs: object) -> None:
        self._logical: list[object] | None = None
        super().__init__(**kwargs)
        # Laid out once its kv children are in (on_kv_post), then whenever the direction changes.
        follow_style(self, "_apply", "rtl", now=False)

    def on_kv_post(self, base_widget: object) -> None:
        self._apply()

    def set_items(self, widgets: list[object]) -> None:
        """Replace the row's children, given in logical (reading) order."""
        self._logical = list(widgets)
        self._apply()

    def _apply(self, *_: object) -> None:
        if self._logical is None:
            self._logical = list(reversed(self.children))  # kv children, in the order written
        rtl = bool(self.style and self.style.rtl)
        order = list(reversed(self._logical)) if rtl else list(self._logical)
        if list(reversed(self.children)) == order:
            return
        self.clear_widgets()
        for child in order:
            if child.parent is not None:
                child.parent.remove_widget(child)
            self.add_widget(child)


class TouchArea(BoxLayout):
    """The part of a screen that holds everything touchable (see :class:`ReachLayout`)."""

    style = ObjectProperty(None, allownone=True)


class ReachLayout(BoxLayout):
    """A screen's layout: reading content on top, then one :class:`TouchArea`.

    Normally the touch area takes all the height the reading content leaves. In
    the seated profile (``style.seated``) it is pulled inside the wheelchair reach
    band (``style.reach_low`` .. ``style.reach_high``, window pixels), so every
    target is within reach; reading content stays above. Reading children keep
    their own heights.
    """

    style = ObjectProperty(None, allownone=True)

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("orientation", "vertical")
        super().__init__(**kwargs)
        follow_style(self, "_trigger_layout", "seated", "reach_low", "reach_high")

    def touch_area(self) -> TouchArea | None:
        """The touch area among the children, if any."""
        return next((c for c in self.children if isinstance(c, TouchArea)), None)

    def do_layout(self, *largs: object) -> None:
        touch = self.touch_area()
        if touch is None or self.style is None or not self.style.seated:
            super().do_layout(*largs)
            return
        pad_left, pad_top, pad_right, pad_bottom = self.padding
        x, width = self.x + pad_left, self.width - pad_left - pad_right
        # The band is in window coordinates; this layout may sit in a relative one (a Screen).
        offset = self.to_window(0, 0)[1]
        reading = [child for child in reversed(self.children) if child is not touch]  # top to bottom
        # A reading child that stretches (size_hint_y) gets no height: the touch area takes the rest.
        heights = [child.height if child.size_hint_y is None else 0 for child in reading]
        plan = reach_layout(top=self.top - pad_top, bottom=self.y + pad_bottom,
                            band=(self.style.reach_low - offset, self.style.reach_high - offset),
                            heights=heights, spacing=self.spacing)
        for child, y in zip(reading, plan.reading_bottoms, strict=True):
            if child.size_hint_x is not None:
                child.width = width * child.size_hint_x
            child.pos = (x, y)
            if child.size_hint_y is not None:
                child.height = 0
        touch.pos = (x, plan.touch_bottom)
        touch.size = (width, plan.touch_height)
