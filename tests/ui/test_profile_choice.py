"""A visitor picks accessibility profiles on the welcome screen; the next visitor starts afresh."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.access.themes import DEFAULT_THEME, HIGH_CONTRAST_THEME, THEMES, rgba
from kiosk.testing.pilot import Pilot


def test_low_vision_makes_text_bigger_and_high_contrast_until_the_visit_ends(pilot: Pilot) -> None:
    style = pilot.ui.style
    body = pilot.find("body_label")
    normal_size = body.font_size
    assert (style.text_scale, style.theme_name) == (1.0, DEFAULT_THEME)

    pilot.tap("profile_low_vision")
    assert (style.text_scale, style.theme_name) == (1.5, HIGH_CONTRAST_THEME)
    assert body.font_size == pytest.approx(1.5 * normal_size)
    assert tuple(body.color) == pytest.approx(rgba(THEMES[HIGH_CONTRAST_THEME].text))
    button = pilot.find("profile_low_vision")
    assert button.selected and button.label == "Grand texte"
    assert pilot.spoken[-1] == "Grand texte: activé."

    pilot.tap("profile_low_vision")
    assert style.text_scale == 2.0 and button.label == "Très grand texte"
    assert pilot.find("body_label").font_size == pytest.approx(2 * normal_size)

    pilot.start_visit("fr")
    assert style.text_scale == 2.0 and style.theme_name == HIGH_CONTRAST_THEME  # kept through the visit

    pilot.end_visit()
    assert (style.text_scale, style.theme_name, style.seated) == (1.0, DEFAULT_THEME, False)
    assert pilot.services.visit.profiles == set()
    assert pilot.find("body_label").font_size == pytest.approx(normal_size)
    assert not pilot.find("profile_low_vision").selected
    assert pilot.find("profile_low_vision").label == "Texte plus grand"


def test_the_idle_reset_forgets_the_profiles_too(pilot: Pilot) -> None:
    config = pilot.services.config
    pilot.tap("profile_seated")
    pilot.tap("profile_low_vision")
    assert pilot.ui.style.seated and pilot.services.visit.profiles == {"seated", "low_vision"}
    pilot.tap("start_button")
    pilot.tap("language_en")
    pilot.advance(config.idle_delay_s + 1)
    assert pilot.overlay == "IdleWarning"
    pilot.advance(config.idle_warning_s)
    assert pilot.screen == "welcome" and pilot.overlay is None
    style = pilot.ui.style
    assert (style.text_scale, style.theme_name, style.seated) == (1.0, DEFAULT_THEME, False)
    assert pilot.services.visit.profiles == set()


def test_profiles_combine_and_have_keys(pilot: Pilot) -> None:
    pilot.press("f9")  # seated
    pilot.press("f10")  # easy
    pilot.press("f8")  # blind
    visit = pilot.services.visit
    assert visit.profiles == {"seated", "easy", "blind"}
    assert visit.explore_by_touch and visit.speech_mode and pilot.ui.style.seated
    assert all(pilot.find(f"profile_{p}").selected for p in ("seated", "easy", "blind"))
    assert not pilot.find("profile_low_vision").selected


def test_the_language_screen_offers_the_profiles_as_well(pilot: Pilot) -> None:
    pilot.tap("start_button")
    assert pilot.screen == "language"
    assert "Ce qui vous aide" in pilot.texts()
    pilot.tap("profile_low_vision")
    assert pilot.ui.style.text_scale == 1.5
    assert pilot.find("profile_low_vision").selected


def test_a_staff_preset_comes_back_for_every_visitor(config, shipped_content) -> None:
    with Pilot.run(config, content=shipped_content, profile="low_vision") as pilot:
        style = pilot.ui.style
        assert (style.text_scale, style.theme_name) == (1.5, HIGH_CONTRAST_THEME)
        pilot.toggle_profile("low_vision")
        pilot.toggle_profile("low_vision")  # the visitor switches it off
        assert style.text_scale == 1.0
        pilot.start_visit("en")
        pilot.end_visit()
        assert (style.text_scale, style.theme_name) == (1.5, HIGH_CONTRAST_THEME)
        assert pilot.find("profile_low_vision").selected


def test_seated_puts_the_buttons_within_reach_on_a_high_mounting(config, shipped_content) -> None:
    high = replace(config, screen=replace(config.screen, bottom_edge_mm=900))  # reach ends 220 mm up
    with Pilot.run(high, content=shipped_content) as pilot:
        style = pilot.ui.style
        pilot.start_visit("en")
        pane = pilot.find("catalogue_pane")
        assert pane.to_window(pane.x, pane.top)[1] > style.reach_high  # standing layout: out of reach
        pilot.tap("back_button")  # the profiles are on the language screen
        pilot.toggle_profile("seated")
        pilot.activate("language_en")
        assert pilot.screen == "catalogue"
        assert pane.to_window(pane.x, pane.top)[1] <= style.reach_high + 1
        for name in ("back_button", "help_button", "catalogue_pane_up", "catalogue_pane_down"):
            widget = pilot.find(name)
            assert widget.to_window(widget.x, widget.top)[1] <= style.reach_high + 1, name


def test_right_to_left_puts_the_scroll_buttons_on_the_left(pilot: Pilot) -> None:
    pilot.tap("start_button")
    pilot.tap("language_ar")
    pilot.ui.style.text_scale = 2.0
    pilot.settle()
    pane = pilot.find("catalogue_pane")
    assert pane.overflowing
    up, scroller = pilot.find("catalogue_pane_up"), pane.ids.scroller
    assert up.to_window(*up.center)[0] < scroller.to_window(*scroller.center)[0]
    pilot.ui.nav.set_language("fr")
    pilot.settle()
    assert up.to_window(*up.center)[0] > scroller.to_window(*scroller.center)[0]


@pytest.mark.parametrize(("lang", "cap_ratio"), [("fr", 0.668), ("ar", 0.714)])
def test_body_capitals_are_six_millimetres_at_100_percent(pilot: Pilot, lang: str, cap_ratio: float) -> None:
    pilot.ui.nav.set_language(lang)
    pilot.settle()
    style = pilot.ui.style
    body = pilot.find("body_label")
    assert body.font_size * cap_ratio / style.px_per_mm == pytest.approx(6.0, abs=0.01)
