"""Staff mode: ways in (key, corner taps, a held key), ways out, handing a visit over, exiting the kiosk."""

from __future__ import annotations

import pytest

import kiosk.flow.effects as fx
from kiosk.flow import Launch
from kiosk.i18n import t
from kiosk.logbook import events as ev
from tests.flow.harness import TICK_S, Story, of


def corner_taps(story: Story, times: list[float], on_item: bool = True) -> list[fx.Effect]:
    """Taps in the staff corner at these seconds from now; the effects of each tap, all together."""
    start, effects = story.clock.now, []
    for at in times:
        story.clock.now = start + at
        effects += story.tap(corner=True, on_item=on_item)
    return effects


def test_the_staff_key_opens_the_pin_screen_and_the_room_hears_nothing(story: Story) -> None:
    story.start("en")
    story.go("show_help")
    effects = story.key("staff")
    assert story.screen == "staff_pin" and story.in_staff
    assert fx.CloseOverlays() in effects and fx.StopSpeech() in effects and story.flow.overlays == []
    assert story.spoken[-1] == t("en", "help_catalogue")  # nothing said since
    assert story.go("enter_staff") == []  # already open


def test_three_corner_taps_within_two_seconds_open_staff_mode_after_the_tap(story: Story) -> None:
    story.start("en")
    effects = corner_taps(story, [0.0, 0.8, 1.6])
    assert of(effects, fx.Later) == [fx.Later("enter_staff")]
    assert story.screen == "catalogue"  # the third tap does its own work first
    story.run_later()
    assert story.screen == "staff_pin"


@pytest.mark.parametrize("times", [[0.0, 1.0], [0.0, 1.0, 2.0], [0.0, 2.5, 5.0]], ids=["two", "slow", "slower"])
def test_two_taps_or_slow_taps_in_the_corner_do_not(story: Story, times: list[float]) -> None:
    story.start("en")
    assert not of(corner_taps(story, times), fx.Later)


def test_a_tap_elsewhere_starts_the_corner_count_again(story: Story) -> None:
    story.start("en")
    corner_taps(story, [0.0, 0.3])
    story.tap()
    assert not of(corner_taps(story, [0.1, 0.2]), fx.Later)
    assert of(corner_taps(story, [0.3]), fx.Later)


def test_the_staff_key_held_opens_staff_mode_after_its_time(story: Story) -> None:
    hold_s = story.services.config.staff.hold_s
    story.start("en")
    story.do(story.flow.key_down(staff_key=True))
    story.advance(hold_s - TICK_S)
    assert story.screen == "catalogue"
    story.do(story.flow.key_down(staff_key=True))  # the keyboard repeats a held key
    assert story.flow.hold_repeat  # the app runs its action once, not once per repeat
    story.advance(TICK_S)
    assert story.screen == "staff_pin"


def test_the_staff_key_let_go_too_soon_does_not(story: Story) -> None:
    hold_s = story.services.config.staff.hold_s
    story.start("en")
    story.do(story.flow.key_down(staff_key=True))
    story.advance(hold_s - 1)
    story.do(story.flow.key_up(staff_key=True))
    story.advance(hold_s)
    assert story.screen == "catalogue" and not story.flow.hold_repeat


def test_the_held_staff_key_still_counts_as_held_once_staff_mode_opens(story: Story) -> None:
    story.do(story.flow.key_down(staff_key=True))
    story.advance(story.services.config.staff.hold_s)
    assert story.screen == "staff_pin"
    story.do(story.flow.key_down(staff_key=True))  # the key is still down: the keyboard repeats it
    assert story.flow.hold_repeat


@pytest.mark.parametrize("way", ["key", "corner", "held key"])
def test_a_kiosk_without_a_staff_desk_has_no_staff_mode(make_story, way: str) -> None:
    story = make_story(staff=False)
    story.start("en")
    if way == "key":
        story.key("staff")
    elif way == "corner":
        corner_taps(story, [0.0, 0.5, 1.0])
        story.run_later()
    else:
        story.do(story.flow.key_down(staff_key=True))
        story.advance(story.services.config.staff.hold_s + 1)
    assert story.screen == "catalogue" and not story.in_staff


@pytest.mark.parametrize("screen", ["welcome", "language", "catalogue", "walkthrough", "finished"])
def test_leaving_staff_mode_returns_to_the_screen_it_came_from(story: Story, screen: str) -> None:
    story.to_screen(screen)
    where = (story.visit.procedure_id, story.visit.step_index)
    story.key("staff")
    story.go("show", "staff_panel")
    story.go("back")  # Back on the panel leaves staff mode
    assert story.screen == screen and (story.visit.procedure_id, story.visit.step_index) == where


@pytest.mark.parametrize(("screen", "back_to"), [("staff_learner", "staff_learners"), ("staff_launch", "staff_panel"),
                                                 ("staff_today", "staff_panel"), ("staff_pin", "catalogue")])
def test_back_between_staff_screens(story: Story, screen: str, back_to: str) -> None:
    story.start("en")
    story.key("staff")
    story.go("show", screen)
    story.go("back")
    assert story.screen == back_to


