"""Right-to-left text for a renderer that has no bidi algorithm (SDL2_ttf).

What the SDL2_ttf in Kivy's wheel does, seen on screen (the Arabic
screenshots): it shapes each Arabic word itself, joining the letters correctly
*from the logical order*, but lays the words out left to right. Pre-shaping
with ``arabic_reshaper`` breaks some letters (a final alef after a medial
letter), so the kiosk does not reshape.

So a line is prepared in two moves: the Unicode bidi algorithm (python-bidi's
reference implementation, which also mirrors brackets; paragraph direction
forced right to left) gives the visual order; then each run of Arabic letters is
put back in logical order for SDL's own shaping. Long text is wrapped on the *logical* text first, then each
line is reordered (kivy#8189). Speech always gets the logical text. Imports no
Kivy: the caller passes a ``measure`` function for the rendered width.
"""

from __future__ import annotations

from collections.abc import Callable

import re

from bidi.algorithm import get_display  # the reference implementation: it applies mirroring

_ARABIC_LETTERS = re.compile("[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+")
#: digits separated by spaces or dots ("0 00 00 00 00") stay one left-to-right number
_NUMBER_GROUP = re.compile(r"\d+(?:[ .]\d+)+")
_LRE, _PDF = "\u202a", "\u202c"


def display_line(line: str) -> str:
    """One logical line of right-to-left text -> the string to hand to SDL2_ttf."""
    line = _NUMBER_GROUP.sub(lambda m: f"{_LRE}{m.group(0)}{_PDF}", line)
    visual = get_display(line, base_dir="R").replace(_LRE, "").replace(_PDF, "")
    return _ARABIC_LETTERS.sub(lambda m: m.group(0)[::-1], visual)


def wrap_logical(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Split logical text into lines whose *display* form fits ``width``.

    Paragraph breaks (``\\n``) are kept. A single word wider than ``width`` gets
    a line of its own rather than being cut.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if current and measure(display_line(candidate)) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return lines


def display_text(text: str, width: float, measure: Callable[[str], float]) -> str:
    """Wrapped, reordered text ready for a left-to-right renderer, right aligned."""
    return "\n".join(display_line(line) for line in wrap_logical(text, width, measure))
