"""Reading the live widget tree for the audit: boxes, colours actually drawn, items.

Walks one screen (or overlay) as it is laid out and drawn, keeps each visible
target, label and pictogram with its window box, and checks on the way what
can be checked widget by widget, through the pure rules of
:mod:`kiosk.access.rules`. Imports Kivy when called, never at import (Kivy
must be configured first: :func:`kiosk.ui.bootstrap.prepare`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from kiosk.access.contrast import NON_TEXT_MIN, TEXT_MIN
from kiosk.access.rules import (
    Box,
    Holder,
    Item,
    Reading,
    clipped_text_problem,
    composed,
    contrast_problem,
    cut_word_problem,
    indistinct_problem,
    scan_highlight_problem,
    target_size_problem,
)

#: Buttons that are main actions by name, whatever their size class.
MAIN_ACTIONS = frozenset({"back_button", "next_button", "repeat_button", "help_button",
                          "close_button", "still_here_button", "start_button"})


def describe(widget: Any) -> str:
    """A short name for a widget in messages: its ``name``, else its kind and text."""
    name = getattr(widget, "name", "")
    if isinstance(name, str) and name:
        return name
    kind = type(widget).__name__
    text = getattr(widget, "logical", "") or getattr(widget, "text", "")
    if isinstance(text, str) and text.strip():
        text = " ".join(text.split())
        return f'{kind} "{text[:28]}{"..." if len(text) > 28 else ""}"'
    source = getattr(widget, "source", "")
    if isinstance(source, str) and source:
        return f"{kind} {Path(source).stem}"
    parent = widget.parent
    for _ in range(30):  # the window is its own parent's end; stop well before
        if parent is None or parent is parent.parent:
            break
        name = getattr(parent, "name", "")
        if isinstance(name, str) and name:
            return f"{kind} in {name}"
        parent = parent.parent
    return kind


def window_box(widget: Any) -> Box:
    """The widget's rectangle in window coordinates."""
    x0, y0 = widget.to_window(widget.x, widget.y)
    x1, y1 = widget.to_window(widget.right, widget.top)
    return Box(min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0))


def _instructions(widget: Any) -> Iterator[tuple[bool, Any]]:
    """The drawing instructions a widget adds itself (its texture rectangle excepted).

    Each comes with whether it is drawn after the children (``canvas.after``: over
    them, so never a background: a scroll bar, a toggle's tick).
    """
    from kivy.uix.image import Image
    from kivy.uix.label import Label

    canvas = widget.canvas
    groups = [(False, canvas.before)]
    if not isinstance(widget, (Label, Image)):
        groups.append((False, canvas))
    groups.append((True, canvas.after))
    for after, group in groups:
        for instruction in group.children:
            yield after, instruction


def _shapes(widget: Any) -> tuple[list[tuple[tuple[float, ...], Any]], list[tuple[tuple[float, ...], Any]]]:
    """The widget's own plain fills and lines, each with the colour it is drawn in."""
    from kivy.graphics import BorderImage, Color, Ellipse, Line, Rectangle, RoundedRectangle, SmoothLine
    from kivy.graphics.stencil_instructions import StencilPop, StencilPush, StencilUnUse, StencilUse

    fills, lines = [], []
    colour: tuple[float, ...] = (1.0, 1.0, 1.0, 1.0)
    masking = False  # shapes between StencilPush and StencilUse only cut the clipping mask
    for after, instruction in _instructions(widget):
        if isinstance(instruction, (StencilPush, StencilUnUse)):
            masking = True
        elif isinstance(instruction, (StencilUse, StencilPop)):
            masking = False
        elif masking:
            continue
        elif isinstance(instruction, Color):
            colour = tuple(instruction.rgba)
        elif colour[3] <= 0.01:
            continue
        elif isinstance(instruction, (Line, SmoothLine)):
            lines.append((colour, instruction))
        elif after:
            continue
        elif isinstance(instruction, (Rectangle, RoundedRectangle, Ellipse, BorderImage)):
            if getattr(instruction, "source", None) or (
                    instruction.texture is not None and instruction.texture is not _default_texture()):
                continue  # a picture (the tick of a toggle), not a plain fill
            if instruction.size[0] > 0 and instruction.size[1] > 0:
                fills.append((colour, instruction))
    return fills, lines


