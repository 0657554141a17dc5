"""``kiosk audit``: render every screen headless and check it on the live widget tree.

Every screen (welcome, language, catalogue, each procedure's every step,
finished, help, idle warning) is put on show for each language x theme x text
size, and again in the seated profile, and checked for:

- **target size**: every touch target >= 20 mm both ways, main actions >= 30 mm,
  >= 3 mm between targets;
- **reach** (seated): every target inside the wheelchair reach band (a target in
  a scroll pane: the pane's visible part);
- **clipping and overlap**: a label whose text is larger than its box, or has a
  word wider than its box (cut), or sticks out of its container (its scroll
  pane's content when scrolling); targets, labels and pictograms overlapping;
- **contrast** of the colours actually drawn: each label's colour on the fill
  behind it (7:1), borders, frames, pictograms, the focus ring and the practice
  target outline against what surrounds them (3:1); a target must be told
  apart from its surroundings by its border or its face (3:1);
- **mirroring** in right-to-left languages: Back on the right of Next, the
  scroll buttons on the left.

Each violation reads ``screen/lang/theme/scale: widget: what is wrong``. A
contact sheet per language (PNG, drawn with Kivy's own frame buffers, no
Pillow) shows the main screens in every theme and size.

The geometry and contrast rules at the top of this module are plain functions
on boxes and colours and import no Kivy; the widget-tree reading below them
imports Kivy when called.
"""

from __future__ import annotations

import gc
import math
import multiprocessing
import pickle
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from kiosk.access.contrast import NON_TEXT_MIN, TEXT_MIN, ratio_rgba, to_hex
from kiosk.access.geometry import GAP_MM, MAIN_TARGET_MM, TARGET_MM
from kiosk.access.profiles import TEXT_SCALES

#: Buttons that are main actions by name, whatever their size class.
MAIN_ACTIONS = frozenset({"back_button", "next_button", "repeat_button", "help_button",
                          "close_button", "still_here_button", "start_button"})
#: Pixel tolerance for rounding in layout comparisons.
TOLERANCE_PX = 1.0


# ----------------------------------------------------------------------------------
# Pure rules: boxes in window pixels, colours as (r, g, b, a) in 0..1. No Kivy.
# ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in window pixels (y grows upward)."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def top(self) -> float:
        return self.y + self.h

    def intersect(self, other: Box) -> Box | None:
        """The common part, or ``None`` when they do not meet."""
        x, y = max(self.x, other.x), max(self.y, other.y)
        right, top = min(self.right, other.right), min(self.top, other.top)
        if right <= x or top <= y:
            return None
        return Box(x, y, right - x, top - y)

    def overlaps(self, other: Box, tolerance: float = TOLERANCE_PX) -> bool:
        """Whether they share more than ``tolerance`` pixels both ways."""
        return (min(self.right, other.right) - max(self.x, other.x) > tolerance
                and min(self.top, other.top) - max(self.y, other.y) > tolerance)

    def contains(self, other: Box, tolerance: float = TOLERANCE_PX) -> bool:
        """Whether ``other`` lies inside (give or take ``tolerance`` pixels)."""
        return (other.x >= self.x - tolerance and other.y >= self.y - tolerance
                and other.right <= self.right + tolerance and other.top <= self.top + tolerance)

    def gap(self, other: Box) -> float:
        """Shortest distance between the two rectangles (0 when they touch or overlap)."""
        dx = max(0.0, other.x - self.right, self.x - other.right)
        dy = max(0.0, other.y - self.top, self.y - other.top)
        return math.hypot(dx, dy)


def target_size_problem(box: Box, main: bool, px_per_mm: float) -> str | None:
    """A touch target smaller than 20 mm (30 mm for a main action) either way."""
    need = MAIN_TARGET_MM if main else TARGET_MM
    w, h = box.w / px_per_mm, box.h / px_per_mm
    if w + 0.05 < need or h + 0.05 < need:
        kind = "main action" if main else "target"
        return f"{kind} is {w:.1f} x {h:.1f} mm, needs at least {need:g} x {need:g} mm"
    return None