def test_a_visit_handed_over_without_a_lesson_starts_on_the_catalogue_with_a_welcome(story: Story) -> None:
    code = story.services.staff.learners.create().code
    story.key("staff")
    story.go("show", "staff_launch")
    effects = story.go("hand_over", Launch("ar", profiles={"seated", "low_vision"}, text_scale=2.0, learner=code,
                                           autonomy_expected="accompanied"))
    assert story.screen == "catalogue" and not story.in_staff
    assert fx.SpeechEnabled(True) in effects
    assert story.spoken[-1] == t("ar", "handover_welcome")
    style = of(effects, fx.ApplyStyle)[-1]
    assert style.lang == "ar" and style.settings.seated and style.settings.text_scale == 2.0
    started = story.recorder.handled[0]
    assert isinstance(started, ev.VisitStarted)
    assert (started.launched_by, started.learner, started.autonomy_expected) == ("staff", code, "accompanied")
    record = story.record
    assert record["launched_by"] == "staff" and record["learner"] == code and record["languages"] == ["ar"]
    assert record["profiles"] == ["low_vision", "seated"] and record["autonomy"] == "accompanied"


def test_a_visit_handed_over_on_a_lesson_starts_at_its_first_step_with_the_welcome(story: Story) -> None:
    story.announcing = False  # the walkthrough says the welcome before the step: here only what it is given
    story.key("staff")
    story.go("hand_over", Launch("en", procedure_id="email"))
    assert (story.screen, story.visit.procedure_id, story.visit.step_index) == ("walkthrough", "email", 0)
    assert story.visit.praise == t("en", "handover_welcome")
    assert t("en", "handover_welcome") not in story.spoken  # not said twice
    assert story.events == [ev.VisitStarted, ev.ProcedureOpened, ev.StepShown]


def test_a_blind_visitor_handed_over_explores_by_touch_and_an_easy_one_hears_slower_speech(story: Story) -> None:
    story.key("staff")
    effects = story.go("hand_over", Launch("fr", profiles={"blind", "easy"}))
    assert story.visit.explore_by_touch and fx.Explore() in story.tap()
    assert fx.SetVoice(0.8, 0.8) in effects and story.engine.rate == 0.8


def test_speech_mode_left_on_the_welcome_screen_is_not_handed_over(story: Story) -> None:
    story.tap(on_item=False)
    story.clock.now += 0.5
    story.tap(on_item=False)  # someone switched speech mode on, and walked away
    assert story.visit.explore_by_touch
    story.key("staff")
    story.go("hand_over", Launch("en"))
    assert not story.visit.explore_by_touch and fx.Explore() not in story.tap()


def test_a_visit_handed_over_silent_stays_silent(story: Story) -> None:
    story.key("staff")
    effects = story.go("hand_over", Launch("en", speech_on=False))
    assert fx.SpeechEnabled(True) not in effects and not story.services.speech.enabled
    assert t("en", "handover_welcome") not in story.spoken


def test_handing_over_ends_the_visit_in_progress_first(story: Story) -> None:
    story.to_step("cv", 2, lang="fr")
    story.key("staff")
    story.go("hand_over", Launch("en", procedure_id="email"))
    first, second = story.records
    assert first["ended"] == "staff" and first["languages"] == ["fr"]
    assert second["ended"] is None and second["launched_by"] == "staff"
    assert [p["id"] for p in second["procedures"]] == ["email"]


def test_a_visit_handed_over_after_a_long_keyboard_session_gets_a_full_delay(story: Story) -> None:
    story.key("staff")
    for _ in range(4):  # PIN, a new learner, the launch choices: by keys, 200 s in all
        story.advance(50)
        story.do(story.flow.key_down())
    assert story.screen == "staff_pin"
    story.go("hand_over", Launch("en", procedure_id="email"))
    assert not of(story.advance(10), fx.OpenOverlay)


def test_staff_corner_taps_on_the_welcome_screen_leave_speech_mode_off(story: Story) -> None:
    corner_taps(story, [0.0, 0.5, 1.0], on_item=False)  # the welcome screen's corner is background
    story.run_later()
    assert story.screen == "staff_pin"
    story.go("leave_staff")
    assert not story.visit.explore_by_touch  # the next visitor's first touch must act, not only speak


def test_staff_end_the_visit_in_progress(story: Story) -> None:
    story.to_step("email", 3)
    story.key("staff")
    effects = story.go("staff_end_visit")
    assert story.screen == "welcome" and not story.in_staff and not story.visit.started
    assert fx.SpeechEnabled(True) in effects
    assert story.record["ended"] == "staff"


def test_exit_the_kiosk_only_from_staff_mode(story: Story) -> None:
    story.start("en")
    assert story.go("exit_kiosk") == []
    story.key("staff")
    effects = story.go("exit_kiosk")
    assert effects[-1] == fx.StopKiosk()
    assert story.record["ended"] == "staff"  # the visit ended first
    assert effects.index(fx.Record(ev.VisitEnded, {"how": "staff"})) < effects.index(fx.StopKiosk())


def test_exit_the_kiosk_with_no_visit_records_nothing(story: Story) -> None:
    story.key("staff")
    assert story.go("exit_kiosk") == [fx.StopKiosk()]
    assert story.events == []
