"""WCAG 2.x contrast ratio from relative luminance. Imports no Kivy.

``ratio`` takes ``#rrggbb`` strings; :func:`ratio_rgba` takes Kivy colours
(``(r, g, b, a)`` in 0..1) and composes a translucent foreground over its
background first, as the screen would show it.
"""

from __future__ import annotations

from collections.abc import Sequence

#: WCAG 1.4.6 (AAA): every text against its background.
TEXT_MIN = 7.0
#: WCAG 1.4.11 / 2.4.13: control borders, target outlines, focus ring, pictograms.
NON_TEXT_MIN = 3.0


def _channel(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _luminance_rgb(r: float, g: float, b: float) -> float:
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def luminance(hex_colour: str) -> float:
    """Relative luminance of ``#rrggbb`` (WCAG 2.x definition)."""
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return _luminance_rgb(r, g, b)


def _ratio_of(a: float, b: float) -> float:
    hi, lo = max(a, b), min(a, b)
    return (hi + 0.05) / (lo + 0.05)


def ratio(foreground: str, background: str) -> float:
    """Contrast ratio between two colours, from 1.0 to 21.0."""
    return _ratio_of(luminance(foreground), luminance(background))


def over(foreground: Sequence[float], background: Sequence[float]) -> tuple[float, float, float]:
    """The opaque colour seen when ``foreground`` (with alpha) is drawn over ``background``."""
    alpha = foreground[3] if len(foreground) > 3 else 1.0
    return tuple(f * alpha + b * (1 - alpha) for f, b in zip(foreground[:3], background[:3], strict=True))  # type: ignore[return-value]


def ratio_rgba(foreground: Sequence[float], background: Sequence[float]) -> float:
    """Contrast ratio of Kivy colours (0..1 channels); a translucent foreground is composed first."""
    seen = over(foreground, background)
    return _ratio_of(_luminance_rgb(*seen), _luminance_rgb(*background[:3]))


def to_hex(colour: Sequence[float]) -> str:
    """Kivy ``(r, g, b[, a])`` in 0..1 -> ``#RRGGBB`` (alpha dropped), for messages."""
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02X}" for c in colour[:3])
