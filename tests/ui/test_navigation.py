"""The navigator: complete when built, screens entered by the screen manager, overlays on top."""

from __future__ import annotations

from kiosk.i18n import t
from kiosk.testing.pilot import Pilot
from kiosk.ui.context import Navigation
from kiosk.ui.navigator import Navigator


def test_the_navigator_class_does_everything_a_screen_may_ask() -> None:
    asked = {name for name in dir(Navigation) if not name.startswith("_")}
    assert {"show_help", "still_here", "next_step", "end_visit"} <= asked
    # On the class itself: nothing is attached to a navigator after it is built.
    assert sorted(name for name in asked if not hasattr(Navigator, name)) == []


def test_screens_and_overlays_share_one_navigator_and_style(pilot: Pilot) -> None:
    nav, style = pilot.ui.nav, pilot.ui.style
    pilot.tap("start_button")
    pilot.tap("language_en")
    pilot.tap("help_button")
    screens = pilot.app.root.screens
    assert [s.name for s in screens] == ["welcome", "language", "catalogue"]  # built when first shown
    assert all(s.nav is nav and s.style is style and s.services is pilot.services for s in screens)
    assert pilot.overlay == "HelpOverlay" and nav.top is nav.overlays[-1]
    assert nav.top.nav is nav and nav.top.style is style


def test_each_screen_is_announced_once_when_it_appears(pilot: Pilot) -> None:
    # The screen manager enters the first screen; nothing announces it a second time.
    assert pilot.spoken == [t("fr", "announce_welcome")]
    pilot.tap("start_button")
    assert pilot.spoken[1:] == [t("fr", "announce_language")]


def test_the_next_step_is_shown_and_announced_on_the_same_screen(pilot: Pilot) -> None:
    pilot.ui.nav.set_language("en")
    pilot.ui.nav.open_procedure("email")
    pilot.settle()
    screen = pilot.app.root.current_screen
    total = len(pilot.services.content.get("email").steps)
    said = len(pilot.spoken)
    pilot.tap("next_button")
    assert pilot.app.root.current_screen is screen  # the same screen, showing the next step
    assert f"Step 2 of {total}" in pilot.find("progress_label").logical
    assert len(pilot.spoken) == said + 1 and pilot.spoken[-1].startswith(f"Step 2 of {total}.")


def test_help_is_closed_by_back_and_the_end_of_a_visit_closes_every_overlay(pilot: Pilot) -> None:
    nav = pilot.ui.nav
    pilot.tap("help_button")
    assert pilot.overlay == "HelpOverlay"
    assert pilot.spoken[-1] == t("fr", "help_welcome")
    pilot.press("escape")
    assert pilot.overlay is None and pilot.screen == "welcome"
    pilot.tap("start_button")
    pilot.tap("help_button")
    nav.end_visit()
    pilot.settle()
    assert pilot.overlay is None and nav.overlays == [] and pilot.screen == "welcome"
