"""The WCAG contrast formula against known pairs, and every theme against our minimums."""

from __future__ import annotations

import pytest

from kiosk.access.contrast import NON_TEXT_MIN, TEXT_MIN, luminance, ratio, ratio_rgba, to_hex
from kiosk.access.themes import CONTRAST_PAIRS, DEFAULT_THEME, HIGH_CONTRAST_THEME, THEMES, Theme, contrast_failures


@pytest.mark.parametrize(
    ("foreground", "background", "expected"),
    [
        ("#000000", "#FFFFFF", 21.0),
        ("#FFFFFF", "#FFFFFF", 1.0),
        ("#777777", "#FFFFFF", 4.48),  # the classic just-fails-AA grey
        ("#767676", "#FFFFFF", 4.54),  # the lightest grey that passes AA on white
        ("#595959", "#FFFFFF", 7.0),   # the lightest grey that passes AAA on white
        ("#FFFF00", "#000000", 19.56),
        ("#0000FF", "#FFFFFF", 8.59),
        ("#FF0000", "#FFFFFF", 4.0),
    ],
)
def test_ratio_matches_known_pairs(foreground: str, background: str, expected: float) -> None:
    assert ratio(foreground, background) == pytest.approx(expected, abs=0.01)
    assert ratio(background, foreground) == pytest.approx(expected, abs=0.01)  # order does not matter


def test_luminance_ends_and_hex_forms() -> None:
    assert luminance("#000000") == 0.0
    assert luminance("#FFFFFF") == pytest.approx(1.0)
    assert luminance("ffffff") == luminance("#FFFFFF")


def test_kivy_colours_and_translucency() -> None:
    white, black = (1, 1, 1, 1), (0, 0, 0, 1)
    assert ratio_rgba(black, white) == pytest.approx(21.0)
    # half-transparent black over white is seen as mid grey
    assert ratio_rgba((0, 0, 0, 0.5), white) == pytest.approx(ratio("#808080", "#FFFFFF"), abs=0.05)
    assert ratio_rgba((0, 0, 0, 0), white) == pytest.approx(1.0)
    assert to_hex((1, 1, 0, 1)) == "#FFFF00"


def test_at_least_three_themes_dark_on_light_light_on_dark_yellow_on_black() -> None:
    def light(hex_colour: str) -> bool:
        return luminance(hex_colour) > 0.5

    kinds = {(light(t.text), light(t.background)) for t in THEMES.values()}
    assert (False, True) in kinds and (True, False) in kinds  # dark on light, light on dark
    yellow = THEMES[HIGH_CONTRAST_THEME]
    assert (yellow.text, yellow.background) == ("#FFFF00", "#000000")
    assert DEFAULT_THEME in THEMES and len(THEMES) >= 3


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_theme_meets_seven_to_one_for_text_and_three_to_one_for_the_rest(name: str) -> None:
    theme = THEMES[name]
    assert contrast_failures(theme) == []
    colours = theme.colours()
    for foreground, background, minimum, _ in CONTRAST_PAIRS:
        assert minimum in (TEXT_MIN, NON_TEXT_MIN)
        assert ratio(colours[foreground], colours[background]) >= minimum


def test_a_button_face_is_told_apart_from_the_screen_by_face_or_border() -> None:
    for theme in THEMES.values():
        face = ratio(theme.button, theme.background)
        border = ratio(theme.border, theme.background)
        assert max(face, border) >= NON_TEXT_MIN, theme.name


def test_a_failing_theme_is_reported_in_words() -> None:
    bad = Theme(**{**THEMES["light"].__dict__, "name": "bad", "text": "#777777", "focus": "#EEEEEE"})
    failures = contrast_failures(bad)
    assert any("body text" in f and "#777777" in f and "4.48:1, needs 7:1" in f for f in failures)
    assert any("focus ring on the screen" in f for f in failures)
