"""Overlays over the screen: Help, the glossary, the idle warning; Back closes the top one first."""

from __future__ import annotations

import pytest

import kiosk.flow.effects as fx
from kiosk.i18n import t
from tests.flow.harness import Story, of


def term(story: Story, words: str = "numéro allocataire"):  # noqa: ANN201 (kiosk.content.glossary.Entry)
    entry = story.services.content.glossary(story.lang).get(words)
    assert entry is not None
    return entry


@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_a_glossary_word_opens_its_explanation_and_says_it(story: Story, lang: str) -> None:
    story.to_step("caf_quarterly", 3, lang=lang)
    entry = term(story)
    effects = story.go("explain", entry)
    assert effects[0] == fx.OpenOverlay(fx.GLOSSARY, entry=entry, text=t(lang, "glossary_example"))
    assert story.flow.overlays == [fx.GLOSSARY]
    assert story.spoken[-1] == entry.spoken() and story.engine.spoken[-1].lang == lang


def test_back_closes_the_top_overlay_first_then_moves_the_screen(story: Story) -> None:
    story.to_step("caf_quarterly", 3)
    story.go("explain", term(story))
    story.key("help")  # Help over the explanation
    assert story.flow.overlays == [fx.GLOSSARY, fx.HELP]
    assert story.key("back")[-1] == fx.CloseOverlay(fx.HELP)
    assert story.key("back")[-1] == fx.CloseOverlay(fx.GLOSSARY)
    assert story.flow.overlays == [] and story.screen == "walkthrough" and story.visit.step_index == 2
    assert fx.StepBack() in story.key("back")


def test_help_asked_again_keeps_one_help_overlay(story: Story) -> None:
    story.start("en")
    story.go("show_help")
    effects = story.go("show_help")
    assert story.flow.overlays == [fx.HELP] and of(effects, fx.OpenOverlay)  # its words are given again


def test_an_overlay_closed_by_its_own_button_is_forgotten(story: Story) -> None:
    story.start("en")
    story.go("show_help")
    assert story.go("overlay_closed", fx.HELP) == []
    assert story.flow.overlays == []
    story.go("back")  # so Back moves the screen, not a closed overlay
    assert story.screen == "language"


def test_an_overlay_closed_twice_or_never_opened_is_harmless(story: Story) -> None:
    story.start("en")
    story.go("show_help")
    story.go("overlay_closed", fx.GLOSSARY)
    assert story.flow.overlays == [fx.HELP]
    story.go("overlay_closed", fx.HELP)
    story.go("overlay_closed", fx.HELP)
    assert story.flow.overlays == []


def test_the_welcome_screen_with_help_open_is_not_the_bare_welcome_screen(story: Story) -> None:
    story.go("show_help")
    assert story.go("back") == [fx.CloseOverlay(fx.HELP)] and story.screen == "welcome"
    story.go("show_help")
    story.go("overlay_closed", fx.HELP)
    assert story.go("back") == []


def test_the_end_of_a_visit_closes_every_overlay(story: Story) -> None:
    story.to_step("caf_quarterly", 3)
    story.go("explain", term(story))
    story.go("show_help")
    effects = story.go("end_visit", "left")
    assert effects[0] == fx.CloseOverlays() and story.flow.overlays == []


def test_staff_mode_closes_every_overlay(story: Story) -> None:
    story.to_step("caf_quarterly", 3)
    story.go("explain", term(story))
    effects = story.key("staff")
    assert fx.CloseOverlays() in effects and story.flow.overlays == []
    story.go("leave_staff")
    assert story.flow.overlays == []  # nothing comes back over the step


def test_the_idle_warning_goes_over_help_and_leaves_it_when_answered(story: Story) -> None:
    story.start("en")
    story.go("show_help")
    story.advance(story.services.config.idle_delay_s)
    assert story.flow.overlays == [fx.HELP, fx.IDLE]
    story.tap()
    assert story.flow.overlays == [fx.HELP]


def test_the_help_key_over_the_glossary_opens_help_rather_than_calling(story: Story) -> None:
    story.to_step("caf_quarterly", 3)
    story.go("explain", term(story))
    effects = story.key("help")
    assert not of(effects, fx.CallDesk) and story.flow.overlays == [fx.GLOSSARY, fx.HELP]
    assert story.spoken[-1] == t("en", "help_walkthrough")
