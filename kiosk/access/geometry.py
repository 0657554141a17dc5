"""Real millimetres and the wheelchair reach band, from the configuration.

Kivy's own ``mm()`` trusts the dpi SDL reports (96 on Linux, whatever the panel),
so the kiosk derives the true density from the configured physical size instead.
:func:`reach_layout` places a screen's parts around the reach band (the seated
profile). Imports no Kivy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kiosk.config import ConfigError, KioskConfig, ScreenConfig

#: Forward reach limits above the floor (ADA 308, EN 301 549 8.3).
REACH_LOW_MM = 380.0
REACH_HIGH_OVER_OBSTACLE_MM = 1120.0
REACH_HIGH_MM = 1220.0

#: Target sizes we are held to: every target 20 mm, the main actions 30 mm (people
#: with motor disabilities keep gaining up to 30 mm: Trace Center, Applied
#: Ergonomics 2013), 3 mm between targets.
TARGET_MM = 20.0
MAIN_TARGET_MM = 30.0
GAP_MM = 3.0
#: Body text capital height at 100 % text size.
BODY_CAP_MM = 6.0
#: The smallest reach band that holds every screen's controls in the seated profile,
#: at every text size (measured with ``kiosk audit`` on shrinking bands: 140 mm; plus a margin):
#: a scroll pane with its Up/Down buttons and the row of main buttons, at 200 % in Arabic.
MIN_REACH_BAND_MM = 145.0


@dataclass(frozen=True)
class Geometry:
    """Pixels per millimetre and reach band for one screen at one resolution."""

    screen: ScreenConfig

    @property
    def px_per_mm(self) -> float:
        """Horizontal density; square pixels are assumed."""
        return self.screen.width_px / self.screen.width_mm

    @property
    def dpi(self) -> float:
        """Dots per inch, what Kivy's ``KIVY_DPI`` expects."""
        return self.px_per_mm * 25.4

    def mm(self, value: float) -> float:
        """Millimetres to pixels."""
        return value * self.px_per_mm

    def to_mm(self, pixels: float) -> float:
        """Pixels to millimetres."""
        return pixels / self.px_per_mm

    @property
    def reach_high_mm(self) -> float:
        """Highest comfortable reach above the floor for this mounting."""
        return REACH_HIGH_OVER_OBSTACLE_MM if self.screen.obstacle else REACH_HIGH_MM

    def reach_band_mm(self) -> tuple[float, float]:
        """The band within reach, in millimetres above the screen's bottom edge.

        Clipped to the screen; ``low >= high`` when no part of it is within reach.
        """
        bottom = self.screen.bottom_edge_mm
        low = min(max(REACH_LOW_MM - bottom, 0.0), self.screen.height_mm)
        high = max(min(self.reach_high_mm - bottom, self.screen.height_mm), 0.0)
        return low, high

    def reach_band_px(self) -> tuple[float, float]:
        """The band of the screen within reach, as ``(y_min, y_max)`` window pixels.

        Window y grows upward from the bottom edge, as in Kivy. The band is empty
        (``y_min >= y_max``) when no part of the screen is within reach.
        """
        low, high = self.reach_band_mm()
        return self.mm(low), self.mm(high)

    def body_font_px(self, text_scale: float = 1.0, cap_ratio: float = 0.668) -> float:
        """Font size in pixels whose capital height is ``BODY_CAP_MM`` x scale.

        ``cap_ratio`` is the font's capital height over its em size (Atkinson
        Hyperlegible: 668/1000).
        """
        return self.mm(BODY_CAP_MM) / cap_ratio * text_scale


@dataclass(frozen=True)
class ReachPlan:
    """Where a screen's parts go in the seated profile (y grows upward, as in Kivy)."""

    #: the bottom edge of each reading part, top to bottom, as given
    reading_bottoms: tuple[float, ...]
    #: the touch area's bottom edge and height
    touch_bottom: float
    touch_height: float
    #: whether the reading parts went below the band (a screen mounted very low)
    below: bool


def reach_layout(*, top: float, bottom: float, band: tuple[float, float], heights: Sequence[float],
                 spacing: float) -> ReachPlan:
    """Stack reading parts and put the touch area inside the reach ``band``.

    ``top`` and ``bottom`` bound the space to fill (padding already taken off),
    ``band`` is ``(low, high)`` in the same coordinates, ``heights`` are the
    reading parts' heights from the top down, with ``spacing`` after each.
    The reading parts go above the band and the touch area takes what is left
    of the band under them; on a screen mounted so low that the band reaches
    its top, they go below the band instead when they do not fit above and
    there is more room below. The touch area's height is never negative.
    Returns the reading parts' bottom edges and the touch area's place.
    """
    low, high = band
    reading_height = sum(heights) + spacing * len(heights)
    # Room outside the band, none when the band covers that side: a band covering the whole
    # space left "more room below" to the paddings, and a top padding larger than the bottom
    # one sent the reading parts under the bottom edge.
    above, under = max(top - high, 0), max(low - bottom, 0)
    below = reading_height > above and under > above
    if below:
        touch_top, touch_bottom = min(top, high), max(bottom, low)
        y = touch_bottom - spacing
    else:
        y = top
    bottoms = []
    for height in heights:
        bottoms.append(y - height)
        y -= height + spacing
    if not below:
        touch_top, touch_bottom = min(y, high), max(bottom, low)
    return ReachPlan(tuple(bottoms), touch_bottom, max(touch_top - touch_bottom, 0), below)


def reach_problem(config: KioskConfig) -> str | None:
    """Why the seated profile cannot work on this mounting, in one line; ``None`` if it can.

    The seated profile puts every touch target inside the reach band, so the band
    must be tall enough to hold a screen's controls (:data:`MIN_REACH_BAND_MM`).
    """
    screen = config.screen
    geometry = Geometry(screen)
    low, high = geometry.reach_band_mm()
    band = max(high - low, 0.0)
    if band >= MIN_REACH_BAND_MM:
        return None
    top = geometry.reach_high_mm
    where = str(config.source) if config.source else "configuration"
    lowest, highest = REACH_LOW_MM + MIN_REACH_BAND_MM - screen.height_mm, top - MIN_REACH_BAND_MM
    if screen.height_mm < MIN_REACH_BAND_MM:
        fix = "the screen is too small (screen.height_mm)"
    elif screen.bottom_edge_mm > highest:
        fix = f"mount the screen lower (screen.bottom_edge_mm <= {highest:g})"
        if screen.obstacle:
            fix += " or, if nothing stands in front of it, set screen.obstacle = false"
    else:
        fix = f"mount the screen higher (screen.bottom_edge_mm >= {lowest:g})"
    return (f"{where}: screen.bottom_edge_mm = {screen.bottom_edge_mm:g}, screen.height_mm = {screen.height_mm:g}, "
            f"screen.obstacle = {str(screen.obstacle).lower()}: only {band:.0f} mm of the screen is within a seated "
            f"visitor's reach ({REACH_LOW_MM:g}-{top:g} mm above the floor), the seated profile needs "
            f"{MIN_REACH_BAND_MM:g} mm: {fix}")


def check_reach(config: KioskConfig) -> None:
    """Raise :class:`ConfigError` (one line, naming the keys) when the reach band is too small."""
    problem = reach_problem(config)
    if problem:
        raise ConfigError(problem)
