"""Kiosk widgets: text that handles right-to-left, big buttons, nav bar, scroll pane.

Each widget takes the shared :class:`kiosk.ui.style.Style` as ``style``; sizes and
colours come from it, so text size, theme and language change everywhere at
once. Layout and drawing live in ``widgets.kv`` beside this module.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kivy.core.text import Label as CoreLabel
from kivy.lang import Builder
from kivy.properties import (
    BooleanProperty,
    ColorProperty,
    ListProperty,
    NumericProperty,
    ObjectProperty,
    OptionProperty,
    StringProperty,
)
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.gridlayout import GridLayout
from kivy.uix.image import Image
from kivy.uix.label import Label
from kivy.uix.scrollview import ScrollView

from kiosk.i18n import is_rtl
from kiosk.i18n.bidi import LTR_FONT_OPTIONS, RTL_FONT_OPTIONS, display_text, has_rtl_letters
from kiosk.ui.pictograms import pictogram_path  # noqa: F401  (re-exported for screens)
from kiosk.ui.style import follow_style, font_for



class KioskLabel(Label):
    """Text set through ``logical`` (what is spoken); drawn right to left when needed.

    SDL2_ttf has no bidi algorithm, so in a right-to-left language the label wraps
    the logical text itself and reorders each line (:mod:`kiosk.i18n.bidi`).
    """

    style = ObjectProperty(None, allownone=True)
    logical = StringProperty("")
    role = OptionProperty("body", options=["body", "title"])
    align = OptionProperty("start", options=["start", "center", "end"])
    colour_role = StringProperty("text")
    name = StringProperty("")
    #: the language of this text when it differs from the screen's (a language's own name)
    lang = StringProperty("")

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.fbind("logical", self._refresh)
        self.fbind("width", self._refresh)
        self.fbind("align", self._refresh)
        self.fbind("role", self._refresh)
        self.fbind("colour_role", self._refresh)
        self.fbind("lang", self._refresh)
        follow_style(self, "_refresh", "body", "rtl", "font_name", "text", "theme_name")

    def _refresh(self, *_: object) -> None:
        style = self.style
        if style is None:
            self.text = self.logical
            return
        lang = self.lang or style.lang
        # Text with no right-to-left letter (an address, a number) reads left to right
        # even on an Arabic screen; it is still aligned like the rest of the screen.
        rtl = is_rtl(lang) and has_rtl_letters(self.logical)
        self.font_name = font_for(lang)
        self.font_size = style.font_px(self.role, self.font_name)
        self.bold = self.role == "title"
        self.color = getattr(style, self.colour_role)
        width = max(self.width - self.padding[0] - self.padding[2], 1)
        self.text_size = (width, None)
        sides = ("right", "left") if style.rtl else ("left", "right")
        self.halign = {"start": sides[0], "center": "center", "end": sides[1]}[self.align]
        font_options = RTL_FONT_OPTIONS if rtl else LTR_FONT_OPTIONS
        for key, value in font_options.items():
            setattr(self, key, value)
        if rtl and self.logical:
            measurer = CoreLabel(font_name=self.font_name, font_size=self.font_size, bold=self.bold, **font_options)
            _prime_rtl(measurer)
            self.text = display_text(self.logical, width, lambda s: measurer.get_extents(s)[0])
        else:
            self.text = self.logical

    def texture_update(self, *largs: object) -> None:
        """Lay out and draw the text; right-to-left lines are measured as they are drawn."""
        if self.font_direction == "rtl" and self.text:
            _prime_rtl(CoreLabel(font_name=self.font_name, font_size=self.font_size, bold=self.bold,
                                 **RTL_FONT_OPTIONS))
        super().texture_update(*largs)


def _prime_rtl(label: CoreLabel) -> None:
    """Leave SDL2_ttf's cached font for ``label``'s name and size in right-to-left mode.

    Kivy caches one SDL2_ttf font per name, size and style, and sets its direction
    only when it draws: a width measured before the first right-to-left drawing at
    that size comes out unshaped (about a fifth too wide), which right-aligns lines
    short of the edge and wraps them early. Drawing one letter first fixes it.
    """
    label.text = "\u0627"
    label.refresh()  # lays the letter out (measures only)
    label.render(real=True)  # draws it: this is what sets the cached font's direction


class Pictogram(Image):
    """A pictogram scaled to fit its box, tinted by ``color``.

    Kivy's ``Image`` clips every picture with a stencil pass, needed only when
    the picture may overflow (``fit_mode: "cover"``). A pictogram is always
    contained, so its rule (``widgets.kv``) draws the texture alone: a stencil
    costs each image a pass over the window in software rendering.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("fit_mode", "contain")
        if kwargs["fit_mode"] == "cover":
            raise ValueError("a Pictogram is never cropped: use fit_mode contain, fill or scale-down")
        super().__init__(**kwargs)


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