_DEFAULT_TEXTURE: list[Any] = []


def _default_texture() -> Any:
    """The plain white texture Kivy gives a shape that has none of its own."""
    if not _DEFAULT_TEXTURE:
        from kivy.graphics import Rectangle

        _DEFAULT_TEXTURE.append(Rectangle().texture)
    return _DEFAULT_TEXTURE[0]


def _covers(shape: Any, widget: Any, box: Box) -> bool:
    """Whether a filled shape lies under the middle of the widget's ``box``."""
    x, y = shape.pos
    w, h = shape.size
    x0, y0 = widget.to_window(x, y)
    x1, y1 = widget.to_window(x + w, y + h)
    middle_x, middle_y = box.x + box.w / 2, box.y + box.h / 2
    return min(x0, x1) <= middle_x <= max(x0, x1) and min(y0, y1) <= middle_y <= max(y0, y1)


def _line_box(line: Any, widget: Any) -> Box | None:
    """The rectangle a line frames, in window coordinates, when it frames one."""
    shape = None
    for attribute in ("rounded_rectangle", "rectangle"):
        value = getattr(line, attribute, None)
        if value:
            shape = value
            break
    if not shape:
        return None
    x, y, w, h = shape[:4]
    x0, y0 = widget.to_window(x, y)
    x1, y1 = widget.to_window(x + w, y + h)
    return Box(min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0))


def _scrolled_box(widget: Any, name: str) -> Box | None:
    """For a scroll pane's Up button, the box of the part the pane scrolls (else ``None``)."""
    from kiosk.ui.widgets import ScrollPane

    if not (isinstance(name, str) and name.endswith("_up")) or widget.parent is None:
        return None
    pane = widget.parent.parent
    return window_box(pane.ids.scroller) if isinstance(pane, ScrollPane) else None


