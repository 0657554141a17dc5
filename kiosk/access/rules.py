"""The accessibility audit's rules: plain functions on boxes, colours and what was read. No Kivy.

Boxes are in window pixels (y grows upward), colours ``(r, g, b, a)`` in 0..1.
The audit (:mod:`kiosk.ui.audit`) reads the live widget tree into
:class:`Reading` objects; everything it then decides (sizes, gaps, reach,
contrast, clipping, overlap, mirroring) is decided here, where a unit test can
reach it without a window.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kiosk.access.contrast import NON_TEXT_MIN, ratio_rgba, to_hex
from kiosk.access.geometry import GAP_MM, MAIN_TARGET_MM, TARGET_MM

#: Pixel tolerance for rounding in layout comparisons.
TOLERANCE_PX = 1.0


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

    def overhang(self, outer: Box) -> float:
        """How far this box sticks out of ``outer`` at its worst side (0 inside)."""
        return max(outer.x - self.x, self.right - outer.right, outer.y - self.y, self.top - outer.top, 0.0)


# -- one widget at a time ----------------------------------------------------------------


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


#: the switch highlight's frame, at least this thick (both bands together)
SCAN_FRAME_MM = 4.0


def scan_highlight_problem(bands: Sequence[Sequence[float]], around: Sequence[float], face: Sequence[float],
                           thickness_mm: float) -> str | None:
    """The switch highlight on a target: 4 mm thick, and one of its bands 3:1 against the screen and the target."""
    if thickness_mm + 0.05 < SCAN_FRAME_MM:
        return f"switch highlight is {thickness_mm:.1f} mm thick, needs {SCAN_FRAME_MM:g} mm"
    for what, colour in (("the screen", around), ("the item", face)):
        best = max(ratio_rgba(band, colour) for band in bands)
        if best + 1e-9 < NON_TEXT_MIN:
            return (f"switch highlight on {what} ({to_hex(colour)}) is {best:.2f}:1 at best, "
                    f"needs {NON_TEXT_MIN:g}:1")
    return None


def indistinct_problem(edges: Sequence[str | None]) -> str | None:
    """A target told apart from its surroundings by none of its borders or faces (each failed)."""
    if edges and all(edges):
        return "cannot be told apart from what surrounds it: " + "; ".join(edges)  # type: ignore[arg-type]
    return None


def clipped_text_problem(text_size: tuple[float, float], box: Box) -> str | None:
    """Text drawn larger than the label's box: part of it is not seen."""
    tw, th = text_size
    if tw > box.w + TOLERANCE_PX or th > box.h + TOLERANCE_PX:
        return f"text is clipped: it needs {tw:.0f} x {th:.0f} px, its box is {box.w:.0f} x {box.h:.0f} px"
    return None


def cut_word_problem(word: str, width: float, line_width: float) -> str | None:
    """A word wider than the line it wraps in: the text engine breaks it, so it comes out cut."""
    if width > line_width + TOLERANCE_PX:
        return f'the word "{word}" is wider than its box ({width:.0f} > {line_width:.0f} px): it is cut'
    return None


def composed(colour: Sequence[float], background: Sequence[float]) -> tuple[float, float, float, float]:
    """``colour`` painted over an opaque ``background`` (what the eye sees)."""
    alpha = colour[3]
    red, green, blue = (c * alpha + b * (1 - alpha) for c, b in zip(colour[:3], background[:3], strict=True))
    return red, green, blue, 1.0


# -- the whole screen ----------------------------------------------------------------------


@dataclass(frozen=True)
class Holder:
    """A widget that holds an item: which one (compared by identity), its box and name."""

    widget: Any
    box: Box
    name: str
    #: a scroll view: what it holds may run past its visible part
    scrolls: bool = False


@dataclass
class Item:
    """What the audit keeps of one visible widget."""

    widget: Any  # only compared by identity: which item holds which
    name: str
    kind: str  # "target", "label" or "image"
    box: Box
    #: the part on screen (clipped by scroll panes); None when scrolled out of view
    visible: Box | None
    #: the innermost scroll view holding it (by identity), and that view's visible box
    scroll: Any
    viewport: Box | None
    main: bool = False
    #: holders from the nearest up
    ancestors: tuple[Holder, ...] = ()
    #: for a scroll pane's Up button: the box of the part it scrolls (the buttons' side is checked)
    scrolled_box: Box | None = None


@dataclass
class Reading:
    """Everything read from one screen: items and the problems found on the way."""

    items: list[Item] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)

    def add(self, widget: str, problem: str | None) -> None:
        if problem:
            self.problems.append((widget, problem))


def _related(a: Item, b: Item) -> bool:
    """One holds the other (a label inside its button)."""
    return any(h.widget is a.widget for h in b.ancestors) or any(h.widget is b.widget for h in a.ancestors)


def _pair_boxes(a: Item, b: Item) -> tuple[Box, Box] | None:
    """The boxes to compare: whole boxes in the same scroll content, else what is on screen."""
    if a.scroll is b.scroll:
        return a.box, b.box
    if a.visible is None or b.visible is None:
        return None
    return a.visible, b.visible


def check_reading(reading: Reading, px_per_mm: float, rtl: bool, seated_band: tuple[float, float] | None,
                  bottom_edge_mm: float) -> list[tuple[str, str]]:
    """The checks that need the whole screen: containment, overlap, gaps, reach, mirroring.

    Returns ``(widget, problem)`` pairs: the reading's own problems first.
    """
    problems = list(reading.problems)
    items = reading.items
    for item in items:
        for holder in item.ancestors:
            if holder.scrolls:
                break  # scrolling content may run past the visible part: that is what scrolling is for
            if not holder.box.contains(item.box):
                problems.append((item.name, f"sticks out of {holder.name} ({item.box.overhang(holder.box):.0f} px)"))
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
    problems.extend(mirroring_problems(items, rtl))
    return problems


def mirroring_problems(items: Sequence[Item], rtl: bool) -> list[tuple[str, str]]:
    """Back after Next in reading order, and the scroll buttons at the end of the line."""
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
        if item.kind != "target" or item.scrolled_box is None:
            continue
        on_left = item.box.x < item.scrolled_box.x
        if on_left != rtl:
            problems.append((item.name, f"scroll buttons on the {'left' if on_left else 'right'} "
                                        f"in a {'right-to-left' if rtl else 'left-to-right'} language"))
    return problems


# -- what the audit reports ------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One rendering: a screen in a language, theme, text size and profile."""

    screen: str
    lang: str
    theme: str
    scale: float
    seated: bool = False
    easy: bool = False
    switch: bool = False

    def __str__(self) -> str:
        size = f"{round(self.scale * 100)}%" + ("+seated" if self.seated else "") + ("+easy" if self.easy else "") + (
            "+switch" if self.switch else "")
        return f"{self.screen}/{self.lang}/{self.theme}/{size}"


@dataclass(frozen=True)
class Violation:
    """Something wrong with one widget in one rendering."""

    case: Case
    widget: str
    problem: str

    def __str__(self) -> str:
        return f"{self.case}: {self.widget}: {self.problem}"
