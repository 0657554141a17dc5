"""Arabic lines are as tall as their ink, not the font's 2.112 em line box: nothing cut, lines never touch."""

from __future__ import annotations

import pytest

from kiosk.testing.pilot import Pilot

#: the shipped texts with the tallest stack of marks (shadda and kasra, 1.23 em up) and the deepest
#: (kasra under a tail, 0.57 em down), and the catalogue's plain titles
STACKED = "التعرّف على موقع مقلِّد جِد ملفًا محمّلًا، وغيّر اسمه، ورتّبه في مجلّد"
PLAIN = "الخطوات الأولى مع الشاشة اللمسية حوالي 15 دقيقة"


def _drawn(pilot: Pilot, text: str, ems: float):  # noqa: ANN202
    """A kiosk label of ``text`` in Arabic, drawn in the window ``ems`` body sizes wide; removed by the caller."""
    from kivy.core.window import Window

    from kiosk.ui.widgets import KioskLabel

    width = ems * pilot.ui.style.font_px("body", "KioskArabic")
    label = KioskLabel(style=pilot.ui.style, logical=text, lang="ar", size_hint_x=None, width=width)
    Window.add_widget(label)
    pilot.settle()
    return label


def _ink(texture) -> int:  # noqa: ANN001
    """The texture's ink: the sum of its pixels' opacity."""
    return sum(texture.pixels[3::4])


def _ink_in_full_line_boxes(label) -> int:  # noqa: ANN001
    """The ink of ``label``'s lines drawn as Kivy draws them by default: each in the font's whole line box."""
    from kivy.core.text import Label as CoreLabel

    from kiosk.i18n.bidi import RTL_FONT_OPTIONS

    core = CoreLabel(text=label.text, font_name=label.font_name, font_size=label.font_size, bold=label.bold,
                     text_size=label.text_size, halign=label.halign, padding=(0, 0, 0, 0), **RTL_FONT_OPTIONS)
    core.refresh()
    return _ink(core.texture)


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_stacked_marks_are_never_cut_and_lines_never_touch(pilot: Pilot, scale: float) -> None:
    from kivy.core.window import Window

    pilot.ui.style.text_scale = scale
    label = _drawn(pilot, STACKED, 10)
    try:
        lines = label.text.count("\n") + 1
        assert lines >= 3  # wrapped: the marks of one line face the tails of the next
        assert label.height == label.texture_size[1]
        # Lines drawn closer: the same ink as in the font's whole line boxes, so no mark was cut at an
        # edge and no line's box drew over the tails of the line above (SDL blits each line as a block)
        assert label.line_height < 1
        assert _ink(label.texture) == _ink_in_full_line_boxes(label)
    finally:
        Window.remove_widget(label)


def test_plain_arabic_lines_take_far_less_than_the_fonts_line_box(pilot: Pilot) -> None:
    from kivy.core.window import Window

    from kiosk.ui.widgets.text import primed_rtl_label

    pilot.ui.style.text_scale = 2.0
    label = _drawn(pilot, PLAIN, 12)
    try:
        box = primed_rtl_label(label.font_name, label.font_size, label.bold).get_extents("\u0627")[1]
        lines = label.text.count("\n") + 1
        assert lines >= 2
        pad = pilot.ui.style.mm(1) * 2
        # was exactly lines x box (129 px a line at 200 % on the 1920x1080 panel)
        assert label.height - pad < 0.75 * lines * box
        assert _ink(label.texture) == _ink_in_full_line_boxes(label)
    finally:
        Window.remove_widget(label)


def test_every_arabic_word_sits_on_the_same_baseline_in_a_box_of_the_same_height(pilot: Pilot) -> None:
    from kivy.core.window import Window

    labels = [_drawn(pilot, word, 10) for word in ("رجوع", "مساعدة", "أإ", "ما")]
    try:
        assert len({label.height for label in labels}) == 1  # a word centred in a button sits where its neighbours do
    finally:
        for label in labels:
            Window.remove_widget(label)