def gap_problem(a: Box, b: Box, px_per_mm: float) -> str | None:
    """Two targets closer than 3 mm (or overlapping)."""
    if a.overlaps(b):
        return "overlaps another target"
    gap = a.gap(b) / px_per_mm
    if gap + 0.05 < GAP_MM:
        return f"only {gap:.1f} mm from another target, needs {GAP_MM:g} mm"
    return None


def reach_box_problem(box: Box, band: tuple[float, float], px_per_mm: float, bottom_edge_mm: float) -> str | None:
    """A target (or the visible part of its scroll pane) outside the reach band."""
    low, high = band
    if box.y >= low - TOLERANCE_PX and box.top <= high + TOLERANCE_PX:
        return None

    def floor_mm(y: float) -> float:
        return bottom_edge_mm + y / px_per_mm

    return (f"outside the seated reach band: spans {floor_mm(box.y):.0f}-{floor_mm(box.top):.0f} mm above "
            f"the floor, reach is {floor_mm(low):.0f}-{floor_mm(high):.0f} mm")


def contrast_problem(foreground: Sequence[float], background: Sequence[float], minimum: float,
                     what: str) -> str | None:
    """``what`` in ``foreground`` on ``background`` below ``minimum``:1."""
    value = ratio_rgba(foreground, background)
    if value + 1e-9 < minimum:
        return (f"{what} {to_hex(foreground)} on {to_hex(background)} is {value:.2f}:1, "
                f"needs {minimum:g}:1")
    return None


@dataclass(frozen=True)
class Case:
    """One rendering: a screen in a language, theme, text size and profile."""

    screen: str
    lang: str
    theme: str
    scale: float
    seated: bool = False

    def __str__(self) -> str:
        size = f"{round(self.scale * 100)}%" + ("+seated" if self.seated else "")
        return f"{self.screen}/{self.lang}/{self.theme}/{size}"


@dataclass(frozen=True)
class Violation:
    """Something wrong with one widget in one rendering."""

    case: Case
    widget: str
    problem: str

    def __str__(self) -> str:
        return f"{self.case}: {self.widget}: {self.problem}"


# ----------------------------------------------------------------------------------
# Reading the live widget tree (imports Kivy when called).
# ----------------------------------------------------------------------------------


@dataclass
class Item:
    """What the audit keeps of one visible widget."""

    widget: Any
    name: str
    kind: str  # "target", "label" or "image"
    box: Box
    #: the part on screen (clipped by scroll panes); None when scrolled out of view
    visible: Box | None
    #: the innermost scroll view holding it, and that view's visible box
    scroll: Any
    viewport: Box | None
    main: bool = False
    #: ancestors from the nearest up, with their boxes
    ancestors: tuple[tuple[Any, Box], ...] = ()


@dataclass
class Reading:
    """Everything read from one screen: items and the problems found on the way."""

    items: list[Item] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)

    def add(self, widget: str, problem: str | None) -> None:
        if problem:
            self.problems.append((widget, problem))


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


