"""How far a text's ink reaches above and below its baseline, shaped as SDL2_ttf shapes it (HarfBuzz).

Noto Sans Arabic declares a line box of 2.112 em (ascent 1.374, descent 0.738)
so that the rarest stacks of marks fit; most Arabic text inks far less (the
catalogue's titles stay within 0.94 em above and 0.42 em below the baseline).
:class:`kiosk.ui.widgets.text.KioskLabel` uses these figures to fit an Arabic
label's lines to the ink they really hold. No Kivy here: uharfbuzz reads the
font file itself.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import uharfbuzz as hb


class Ink(NamedTuple):
    """A text's ink and its font's line box, in em (up positive, so ``bottom`` and ``descender`` are negative)."""

    top: float
    bottom: float
    ascender: float
    descender: float


@lru_cache(maxsize=8)
def _font(path: str) -> tuple[hb.Font, float, float, float]:
    """The HarfBuzz font for ``path``, its units per em, ascender and descender (font units)."""
    face = hb.Face(hb.Blob.from_file_path(path))
    font = hb.Font(face)
    extents = font.get_font_extents("ltr")
    return font, float(face.upem), float(extents.ascender), float(extents.descender)


@lru_cache(maxsize=4096)  # the texts of a few screens in Arabic; shaping one costs about 0.1 ms
def ink_extents(path: str, text: str) -> Ink:
    """How high above and how low below the baseline ``text``'s glyphs ink, in the font at ``path``.

    The whole text is shaped as one run, so marks sit where the shaper puts them;
    a text with no ink (spaces) reports the font's own line box.
    """
    font, upem, ascender, descender = _font(path)
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {})
    top, bottom = -float("inf"), float("inf")
    for info, position in zip(buffer.glyph_infos or (), buffer.glyph_positions or (), strict=True):  # None when empty
        extents = font.get_glyph_extents(info.codepoint)
        if extents is None or extents.height == 0:
            continue
        # y_bearing is the glyph's top; height is negative (down), both from the pen at y_offset
        top = max(top, extents.y_bearing + position.y_offset)
        bottom = min(bottom, extents.y_bearing + extents.height + position.y_offset)
    if top == -float("inf"):
        top, bottom = ascender, descender
    return Ink(top / upem, bottom / upem, ascender / upem, descender / upem)


#: every letter of the Arabic alphabet (abjad order): its ink, from alef-hamza's top (0.94 em in Noto
#: Sans Arabic) to yeh's tail (0.42 em down), is the least box a line gets
ALPHABET = "أبجد هوز حطي كلمن سعفص قرشت ثخذ ضظغ"


def line_ink(path: str, text: str) -> Ink:
    """The ink box ``text``'s lines need: the alphabet's, grown for any taller mark or deeper tail in ``text``.

    Never less than the alphabet's, so every line's baseline sits at the same
    height in its box (rows of labels line up, a word centred in a button sits
    where it did), whether or not the word has a tall letter or a tail.
    """
    own, alphabet = ink_extents(path, text), ink_extents(path, ALPHABET)
    return own._replace(top=max(own.top, alphabet.top), bottom=min(own.bottom, alphabet.bottom))
