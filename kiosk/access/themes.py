"""Colour themes as data: colours by role, checked for contrast in the tests.

Every text/background pair must reach 7:1 (WCAG 1.4.6) and every control
border, target outline and focus ring 3:1 against what surrounds it (WCAG
1.4.11), computed with the WCAG relative-luminance formula in
:mod:`kiosk.access.contrast`. Imports no Kivy.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Theme:
    """Colours by role, as ``#rrggbb``."""

    name: str
    background: str      # screen background
    text: str            # body text on the background
    button: str          # button face
    button_text: str     # text on a button face
    border: str          # button and field borders
    focus: str           # focus ring (keys) around the focused item
    target: str          # outline framing the practice target
    panel: str           # tip / replica page background
    panel_text: str      # text on a panel
    warning: str         # warning box background
    warning_text: str    # text on a warning box
    banner: str          # "Practice: nothing is sent" banner background
    banner_text: str     # text on the banner

    def colours(self) -> dict[str, str]:
        """Role -> colour, for every role."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "name"}


THEMES: dict[str, Theme] = {
    # Dark text on a light background: the default.
    "light": Theme(
        name="light",
        background="#FFFFFF",
        text="#111111",
        button="#0B3D91",
        button_text="#FFFFFF",
        border="#111111",
        focus="#C2410C",
        target="#B00020",
        panel="#F2F2F2",
        panel_text="#111111",
        warning="#FFF1B8",
        warning_text="#111111",
        banner="#111111",
        banner_text="#FFFFFF",
    ),
    # Light text on a dark background.
    "dark": Theme(
        name="dark",
        background="#121212",
        text="#F5F5F5",
        button="#2B2B2B",
        button_text="#FFFFFF",
        border="#F5F5F5",
        focus="#FFB74D",
        target="#FF8A80",
        panel="#1E1E1E",
        panel_text="#F5F5F5",
        warning="#3A2E00",
        warning_text="#FFF3C4",
        banner="#F5F5F5",
        banner_text="#121212",
    ),
    # Yellow on black: the high-contrast theme for low vision.
    "yellow": Theme(
        name="yellow",
        background="#000000",
        text="#FFFF00",
        button="#000000",
        button_text="#FFFF00",
        border="#FFFF00",
        focus="#FFFFFF",
        target="#00FFFF",
        panel="#000000",
        panel_text="#FFFF00",
        warning="#000000",
        warning_text="#FFFFFF",
        banner="#FFFF00",
        banner_text="#000000",
    ),
}

DEFAULT_THEME = "light"


def rgba(hex_colour: str, alpha: float = 1.0) -> tuple[float, float, float, float]:
    """``#rrggbb`` -> Kivy's ``(r, g, b, a)`` in 0..1."""
    h = hex_colour.lstrip("#")
    return (int(h[0:2], 16) / 255, int(h[2:4], 16) / 255, int(h[4:6], 16) / 255, alpha)