class BigButton(ButtonBehavior, MirrorBox):
    """A large touch target with an optional pictogram, sized in millimetres.

    ``size_class`` ``main`` makes it at least 30 mm in both directions (Back,
    Next, Repeat, Help), ``target`` at least 20 mm. ``name`` is how tests and the
    focus order find it. The pictogram comes first in reading order.
    """

    label = StringProperty("")
    icon = StringProperty("")
    name = StringProperty("")
    size_class = OptionProperty("target", options=["target", "main"])
    focused = BooleanProperty(False)
    highlighted = BooleanProperty(False)
    #: a switched-on toggle (a profile): thick inner frame and a tick, never colour alone
    selected = BooleanProperty(False)
    #: an on/off button: keeps room for the tick
    toggle = BooleanProperty(False)
    label_lang = StringProperty("")
    #: what the kiosk says it is: button, link or checkbox
    spoken_kind = StringProperty("button")
    label_align = OptionProperty("start", options=["start", "center", "end"])
    #: at least this tall (a row of buttons makes them all as tall as the tallest)
    min_height = NumericProperty(0)
    # What the button is drawn in, from the style's theme and the button's state.
    # Kivy 2.3 does not redraw a kv canvas bound to ``root.style.<colour>`` when the
    # style is set after the button is built (every button declared in kv) and
    # the theme changes later; these plain properties always redraw.
    face_colour = ColorProperty((0.2, 0.2, 0.2, 1))
    ink_colour = ColorProperty((1, 1, 1, 1))
    edge_colour = ColorProperty((1, 1, 1, 1))
    ring_colour = ColorProperty((0, 0, 0, 0))
    outline_colour = ColorProperty((0, 0, 0, 0))
    tick_colour = ColorProperty((0, 0, 0, 0))
    #: the tick of a toggle sits at the end of the reading direction
    tick_on_left = BooleanProperty(False)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        for prop in ("state", "focused", "highlighted", "selected"):
            self.fbind(prop, self._paint)
        follow_style(self, "_paint", "theme_name", "rtl")

    def _paint(self, *_: object) -> None:
        """Colours from the theme: a pressed button swaps face and ink."""
        style = self.style
        if style is None:
            return
        down = self.state == "down"
        clear = (0, 0, 0, 0)
        self.face_colour = style.button_text if down else style.button
        self.ink_colour = style.button if down else style.button_text
        self.edge_colour = style.border
        self.ring_colour = style.focus if self.focused else clear
        self.outline_colour = style.target_outline if self.highlighted else clear
        self.tick_colour = self.ink_colour if self.selected else clear
        self.tick_on_left = style.rtl

    def natural_height(self) -> float:
        """The height the button needs for its size class and its label."""
        style = self.style
        floor = (style.main if self.size_class == "main" else style.target) if style else 100
        return max(floor, self.ids.text_label.height + self.padding[1] + self.padding[3])


def equal_heights(buttons: list[BigButton], floor: float = 0) -> float:
    """Make every button in a row as tall as the tallest (at least ``floor``); return that height."""
    tallest = max([b.natural_height() for b in buttons] + [floor])
    for button in buttons:
        button.min_height = tallest
    return tallest


class NavBar(MirrorBox):
    """The row of main buttons (Back, Repeat, Help, Next), mirrored in Arabic."""

    buttons = ListProperty([])

    def on_buttons(self, _instance: object, buttons: list[object]) -> None:
        for button in buttons:
            button.ids.text_label.fbind("height", self._fit_height)
            button.fbind("padding", self._fit_height)
        self.set_items(buttons)
        self._fit_height()

    def _fit_height(self, *_: object) -> None:
        """Every button as tall as the tallest one: labels grow with the text size."""
        self.height = equal_heights(self.buttons, self.style.main if self.style else 100)


