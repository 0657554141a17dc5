"""Draw the Passerelle kiosk pictograms.

Every pictogram is a simple, bold, white shape on a fully transparent
background, saved as ``assets/pictograms/<name>.png`` (256 x 256, RGBA).
The kiosk tints them with the theme's text colour, so only the *shape*
carries meaning: colour never does.

How it works
------------
* Each pictogram is a small function registered with :func:`pictogram`.
  It draws on a :class:`Pen` using coordinates on a 256 x 256 design grid.
* The pen really draws a coverage mask at ``SCALE`` times the final size;
  :func:`render` then downsizes it with a Lanczos filter (supersampling) so
  edges are smooth, and uses it as the alpha channel of a white image.
* ``ink=ERASE`` draws transparent, which is used to cut holes and to keep a
  small gap between overlapping parts (see the ``gap`` arguments).

Design rules: strokes are at least 14 px (``STROKE`` = 16 by default) and
shapes keep roughly a 20 px margin inside the 256 px square. No text, except
shapes that are unavoidable (the euro sign, the letter "A" for text size).

Usage (from the repository root)::

    python tools/make_pictograms.py              # regenerate every pictogram
    python tools/make_pictograms.py house key    # only some of them
    python tools/make_pictograms.py --list       # print the names
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from PIL import Image, ImageDraw

SIZE = 256  # final size in pixels, and size of the design grid
SCALE = 4  # supersampling factor
STROKE = 16  # default stroke width on the design grid
GAP = 7  # default gap between overlapping filled parts
INK = 255  # opaque white
ERASE = 0  # fully transparent

OUT_DIR = Path(__file__).resolve().parent.parent / "assets" / "pictograms"

Point = tuple[float, float]
Box = tuple[float, float, float, float]


# --------------------------------------------------------------------------
# Geometry helpers
# --------------------------------------------------------------------------


def polar(center: Point, radius: float, degrees: float) -> Point:
    """Point on a circle; angles are clockwise from 3 o'clock (screen axes)."""
    a = math.radians(degrees)
    return (center[0] + radius * math.cos(a), center[1] + radius * math.sin(a))


def grow(box: Box, by: float) -> Box:
    """Enlarge a box by ``by`` on every side (shrink if negative)."""
    x0, y0, x1, y1 = box
    return (x0 - by, y0 - by, x1 + by, y1 + by)


def ellipse_points(center: Point, rx: float, ry: float, tilt: float = 0.0,
                   steps: int = 72) -> list[Point]:
    """Outline of an ellipse rotated by ``tilt`` degrees, as a polygon."""
    t = math.radians(tilt)
    cx, cy = center
    points = []
    for i in range(steps):
        a = 2 * math.pi * i / steps
        x, y = rx * math.cos(a), ry * math.sin(a)
        points.append((cx + x * math.cos(t) - y * math.sin(t),
                       cy + x * math.sin(t) + y * math.cos(t)))
    return points


def mirror_x(points: Iterable[Point], axis: float = SIZE / 2) -> list[Point]:
    """Mirror points left/right around the vertical line ``x = axis``."""
    return [(2 * axis - x, y) for x, y in points]


def translate(points: Iterable[Point], dx: float, dy: float) -> list[Point]:
    """Shift every point by (dx, dy)."""
    return [(x + dx, y + dy) for x, y in points]


# --------------------------------------------------------------------------
# The pen: primitive shapes on the supersampled mask
# --------------------------------------------------------------------------