def _compose(colour: Sequence[float], background: Sequence[float]) -> tuple[float, float, float, float]:
    alpha = colour[3]
    return (*(c * alpha + b * (1 - alpha) for c, b in zip(colour[:3], background[:3])), 1.0)


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
               viewport: Box | None, ancestors: tuple[tuple[Any, Box], ...]) -> None:
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
        inner = background
        for colour, _ in fills:
            inner = _compose(colour, inner)
        name = describe(widget)
        for colour, line in lines:
            framed = _line_box(line, widget)
            inside_own_face = bool(fills) and framed is not None and \
                framed.x > box.x + 1 and framed.y > box.y + 1 and framed.right < box.right - 1 and framed.top < box.top - 1
            reading.add(name, contrast_problem(colour, inner if inside_own_face else background,
                                               NON_TEXT_MIN, "line"))

        visible = box if viewport is None else box.intersect(viewport)
        is_target = isinstance(widget, (ButtonBehavior, TextInput)) and not widget.disabled
        if box.w > 0 and box.h > 0:
            if is_target:
                main = name in MAIN_ACTIONS or getattr(widget, "size_class", "") == "main"
                reading.items.append(Item(widget, name, "target", box, visible, scroll, viewport, main, ancestors))
                reading.add(name, target_size_problem(box, main, self.px_per_mm))
                edges = [contrast_problem(c, background, NON_TEXT_MIN, "edge") for c, _ in lines]
                edges += [contrast_problem(c, background, NON_TEXT_MIN, "face") for c, _ in fills]
                if edges and all(edges):
                    reading.add(name, "cannot be told apart from what surrounds it: " + "; ".join(edges))
                style = self.style
                reading.add(name, contrast_problem(style.focus, background, NON_TEXT_MIN, "focus ring"))
                if hasattr(widget, "highlighted"):
                    reading.add(name, contrast_problem(style.target_outline, background, NON_TEXT_MIN,
                                                       "practice target outline"))
            elif isinstance(widget, Label) and widget.text.strip():
                reading.items.append(Item(widget, name, "label", box, visible, scroll, viewport, False, ancestors))
                self._check_label(widget, name, box, inner, reading)
            elif isinstance(widget, Image) and (widget.source or widget.texture is not None):
                reading.items.append(Item(widget, name, "image", box, visible, scroll, viewport, False, ancestors))
                reading.add(name, contrast_problem(widget.color, inner, NON_TEXT_MIN, "pictogram"))

        if isinstance(widget, ScrollView):
            scroll = widget
            viewport = box if viewport is None else box.intersect(viewport)
        here = ((widget, box),) + ancestors
        for child in widget.children:
            self._visit(child, reading, inner, scroll, viewport, here)

    def _check_label(self, label: Any, name: str, box: Box, background: Sequence[float], reading: Reading) -> None:
        tw, th = label.texture_size
        if tw > box.w + TOLERANCE_PX or th > box.h + TOLERANCE_PX:
            reading.add(name, f"text is clipped: it needs {tw:.0f} x {th:.0f} px, its box is "
                              f"{box.w:.0f} x {box.h:.0f} px")
        text_width = (label.text_size[0] if label.text_size and label.text_size[0] else None)
        if text_width:
            # Kivy breaks a word that does not fit on a line of its own: it comes out cut.
            # The longest words (by letters) are the ones that can be too wide.
            for word in sorted(set(label.text.split()), key=len, reverse=True)[:3]:
                width = self.word_width(label, word)
                if width > text_width + TOLERANCE_PX:
                    reading.add(name, f'the word "{word}" is wider than its box ({width:.0f} > '
                                      f'{text_width:.0f} px): it is cut')
                    break
        reading.add(name, contrast_problem(label.color, background, TEXT_MIN, "text"))


def _word_measurer() -> Callable[[Any, str], float]:
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


def _in_same_scroll(a: Item, b: Item) -> bool:
    return a.scroll is b.scroll


def _related(a: Item, b: Item) -> bool:
    """One holds the other (a label inside its button)."""
    return any(w is a.widget for w, _ in b.ancestors) or any(w is b.widget for w, _ in a.ancestors)


def _pair_boxes(a: Item, b: Item) -> tuple[Box, Box] | None:
    """The boxes to compare: whole boxes in the same scroll content, else what is on screen."""
    if _in_same_scroll(a, b):
        return a.box, b.box
    if a.visible is None or b.visible is None:
        return None
    return a.visible, b.visible


def check_reading(reading: Reading, style: Any, rtl: bool, seated_band: tuple[float, float] | None,
                  bottom_edge_mm: float) -> list[tuple[str, str]]:
    """The checks that need the whole screen: containment, overlap, gaps, reach, mirroring."""
    from kivy.uix.scrollview import ScrollView

    problems = list(reading.problems)
    px_per_mm = style.px_per_mm
    items = reading.items
    for item in items:
        for ancestor, abox in item.ancestors:
            if isinstance(ancestor, ScrollView):
                break  # scrolling content may run past the visible part: that is what scrolling is for
            if not abox.contains(item.box):
                problems.append((item.name, f"sticks out of {describe(ancestor)} "
                                            f"({_overhang(item.box, abox):.0f} px)"))
                break
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if _related(a, b):
                continue
            boxes = _pair_boxes(a, b)
            if boxes is None:
                continue
            if a.kind == "target" and b.kind == "target":
                problem = gap_problem(boxes[0], boxes[1], px_per_mm)
                if problem:
                    problems.append((a.name, problem.replace("another target", b.name)))
            elif boxes[0].overlaps(boxes[1]):
                problems.append((a.name, f"overlaps {b.name}"))
    if seated_band is not None:
        for item in items:
            if item.kind != "target":
                continue
            box = item.viewport if item.scroll is not None else item.visible
            if box is None:
                continue
            problem = reach_box_problem(box, seated_band, px_per_mm, bottom_edge_mm)
            if problem:
                problems.append((item.name, problem))
    problems.extend(_mirroring_problems(items, rtl))
    return problems


