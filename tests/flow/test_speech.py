"""Speech: on and off for a visit, explore by touch, louder and faster, and silence in staff mode."""

from __future__ import annotations

import pytest

import kiosk.flow.effects as fx
from kiosk.i18n import t
from kiosk.logbook import events as ev
from tests.flow.harness import Story, of


def test_the_speech_key_switches_speech_mode_on_then_off(story: Story) -> None:
    story.start("en")
    effects = story.key("speech")
    assert story.visit.explore_by_touch and story.spoken[-1] == t("en", "speech_on")
    assert not of(effects, fx.SpeechEnabled)  # it was already allowed to speak
    effects = story.key("speech")
    assert story.spoken[-1] == t("en", "speech_off")  # said before the silence
    assert of(effects, fx.SpeechEnabled) == [fx.SpeechEnabled(False)]
    assert effects.index(fx.Say(t("en", "speech_off"), "en", "speech")) < effects.index(fx.SpeechEnabled(False))
    assert not story.visit.explore_by_touch and not story.services.speech.enabled


def test_silence_lasts_the_visit_and_the_next_visitor_hears_the_kiosk(story: Story) -> None:
    story.start("en")
    story.key("speech")
    story.key("speech")
    said = len(story.spoken)
    story.go("open_procedure", "email")
    story.go("show_help")
    assert len(story.spoken) == said  # nothing more is said
    effects = story.go("end_visit", "left")
    assert fx.SpeechEnabled(True) in effects
    assert story.spoken[-1] == t("fr", "announce_welcome")


def test_speech_switched_back_on_is_heard_at_once(story: Story) -> None:
    story.start("en")
    story.key("speech")
    story.key("speech")
    effects = story.key("speech")
    assert effects.index(fx.SpeechEnabled(True)) < effects.index(fx.Say(t("en", "speech_on"), "en", "speech"))
    assert story.spoken[-1] == t("en", "speech_on")


def test_speech_on_and_off_is_in_the_logbook(story: Story) -> None:
    story.start("en")
    story.key("speech")
    story.key("speech")
    changes = [e for e in story.recorder.handled if isinstance(e, ev.ProfileChanged)]
    assert [c.speech_on for c in changes] == [True, False]
    assert story.record["settings"]["speech"] is True  # the visit used speech


def test_the_blind_profile_explores_by_touch_until_speech_is_switched_off(story: Story) -> None:
    story.go("toggle_profile", "blind")
    assert story.visit.explore_by_touch
    assert story.tap(on_item=True) == [fx.StopSpeech(), fx.Explore()]
    story.key("speech")
    assert "blind" not in story.visit.profiles and not story.visit.explore_by_touch
    assert fx.Explore() not in story.tap(on_item=True)


def test_choosing_the_blind_profile_after_silencing_the_kiosk_makes_it_speak_again(story: Story) -> None:
    story.key("speech")
    story.key("speech")  # a companion silenced the kiosk
    story.go("toggle_profile", "blind")
    assert story.visit.explore_by_touch  # a touch now only says what it lands on...
    assert story.services.speech.enabled  # ... so the kiosk must speak


def test_in_speech_mode_every_visitor_touch_explores_first(story: Story) -> None:
    story.key("speech")
    story.start("en")
    assert fx.Explore() in story.tap(on_item=True)
    assert story.go("touch_move") == [fx.Explore()]


def test_staff_touches_act_at_once_even_in_speech_mode(story: Story) -> None:
    story.go("toggle_profile", "blind")
    story.key("staff")
    assert story.tap(on_item=True) == [fx.StopSpeech()]


def test_a_touch_and_a_key_stop_speech_first(story: Story) -> None:
    story.start("en")
    assert story.tap()[0] == fx.StopSpeech()
    assert story.do(story.flow.key_down())[0] == fx.StopSpeech()


def test_the_volume_never_goes_below_its_floor_and_says_itself(story: Story) -> None:
    story.start("en")
    for _ in range(12):
        effects = story.key("volume_down")
    assert story.visit.volume == 0.1 and story.engine.volume == 0.1
    assert fx.SetVoice(0.1, 1.0) in effects
    assert story.spoken[-1] == t("en", "volume_now", n=1)