class Pen:
    """Draws on a supersampled coverage mask using 256-grid coordinates.

    Every method takes ``ink`` (``INK`` to draw, ``ERASE`` to cut). Shapes
    with a ``width`` are outlined with that stroke width; without one they
    are filled.
    """

    def __init__(self) -> None:
        self.mask = Image.new("L", (SIZE * SCALE, SIZE * SCALE), ERASE)
        self._draw = ImageDraw.Draw(self.mask)
        self._dx = 0.0
        self._dy = 0.0

    @contextmanager
    def shifted(self, dx: float, dy: float) -> Iterator[Pen]:
        """Temporarily move everything drawn by (dx, dy), to centre a motif."""
        self._dx += dx
        self._dy += dy
        try:
            yield self
        finally:
            self._dx -= dx
            self._dy -= dy

    # -- coordinate conversion -------------------------------------------

    def _pt(self, p: Point) -> tuple[float, float]:
        return ((p[0] + self._dx) * SCALE, (p[1] + self._dy) * SCALE)

    def _box(self, box: Box) -> list[float]:
        x0, y0 = self._pt(box[:2])
        x1, y1 = self._pt(box[2:])
        return [x0, y0, x1, y1]

    @staticmethod
    def _w(width: float) -> int:
        return max(1, round(width * SCALE))

    # -- primitives ------------------------------------------------------

    def circle(self, center: Point, radius: float, width: float | None = None,
               ink: int = INK, gap: float = 0) -> None:
        """Disc (no width) or ring (with width) centred on ``center``."""
        if gap:
            outer = radius + (width / 2 if width else 0) + gap
            self.circle(center, outer, ink=ERASE)
        if width:  # keep the ring centred on ``radius``
            box = grow((center[0], center[1], center[0], center[1]),
                       radius + width / 2)
            self._draw.ellipse(self._box(box), outline=ink, width=self._w(width))
        else:
            box = grow((center[0], center[1], center[0], center[1]), radius)
            self._draw.ellipse(self._box(box), fill=ink)

    def rect(self, box: Box, radius: float = 0, width: float | None = None,
             ink: int = INK, gap: float = 0,
             corners: tuple[bool, bool, bool, bool] | None = None) -> None:
        """(Rounded) rectangle; outlines are centred on the box edges."""
        if gap:
            extra = (width / 2 if width else 0) + gap
            self.rect(grow(box, extra), radius + extra, ink=ERASE, corners=corners)
        if width:
            outer = grow(box, width / 2)
            self._draw.rounded_rectangle(
                self._box(outer), radius=(radius + width / 2) * SCALE,
                outline=ink, width=self._w(width), corners=corners)
        else:
            self._draw.rounded_rectangle(self._box(box), radius=radius * SCALE,
                                         fill=ink, corners=corners)

    def pie(self, center: Point, radius: float, start: float, end: float,
            ink: int = INK) -> None:
        """Filled circle sector, clockwise from ``start`` to ``end`` degrees."""
        box = grow((center[0], center[1], center[0], center[1]), radius)
        self._draw.pieslice(self._box(box), start, end, fill=ink)

    def polygon(self, points: Sequence[Point], ink: int = INK) -> None:
        """Filled polygon with sharp corners."""
        self._draw.polygon([self._pt(p) for p in points], fill=ink)

    def line(self, points: Sequence[Point], width: float = STROKE,
             ink: int = INK, closed: bool = False, gap: float = 0) -> None:
        """Polyline with round caps and round joins."""
        pts = list(points) + ([points[0]] if closed else [])
        if gap:
            self.line(pts, width + 2 * gap, ink=ERASE)
        self._draw.line([self._pt(p) for p in pts], fill=ink,
                        width=self._w(width), joint="curve")
        for p in pts:  # round caps, and round joins everywhere
            self.circle(p, width / 2, ink=ink)

    def arc(self, center: Point, radius: float, start: float, end: float,
            width: float = STROKE, ink: int = INK) -> None:
        """Circular arc (clockwise from ``start`` to ``end``) with round caps."""
        steps = max(8, int(abs(end - start) / 3))
        points = [polar(center, radius, start + (end - start) * i / steps)
                  for i in range(steps + 1)]
        self.line(points, width, ink=ink)

    def blob(self, points: Sequence[Point], roundness: float,
             ink: int = INK) -> None:
        """Filled polygon whose corners are rounded by ``roundness``.

        The polygon is drawn then outlined with a round pen, so it grows
        by ``roundness`` on every side.
        """
        self.polygon(points, ink=ink)
        self.line(points, 2 * roundness, ink=ink, closed=True)

    def chevron(self, tip: Point, direction: float, size: float,
                width: float = STROKE, spread: float = 45,
                ink: int = INK) -> None:
        """Open arrow head whose point is ``tip``, pointing to ``direction``."""
        back = direction + 180
        self.line([polar(tip, size, back - spread), tip,
                   polar(tip, size, back + spread)], width, ink=ink)

    def triangle_head(self, tip: Point, direction: float, length: float,
                      half_width: float, ink: int = INK) -> None:
        """Filled arrow head with slightly rounded corners."""
        base = polar(tip, length, direction + 180)
        left = polar(base, half_width, direction - 90)
        right = polar(base, half_width, direction + 90)
        self.blob([tip, left, right], 3, ink=ink)


# --------------------------------------------------------------------------
# Reusable motifs
# --------------------------------------------------------------------------


def arrow(pen: Pen, start: Point, end: Point, width: float = 20,
          head: float = 62) -> None:
    """Straight arrow from ``start`` to ``end`` with an open head."""
    direction = math.degrees(math.atan2(end[1] - start[1], end[0] - start[0]))
    pen.line([start, end], width)
    pen.chevron(end, direction, head, width)


def figure(pen: Pen, cx: float, head_y: float, head_r: float, body_w: float,
           bottom: float, gap: float = 0, neck: float = 6) -> None:
    """Person silhouette: round head above a body with round shoulders."""
    top = head_y + head_r + neck
    box = (cx - body_w / 2, top, cx + body_w / 2, bottom)
    radius = min(body_w / 2, (bottom - top))
    pen.rect(box, radius, gap=gap, corners=(True, True, False, False))
    pen.circle((cx, head_y), head_r, gap=gap)


def page(pen: Pen, box: Box, fold: float = 44, width: float = STROKE) -> None:
    """Sheet of paper outline with a folded top-right corner."""
    x0, y0, x1, y1 = box
    pen.line([(x0, y0), (x1 - fold, y0), (x1, y0 + fold), (x1, y1), (x0, y1)],
             width, closed=True)
    pen.line([(x1 - fold, y0), (x1 - fold, y0 + fold), (x1, y0 + fold)], width)