class ButtonGrid(GridLayout):
    """Buttons in a grid of equal cells: one row at 100 % text, two columns when larger.

    Long words must never be cut (Kivy breaks a word that does not fit its line),
    so at 150 % and 200 % the buttons get twice the width. Cells run right to left
    in a right-to-left language; every button is as tall as the tallest.
    """

    style = ObjectProperty(None, allownone=True)
    buttons = ListProperty([])

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("size_hint_y", None)
        super().__init__(**kwargs)
        self.bind(minimum_height=self.setter("height"))
        follow_style(self, "_reflow", "rtl", "text_scale", "gap")

    def on_buttons(self, _instance: object, buttons: list[object]) -> None:
        self.clear_widgets()
        for button in buttons:
            button.ids.text_label.fbind("height", self._fit_height)
            self.add_widget(button)
        self._reflow()

    def _reflow(self, *_: object) -> None:
        style = self.style
        if style is None:
            return
        count = max(len(self.buttons), 1)
        self.cols = count if style.text_scale < 1.5 else min(count, 2)
        self.orientation = "rl-tb" if style.rtl else "lr-tb"
        self.spacing = style.gap
        self._fit_height()

    def _fit_height(self, *_: object) -> None:
        equal_heights(self.buttons)


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
        top_edge, bottom_edge = self.top - pad_top, self.y + pad_bottom
        # The band is in window coordinates; this layout may sit in a relative one (a Screen).
        offset = self.to_window(0, 0)[1]
        low, high = self.style.reach_low - offset, self.style.reach_high - offset
        reading = [child for child in reversed(self.children) if child is not touch]  # top to bottom
        heights = [child.height if child.size_hint_y is None else 0 for child in reading]
        reading_height = sum(heights) + self.spacing * len(reading)
        # Reading content goes above the band; on a screen mounted so low that the band
        # reaches its top, below the band when it does not fit above and there is more room below.
        below = reading_height > top_edge - high and low - bottom_edge > top_edge - high
        if below:
            touch_top, touch_bottom = min(top_edge, high), max(bottom_edge, low)
            y = touch_bottom - self.spacing
        else:
            y = top_edge
        for child, height in zip(reading, heights):
            if child.size_hint_x is not None:
                child.width = width * child.size_hint_x
            child.pos = (x, y - height)
            if child.size_hint_y is not None:
                child.height = 0
            y -= height + self.spacing
        if not below:
            touch_top, touch_bottom = min(y, high), max(bottom_edge, low)
        touch.pos = (x, touch_bottom)
        touch.size = (width, max(touch_top - touch_bottom, 0))


class ScrollPane(MirrorBox):
    """Scrolling content with big Up and Down buttons: no swipe is ever needed.

    The buttons sit at the end of the reading direction: on the right, or on
    the left in a right-to-left language.
    """

    overflowing = BooleanProperty(False)
    name = StringProperty("")

    def add_content(self, widget: object) -> None:
        """Put ``widget`` (with ``size_hint_y`` None) inside the scrolling area."""
        self.ids.content_box.add_widget(widget)

    def clear_content(self) -> None:
        """Remove everything from the scrolling area and go back to the top."""
        self.ids.content_box.clear_widgets()
        self.ids.scroller.scroll_y = 1

    def update_overflow(self, *_: object) -> None:
        """Show the Up/Down buttons only when the content is taller than the view."""
        scroller: ScrollView = self.ids.scroller
        self.overflowing = self.ids.content_box.height > scroller.height + 1

    def page(self, direction: int) -> None:
        """Scroll one view height (minus a little overlap) up (+1) or down (-1)."""
        scroller: ScrollView = self.ids.scroller
        extra = self.ids.content_box.height - scroller.height
        if extra <= 0:
            return
        step = scroller.height * 0.8 / extra
        scroller.scroll_y = min(1.0, max(0.0, scroller.scroll_y + direction * step))



class Panel(BoxLayout):
    """A framed box with a heading: a tip, a warning, what to bring, a message.

    Meaning is never carried by colour alone: each kind has a heading word and a
    pictogram as well as its colours.
    """

    style = ObjectProperty(None, allownone=True)
    kind = OptionProperty("tip", options=["tip", "warning", "info"])
    heading = StringProperty("")
    body = StringProperty("")
    icon = StringProperty("")
    name = StringProperty("")


Builder.load_file(str(Path(__file__).with_name("widgets.kv")))