def test_the_volume_tops_out_at_ten(story: Story) -> None:
    story.start("fr")
    for _ in range(5):
        story.key("volume_up")
    assert story.visit.volume == 1.0 and story.spoken[-1] == t("fr", "volume_now", n=10)


@pytest.mark.parametrize(("action", "presses", "rate", "n"), [("slower", 1, 0.8, 2), ("slower", 9, 0.6, 1),
                                                               ("faster", 1, 1.2, 4)])
def test_the_speed_changes_within_bounds_and_says_itself(story: Story, action: str, presses: int,
                                                         rate: float, n: int) -> None:
    story.start("en")
    for _ in range(presses):
        story.key(action)
    assert story.visit.rate == rate and story.engine.rate == rate
    assert story.spoken[-1] == t("en", "rate_now", n=n)


def test_the_speed_has_a_ceiling(story: Story) -> None:
    story.start("en")
    for _ in range(9):
        story.key("faster")
    assert story.visit.rate == 1.4


def test_the_fastest_speed_is_said_as_the_last_of_five(story: Story) -> None:
    story.start("en")
    for _ in range(9):
        story.key("faster")
    assert story.spoken[-1] == t("en", "rate_now", n=5)


def test_the_easy_profile_speaks_slower_and_back(story: Story) -> None:
    effects = story.go("toggle_profile", "easy")
    assert fx.SetVoice(0.8, 0.8) in effects and story.engine.rate == 0.8
    story.go("toggle_profile", "easy")
    assert story.engine.rate == 1.0


def test_volume_and_speed_come_back_for_the_next_visitor(story: Story) -> None:
    story.start("en")
    story.key("volume_down")
    story.key("faster")
    story.go("end_visit", "left")
    assert (story.visit.volume, story.visit.rate) == (0.8, 1.0)
    assert (story.engine.volume, story.engine.rate) == (0.8, 1.0)


def test_staff_mode_is_silent_and_speech_comes_back_when_it_closes(story: Story) -> None:
    story.to_step("email", 2)
    step_said = story.spoken[-1]
    effects = story.key("staff")
    assert fx.SpeechEnabled(False) in effects and fx.StopSpeech() in effects
    said = len(story.spoken)
    for action in ("speech", "volume_up", "volume_down", "faster", "slower", "call_helper"):
        assert story.do(story.flow.key_action(action)) == [], action
    story.go("show_help")
    assert len(story.spoken) == said and story.visit.volume == 0.8 and story.visit.rate == 1.0
    effects = story.go("leave_staff")
    assert fx.SpeechEnabled(True) in effects and story.services.speech.enabled
    assert story.spoken[-1] == step_said  # the step speaks again


def test_a_visitor_who_silenced_the_kiosk_finds_it_silent_after_staff_mode(story: Story) -> None:
    story.start("en")
    story.key("speech")
    story.key("speech")
    story.key("staff")
    effects = story.go("leave_staff")
    assert not of(effects, fx.SpeechEnabled) and not story.services.speech.enabled


def test_two_touches_on_the_welcome_background_start_speech_mode(story: Story) -> None:
    story.tap(on_item=False)
    assert not story.visit.explore_by_touch
    story.clock.now += 1.0
    story.tap(on_item=False)
    assert story.visit.explore_by_touch and story.visit.speech_on
    assert story.spoken[-1] == t("fr", "speech_on")


@pytest.mark.parametrize("where", ["an item", "too slow", "another screen", "under an overlay", "one on an item"])
def test_two_touches_start_speech_mode_only_quickly_on_the_welcome_background(story: Story, where: str) -> None:
    if where == "another screen":
        story.go("start_visit")
    if where == "under an overlay":
        story.go("show_help")
    story.tap(on_item=where in ("an item", "one on an item"))
    story.clock.now += 1.6 if where == "too slow" else 0.5
    story.tap(on_item=where == "an item")
    assert not story.visit.explore_by_touch
    assert t("fr", "speech_on") not in story.spoken
