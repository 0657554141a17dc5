"""Big touch targets: :class:`BigButton`, and the rows that hold them (:class:`NavBar`, :class:`ButtonGrid`).

Sizes are real millimetres from the shared style; drawing is in ``buttons.kv``
beside this module.
"""

from __future__ import annotations

from pathlib import Path

from kivy.graphics import Color, InstructionGroup, Line, Rectangle
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
from kivy.uix.gridlayout import GridLayout

from kiosk.ui.pictograms import pictogram_path
from kiosk.ui.style import follow_style
from kiosk.ui.widgets.layout import MirrorBox
from kiosk.ui.widgets.pictogram import Pictogram  # noqa: F401  (its kv rule draws the button's pictogram)
from kiosk.ui.widgets.text import KioskLabel  # noqa: F401  (its kv rule draws the button's label)


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
    #: a switched-on toggle (a profile): drawn inverted, with a thick inner frame and a tick, never colour alone
    selected = BooleanProperty(False)
    #: a word shown under the label, such as "on" for a switched-on toggle
    state_word = StringProperty("")
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
        self._tick = InstructionGroup()
        self.canvas.after.add(self._tick)
        for prop in ("pos", "size", "tick_colour", "tick_on_left", "selected", "style"):
            self.fbind(prop, self._draw_tick)
        self._draw_tick()

    def _draw_tick(self, *_: object) -> None:
        """A switched-on toggle: a thick frame inside the face and a tick in the top corner at the
        end of the reading direction (shape, not colour alone).

        Drawn only while on: each drawing instruction, even an invisible one, costs the
        software rasteriser at every frame, and most buttons are never toggles.
        """
        group, style = self._tick, self.style
        group.clear()
        if style is None or not self.selected:
            return
        mm = style.mm
        group.add(Color(rgba=self.tick_colour))
        if self.tick_colour[3]:
            group.add(Line(width=mm(0.8), rounded_rectangle=(self.x + mm(1.5), self.y + mm(1.5),
                                                             self.width - mm(3), self.height - mm(3), mm(1.5))))
        x = (self.x + mm(2.5)) if self.tick_on_left else (self.right - mm(9.5))
        group.add(Rectangle(source=pictogram_path("check"), size=(mm(7), mm(7)), pos=(x, self.top - mm(9.5))))

    def _paint(self, *_: object) -> None:
        """Colours from the theme: a pressed button swaps face and ink, and so does a switched-on toggle
        (pressed again, it shows its plain colours for the time of the touch)."""
        style = self.style
        if style is None:
            return
        inverted = (self.state == "down") != self.selected
        clear = (0, 0, 0, 0)
        self.face_colour = style.button_text if inverted else style.button
        self.ink_colour = style.button if inverted else style.button_text
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
        # One row up to five (a sixth made every word too narrow: "Contacteur" was cut), then rows of
        # up to five, as even as they come; two columns when the text is larger.
        self.cols = (count if count <= 5 else min(-(-count // 2), 5)) if style.text_scale < 1.5 else min(count, 2)
        self.orientation = "rl-tb" if style.rtl else "lr-tb"
        self.spacing = style.gap
        self._fit_height()

    def _fit_height(self, *_: object) -> None:
        equal_heights(self.buttons)


Builder.load_file(str(Path(__file__).with_name("buttons.kv")))
