"""The accessibility audit: its rules, a screen made deliberately wrong, and the fast audit itself."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.access.rules import (
    Box,
    Case,
    check_reading,
    contrast_problem,
    gap_problem,
    reach_box_problem,
    target_size_problem,
)
from kiosk.config import KioskConfig
from kiosk.testing.pilot import Pilot
from kiosk.ui.audit import Auditor, Setting, TreeReader, settings, word_measurer

PX_PER_MM = 4.0


# -- the rules, on plain boxes and colours (no Kivy) ------------------------------------------


def mm_box(x: float, y: float, w: float, h: float) -> Box:
    return Box(x * PX_PER_MM, y * PX_PER_MM, w * PX_PER_MM, h * PX_PER_MM)


def test_target_size_rule() -> None:
    assert target_size_problem(mm_box(0, 0, 20, 20), main=False, px_per_mm=PX_PER_MM) is None
    assert "19.0 x 25.0 mm, needs at least 20 x 20 mm" in target_size_problem(
        mm_box(0, 0, 19, 25), main=False, px_per_mm=PX_PER_MM)
    assert "main action" in target_size_problem(mm_box(0, 0, 25, 40), main=True, px_per_mm=PX_PER_MM)


def test_gap_rule() -> None:
    a = mm_box(0, 0, 20, 20)
    assert gap_problem(a, mm_box(23, 0, 20, 20), PX_PER_MM) is None
    assert "only 1.0 mm" in gap_problem(a, mm_box(21, 0, 20, 20), PX_PER_MM)
    assert gap_problem(a, mm_box(10, 10, 20, 20), PX_PER_MM) == "overlaps another target"
    assert "only 2.8 mm" in gap_problem(a, mm_box(22, 22, 20, 20), PX_PER_MM)  # corner to corner
    assert gap_problem(a, mm_box(23, 23, 20, 20), PX_PER_MM) is None
    assert a.gap(mm_box(23, 24, 5, 5)) == pytest.approx(5 * PX_PER_MM)


def test_reach_rule() -> None:
    band = (0.0, 220 * PX_PER_MM)
    assert reach_box_problem(mm_box(0, 10, 30, 30), band, PX_PER_MM, 900) is None
    problem = reach_box_problem(mm_box(0, 200, 30, 30), band, PX_PER_MM, 900)
    assert "spans 1100-1130 mm above the floor, reach is 900-1120 mm" in problem


def test_contrast_rule() -> None:
    grey = (0x77 / 255, 0x77 / 255, 0x77 / 255, 1)
    assert "#777777 on #FFFFFF is 4.48:1, needs 7:1" in contrast_problem(grey, (1, 1, 1, 1), 7, "text")
    assert contrast_problem(grey, (1, 1, 1, 1), 3, "edge") is None


def test_a_case_reads_screen_language_theme_size() -> None:
    assert str(Case("catalogue", "ar", "dark", 2.0)) == "catalogue/ar/dark/200%"
    assert str(Case("help", "fr", "light", 1.5, seated=True)) == "help/fr/light/150%+seated"
    assert str(Case("welcome", "en", "light", 1.0, easy=True)) == "welcome/en/light/100%+easy"


def test_the_plan_covers_every_language_theme_size_and_the_seated_easy_and_switch_profiles() -> None:
    full = settings(("fr", "en", "ar"), ("light", "dark", "yellow"), fast=False)
    assert len(full) == 3 * 3 * (3 + 3)
    assert sum(s.seated for s in full) == 9
    assert sum(s.easy for s in full) == 9 and all(s.theme == "light" for s in full if s.easy)
    switch = [s for s in full if s.switch]  # the highlight in the default theme, and in yellow on black
    assert len(switch) == 9 and {s.theme for s in switch} == {"light", "yellow"}
    fast = settings(("fr", "en", "ar"), ("light", "dark", "yellow"), fast=True)
    assert {s.scale for s in fast} == {1.0, 2.0}


# -- the live widget tree: a screen made deliberately wrong ---------------------------------------


@pytest.fixture
def wrong_screen(pilot: Pilot):
    """A screen with a small button, pale text, a clipped label, a cut word, crowded and overlapping
    buttons, and Back and Next in left-to-right order."""
    from kivy.graphics import Color, Rectangle
    from kivy.uix.floatlayout import FloatLayout
    from kivy.uix.label import Label

    from kiosk.ui.widgets import BigButton, KioskLabel

    style = pilot.ui.style
    mm = style.mm
    root = FloatLayout(size=(1280, 720))
    with root.canvas.before:
        Color(*style.background)
        Rectangle(pos=root.pos, size=root.size)

    def place(widget, x: float, y: float, w: float, h: float | None = None):
        widget.size_hint = (None, None)
        widget.pos = (mm(x), mm(y))
        widget.width = mm(w)
        if h is not None:
            widget.height = mm(h)
        root.add_widget(widget)
        return widget

    place(BigButton(style=style, name="tiny_button", label="OK"), 10, 10, 12, None).min_height = 0
    pale = place(KioskLabel(style=style, name="pale_label", logical="Pale words"), 10, 150, 150)
    place(Label(text="A sentence far too long for its little box", font_size=mm(6), color=style.text,
                text_size=(mm(40), None)), 200, 150, 40, 5)  # clipped: fixed height, wrapped text
    place(KioskLabel(style=style, name="cut_label", logical="Inconstitutionnellement"), 200, 100, 30)
    place(BigButton(style=style, name="left_button", label="A", size_class="main"), 60, 10, 40)
    place(BigButton(style=style, name="right_button", label="B", size_class="main"), 101, 10, 40)
    place(BigButton(style=style, name="back_button", label="Back", size_class="main"), 160, 10, 40)
    place(BigButton(style=style, name="next_button", label="Next", size_class="main"), 180, 20, 40)
    pilot.settle_layout()
    pale.color = (0.6, 0.6, 0.6, 1)  # what a careless colour would do
    return root


def problems_on(root, style, seated_band=None, rtl=False) -> list[str]:
    reading = TreeReader(style, word_measurer()).read(root, tuple(style.background))
    found = check_reading(reading, style.px_per_mm, rtl, seated_band, 760)
    return [f"{widget}: {problem}" for widget, problem in found]


def test_the_audit_catches_each_kind_of_violation(pilot: Pilot, wrong_screen) -> None:
    style = pilot.ui.style
    found = problems_on(wrong_screen, style)
    text = "\n".join(found)

    def has(widget: str, words: str) -> bool:
        return any(line.startswith(widget) and words in line for line in found)

    assert has("tiny_button", "target is 12.0 x"), text
    assert has("pale_label", "text #999999 on #FFFFFF is 2.85:1, needs 7:1"), text
    assert has('Label "A sentence far too long', "text is clipped"), text
    assert has("cut_label", 'the word "Inconstitutionnellement" is wider than its box'), text
    assert has("left_button", "only 1.0 mm from right_button, needs 3 mm") or \
        has("right_button", "only 1.0 mm from left_button, needs 3 mm"), text
    assert has("back_button", "overlaps next_button") or has("next_button", "overlaps back_button"), text
    # in a right-to-left language Back belongs on the right
    assert any(line.startswith("back_button: is on the left of next_button") for line in
               problems_on(wrong_screen, style, rtl=True))
    # seated: a target above the band
    band = (0.0, style.mm(25))
    assert any("right_button: outside the seated reach band" in line for line in
               problems_on(wrong_screen, style, seated_band=band))


def test_a_correct_screen_passes(pilot: Pilot) -> None:
    auditor = Auditor(pilot, fast=True)
    auditor.apply(Setting("fr", "light", 1.0))
    pilot.ui.nav.go("catalogue")
    pilot.settle_layout()
    assert auditor.check_current(Case("catalogue", "fr", "light", 1.0)) == []


def test_seated_layout_keeps_every_target_in_reach_on_a_high_mounting(config: KioskConfig, shipped_content) -> None:
    high = replace(config, screen=replace(config.screen, bottom_edge_mm=900))  # reach: lowest 220 mm
    with Pilot.run(high, content=shipped_content) as pilot:
        auditor = Auditor(pilot, fast=True)
        nav = pilot.ui.nav
        auditor.apply(Setting("en", "light", 1.0, seated=False))
        nav.go("catalogue")
        pilot.settle_layout()
        standing = auditor.check_current(Case("catalogue", "en", "light", 1.0, seated=True))
        assert any("outside the seated reach band" in v.problem for v in standing)  # the usual layout
        result = auditor.run([Setting("en", "light", 1.0, seated=True), Setting("ar", "yellow", 2.0, seated=True)])
        assert result.violations == [], "\n".join(map(str, result.violations))


def test_a_layout_that_never_settles_is_reported(pilot: Pilot) -> None:
    from kivy.clock import Clock
    from kivy.uix.widget import Widget

    flickering = Widget(size_hint=(None, None), height=10)

    def flip(_dt: float) -> None:  # a height that changes at every frame, as a flickering pane's does
        flickering.height = 30 - flickering.height
        trigger()

    trigger = Clock.create_trigger(flip, 0)
    trigger()
    settle = pilot.settle_layout
    try:
        assert pilot.settle_layout(max_frames=10) == 0
        # Each screen waits 10 frames for the layout to settle (not 40): it never will here.
        pilot.settle_layout = lambda max_frames=10: settle(max_frames=min(max_frames, 10))
        result = Auditor(pilot, procedures=[]).run([Setting("fr", "light", 1.0)])  # the screens besides the steps
    finally:
        del pilot.settle_layout
        trigger.cancel()
    assert pilot.settle_layout() > 0
    unsettled = [v for v in result.violations if "the layout never settles" in v.problem]
    assert unsettled and unsettled[0].widget == "welcome"


@pytest.mark.timeout(600)  # every step and self-check of half the procedures, one language and size per test
@pytest.mark.parametrize(("lang", "scale", "half"), [("fr", 2.0, 0), ("fr", 2.0, 1), ("ar", 2.0, 0), ("ar", 2.0, 1)])
def test_every_step_of_every_procedure_passes_at_200_percent(
        pilot: Pilot, lang: str, scale: float, half: int) -> None:
    """Layout across all the content (the fast audit checks one procedure in every theme).

    Text size and language move things; a theme changes only colours. 200 % is
    where words wrap and panes grow: in French, the longest words, and in
    Arabic, right to left (the fast audits have English and Arabic at 100 % and
    200 % on their procedure; English is the shortest of the three). The whole
    audit (``kiosk audit``, every theme, size and the seated profile) takes
    minutes; this is its layout half.
    """
    everyone = [p.id for p in pilot.services.content.procedures]
    # Two tests share the modules (they run side by side); each module's first self-check task: the
    # others are drawn by the same page (every one is in ``kiosk audit``, and typed into by the privacy test).
    auditor = Auditor(pilot, procedures=everyone[half::2], every_check=False)
    result = auditor.run([Setting(lang, "light", scale)])
    assert len(auditor.procedures) == len(everyone[half::2]) > 10
    assert result.violations == [], "\n".join(map(str, result.violations[:20]))