def _overhang(inner: Box, outer: Box) -> float:
    return max(outer.x - inner.x, inner.right - outer.right, outer.y - inner.y, inner.top - outer.top, 0.0)


def _mirroring_problems(items: list[Item], rtl: bool) -> list[tuple[str, str]]:
    """Back after Next in reading order, and the scroll buttons at the end of the line."""
    from kiosk.ui.widgets import ScrollPane

    problems = []
    by_name = {item.name: item for item in items if item.kind == "target"}
    back, next_ = by_name.get("back_button"), by_name.get("next_button")
    if back and next_:
        back_right = back.box.x > next_.box.x
        if back_right != rtl:
            side = "left" if rtl else "right"
            problems.append(("back_button", f"is on the {side} of next_button: the row is not "
                                            f"{'mirrored' if rtl else 'in reading order'}"))
    for item in items:
        if item.kind != "target" or not getattr(item.widget, "name", "").endswith("_up"):
            continue
        pane = item.widget.parent.parent if item.widget.parent is not None else None
        if not isinstance(pane, ScrollPane):
            continue
        scroller = window_box(pane.ids.scroller)
        on_left = item.box.x < scroller.x
        if on_left != rtl:
            problems.append((item.name, f"scroll buttons on the {'left' if on_left else 'right'} "
                                        f"in a {'right-to-left' if rtl else 'left-to-right'} language"))
    return problems


# ----------------------------------------------------------------------------------
# Running the audit over every screen and setting.
# ----------------------------------------------------------------------------------

#: Screens on the contact sheet, in columns (the walkthrough: the first procedure's
#: first step, and its first step with a practice replica).
SHEET_COLUMNS = ("welcome", "language", "catalogue", "step", "replica", "finished", "help", "idle")
THUMB_WIDTH = 320


@dataclass(frozen=True)
class Setting:
    """A language, theme, text size and profile to render every screen in."""

    lang: str
    theme: str
    scale: float
    seated: bool = False

    def label(self) -> str:
        return f"{self.theme} {round(self.scale * 100)}%{' seated' if self.seated else ''}"


def settings(languages: Sequence[str], themes: Sequence[str], fast: bool) -> list[Setting]:
    """Every setting to render: each language x theme x text size, then the seated profile.

    The seated profile moves targets but not colours, so it is rendered in the
    default theme at each size. ``fast`` keeps 100 % and 200 % only.
    """
    scales = (1.0, 2.0) if fast else TEXT_SCALES
    out = []
    for lang in languages:
        for scale in scales:
            for theme in themes:
                out.append(Setting(lang, theme, scale))
            out.append(Setting(lang, themes[0], scale, seated=True))
    return out


@dataclass
class Result:
    """What an audit found."""

    violations: list[Violation] = field(default_factory=list)
    screens_checked: int = 0
    seconds: float = 0.0
    sheets: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        return f"{self.screens_checked} screens checked, {len(self.violations)} violations"


