"""What the audit renders: the settings (language x theme x text size, seated, easy) and its result.

Pure data, no Kivy: the plan can be made, shared between processes and sorted
without a window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.access.profiles import TEXT_SCALES
from kiosk.access.rules import Violation

#: Screens on the contact sheet, in columns (the walkthrough: the first procedure's
#: first step, and its first step with a practice replica).
SHEET_COLUMNS = ("welcome", "language", "catalogue", "step", "replica", "finished", "help", "glossary", "idle")
#: Width of one screen's thumbnail on the contact sheet, in pixels.
THUMB_WIDTH = 320


@dataclass(frozen=True)
class Setting:
    """A language, theme, text size and profile to render every screen in."""

    lang: str
    theme: str
    scale: float
    seated: bool = False
    #: the easy-to-read profile: every step is shown page by page (one idea per page)
    easy: bool = False
    #: the switch profile: the screen is scanned (its highlight is drawn on the first stop)
    switch: bool = False

    def label(self) -> str:
        """How the contact sheet names this row: theme, text size, and "seated", "easy" or "switch" if so."""
        profile = (" seated" if self.seated else "") + (" easy" if self.easy else "") + (
            " switch" if self.switch else "")
        return f"{self.theme} {round(self.scale * 100)}%{profile}"


def settings(languages: Sequence[str], themes: Sequence[str], fast: bool) -> list[Setting]:
    """Every setting to render: each language x theme x text size, then the seated, easy and switch profiles.

    The seated profile moves targets but not colours, and the easy profile lays
    steps out page by page, so both are rendered in the default theme at each
    size; the switch profile draws its highlight, in the default theme at 100 %
    and the last (high-contrast) one above. ``fast`` keeps 100 % and 200 % only.
    """
    scales = (1.0, 2.0) if fast else TEXT_SCALES
    out = []
    for lang in languages:
        for scale in scales:
            for theme in themes:
                out.append(Setting(lang, theme, scale))
            out.append(Setting(lang, themes[0], scale, seated=True))
            out.append(Setting(lang, themes[0], scale, easy=True))
            out.append(Setting(lang, themes[-1] if scale > 1 else themes[0], scale, switch=True))
    return out


@dataclass
class Result:
    """What an audit found."""

    violations: list[Violation] = field(default_factory=list)
    screens_checked: int = 0
    #: per setting label (language first): the switch presses to the farthest item, and on which screen
    scan_steps: dict[str, tuple[int, str]] = field(default_factory=dict)
    seconds: float = 0.0
    sheets: list[Path] = field(default_factory=list)

    def scan_lines(self) -> list[str]:
        """Per profile, the switch presses to the farthest item of any screen.

        One line each: ``switch: max scan steps N on SCREEN``.
        """
        worst: dict[str, tuple[int, str, str]] = {}
        for label, (steps, screen) in self.scan_steps.items():
            words = label.split()
            profile = words[-1] if words[-1] in ("seated", "easy", "switch") else "standard"
            if steps > worst.get(profile, (-1, "", ""))[0]:
                worst[profile] = (steps, screen, label)
        return [f"{profile}: switch: max scan steps {steps} on {screen} ({label})"
                for profile, (steps, screen, label) in worst.items()]

    def summary(self) -> str:
        """The last line ``kiosk audit`` prints."""
        return f"{self.screens_checked} screens checked, {len(self.violations)} violations"
