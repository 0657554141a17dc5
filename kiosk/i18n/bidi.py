"""Right-to-left text for Kivy's SDL2_ttf renderer, which has no bidi algorithm.

What the SDL2_ttf in Kivy's wheel does, seen on screen (the Arabic
screenshots): given ``font_direction='rtl'`` and
``font_script_name='Arab'``, HarfBuzz shapes Arabic from logical order, joins
the letters, mirrors brackets, and lays the *whole line* out right to left, so
Latin words and numbers come out reversed. Pre-shaping with ``arabic_reshaper``
breaks some letters (a final alef after a medial letter), so it is not used.

So a line is prepared in one move: the Unicode bidi algorithm (python-bidi,
paragraph direction right to left, no mirroring) gives the visual order, and
that order is handed over reversed, which HarfBuzz's right-to-left layout turns
back; Arabic runs reach it in logical order, Latin and digits reversed twice.
Long text is wrapped on the *logical* text first, then each line is reordered
(kivy#8189). Speech always gets the logical text. Imports no Kivy: the caller
passes a ``measure`` function for the rendered width.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bidi import get_display

#: what a right-to-left label must ask SDL2_ttf for (Kivy Label properties)
RTL_FONT_OPTIONS = {"font_direction": "rtl", "font_script_name": "Arab"}
LTR_FONT_OPTIONS = {"font_direction": "ltr", "font_script_name": "Latn"}


_RTL_LETTER = re.compile("[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]")


def has_rtl_letters(text: str) -> bool:
    """Whether ``text`` holds any Hebrew or Arabic letter (else it reads left to right)."""
    return bool(_RTL_LETTER.search(text))


#: a number written in groups ("0 805 805 817", "FR76 3000"): one left-to-right unit, or the bidi
#: algorithm puts its groups in right-to-left order (spaces between numbers take the paragraph's side)
_GROUPED_NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f]\d+)+")
#: a real site's French label quoted in an Arabic line: shown as on the site, « Mon compte » (the
#: glossary's sign "(؟)" may follow a term inside it: the label stays one unit, never split)
_FRENCH_QUOTE = re.compile(r"«(?:[^»\u0590-\u08FF]|\u061F)*»")
_LRI, _PDI = "\u2066", "\u2069"
#: what a line is never broken inside: a word, with a quoted French label or a grouped number it holds
_UNBREAKABLE = re.compile(rf"(?:{_FRENCH_QUOTE.pattern}|{_GROUPED_NUMBER.pattern}|\S)+")
_OPEN, _CLOSE = "([{«", ")]}»"
_SWAP = str.maketrans(_OPEN + _CLOSE, _CLOSE + _OPEN)


def _unmirror_left_to_right_pairs(visual: str) -> str:
    """Swap the brackets of pairs that read left to right, so the renderer's mirroring undoes it.

    HarfBuzz mirrors *every* bracket of a right-to-left line, which is right for
    brackets around Arabic and wrong around Latin ("(RecordingEngine)" came out
    as ")RecordingEngine("). python-bidi does not mirror, so in its visual order
    a left-to-right pair still reads "(...)" while a right-to-left pair reads
    ")...(": the first kind is swapped here and comes out right. A left-to-right
    pair holds no Arabic letter, so an Arabic letter ends every open bracket (the
    "(" of one Arabic pair must not meet the ")" of the next: "(RSA(").
    """
    chars = list(visual)
    stack: list[tuple[int, str]] = []
    for i, c in enumerate(chars):
        if _RTL_LETTER.match(c):
            stack.clear()
        elif c in _OPEN:
            stack.append((i, _CLOSE[_OPEN.index(c)]))
        elif c in _CLOSE and stack and stack[-1][1] == c:
            j, _ = stack.pop()
            chars[i], chars[j] = chars[i].translate(_SWAP), chars[j].translate(_SWAP)
    return "".join(chars)


def isolate_left_to_right(line: str) -> str:
    """``line`` with each quoted French label and each grouped number isolated left to right (LRI...PDI).

    Still logical text: for a renderer with its own bidi algorithm (fpdf2's), so
    « Mon compte » and 0 805 805 817 read as on the site inside an Arabic line.
    """
    isolate = lambda m: f"{_LRI}{m.group()}{_PDI}"  # noqa: E731
    return _GROUPED_NUMBER.sub(isolate, _FRENCH_QUOTE.sub(isolate, line))


def display_line(line: str) -> str:
    """One logical line of right-to-left text -> the string to hand to SDL2_ttf."""
    isolated = isolate_left_to_right(line)
    visual = get_display(isolated, base_dir="R").replace(_LRI, "").replace(_PDI, "")
    return _unmirror_left_to_right_pairs(visual)[::-1]


def wrap_logical(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Split logical text into lines whose *display* form fits ``width``.

    Paragraph breaks (``\\n``) are kept. A single word wider than ``width`` gets
    a line of its own rather than being cut. A quoted French label and a number
    in groups are never split (a label cut in two reads backwards: "de passe
    oublié »" above "« Mot").
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in _UNBREAKABLE.findall(paragraph):
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