def text_lines(pen: Pen, x0: float, x1: float, ys: Sequence[float],
               width: float = 14, short_last: bool = True) -> None:
    """Horizontal strokes standing for lines of text."""
    for i, y in enumerate(ys):
        end = x0 + (x1 - x0) * 0.6 if short_last and i == len(ys) - 1 else x1
        pen.line([(x0, y), (end, y)], width)


def euro(pen: Pen, center: Point, radius: float, width: float = STROKE) -> None:
    """Euro sign drawn as strokes: an open C crossed by two bars."""
    cx, cy = center
    pen.arc(center, radius, 45, 315, width)
    bar_left = cx - radius - width * 0.9
    bar_right = cx + radius * 0.25
    for dy in (-radius * 0.28, radius * 0.28):
        pen.line([(bar_left, cy + dy), (bar_right, cy + dy)], width * 0.9)


def envelope(pen: Pen, box: Box, width: float = STROKE) -> None:
    """Closed envelope: rounded rectangle with a V-shaped flap."""
    x0, y0, x1, y1 = box
    pen.rect(box, 10, width)
    pen.line([(x0 + 4, y0 + 4), ((x0 + x1) / 2, (y0 + y1) / 2 + 6),
              (x1 - 4, y0 + 4)], width)


def speaker(pen: Pen, x0: float, cy: float, scale: float = 1.0) -> float:
    """Filled loudspeaker facing right; returns the x of its mouth."""
    def s(v: float) -> float:
        return v * scale

    body = [(x0, cy - s(26)), (x0 + s(34), cy - s(26)),
            (x0 + s(82), cy - s(66)), (x0 + s(82), cy + s(66)),
            (x0 + s(34), cy + s(26)), (x0, cy + s(26))]
    pen.blob(body, 6)
    return x0 + s(82)


def sound_waves(pen: Pen, center: Point, radii: Sequence[float],
                spread: float = 45, width: float = STROKE) -> None:
    """Concentric arcs to the right of ``center``."""
    for r in radii:
        pen.arc(center, r, -spread, spread, width)


def house_shape(pen: Pen, filled: bool) -> None:
    """House: roof and walls, either outlined or as a solid silhouette."""
    roof = [(32, 124), (128, 38), (224, 124)]
    walls = (60, 112, 196, 222)
    if filled:
        pen.blob([(128, 44), (202, 110), (202, 218), (54, 218), (54, 110)], 8)
        pen.line(roof, 22)
        pen.rect((108, 160, 148, 240), 8, ink=ERASE)
    else:
        pen.rect(walls, 6, STROKE)
        pen.line(roof, 20)
        pen.rect((110, 162, 146, 230), 6)


def capsule(pen: Pen, a: Point, b: Point, width: float, gap: float = 0) -> None:
    """Thick rounded bar from ``a`` to ``b`` (a finger, a leg, ...)."""
    pen.line([a, b], width, gap=gap)


def plus_sign(pen: Pen, center: Point, half: float, width: float = 20,
              ink: int = INK) -> None:
    """Plus sign made of two rounded bars."""
    cx, cy = center
    pen.line([(cx - half, cy), (cx + half, cy)], width, ink=ink)
    pen.line([(cx, cy - half), (cx, cy + half)], width, ink=ink)


def letter_a(pen: Pen, apex: Point, height: float, half_width: float,
             width: float) -> None:
    """Capital A drawn as two legs and a cross bar."""
    ax, ay = apex
    left = (ax - half_width, ay + height)
    right = (ax + half_width, ay + height)
    pen.line([left, apex, right], width)
    t = 0.62
    pen.line([(ax - half_width * t, ay + height * t),
              (ax + half_width * t, ay + height * t)], width)


def keyhole(pen: Pen, center: Point, size: float = 10, ink: int = INK) -> None:
    """Keyhole: a round top and a flared slot below it."""
    cx, cy = center
    pen.circle(center, size, ink=ink)
    pen.polygon([(cx - size * 0.45, cy), (cx + size * 0.45, cy),
                 (cx + size * 0.9, cy + size * 2.8),
                 (cx - size * 0.9, cy + size * 2.8)], ink=ink)


def key_shape(pen: Pen, ring: Point, ring_r: float, length: float,
              width: float = 18) -> None:
    """Horizontal key: ring on the left, bit with two teeth on the right."""
    rx, ry = ring
    pen.circle(ring, ring_r, width)
    start = rx + ring_r
    end = rx + ring_r + length
    pen.line([(start, ry), (end, ry)], width)
    for dx, depth in ((0, 0.75), (-0.3, 0.55)):
        x = end + length * dx
        pen.line([(x, ry), (x, ry + ring_r * depth + width / 2)], width)


# --------------------------------------------------------------------------
# Pictogram registry
# --------------------------------------------------------------------------

PICTOGRAMS: dict[str, Callable[[Pen], None]] = {}


