"""Real millimetres and the wheelchair reach band, from the configuration.

Kivy's own ``mm()`` trusts the dpi SDL reports (96 on Linux, whatever the panel),
so the kiosk derives the true density from the configured physical size instead.
Imports no Kivy.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.config import ScreenConfig

#: Forward reach limits above the floor (ADA 308, EN 301 549 8.3).
REACH_LOW_MM = 380.0
REACH_HIGH_OVER_OBSTACLE_MM = 1120.0
REACH_HIGH_MM = 1220.0

#: Target sizes we are held to (ACCESSIBILITY.md).
TARGET_MM = 20.0
MAIN_TARGET_MM = 30.0
GAP_MM = 3.0
#: Body text capital height at 100 % text size.
BODY_CAP_MM = 6.0


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

    def reach_band_px(self) -> tuple[float, float]:
        """The band of the screen within reach, as ``(y_min, y_max)`` window pixels.

        Window y grows upward from the bottom edge, as in Kivy. The band is empty
        (``y_min >= y_max``) when no part of the screen is within reach.
        """
        bottom = self.screen.bottom_edge_mm
        low = max(REACH_LOW_MM - bottom, 0.0)
        high = min(self.reach_high_mm - bottom, self.screen.height_mm)
        return self.mm(low), self.mm(high)

    def body_font_px(self, text_scale: float = 1.0, cap_ratio: float = 0.668) -> float:
        """Font size in pixels whose capital height is ``BODY_CAP_MM`` x scale.

        ``cap_ratio`` is the font's capital height over its em size (Atkinson
        Hyperlegible: 668/1000).
        """
        return self.mm(BODY_CAP_MM) / cap_ratio * text_scale
