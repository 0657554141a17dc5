"""The idle reset that protects the next visitor: a warning, a countdown, then the visit is wiped."""

from __future__ import annotations

import kiosk.flow.effects as fx
from kiosk.i18n import t
from kiosk.logbook import events as ev
from tests.flow.harness import TICK_S, Story, of


def idle_words(lang: str, seconds: int) -> str:
    return " ".join([t(lang, "idle_title"), t(lang, "idle_body"), t(lang, "idle_countdown", s=seconds),
                     t(lang, "idle_continue")])


def test_the_welcome_screen_never_warns(story: Story) -> None:
    effects = story.advance(story.services.config.idle_delay_s * 3)
    assert effects == [] and story.flow.overlays == []


def test_help_left_open_on_the_welcome_screen_is_closed_by_the_idle_reset(story: Story) -> None:
    config = story.services.config
    story.go("show_help")
    story.advance(config.idle_delay_s)
    assert story.flow.overlays == [fx.HELP, fx.IDLE]
    story.advance(config.idle_warning_s)
    assert story.flow.overlays == [] and story.screen == "welcome"
    assert story.events == []  # no visit was started: nothing to record


def test_the_warning_comes_after_the_delay_and_says_its_words(story: Story) -> None:
    config = story.services.config
    story.to_step("email", 2, lang="ar")
    assert not of(story.advance(config.idle_delay_s - TICK_S), fx.OpenOverlay)
    effects = story.advance(TICK_S)
    warning = config.idle_warning_s
    assert of(effects, fx.OpenOverlay) == [fx.OpenOverlay(fx.IDLE, seconds_left=warning)]
    assert story.flow.overlays == [fx.IDLE]
    assert story.spoken[-1] == idle_words("ar", int(warning))
    assert story.engine.spoken[-1].lang == "ar"


def test_the_warning_is_built_ahead_once_the_visitor_leaves_the_welcome_screen(story: Story) -> None:
    assert not of(story.advance(1), fx.PrepareOverlay)
    story.start("en")
    effects = story.advance(10)
    assert of(effects, fx.PrepareOverlay) == [fx.PrepareOverlay(fx.IDLE)]  # once, not at every tick


def test_the_countdown_runs_down_a_second_at_a_time(story: Story) -> None:
    config = story.services.config
    story.start("en")
    story.advance(config.idle_delay_s)
    effects = story.advance(config.idle_warning_s - 1)
    shown = [c.seconds_left for c in of(effects, fx.Countdown)]
    assert shown[0] == config.idle_warning_s and shown[-1] == 1
    assert sorted(set(shown), reverse=True) == list(range(int(config.idle_warning_s), 0, -1))
    assert story.screen == "catalogue"  # not yet


def test_a_touch_answers_the_warning_reaches_nothing_behind_and_the_screen_speaks_again(story: Story) -> None:
    config = story.services.config
    story.to_step("email", 2)
    step_said = story.spoken[-1]
    story.advance(config.idle_delay_s + 5)
    effects = story.tap(on_item=True)
    assert fx.Swallow() in effects and fx.CloseOverlay(fx.IDLE) in effects and fx.AnnounceScreen() in effects
    assert story.flow.overlays == [] and (story.screen, story.visit.step_index) == ("walkthrough", 1)
    assert story.spoken[-1] == step_said
    assert not of(story.advance(config.idle_delay_s - 1), fx.OpenOverlay)  # a full delay again


def test_in_speech_mode_the_answering_touch_explores_nothing(story: Story) -> None:
    story.start("en")
    story.key("speech")
    story.advance(story.services.config.idle_delay_s)
    effects = story.tap()
    assert fx.Swallow() in effects and fx.Explore() not in effects


def test_a_key_answers_the_warning_and_does_nothing_else(story: Story) -> None:
    story.to_step("email", 3)
    story.advance(story.services.config.idle_delay_s + 1)
    effects = story.key("back")
    assert fx.Swallow() in effects and fx.StepBack() not in effects
    assert story.flow.overlays == [] and story.visit.step_index == 2


def test_at_the_end_of_the_countdown_the_visit_is_wiped(story: Story) -> None:
    config = story.services.config
    story.go("toggle_profile", "low_vision")
    story.to_step("email", 2, lang="ar")
    step = story.flow.step
    story.visit.practice_for(step).type(next(e.id for e in step.replica.elements if e.typable), "Marie")
    story.advance(config.idle_delay_s)
    effects = story.advance(config.idle_warning_s)
    assert fx.CloseOverlays() in effects and fx.Show("welcome") in effects
    visit = story.visit
    assert story.screen == "welcome" and story.flow.overlays == []
    assert (visit.language, visit.procedure_id, visit.typed, visit.profiles, visit.started) == ("fr", None, {},
                                                                                               set(), False)
    assert story.record["ended"] == "idle" and story.events[-1] is ev.VisitEnded
    assert story.spoken[-1] == t("fr", "announce_welcome")


def test_activity_restarts_the_delay(story: Story) -> None:
    delay = story.services.config.idle_delay_s
    story.start("en")
    story.advance(delay - 5)
    story.tap()
    assert not of(story.advance(delay - 5), fx.OpenOverlay)
    story.do(story.flow.key_down())
    assert not of(story.advance(delay - 5), fx.OpenOverlay)
    assert of(story.advance(5), fx.OpenOverlay)


def test_sliding_a_finger_counts_only_in_speech_mode(story: Story) -> None:
    delay = story.services.config.idle_delay_s
    story.start("en")
    story.advance(delay - 5)
    assert story.go("touch_move") == []  # a slide that explores nothing is no answer
    assert of(story.advance(5), fx.OpenOverlay)
    story.tap()
    story.key("speech")
    story.advance(delay - 5)
    assert story.go("touch_move") == [fx.Explore()]
    assert not of(story.advance(5), fx.OpenOverlay)


def test_the_next_visitor_gets_a_full_delay_after_a_reset(story: Story) -> None:
    config = story.services.config
    story.start("en")
    story.advance(config.idle_delay_s + config.idle_warning_s)
    assert story.screen == "welcome"
    story.advance(30)  # the next visitor walks up
    story.tap()
    story.start("fr")
    assert not of(story.advance(config.idle_delay_s - 1), fx.OpenOverlay)


def test_staff_mode_never_warns_and_returns_to_visitors_when_left_unused(story: Story) -> None:
    config = story.services.config
    story.to_step("email", 2)
    story.key("staff")
    effects = story.advance(config.staff.idle_s - TICK_S)
    assert story.screen == "staff_pin" and not of(effects, fx.OpenOverlay)
    story.advance(TICK_S)
    assert (story.screen, story.visit.step_index) == ("walkthrough", 1)
    assert not of(story.advance(config.idle_delay_s - 1), fx.OpenOverlay)  # a fresh delay for the visitor


def test_staff_at_work_keep_staff_mode_open_longer_than_the_visit_delay(story: Story) -> None:
    config = story.services.config
    story.start("en")
    story.key("staff")
    for _ in range(4):  # touches every 100 s: longer than the visit's delay, shorter than staff's
        assert not of(story.advance(100), fx.OpenOverlay)
        story.tap()
    assert 400 > config.idle_delay_s and story.screen == "staff_pin"