def pictogram(name: str, shift: Point = (0, 0)
              ) -> Callable[[Callable[[Pen], None]], Callable[[Pen], None]]:
    """Register a drawing function under ``name``.

    ``shift`` moves the whole drawing, to centre lopsided shapes visually.
    """
    def register(fn: Callable[[Pen], None]) -> Callable[[Pen], None]:
        def draw(pen: Pen) -> None:
            with pen.shifted(*shift):
                fn(pen)
        draw.__doc__ = fn.__doc__
        PICTOGRAMS[name] = draw
        return fn
    return register


# -- people and hands -------------------------------------------------------


def open_hand(pen: Pen) -> None:
    """Raised open palm, fingers up (used by "stop")."""
    for x, top in ((94, 74), (124, 42), (154, 40), (184, 66)):
        capsule(pen, (x, top), (x, 140), 26)
    pen.rect((81, 126, 197, 232), 42, corners=(False, False, True, True))
    capsule(pen, (100, 200), (50, 142), 28)


@pictogram("hand", shift=(8, -4))
def draw_hand(pen: Pen) -> None:
    """Index finger tapping, with two touch ripples."""
    tip = (110, 92)
    for r in (30, 52):
        pen.arc(tip, r, 200, 340, 14)
    capsule(pen, tip, (110, 180), 30)
    for x, top in (144, 146), (174, 154):
        capsule(pen, (x, top), (x, 180), 26)
    pen.rect((95, 170, 187, 232), 30, corners=(False, False, True, True))
    capsule(pen, (104, 204), (64, 166), 28)


@pictogram("stop", shift=(10, -2))
def draw_stop(pen: Pen) -> None:
    """Raised open hand: stop."""
    open_hand(pen)


@pictogram("person")
def draw_person(pen: Pen) -> None:
    """Head and shoulders."""
    figure(pen, 128, 78, 44, 168, 228, neck=10)


@pictogram("family")
def draw_family(pen: Pen) -> None:
    """Two adults with a child in front of them."""
    figure(pen, 74, 62, 28, 92, 220)
    figure(pen, 182, 62, 28, 92, 220)
    figure(pen, 128, 122, 22, 68, 220, gap=GAP)


@pictogram("wheelchair", shift=(-4, 0))
def draw_wheelchair(pen: Pen) -> None:
    """International symbol of access: person seated in a wheelchair."""
    pen.circle((92, 44), 21)
    pen.line([(90, 84), (98, 146), (160, 146), (186, 206), (212, 198)], 24)
    pen.line([(94, 108), (144, 108)], 22)
    pen.arc((102, 164), 58, 0, 235, 18)


# -- communication --------------------------------------------------------


@pictogram("email")
def draw_email(pen: Pen) -> None:
    """Closed envelope."""
    envelope(pen, (28, 64, 228, 196))


@pictogram("mail_open", shift=(0, -5))
def draw_mail_open(pen: Pen) -> None:
    """Open envelope with a letter coming out."""
    left, right, top, mid, bottom = 28, 228, 54, 108, 226
    pen.line([(left, mid), (128, top), (right, mid)], STROKE)
    pen.rect((64, 28, 192, 170), 0, ink=ERASE)
    pen.rect((78, 42, 178, 170), 6, STROKE)
    front = [(left, mid), (128, 172), (right, mid), (right, bottom), (left, bottom)]
    pen.polygon(translate(front, 0, 8), ink=ERASE)
    pen.line([(left, mid), (left, bottom), (right, bottom), (right, mid)], STROKE)
    pen.line([(left, mid), (128, 172), (right, mid)], STROKE)


@pictogram("phone")
def draw_phone(pen: Pen) -> None:
    """Mobile phone."""
    pen.rect((80, 28, 176, 228), 20, STROKE)
    pen.line([(112, 52), (144, 52)], 14)
    pen.circle((128, 200), 11)


@pictogram("computer")
def draw_computer(pen: Pen) -> None:
    """Desktop monitor on a stand."""
    pen.rect((30, 40, 226, 168), 14, STROKE)
    pen.rect((114, 176, 142, 206), 0)
    pen.line([(78, 212), (178, 212)], STROKE)


@pictogram("keyboard")
def draw_keyboard(pen: Pen) -> None:
    """Keyboard with rows of keys and a space bar."""
    pen.rect((28, 66, 228, 190), 16, 14)
    xs = [48 + i * 34 for i in range(5)]
    for y in (84, 118):
        for x in xs:
            pen.rect((x, y, x + 24, y + 22), 4)
    pen.rect((80, 152, 176, 172), 4)


@pictogram("speaker")
def draw_speaker(pen: Pen) -> None:
    """Loudspeaker with sound waves."""
    mouth = speaker(pen, 46, 128)
    sound_waves(pen, (mouth - 6, 128), (44, 82))


@pictogram("volume_up")
def draw_volume_up(pen: Pen) -> None:
    """Loudspeaker with a plus sign: louder."""
    speaker(pen, 28, 128)
    plus_sign(pen, (180, 128), 38)


@pictogram("volume_down")
def draw_volume_down(pen: Pen) -> None:
    """Loudspeaker with a minus sign: quieter."""
    speaker(pen, 28, 128)
    pen.line([(142, 128), (218, 128)], 20)


# -- actions (one pictogram per sentence in the easy-to-read profile) -------