class TreeReader:
    """Reads one screen (or overlay) and checks what can be checked widget by widget."""

    def __init__(self, style: Any, word_width: Callable[[Any, str], float]) -> None:
        self.style = style
        self.word_width = word_width
        self.px_per_mm = style.px_per_mm

    def read(self, root: Any, background: Sequence[float]) -> Reading:
        """Walk ``root`` (a screen or an overlay) drawn over ``background``."""
        reading = Reading()
        self._visit(root, reading, tuple(background), None, None, ())
        return reading

    def _visit(self, widget: Any, reading: Reading, background: tuple[float, ...], scroll: Any,
               viewport: Box | None, ancestors: tuple[Holder, ...]) -> None:
        from kivy.uix.behaviors import ButtonBehavior
        from kivy.uix.image import Image
        from kivy.uix.label import Label
        from kivy.uix.scrollview import ScrollView
        from kivy.uix.textinput import TextInput

        if widget.opacity <= 0.01:
            return  # hidden with everything in it (a scroll pane's unused Up/Down buttons)
        box = window_box(widget)
        if scroll is not None and viewport is None:
            return  # inside a scroll view that is entirely off screen
        fills, lines = _shapes(widget)
        # A fill is the widget's face only where it lies under the widget: an overlay paints the
        # margin around its panel, and the panel's face is what the overlay is read over.
        fills = [(colour, shape) for colour, shape in fills if _covers(shape, widget, box)]
        inner = background
        for colour, _ in fills:
            inner = composed(colour, inner)
        name = describe(widget)
        for colour, line in lines:
            framed = _line_box(line, widget)
            inside_own_face = bool(fills) and framed is not None and (
                framed.x > box.x + 1 and framed.y > box.y + 1
                and framed.right < box.right - 1 and framed.top < box.top - 1)
            reading.add(name, contrast_problem(colour, inner if inside_own_face else background,
                                               NON_TEXT_MIN, "line"))

        visible = box if viewport is None else box.intersect(viewport)
        is_target = isinstance(widget, (ButtonBehavior, TextInput)) and not widget.disabled
        if box.w > 0 and box.h > 0:
            if is_target:
                main = name in MAIN_ACTIONS or getattr(widget, "size_class", "") == "main"
                reading.items.append(Item(widget, name, "target", box, visible, scroll, viewport, main, ancestors,
                                          _scrolled_box(widget, getattr(widget, "name", ""))))
                reading.add(name, target_size_problem(box, main, self.px_per_mm))
                edges = [contrast_problem(c, background, NON_TEXT_MIN, "edge") for c, _ in lines]
                edges += [contrast_problem(c, background, NON_TEXT_MIN, "face") for c, _ in fills]
                reading.add(name, indistinct_problem(edges))
                style = self.style
                reading.add(name, contrast_problem(style.focus, background, NON_TEXT_MIN, "focus ring"))
                reading.add(name, scan_highlight_problem((style.scan, style.scan_inner), background, inner,
                                                         2 * style.scan_band / self.px_per_mm))
                if hasattr(widget, "highlighted"):
                    reading.add(name, contrast_problem(style.target_outline, background, NON_TEXT_MIN,
                                                       "practice target outline"))
            elif isinstance(widget, Label) and widget.text.strip():
                reading.items.append(Item(widget, name, "label", box, visible, scroll, viewport, False, ancestors))
                self._check_label(widget, name, box, inner, reading)
            elif isinstance(widget, Image) and (widget.source or widget.texture is not None):
                reading.items.append(Item(widget, name, "image", box, visible, scroll, viewport, False, ancestors))
                reading.add(name, contrast_problem(widget.color, inner, NON_TEXT_MIN, "pictogram"))

        scrolls = isinstance(widget, ScrollView)
        if scrolls:
            scroll = widget
            viewport = box if viewport is None else box.intersect(viewport)
        here = (Holder(widget, box, name, scrolls),) + ancestors
        for child in widget.children:
            self._visit(child, reading, inner, scroll, viewport, here)

    def _check_label(self, label: Any, name: str, box: Box, background: Sequence[float], reading: Reading) -> None:
        reading.add(name, clipped_text_problem(tuple(label.texture_size), box))
        text_width = (label.text_size[0] if label.text_size and label.text_size[0] else None)
        if text_width:
            # Kivy breaks a word that does not fit on a line of its own: it comes out cut.
            # The longest words (by letters) are the ones that can be too wide.
            for word in sorted(set(label.text.split()), key=len, reverse=True)[:3]:
                problem = cut_word_problem(word, self.word_width(label, word), text_width)
                if problem:
                    reading.add(name, problem)
                    break
        reading.add(name, contrast_problem(label.color, background, TEXT_MIN, "text"))


def word_measurer() -> Callable[[Any, str], float]:
    """Width of one word as a label draws it, cached by font, size and direction."""
    from kivy.core.text import Label as CoreLabel

    cache: dict[tuple, float] = {}
    labels: dict[tuple, Any] = {}

    def measure(label: Any, word: str) -> float:
        options = (label.font_name, label.font_size, label.bold, label.font_direction, label.font_script_name)
        key = options + (word,)
        if key not in cache:
            core = labels.get(options)
            if core is None:
                core = labels[options] = CoreLabel(font_name=label.font_name, font_size=label.font_size,
                                                   bold=label.bold, font_direction=label.font_direction,
                                                   font_script_name=label.font_script_name)
            cache[key] = core.get_extents(word)[0]
        return cache[key]

    return measure
