"""Text that reads right to left when it must, and marks glossary terms: :class:`KioskLabel`.

Its font, size and colours come from the shared style; its size rule is in
``text.kv`` beside this module.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from kivy.core.text import Label as CoreLabel
from kivy.lang import Builder
from kivy.properties import (
    BooleanProperty,
    ListProperty,
    NumericProperty,
    ObjectProperty,
    OptionProperty,
    StringProperty,
)
from kivy.uix.label import Label

from kiosk.i18n import is_rtl
from kiosk.i18n.bidi import LTR_FONT_OPTIONS, RTL_FONT_OPTIONS, display_text, has_rtl_letters
from kiosk.i18n.marking import marked_ltr, marked_rtl
from kiosk.ui.style import follow_style, font_for
from kiosk.ui.widgets.ink import line_ink

#: room kept between an Arabic line's ink and the next line's, or the label's padding, in em
#: (antialiasing, and the synthetic bold of titles: the Arabic font has no bold face)
INK_MARGIN_EM = 0.06


class KioskLabel(Label):
    """Text set through ``logical`` (what is spoken); drawn right to left when needed.

    SDL2_ttf has no bidi algorithm, so in a right-to-left language the label wraps
    the logical text itself and reorders each line (:mod:`kiosk.i18n.bidi`).
    """

    style = ObjectProperty(None, allownone=True)
    logical = StringProperty("")
    role = OptionProperty("body", options=["body", "title", "heading"])
    align = OptionProperty("start", options=["start", "center", "end"])
    colour_role = StringProperty("text")
    name = StringProperty("")
    #: the language of this text when it differs from the screen's (a language's own name)
    lang = StringProperty("")
    #: a glossary (:class:`kiosk.content.glossary.Glossary`) whose terms this text marks: underlined, with a sign
    glossary = ObjectProperty(None, allownone=True)
    #: the glossary terms marked in the text as drawn, in order (for reading the screen)
    marked_terms = ListProperty([])
    #: no blank padding above the first line or below the last (a heading whose box spaces it)
    line_only = BooleanProperty(False)
    #: blank font box cut above the first line and below the last (pixels; Arabic only, see ``_fit_to_ink``)
    trim_top = NumericProperty(0.0)
    trim_bottom = NumericProperty(0.0)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.fbind("logical", self._refresh)
        self.fbind("width", self._refresh)
        self.fbind("align", self._refresh)
        self.fbind("role", self._refresh)
        self.fbind("colour_role", self._refresh)
        self.fbind("lang", self._refresh)
        self.fbind("glossary", self._refresh)
        follow_style(self, "_refresh", "body", "rtl", "font_name", "text", "theme_name")

    def _refresh(self, *_: object) -> None:
        style = self.style
        if style is None:
            self.text = self.logical
            return
        lang = self.lang or style.lang
        # Text with no right-to-left letter (an address, a number) reads left to right
        # even on an Arabic screen; it is still aligned like the rest of the screen.
        rtl = is_rtl(lang) and has_rtl_letters(self.logical)
        self.font_name = font_for(lang)
        self.font_size = style.font_px(self.role, self.font_name)
        self.bold = self.role != "body"
        self.color = getattr(style, self.colour_role)
        width = max(self.width - self.padding[0] - self.padding[2], 1)
        self.text_size = (width, None)
        sides = ("right", "left") if style.rtl else ("left", "right")
        self.halign = {"start": sides[0], "center": "center", "end": sides[1]}[self.align]
        font_options = RTL_FONT_OPTIONS if rtl else LTR_FONT_OPTIONS
        for key, value in font_options.items():
            setattr(self, key, value)
        shown = self.logical if rtl else keep_together(self.logical)  # same length: glossary spans still fit
        matches = self.glossary.find(self.logical) if self.glossary is not None and self.logical else []
        firsts: dict[str, object] = {}
        for match in matches:  # a term is marked where it first occurs (the sign once is enough)
            firsts.setdefault(match.entry.term, match)
        matches = list(firsts.values())
        if matches:
            self._set_lines(1.0, 0.0, 0.0)
            self._draw_marked(matches, rtl, width)
            return
        self.marked_terms = []
        self.markup = False
        if rtl and self.logical:
            measurer = primed_rtl_label(self.font_name, self.font_size, self.bold)
            self.text = display_text(self.logical, width, lambda s: measurer.get_extents(s)[0])
            self._set_lines(*self._fit_to_ink(measurer))
        else:
            self.text = shown
            self._set_lines(1.0, 0.0, 0.0)

    def _set_lines(self, line_height: float, trim_top: float, trim_bottom: float) -> None:
        """Line pitch and trims (Kivy lays the text out again only for a value that changed)."""
        self.line_height, self.trim_top, self.trim_bottom = line_height, trim_top, trim_bottom

    def _fit_to_ink(self, measurer: CoreLabel) -> tuple[float, float, float]:
        """Line pitch, top and bottom trims: lines as tall as their ink, not Noto Sans Arabic's 2.112 em box.

        At 200 % an Arabic line took 129 px where its ink needs about 85: the catalogue
        showed two cards where French shows four. The ink is measured on the text itself
        (:func:`~kiosk.ui.widgets.ink.line_ink`: never less than the alphabet's), so a text
        with tall marks keeps the room they need: lines never touch, nothing is cut at the
        label's edges, and the baseline sits at the same height in every label.
        """
        path = measurer.options.get("font_name_r")
        if not path:  # not resolved (never drawn): keep the font's own line box
            return 1.0, 0.0, 0.0
        ink = line_ink(path, self.logical)
        box = measurer.get_extents("\u0627")[1]  # SDL2_ttf's line box in pixels (ascent + descent)
        ascent = box * ink.ascender / (ink.ascender - ink.descender)
        above = (ink.top + INK_MARGIN_EM) * self.font_size
        below = (INK_MARGIN_EM - ink.bottom) * self.font_size
        return min(1.0, (above + below) / box), max(0.0, ascent - above), max(0.0, box - ascent - below)

    def _draw_marked(self, matches: list, rtl: bool, width: float) -> None:
        """The text with its glossary terms underlined and signed (Kivy markup, either direction)."""
        spans = [(m.start, m.end) for m in matches]
        self.markup = True
        if rtl:
            measurer = primed_rtl_label(self.font_name, self.font_size, self.bold)
            self.text, marked = marked_rtl(self.logical, spans, width, lambda s: measurer.get_extents(s)[0])
        else:
            self.text, marked = marked_ltr(keep_together(self.logical), spans), spans
        self.marked_terms = [m.entry.term for m in matches if (m.start, m.end) in marked]

    def texture_update(self, *largs: object) -> None:
        """Lay out and draw the text, or take the same text already drawn from :data:`TEXTURES`.

        Right-to-left lines are measured as they are drawn.
        """
        core = self._label
        if not core.text.strip() or core.__class__ is not CoreLabel:
            self._draw(*largs)
            return
        key = texture_key(core)
        texture = TEXTURES.get(key)
        if texture is not None:
            self.texture = texture
            self.texture_size = list(texture.size)
            self.is_shortened = False
            return
        self._draw(*largs)
        texture = self.texture
        if texture is None or texture is core.texture_1px or self.is_shortened:
            return
        # Kivy fills a label's texture when it is first drawn: kept then, if the text is still
        # the same (a label laid out at a passing width is never drawn, nor kept).
        texture.ask_update(partial(_fill_and_keep, core, key))

    def _draw(self, *largs: object) -> None:
        if self.font_direction == "rtl" and self.text:
            primed_rtl_label(self.font_name, self.font_size, self.bold)
        super().texture_update(*largs)


#: a space that must not break a line: inside « » and before French ? ! : ; (a lone » or ? never starts one)
_UNBREAKABLE = re.compile(r"(?<=«) | (?=[»?!:;])")


def keep_together(text: str) -> str:
    """``text`` with the spaces inside « » and before ? ! : ; made non-breaking (one for one: same length)."""
    return _UNBREAKABLE.sub("\u00a0", text) if " " in text else text


def _fill_and_keep(core: CoreLabel, key: tuple[Any, ...], texture: Any) -> None:
    """Draw ``core``'s text into ``texture`` (as Kivy does), then share it in :data:`TEXTURES`.

    The core label then starts a new texture for its next text, so this one stays as drawn.
    """
    core._texture_fill(texture)
    if texture_key(core) != key:  # changed since it was laid out: Kivy lays it out again
        return
    if core.texture is texture:
        core.texture = None
    TEXTURES.put(key, texture)


def _frozen(value: Any) -> Any:
    """``value`` made hashable: lists to tuples, dicts to sorted item tuples."""
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    return value


#: core label options that do not change the pixels, or are copies that may be stale (``text``,
#: ``text_size``, and ``font_name_r``: the file of ``font_name``, resolved only when drawing)
_NOT_PIXELS = frozenset({"text", "text_size", "mipmap", "font_name_r"})


def texture_key(core: CoreLabel) -> tuple[Any, ...]:
    """Everything that decides a core label's pixels: text, box, font, size, colour, alignment, direction..."""
    options = tuple(sorted((k, _frozen(v)) for k, v in core.options.items() if k not in _NOT_PIXELS))
    return core.text, _frozen(core.usersize), options


class TextureCache:
    """Drawn label textures shared by every label, least recently used dropped past a byte budget.

    Drawing text is most of what a screen change costs in software rendering
    (SDL2_ttf at 1920x1080, several ms a label); the same texts come back at
    every visit (buttons, titles, the steps of a procedure). A texture is never
    drawn into again once cached, so labels may share it.
    """

    def __init__(self, budget_bytes: int) -> None:
        self.budget = budget_bytes
        self.used = 0
        self._textures: OrderedDict[tuple[Any, ...], Any] = OrderedDict()

    def __len__(self) -> int:
        return len(self._textures)

    def get(self, key: tuple[Any, ...]) -> Any:
        """The texture drawn for ``key``, or None."""
        texture = self._textures.get(key)
        if texture is not None:
            self._textures.move_to_end(key)
        return texture

    def put(self, key: tuple[Any, ...], texture: Any) -> None:
        """Keep ``texture`` for ``key``, dropping the least recently used over the budget."""
        if key in self._textures:
            return
        self._textures[key] = texture
        self.used += _bytes(texture)
        while self.used > self.budget and len(self._textures) > 1:
            _key, dropped = self._textures.popitem(last=False)
            self.used -= _bytes(dropped)

    def clear(self) -> None:
        """Forget every texture (labels on show keep theirs)."""
        self._textures.clear()
        self.used = 0


def _bytes(texture: Any) -> int:
    width, height = texture.size
    return width * height * 4


#: label textures of the whole kiosk: 16 MiB holds the texts of a few screens at 200 %. Each kept
#: text costs more than its pixels: the label draws its next text into a new texture where Kivy
#: would reuse the old one, and the heap keeps the freed ones (bench/memory.py: about 100 MiB more
#: resident memory than without the cache, level over hundreds of screen changes).
TEXTURES = TextureCache(16 * 2**20)


def primed_rtl_label(font_name: str, font_size: float, bold: bool) -> CoreLabel:
    """A right-to-left core label for this font, size and weight, its cached font primed.

    Kivy caches one SDL2_ttf font per name, size and style, and sets its direction
    only when it draws: a width measured before the first right-to-left drawing at
    that size comes out unshaped (about a fifth too wide), which right-aligns lines
    short of the edge and wraps them early. Drawing one letter first fixes it; it is
    done each time, as a left-to-right label may have drawn with that font since.
    The core label is kept per font, size and weight: a new one at every refresh
    left a texture and an SDL surface for the garbage collector each time.
    """
    label = _rtl_label(font_name, font_size, bold)
    label.text = "\u0627"
    label.refresh()  # lays the letter out (measures only)
    label.render(real=True)  # draws it: this is what sets the cached font's direction
    return label


@lru_cache(maxsize=32)  # two fonts x three text sizes x title or body, bold or not
def _rtl_label(font_name: str, font_size: float, bold: bool) -> CoreLabel:
    return CoreLabel(font_name=font_name, font_size=font_size, bold=bold, **RTL_FONT_OPTIONS)


Builder.load_file(str(Path(__file__).with_name("text.kv")))