@pictogram("tap", shift=(4, 0))
def draw_tap(pen: Pen) -> None:
    """A finger pressing a button of the page."""
    pen.rect((28, 36, 172, 104), 18, 14)
    with pen.shifted(24, 12):
        tip = (110, 80)
        capsule(pen, tip, (110, 180), 30, gap=GAP)
        for x, top in (144, 146), (174, 154):
            capsule(pen, (x, top), (x, 180), 26)
        pen.rect((95, 170, 187, 224), 30, corners=(False, False, True, True))
        capsule(pen, (104, 204), (64, 166), 28)


@pictogram("type")
def draw_type(pen: Pen) -> None:
    """A text field being filled (three letters and the cursor) above a row of keys."""
    pen.rect((28, 40, 228, 108), 12, 14)
    for x in (62, 96, 130):
        pen.circle((x, 74), 11)
    pen.line([(166, 56), (166, 92)], 10)
    for x in (28, 78, 128, 178):
        pen.rect((x, 140, x + 42, 176), 6)
    pen.rect((64, 192, 192, 222), 6)


@pictogram("read")
def draw_read(pen: Pen) -> None:
    """An open book with lines of text on both pages."""
    pen.line([(128, 70), (128, 214)], 12)
    pen.line([(122, 66), (74, 50), (26, 58), (26, 202), (74, 194), (122, 210)], 14, closed=True)
    pen.line([(134, 66), (182, 50), (230, 58), (230, 202), (182, 194), (134, 210)], 14, closed=True)
    for y in (96, 126, 156):
        pen.line([(48, y - 6), (102, y + 4)], 10)
        pen.line([(154, y + 4), (208, y - 6)], 10)


@pictogram("wait")
def draw_wait(pen: Pen) -> None:
    """An hourglass: sand running from the top bulb into the bottom one."""
    pen.line([(60, 30), (196, 30)], 18)
    pen.line([(60, 226), (196, 226)], 18)
    pen.line([(76, 34), (76, 64), (120, 128), (76, 192), (76, 222)], 14)
    pen.line([(180, 34), (180, 64), (136, 128), (180, 192), (180, 222)], 14)
    pen.polygon([(96, 76), (160, 76), (128, 116)])
    pen.line([(128, 120), (128, 178)], 6)
    pen.polygon([(92, 214), (164, 214), (128, 180)])


@pictogram("card")
def draw_card(pen: Pen) -> None:
    """A bank card: a stripe and a chip."""
    pen.rect((24, 56, 232, 200), 16, STROKE)
    pen.rect((24, 84, 232, 112), 0)
    pen.rect((50, 134, 96, 168), 6)
    pen.line([(132, 160), (204, 160)], 12)


@pictogram("lock")
def draw_lock(pen: Pen) -> None:
    """A closed padlock with its keyhole."""
    pen.arc((128, 104), 52, 180, 360, 22)
    pen.line([(76, 104), (76, 120)], 22)
    pen.line([(180, 104), (180, 120)], 22)
    pen.rect((44, 116, 212, 230), 18)
    keyhole(pen, (128, 162), 14, ink=ERASE)


# -- identity and security ----------------------------------------------


@pictogram("key")
def draw_key(pen: Pen) -> None:
    """Key seen from the side."""
    key_shape(pen, (72, 128), 42, 104, 20)


@pictogram("franceconnect")
def draw_franceconnect(pen: Pen) -> None:
    """One key that opens several doors (generic single sign-on idea)."""
    for x in (28, 100, 172):
        pen.rect((x, 26, x + 56, 124), 10)
        keyhole(pen, (x + 28, 62), ink=ERASE)
    key_shape(pen, (62, 184), 30, 128, 18)


@pictogram("id_card")
def draw_id_card(pen: Pen) -> None:
    """Identity card: photo on the left, text lines on the right."""
    pen.rect((28, 58, 228, 198), 16, STROKE)
    figure(pen, 82, 102, 19, 62, 178, neck=6)
    text_lines(pen, 132, 204, (98, 128, 158))


@pictogram("shield")
def draw_shield(pen: Pen) -> None:
    """Protective shield with a tick."""
    half = [(128, 30), (208, 58), (208, 120)]
    steps = 16
    for i in range(1, steps + 1):  # curved lower side down to the point
        t = i / steps
        half.append((208 - 80 * t ** 1.6, 120 + 106 * math.sin(t * math.pi / 2)))
    outline = half + mirror_x(reversed(half[1:-1]))
    pen.line(outline, 18, closed=True)
    pen.line([(94, 128), (120, 154), (166, 104)], 18)


@pictogram("search", shift=(-4, -4))
def draw_search(pen: Pen) -> None:
    """Magnifying glass."""
    center, radius = (106, 106), 64
    pen.circle(center, radius, 18)
    pen.line([polar(center, radius + 12, 45), (214, 214)], 30)