class Auditor:
    """Drives one running kiosk (through the pilot) over screens and settings."""

    def __init__(self, pilot: Any, fast: bool = False, procedures: Sequence[str] | None = None) -> None:
        self.pilot = pilot
        self.services = pilot.services
        self.fast = fast
        content = self.services.content.procedures
        if procedures is not None:
            content = [p for p in content if p.id in procedures]
        elif fast:
            content = content[:1]
        self.procedures = list(content)
        self.reader = TreeReader(self.pilot.ui.style, _word_measurer())

    # -- screens ------------------------------------------------------------------------
    def screens(self) -> Iterator[tuple[str, str | None, Callable[[], None], Callable[[], None]]]:
        """(case name, sheet column, put it on show, leave it) for every screen."""
        nav = self.pilot.ui.nav
        visit = self.services.visit
        pilot = self.pilot

        def nothing() -> None:
            pass

        def show_help() -> None:
            nav.show_help()

        def close_overlays() -> None:
            for overlay in list(nav.overlays):
                overlay.dismiss(animation=False)
            pilot.settle_layout()

        def idle() -> None:
            pilot.expire(self.services.config.idle_delay_s + 0.5)

        def answer() -> None:
            pilot.ui.nav.still_here()
            pilot.settle_layout()

        yield "welcome", "welcome", lambda: nav.go("welcome"), nothing
        yield "language", "language", lambda: nav.go("language"), nothing
        # Help and the idle warning open over the catalogue, as a visitor would see them.
        yield "catalogue", "catalogue", lambda: nav.go("catalogue"), nothing
        yield "help", "help", show_help, close_overlays
        yield "idle", "idle", idle, answer
        first = self.procedures[0] if self.procedures else None
        replica_step = next((i for i, s in enumerate(first.steps) if s.replica is not None), None) if first else None
        for procedure in self.procedures:
            for index in range(len(procedure.steps)):
                column = None
                if procedure is first and index == 0:
                    column = "step"
                elif procedure is first and index == replica_step:
                    column = "replica"
                yield (f"walkthrough-{procedure.id}-{index + 1}", column,
                       lambda p=procedure.id, i=index: nav.open_procedure(p, i), nothing)
        if first is not None:
            def finished() -> None:
                visit.procedure_id = first.id
                nav.go("finished")
            yield "finished", "finished", finished, nothing

    # -- one setting ------------------------------------------------------------------------
    def apply(self, setting: Setting) -> None:
        """Put the kiosk in ``setting`` (language, theme, text size, seated)."""
        style = self.pilot.ui.style
        self.pilot.ui.nav.set_language(setting.lang)
        style.text_scale = setting.scale
        style.theme_name = setting.theme
        style.seated = setting.seated

    def check_current(self, case: Case) -> list[Violation]:
        """Check what is on show now (the top overlay if any, else the screen)."""
        style = self.pilot.ui.style
        nav = self.pilot.ui.nav
        roots = [nav.overlays[-1]] if nav.overlays else [self.pilot.app.root.current_screen]
        problems: list[tuple[str, str]] = []
        for root in roots:
            reading = self.reader.read(root, tuple(style.background))
            band = (style.reach_low, style.reach_high) if case.seated else None
            problems += check_reading(reading, style, style.rtl, band, self.services.config.screen.bottom_edge_mm)
        seen = set()
        out = []
        for widget, problem in problems:
            if (widget, problem) not in seen:
                seen.add((widget, problem))
                out.append(Violation(case, widget, problem))
        return out

    def run(self, settings_list: Iterable[Setting], sheet: Callable[[Setting, str, Any], None] | None = None,
            report: Callable[[Violation], None] | None = None) -> Result:
        """Check every screen in every setting; ``report`` is told each violation as found."""
        result = Result()
        start = time.perf_counter()
        with _few_collections():
            self._run(settings_list, result, sheet, report)
        result.seconds = time.perf_counter() - start
        return result

    def _run(self, settings_list: Iterable[Setting], result: Result,
             sheet: Callable[[Setting, str, Any], None] | None, report: Callable[[Violation], None] | None) -> None:
        for setting in settings_list:
            self.apply(setting)
            for screen, column, show, leave in self.screens():
                show()
                settled = self.pilot.settle_layout()
                case = Case(screen, setting.lang, setting.theme, setting.scale, setting.seated)
                found = self.check_current(case)
                if not settled:
                    found.insert(0, Violation(case, screen, "the layout never settles: something flickers"))
                result.violations += found
                result.screens_checked += 1
                if report:
                    for violation in found:
                        report(violation)
                if sheet is not None and column is not None:
                    sheet(setting, column, self.pilot.thumbnail(THUMB_WIDTH))
                leave()
        self.pilot.ui.nav.end_visit()
        self.pilot.settle_layout()


