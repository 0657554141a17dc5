"""Colour themes as data: colours by role, checked for contrast in the tests.

Every text/background pair must reach 7:1 (WCAG 1.4.6) and every control
border, target outline and focus ring 3:1 against what surrounds it (WCAG
1.4.11), computed with the WCAG relative-luminance formula in
:mod:`kiosk.access.contrast`. Imports no Kivy.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from kiosk.access.contrast import NON_TEXT_MIN, TEXT_MIN, ratio


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
    scan: str            # switch highlight, outer band (against the screen)
    scan_inner: str      # switch highlight, inner band (against the item): one band always stands out
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
        scan="#111111",
        scan_inner="#FFD600",
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
        scan="#FFFFFF",
        scan_inner="#000000",
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
        scan="#FFFFFF",
        scan_inner="#0000CC",
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
#: The theme the low-vision profile switches to.
HIGH_CONTRAST_THEME = "yellow"

#: Every pair of roles that meet on screen: (foreground, background, minimum, what it is).
CONTRAST_PAIRS: tuple[tuple[str, str, float, str], ...] = (
    # text, 7:1 (a pressed button swaps face and text: the same pair)
    ("text", "background", TEXT_MIN, "body text"),
    ("button_text", "button", TEXT_MIN, "button label and pictogram"),
    ("panel_text", "panel", TEXT_MIN, "text on a panel or replica page"),
    ("warning_text", "warning", TEXT_MIN, "text in a warning box"),
    ("banner_text", "banner", TEXT_MIN, "practice banner text"),
    # borders, outlines, focus ring, against what surrounds them, 3:1
    ("border", "background", NON_TEXT_MIN, "button border on the screen"),
    ("border", "panel", NON_TEXT_MIN, "button or field border on a panel"),
    ("border", "warning", NON_TEXT_MIN, "button border in a warning box"),
    ("focus", "background", NON_TEXT_MIN, "focus ring on the screen"),
    ("focus", "panel", NON_TEXT_MIN, "focus ring on a panel"),
    ("focus", "warning", NON_TEXT_MIN, "focus ring in a warning box"),
    ("target", "background", NON_TEXT_MIN, "practice target outline on the screen"),
    ("target", "panel", NON_TEXT_MIN, "practice target outline on a replica page"),
    ("panel_text", "background", NON_TEXT_MIN, "panel frame"),
    ("warning_text", "background", NON_TEXT_MIN, "warning box frame"),
    ("banner", "background", NON_TEXT_MIN, "practice banner edge"),
)


#: The switch highlight: its two bands, each this thick (4.5 mm in all, at least 4 mm needed).
SCAN_BAND_MM = 2.25
#: What the switch highlight is drawn over or around: one of its two bands stands out 3:1 from each.
SCAN_SURFACES = ("background", "panel", "warning", "button", "banner", "text")


def scan_failures(theme: Theme) -> list[str]:
    """The switch highlight's bands: distinct from each other, and one of them 3:1 against every surface."""
    colours = theme.colours()
    failures = []
    if ratio(theme.scan, theme.scan_inner) < NON_TEXT_MIN:
        failures.append(f"{theme.name}: switch highlight bands {theme.scan} and {theme.scan_inner} "
                        f"are {ratio(theme.scan, theme.scan_inner):.2f}:1, need {NON_TEXT_MIN:g}:1")
    for surface in SCAN_SURFACES:
        best = max(ratio(theme.scan, colours[surface]), ratio(theme.scan_inner, colours[surface]))
        if best < NON_TEXT_MIN:
            failures.append(f"{theme.name}: switch highlight on {surface} {colours[surface]} is {best:.2f}:1 "
                            f"at best, needs {NON_TEXT_MIN:g}:1")
    return failures


def contrast_failures(theme: Theme) -> list[str]:
    """Each role pair of ``theme`` below its minimum, worded for a person (empty: all pass)."""
    colours = theme.colours()
    failures = scan_failures(theme)
    for fg, bg, minimum, what in CONTRAST_PAIRS:
        value = ratio(colours[fg], colours[bg])
        if value < minimum:
            failures.append(f"{theme.name}: {what}: {fg} {colours[fg]} on {bg} {colours[bg]} "
                            f"is {value:.2f}:1, needs {minimum:g}:1")
    return failures


def rgba(hex_colour: str, alpha: float = 1.0) -> tuple[float, float, float, float]:
    """``#rrggbb`` -> Kivy's ``(r, g, b, a)`` in 0..1."""
    h = hex_colour.lstrip("#")
    return (int(h[0:2], 16) / 255, int(h[2:4], 16) / 255, int(h[4:6], 16) / 255, alpha)