@pictogram("eye")
def draw_eye(pen: Pen) -> None:
    """Eye: almond outline with a round iris."""
    steps = 40
    upper = [(28 + 200 * i / steps, 128 - 70 * math.sin(math.pi * i / steps))
             for i in range(steps + 1)]
    lower = [(x, 256 - y) for x, y in reversed(upper[1:-1])]
    pen.line(upper + lower, STROKE, closed=True)
    pen.circle((128, 128), 38)
    pen.circle((116, 116), 11, ink=ERASE)


# -- documents and admin ---------------------------------------------------


@pictogram("document")
def draw_document(pen: Pen) -> None:
    """Page with lines of text."""
    page(pen, (54, 28, 202, 228))
    text_lines(pen, 84, 172, (108, 142, 176))


@pictogram("cv")
def draw_cv(pen: Pen) -> None:
    """Page with a portrait and lines of text (CV / résumé)."""
    page(pen, (54, 28, 202, 228))
    figure(pen, 106, 82, 18, 54, 140, neck=6)
    text_lines(pen, 82, 174, (168, 198))


@pictogram("taxes")
def draw_taxes(pen: Pen) -> None:
    """Page with a euro sign."""
    page(pen, (54, 28, 202, 228))
    euro(pen, (136, 140), 42, 16)


@pictogram("calendar")
def draw_calendar(pen: Pen) -> None:
    """Wall calendar with rings and a grid of days."""
    pen.rect((30, 48, 226, 226), 18, STROKE)
    pen.rect((30, 48, 226, 96), 18, corners=(True, True, False, False))
    for x in (84, 172):
        pen.line([(x, 28), (x, 62)], 16, gap=6)
    for row, y in enumerate((124, 168)):
        for x in (62, 112, 162):
            if not (row == 1 and x == 162):
                pen.rect((x, y, x + 32, y + 28), 5)


@pictogram("clock")
def draw_clock(pen: Pen) -> None:
    """Clock face with two hands."""
    pen.circle((128, 128), 100, STROKE)
    pen.line([(128, 66), (128, 128), (170, 150)], 18)


@pictogram("money")
def draw_money(pen: Pen) -> None:
    """Banknote with a euro sign."""
    pen.rect((28, 66, 228, 190), 14, STROKE)
    euro(pen, (136, 128), 36, 15)
    for p in ((52, 94), (204, 162)):
        pen.circle(p, 9)


@pictogram("bank")
def draw_bank(pen: Pen) -> None:
    """Classical bank building with columns."""
    pen.blob([(34, 82), (128, 32), (222, 82)], 6)
    pen.rect((36, 92, 220, 106), 3)
    for x in (60, 104, 152, 196):
        pen.rect((x - 11, 116, x + 11, 188), 3)
    pen.rect((26, 198, 230, 222), 5)


@pictogram("job")
def draw_job(pen: Pen) -> None:
    """Briefcase."""
    pen.rect((92, 46, 164, 92), 12, 14)
    pen.rect((28, 84, 228, 212), 18, STROKE)
    pen.line([(36, 138), (220, 138)], 14)
    pen.rect((112, 124, 144, 156), 5, gap=5)


@pictogram("house")
def draw_house(pen: Pen) -> None:
    """House outline with a door."""
    house_shape(pen, filled=False)


@pictogram("home")
def draw_home(pen: Pen) -> None:
    """Solid house: go back to the start screen."""
    house_shape(pen, filled=True)


@pictogram("health", shift=(0, -4))
def draw_health(pen: Pen) -> None:
    """Heart with a medical cross cut out."""
    points = []
    for i in range(120):
        t = 2 * math.pi * i / 120
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        points.append((128 + x * 6.4, 118 - y * 6.4))
    pen.polygon(points)
    pen.rect((114, 78, 142, 166), 4, ink=ERASE)
    pen.rect((84, 108, 172, 136), 4, ink=ERASE)


@pictogram("location")
def draw_location(pen: Pen) -> None:
    """Map pin with a hole."""
    center, radius, tip = (128, 96), 72, (128, 234)
    spread = math.degrees(math.acos(radius / (tip[1] - center[1])))
    pen.circle(center, radius)
    pen.blob([tip, polar(center, radius, 90 - spread),
              polar(center, radius, 90 + spread)], 3)
    pen.circle(center, 28, ink=ERASE)


@pictogram("camera")
def draw_camera(pen: Pen) -> None:
    """Photo camera."""
    pen.rect((88, 50, 168, 86), 10)
    pen.rect((30, 78, 226, 208), 20, STROKE)
    pen.circle((128, 143), 38, STROKE)
    pen.circle((196, 108), 9)


@pictogram("globe")
def draw_globe(pen: Pen) -> None:
    """Globe with meridians and parallels: choose a language."""
    c, r = (128, 128), 100
    pen.circle(c, r, STROKE)
    pen.rect((128 - 42, 28, 128 + 42, 228), 42, 14)
    pen.line([(128, 30), (128, 226)], 14)
    for dy in (-50, 0, 50):
        half = math.sqrt(r * r - dy * dy) - 4
        pen.line([(128 - half, 128 + dy), (128 + half, 128 + dy)], 14)


# -- status -------------------------------------------------------------


@pictogram("check")
def draw_check(pen: Pen) -> None:
    """Tick mark in a circle."""
    pen.circle((128, 128), 100, STROKE)
    pen.line([(82, 132), (114, 164), (176, 98)], 22)


