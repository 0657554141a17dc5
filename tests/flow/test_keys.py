"""Every key action that is the flow's, from each visitor screen; the focus's own actions are not the flow's."""

from __future__ import annotations

import pytest

import kiosk.flow.effects as fx
from kiosk.flow import KEY_COMMANDS, VISITOR_SCREENS, Flow
from kiosk.i18n import t
from kiosk.keymap import DEFAULT_KEYMAP
from kiosk.logbook import events as ev
from tests.flow.harness import Story, of

#: the key-map actions that move the focus (kiosk.ui.app.FOCUS_ACTIONS)
FOCUS_ACTIONS = ("next", "previous", "activate")

screens = pytest.mark.parametrize("screen", VISITOR_SCREENS)


def test_every_key_map_action_is_the_flows_or_the_focuss() -> None:
    assert set(KEY_COMMANDS) == set(DEFAULT_KEYMAP) - set(FOCUS_ACTIONS)
    assert not set(KEY_COMMANDS) & set(FOCUS_ACTIONS)


@pytest.mark.parametrize("action", [*FOCUS_ACTIONS, "quit"])
def test_focus_moves_and_unknown_actions_are_no_flow_commands(story: Story, action: str) -> None:
    with pytest.raises(KeyError):
        story.flow.key_action(action)
    assert story.screen == "welcome" and story.screen_effects == []


@screens
def test_the_back_key(story: Story, screen: str) -> None:
    story.to_screen(screen)
    effects = story.key("back")
    expected = {"welcome": "welcome", "language": "welcome", "catalogue": "language", "walkthrough": "walkthrough",
                "finished": "catalogue", "selfcheck": "finished", "selfcheck_done": "finished",
                "diagnostic": "catalogue", "diagnostic_done": "catalogue"}[screen]
    assert story.screen == expected
    assert (fx.StepBack() in effects) == (screen == "walkthrough")  # the step screen turns its own pages


@screens
def test_the_help_key(story: Story, screen: str) -> None:
    story.to_screen(screen, lang="en")
    story.key("help")
    assert story.flow.overlays == [fx.HELP]
    assert story.spoken[-1] == t(story.lang, f"help_{screen}")
    assert story.visit.explore_by_touch == (screen == "welcome")  # a blind visitor's first key


@screens
def test_the_call_helper_key(story: Story, screen: str) -> None:
    story.to_screen(screen, lang="ar")
    effects = story.key("call_helper")
    assert fx.Chime() in effects and story.services.staff.calls_waiting == 1
    assert story.spoken[-1] == t(story.lang, "helper_coming")
    assert (ev.HelpCalled in story.events) == (screen != "welcome")  # no visit to count it in yet


@screens
def test_the_repeat_key(story: Story, screen: str) -> None:
    story.to_screen(screen)
    said = story.spoken[-1]
    effects = story.key("repeat")
    assert fx.Repeat() in effects
    assert story.spoken[-2:] == [said, said]
    assert (ev.RepeatAsked in story.events) == (screen != "welcome")


@screens
def test_the_speech_key(story: Story, screen: str) -> None:
    story.to_screen(screen, lang="en")
    story.key("speech")
    assert story.visit.explore_by_touch and story.spoken[-1] == t(story.lang, "speech_on")
    story.key("speech")
    assert not story.visit.explore_by_touch and not story.services.speech.enabled


@screens
@pytest.mark.parametrize(("action", "volume", "n"), [("volume_down", 0.7, 7), ("volume_up", 0.9, 9)])
def test_the_volume_keys(story: Story, screen: str, action: str, volume: float, n: int) -> None:
    story.to_screen(screen, lang="ar")
    effects = story.key(action)
    assert fx.SetVoice(volume, 1.0) in effects and story.engine.volume == volume
    assert story.spoken[-1] == t(story.lang, "volume_now", n=n)


@screens
@pytest.mark.parametrize(("action", "rate", "n"), [("slower", 0.8, 2), ("faster", 1.2, 4)])
def test_the_speed_keys(story: Story, screen: str, action: str, rate: float, n: int) -> None:
    story.to_screen(screen, lang="fr")
    effects = story.key(action)
    assert fx.SetVoice(0.8, rate) in effects and story.engine.rate == rate
    assert story.spoken[-1] == t(story.lang, "rate_now", n=n)


@screens
def test_the_staff_key(story: Story, screen: str) -> None:
    story.to_screen(screen)
    said = len(story.spoken)
    story.key("staff")
    assert story.screen == "staff_pin" and len(story.spoken) == said
    story.go("leave_staff")
    assert story.screen == screen


def test_every_flow_key_is_a_method_of_the_flow_or_a_step_of_one() -> None:
    named = {action: command for action, command in KEY_COMMANDS.items() if getattr(command, "__name__", "")
             != "<lambda>"}
    assert all(getattr(Flow, command.__name__) is command for command in named.values())
    assert set(KEY_COMMANDS) - set(named) == {"volume_down", "volume_up", "slower", "faster"}


def test_keys_in_staff_mode_say_nothing_and_change_no_voice(story: Story) -> None:
    story.start("en")
    story.key("staff")
    said, effects = len(story.spoken), []
    for action in KEY_COMMANDS:
        if action != "back":  # Back leaves staff mode
            effects += story.key(action)
    assert len(story.spoken) == said and story.in_staff
    assert not of(effects, fx.SetVoice) and not of(effects, fx.CallDesk)