class ContactSheet:
    """Thumbnails tiled per language: one row per setting, one column per screen."""

    LABEL_WIDTH = 260

    def __init__(self) -> None:
        self.tiles: dict[str, dict[tuple[str, str], tuple[int, int, bytes]]] = {}
        self.rows: dict[str, list[str]] = {}

    def add(self, setting: Setting, column: str, thumbnail: tuple[int, int, bytes]) -> None:
        """Keep one thumbnail (``(w, h, rgba)``, rows bottom-up)."""
        row = setting.label()
        rows = self.rows.setdefault(setting.lang, [])
        if row not in rows:
            rows.append(row)
        self.tiles.setdefault(setting.lang, {})[(row, column)] = thumbnail

    def write(self, folder: Path) -> list[Path]:
        """One PNG per language, ``contact-<lang>.png``; drawn with Kivy, no Pillow."""
        from kivy.core.image import Image as CoreImage
        from kivy.graphics.texture import Texture

        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for lang, tiles in self.tiles.items():
            if not tiles:
                continue
            tw, th, _ = next(iter(tiles.values()))
            rows = self.rows[lang]
            pad = 8
            width = self.LABEL_WIDTH + len(SHEET_COLUMNS) * (tw + pad) + pad
            height = len(rows) * (th + pad) + pad
            sheet = bytearray(b"\x80\x80\x80\xff" * (width * height))  # mid grey between tiles

            def blit(x0: int, y0: int, w: int, h: int, pixels: bytes) -> None:
                # both buffers run bottom-up; y0 counts from the top of the sheet
                for row in range(h):
                    y = height - 1 - (y0 + (h - 1 - row))
                    start = (y * width + x0) * 4
                    sheet[start:start + w * 4] = pixels[row * w * 4:(row + 1) * w * 4]

            for r, row_label in enumerate(rows):
                top = pad + r * (th + pad)
                lw, lh, label = _label_pixels(f"{lang} {row_label}", self.LABEL_WIDTH - pad)
                blit(pad, top + (th - lh) // 2, lw, lh, label)
                for c, column in enumerate(SHEET_COLUMNS):
                    tile = tiles.get((row_label, column))
                    if tile is None:
                        continue
                    w, h, pixels = tile
                    blit(self.LABEL_WIDTH + c * (tw + pad), top, w, h, pixels)
            texture = Texture.create(size=(width, height), colorfmt="rgba")
            texture.blit_buffer(bytes(sheet), colorfmt="rgba", bufferfmt="ubyte")
            path = folder / f"contact-{lang}.png"
            CoreImage(texture).save(str(path), flipped=True)  # the buffer runs bottom-up
            written.append(path)
        return written


def _label_pixels(text: str, max_width: int) -> tuple[int, int, bytes]:
    """White text on the sheet's grey as opaque RGBA rows, bottom-up, at most ``max_width`` wide."""
    from kivy.core.text import Label as CoreLabel

    label = CoreLabel(text=text, font_size=24, font_name="Kiosk", color=(1, 1, 1, 1))
    label.refresh()
    w, h = label.texture.size
    pixels = label.texture.pixels  # text textures run top-down
    width = min(w, max_width)
    out = bytearray()
    for row in reversed(range(h)):
        for x in range(width):
            alpha = pixels[(row * w + x) * 4 + 3]
            grey = (255 * alpha + 0x80 * (255 - alpha)) // 255
            out += bytes((grey, grey, grey, 255))
    return width, h, bytes(out)


def run(config: Any, out: Path | None = None, fast: bool = False, languages: Sequence[str] | None = None,
        themes: Sequence[str] | None = None, report: Callable[[Violation], None] | None = None,
        content: Any = None, jobs: int = 1, progress: Callable[[str], None] | None = None) -> Result:
    """Audit the kiosk for ``config`` headless; write contact sheets to ``out`` if given.

    With ``jobs`` > 1 the settings are shared out between this process and
    ``jobs - 1`` worker processes (each runs its own headless kiosk), so the
    audit uses every core. ``report`` is then told every violation in plan order;
    ``progress`` gets a line per setting done. Call
    :func:`kiosk.ui.bootstrap.prepare` first (the CLI does).
    """
    from kiosk.access.themes import DEFAULT_THEME, THEMES

    theme_names = list(themes or THEMES)
    if DEFAULT_THEME in theme_names:  # the seated profile is rendered in the default theme
        theme_names.remove(DEFAULT_THEME)
        theme_names.insert(0, DEFAULT_THEME)
    plan = settings(languages or config.languages, theme_names, fast)
    jobs = max(1, min(jobs, len(plan)))
    shards = [plan[i::jobs] for i in range(jobs)]
    start = time.perf_counter()
    with TemporaryDirectory(prefix="passerelle-audit-") as tmp:
        workers = []
        for index, shard in enumerate(shards[1:], start=1):
            spec = Path(tmp) / f"worker-{index}.pickle"
            spec.write_bytes(pickle.dumps({"config": config, "content": content, "fast": fast,
                                           "settings": shard, "sheet": out is not None,
                                           "result": str(spec.with_suffix(".result"))}))
            process = multiprocessing.get_context("spawn").Process(target=_worker, args=(str(spec),), daemon=True)
            process.start()
            workers.append((process, spec.with_suffix(".result")))
        mine = _audit_shard(config, content, fast, shards[0], out is not None, progress)
        parts = [mine]
        for process, result_path in workers:
            process.join()
            if process.exitcode != 0 or not result_path.exists():
                raise RuntimeError(f"an audit worker failed (exit status {process.exitcode})")
            parts.append(pickle.loads(result_path.read_bytes()))
    rank = {setting: i for i, setting in enumerate(plan)}
    result = Result()
    thumbnails = []
    for violations, checked, thumbs in parts:
        result.violations += violations
        result.screens_checked += checked
        thumbnails += thumbs
    # every setting's violations come from one process, in screen order: a stable sort keeps it
    result.violations.sort(key=lambda v: rank[Setting(v.case.lang, v.case.theme, v.case.scale, v.case.seated)])
    if report:
        for violation in result.violations:
            report(violation)
    if out is not None:
        sheet = ContactSheet()
        for setting, column, thumbnail in sorted(thumbnails, key=lambda t: rank[t[0]]):
            sheet.add(setting, column, thumbnail)
        result.sheets = sheet.write(out)
    result.seconds = time.perf_counter() - start
    return result


def _audit_shard(config: Any, content: Any, fast: bool, shard: Sequence[Setting], want_sheet: bool,
                 progress: Callable[[str], None] | None = None) -> tuple[list[Violation], int, list[tuple]]:
    """Run one share of the settings in this process: (violations, screens checked, thumbnails)."""
    from kiosk.testing.pilot import Pilot

    thumbnails: list[tuple] = []
    violations: list[Violation] = []
    checked = 0
    kwargs = {"content": content} if content is not None else {}
    with Pilot.run(config, **kwargs) as pilot, _few_collections():
        auditor = Auditor(pilot, fast=fast)
        for setting in shard:
            result = auditor.run([setting], (lambda s, c, t: thumbnails.append((s, c, t))) if want_sheet else None)
            violations += result.violations
            checked += result.screens_checked
            if progress:
                progress(f"{setting.lang} {setting.label()}: {result.screens_checked} screens, "
                         f"{len(result.violations)} violations")
    return violations, checked, thumbnails


def _worker(spec_path: str) -> None:
    """A worker process: audit the settings in ``spec_path`` and leave the result beside it."""
    import sys

    spec = pickle.loads(Path(spec_path).read_bytes())
    from kiosk.ui import bootstrap

    bootstrap.prepare(spec["config"], windowed=True, headless=True)
    bootstrap.quiet_kivy_logging()

    def progress(line: str) -> None:
        print(f"kiosk: audit: {line}", file=sys.stderr, flush=True)

    part = _audit_shard(spec["config"], spec["content"], spec["fast"], spec["settings"], spec["sheet"], progress)
    Path(spec["result"]).write_bytes(pickle.dumps(part))


@contextmanager
def _few_collections() -> Iterator[None]:
    """Collect garbage less often while the audit builds thousands of widgets.

    Every widget is a web of cycles (kv bindings), so Python's cycle collector
    runs constantly and re-scans the whole app each time; freezing what exists
    at start and raising the thresholds halves the audit's time.
    """
    _COLLECTIONS["depth"] += 1
    if _COLLECTIONS["depth"] > 1:  # already inside: the outermost one restores
        try:
            yield
        finally:
            _COLLECTIONS["depth"] -= 1
        return
    threshold = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)
    try:
        yield
    finally:
        _COLLECTIONS["depth"] -= 1
        gc.set_threshold(*threshold)
        gc.unfreeze()
        gc.collect()


_COLLECTIONS = {"depth": 0}