@pictogram("warning")
def draw_warning(pen: Pen) -> None:
    """Warning triangle with an exclamation mark."""
    pen.line([(128, 34), (228, 212), (28, 212)], 18, closed=True)
    pen.line([(128, 96), (128, 152)], 20)
    pen.circle((128, 186), 12)


@pictogram("help")
def draw_help(pen: Pen) -> None:
    """Question mark in a circle."""
    pen.circle((128, 128), 100, STROKE)
    top = (128, 98)
    pen.arc(top, 34, 180, 400, 20)
    bend = polar(top, 34, 40)
    pen.line([bend, (128, 136), (128, 150)], 20)
    pen.circle((128, 184), 12)


@pictogram("easy")
def draw_easy(pen: Pen) -> None:
    """Smiling face: easy to read."""
    pen.circle((128, 128), 100, STROKE)
    for x in (92, 164):
        pen.circle((x, 100), 13)
    pen.arc((128, 128), 56, 25, 155, 18)


@pictogram("contrast")
def draw_contrast(pen: Pen) -> None:
    """Half-filled circle: colour contrast."""
    pen.circle((128, 128), 100, STROKE)
    pen.pie((128, 128), 100, 90, 270)


@pictogram("text_size")
def draw_text_size(pen: Pen) -> None:
    """A big and a small letter A: text size."""
    letter_a(pen, (88, 40), 176, 58, 20)
    letter_a(pen, (190, 124), 92, 32, 16)


# -- navigation and playback ----------------------------------------------


@pictogram("back")
def draw_back(pen: Pen) -> None:
    """Arrow pointing left."""
    arrow(pen, (216, 128), (40, 128))


@pictogram("next")
def draw_next(pen: Pen) -> None:
    """Arrow pointing right."""
    arrow(pen, (40, 128), (216, 128))


@pictogram("up")
def draw_up(pen: Pen) -> None:
    """Arrow pointing up."""
    arrow(pen, (128, 216), (128, 40))


@pictogram("down")
def draw_down(pen: Pen) -> None:
    """Arrow pointing down."""
    arrow(pen, (128, 40), (128, 216))


@pictogram("repeat")
def draw_repeat(pen: Pen) -> None:
    """Circular arrow: say it again."""
    center, radius = (124, 140), 84
    start, end = 340, 625  # clockwise, ending at the top
    pen.arc(center, radius, start, end, 20)
    direction = end + 90  # tangent, pointing on clockwise
    head = 46
    tip = polar(polar(center, radius, end), head * 0.7, direction)
    pen.triangle_head(tip, direction, head, 30)


@pictogram("slower", shift=(2, -8))
def draw_slower(pen: Pen) -> None:
    """Tortoise: slower."""
    capsule(pen, (168, 162), (206, 134), 24)
    pen.circle((212, 128), 20)
    for x in (62, 148):
        capsule(pen, (x, 170), (x, 204), 26)
    pen.rect((30, 72, 180, 156), 75, corners=(True, True, False, False), gap=5)
    hexagon = [polar((105, 116), 22, a) for a in range(0, 360, 60)]
    pen.line(hexagon, 7, ink=ERASE, closed=True)
    for i, outer in ((0, (180, 116)), (3, (30, 116)), (1, (120, 160)),
                     (2, (90, 160)), (4, (84, 66)), (5, (126, 66))):
        pen.line([hexagon[i], outer], 7, ink=ERASE)
    pen.rect((20, 156, 180, 164), 0, ink=ERASE)
    pen.rect((24, 164, 188, 182), 9)


@pictogram("faster", shift=(4, 6))
def draw_faster(pen: Pen) -> None:
    """Running hare: faster."""
    pen.polygon(ellipse_points((150, 76), 13, 42, -42))
    pen.polygon(ellipse_points((172, 70), 13, 42, -22))
    pen.polygon(ellipse_points((116, 146), 72, 40, -8))
    pen.circle((186, 116), 28)
    pen.circle((196, 108), 5, ink=ERASE)
    pen.circle((44, 128), 16)
    capsule(pen, (84, 166), (34, 196), 26)
    capsule(pen, (164, 166), (216, 190), 20)


# -- the curriculum modules (issue 13) ----------------------------------


@pictogram("cart")
def draw_cart(pen: Pen) -> None:
    """Shopping cart: a basket on two wheels with a handle."""
    pen.line([(24, 56), (60, 56), (86, 170), (204, 170)], STROKE)
    pen.polygon([(66, 80), (226, 80), (208, 146), (82, 146)])
    pen.circle((98, 204), 18)
    pen.circle((190, 204), 18)


@pictogram("folder")
def draw_folder(pen: Pen) -> None:
    """Folder: a tab on top of a wide box."""
    pen.polygon([(28, 62), (100, 62), (120, 84), (228, 84), (228, 206), (28, 206)])
    pen.rect((44, 108, 212, 190), 6, ink=ERASE)
    pen.rect((44, 108, 212, 114), 0)


