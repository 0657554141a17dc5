"""Help explains the screen on show, in words and aloud; asked again, it calls a person."""

from __future__ import annotations

import pytest

import kiosk.flow.effects as fx
from kiosk.i18n import t
from kiosk.logbook import events as ev
from tests.flow.harness import Story, of


@pytest.mark.parametrize("screen", ["welcome", "language", "catalogue", "walkthrough", "finished"])
def test_help_explains_each_visitor_screen_on_screen_and_aloud(story: Story, screen: str) -> None:
    story.to_screen(screen, lang="ar")
    lang = story.lang
    effects = story.go("show_help")
    text = t(lang, f"help_{screen}")
    assert fx.OpenOverlay(fx.HELP, text=text) in effects
    assert story.flow.overlays == [fx.HELP]
    assert story.spoken[-1] == text and story.engine.spoken[-1].lang == lang


def test_help_in_the_easy_walkthrough_explains_its_pages(story: Story) -> None:
    story.go("toggle_profile", "easy")
    story.to_step("email", 1)
    story.go("show_help")
    assert story.spoken[-1] == t("en", "help_walkthrough_easy") != t("en", "help_walkthrough")


def test_help_on_a_staff_screen_is_for_staff_and_silent(story: Story) -> None:
    story.start("en")
    story.key("staff")
    said = len(story.spoken)
    effects = story.key("help")
    assert fx.OpenOverlay(fx.HELP, text=t("en", "help_staff")) in effects
    assert len(story.spoken) == said  # nothing staff do is said to the room


def test_the_help_key_pressed_again_calls_a_helper(story: Story) -> None:
    story.to_step("email", 3)
    story.key("help")
    assert ev.HelpCalled not in story.events
    effects = story.key("help")
    assert fx.Chime() in effects and ev.HelpCalled in story.events
    assert story.spoken[-1] == t("en", "helper_coming")
    assert story.flow.overlays == [fx.HELP]  # Help's words change; no second overlay


def test_the_help_key_on_the_welcome_screen_switches_speech_mode_on_first(story: Story) -> None:
    # A blind visitor's first key: the kiosk starts speaking, then explains the screen.
    story.key("help")
    assert story.visit.explore_by_touch
    assert story.spoken[-2:] == [t("fr", "speech_on"), t("fr", "help_welcome")]


def test_a_helper_called_on_a_step_hears_where_and_the_room_hears_the_chime(story: Story) -> None:
    story.to_step("email", 4)
    effects = story.go("call_helper")
    where = {"procedure_id": "email", "step_index": 3}
    assert fx.CallDesk(where) in effects and fx.Chime() in story.screen_effects
    assert fx.OpenOverlay(fx.HELP, text=t("en", "helper_coming")) in effects
    assert story.spoken[-1] == t("en", "helper_coming")
    desk = story.services.staff
    assert desk.calls_waiting == 1  # the badge
    calls = [line for line in story.journal if line["kind"] == "HelpCalled"]
    assert [(c["procedure_id"], c["step_index"]) for c in calls] == [("email", 3)]
    assert story.record["help_calls"] == 1 and story.record["help_call_steps"] == [["email", 3]]


def test_a_helper_called_outside_a_step_is_counted_with_no_step(story: Story) -> None:
    story.start("fr")
    story.go("call_helper")
    assert story.record["help_calls"] == 1 and story.record["help_call_steps"] == []
    assert story.journal[-1]["procedure_id"] is None


def test_a_kiosk_without_staff_mode_still_answers_a_call(make_story) -> None:
    story = make_story(staff=False)
    story.to_step("email", 1)
    effects = story.go("call_helper")
    assert not of(effects, fx.CallDesk)
    assert story.spoken[-1] == t("en", "helper_coming") and fx.Chime() in effects
    assert story.record["help_calls"] == 1


@pytest.mark.parametrize("how", ["call_helper", "help twice"])
def test_staff_mode_calls_nobody(story: Story, how: str) -> None:
    story.start("en")
    story.key("staff")
    if how == "help twice":
        story.key("help")
        effects = story.key("help")
    else:
        effects = story.key("call_helper")
    assert not of(effects, fx.CallDesk) and fx.Chime() not in effects
    assert story.services.staff.calls_waiting == 0 and ev.HelpCalled not in story.events


def test_help_asked_on_a_step_is_counted_on_that_step(story: Story) -> None:
    story.to_step("email", 2)
    effects = story.go("show_help")
    assert fx.Record(ev.HelpAsked, {"procedure_id": "email", "step_index": 1}) in effects
    story.go("back")  # Help closed
    story.go("next_step")
    steps = story.record["procedures"][0]["steps"]
    assert steps["help"][:3] == [0, 1, 0]
    assert story.record["help"] == 1


def test_help_on_the_welcome_screen_is_not_logged_before_the_visit(story: Story) -> None:
    story.go("show_help")
    story.go("back")
    assert story.events == []
    story.go("start_visit")
    assert story.record["help"] == 0


def test_help_and_repeat_on_staff_screens_are_not_counted_as_the_visitors(story: Story) -> None:
    story.to_step("email", 2)
    story.key("staff")  # staff come to the kiosk during the visit
    story.key("help")
    story.key("repeat")
    story.go("leave_staff")
    story.go("end_visit", "left")
    record = story.record
    email = record["procedures"][0]
    assert (record["help"], email["repeats"]) == (0, 0)
    assert record["autonomy"] == "autonomous"  # the visitor asked for nothing