@pictogram("microphone")
def draw_microphone(pen: Pen) -> None:
    """Microphone on a stand."""
    pen.rect((96, 24, 160, 148), 32)
    pen.arc((128, 118), 60, 0, 180, STROKE)
    pen.line([(128, 178), (128, 220)], STROKE)
    pen.line([(88, 222), (168, 222)], STROKE)


@pictogram("video")
def draw_video(pen: Pen) -> None:
    """Video camera: a box with a lens cone."""
    pen.rect((24, 72, 168, 184), 18)
    pen.polygon([(176, 128), (232, 84), (232, 172)])


@pictogram("letter")
def draw_letter(pen: Pen) -> None:
    """A letter: a page with a folded corner and lines of text."""
    pen.polygon([(52, 24), (164, 24), (204, 64), (204, 232), (52, 232)])
    pen.polygon([(68, 40), (156, 40), (188, 72), (188, 216), (68, 216)], ink=ERASE)
    for y in (96, 132, 168):
        pen.line([(86, y), (170, y)], 14)
    pen.line([(86, 60), (130, 60)], 14)


@pictogram("spreadsheet")
def draw_spreadsheet(pen: Pen) -> None:
    """A spreadsheet: a grid of cells with a bold header row."""
    pen.rect((28, 40, 228, 216), 8, STROKE)
    pen.rect((28, 40, 228, 84), 0)
    for x in (94, 160):
        pen.line([(x, 84), (x, 216)], 12)
    for y in (128, 172):
        pen.line([(28, y), (228, y)], 12)


@pictogram("file")
def draw_file(pen: Pen) -> None:
    """A file: a page with a folded corner."""
    pen.polygon([(60, 24), (160, 24), (204, 68), (204, 232), (60, 232)])
    pen.polygon([(76, 40), (150, 40), (150, 78), (188, 78), (188, 216), (76, 216)], ink=ERASE)


# -- devices and connection ---------------------------------------------


@pictogram("mouse", shift=(0, -4))
def draw_mouse(pen: Pen) -> None:
    """Computer mouse seen from above: two buttons and a short cable."""
    pen.rect((68, 84, 188, 228), 60, 18)
    pen.line([(68, 144), (188, 144)], STROKE)
    pen.line([(128, 84), (128, 144)], STROKE)
    pen.line([(128, 84), (128, 58)], STROKE)
    pen.arc((152, 58), 24, 180, 270, STROKE)


@pictogram("power")
def draw_power(pen: Pen) -> None:
    """Power symbol: a circle open at the top, a bar through the gap."""
    center, radius = (128, 138), 84
    pen.arc(center, radius, 300, 600, 20)
    pen.line([(128, 32), (128, 124)], 20)


@pictogram("printer")
def draw_printer(pen: Pen) -> None:
    """Printer: paper going in at the top, a printed sheet out at the front."""
    pen.line([(76, 90), (76, 30), (180, 30), (180, 90)], 14)
    pen.rect((28, 90, 228, 182), 16, STROKE)
    pen.circle((198, 120), 9)
    pen.line([(50, 150), (206, 150)], 14)
    pen.rect((72, 150, 184, 226), 4, 14, gap=GAP)
    text_lines(pen, 96, 160, (180, 204), 10)


@pictogram("switch")
def draw_switch(pen: Pen) -> None:
    """An accessibility switch seen from the side: a big dome on a flat base, a hand's press above, its cable."""
    pen.rect((24, 176, 232, 214), 14)                    # the base
    pen.pie((128, 168), 92, 180, 360)                    # the big dome a hand presses
    pen.line([(24, 200), (8, 200), (8, 244)], 14)        # the cable
    arrow(pen, (128, 14), (128, 62), 18)                 # pressed from above


@pictogram("wifi", shift=(0, -10))
def draw_wifi(pen: Pen) -> None:
    """Wi-Fi: a dot and three arcs opening upward."""
    center = (128, 204)
    pen.circle(center, 16)
    for radius in (48, 92, 136):
        pen.arc(center, radius, 225, 315, 20)


# --------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------


def render(draw: Callable[[Pen], None]) -> Image.Image:
    """Run a drawing function and return the final 256 x 256 RGBA image."""
    pen = Pen()
    draw(pen)
    alpha = pen.mask.resize((SIZE, SIZE), Image.Resampling.LANCZOS)
    image = Image.new("RGBA", (SIZE, SIZE), (255, 255, 255, 0))
    image.putalpha(alpha)
    return image


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point; returns the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="pictograms to draw (default: all)")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder")
    parser.add_argument("--list", action="store_true", help="print the names and stop")
    args = parser.parse_args(argv)

    if args.list:
        print("\n".join(PICTOGRAMS))
        return 0
    unknown = [n for n in args.names if n not in PICTOGRAMS]
    if unknown:
        parser.error(f"unknown pictogram(s): {', '.join(unknown)}")

    args.out.mkdir(parents=True, exist_ok=True)
    for name in args.names or PICTOGRAMS:
        render(PICTOGRAMS[name]).save(args.out / f"{name}.png")
    print(f"wrote {len(args.names or PICTOGRAMS)} pictograms to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
