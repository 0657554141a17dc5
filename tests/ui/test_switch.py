"""Switch access on the real kiosk: a visitor who cannot point, with two switches or one, does a whole module."""

from __future__ import annotations

from dataclasses import replace

from kiosk.access.scanning import BACK
from kiosk.config import AccessConfig
from kiosk.keymap import KEY_CODES
from kiosk.testing.pilot import Pilot
from kiosk.ui.simulate import right_moves

PROCEDURE = "email"


def heads_for(pilot: Pilot, name: str) -> str:
    """What a visitor who sees the highlight does next to reach widget ``name``: "move" or "select"."""
    scanner = pilot.app.scan.scanner
    target, current = pilot.find(name), scanner.current
    if current is BACK:
        return "move" if target in list(scanner.group.leaves()) else "select"
    if current.is_item:
        return "select" if current.item is target else "move"
    return "select" if target in list(current.leaves()) else "move"


def switch(key: str) -> None:
    """One press of a switch: the key's down, keyboard and up events, as a switch interface sends them.

    Not drawn at once (a move only moves the highlight): the story draws after a choice.
    """
    from kivy.core.window import Window

    code = KEY_CODES[key]
    Window.dispatch("on_key_down", code, 0, None, [])
    Window.dispatch("on_keyboard", code, 0, None, [])
    Window.dispatch("on_key_up", code, 0)


def two_switches(pilot: Pilot, name: str) -> int:
    """Reach and use widget ``name`` with Space (move) and Enter (select) only; the presses it took."""
    for presses in range(1, 80):
        if heads_for(pilot, name) == "select":
            chosen = pilot.app.scan.scanner.current.is_item
            switch("enter")
            pilot.settle()  # a choice: the screen may change
            if chosen:
                return presses
        else:
            switch("spacebar")
    raise AssertionError(f"{name} never reached by scanning on {pilot.screen}")


def one_switch(pilot: Pilot, name: str) -> int:
    """Wait for the highlight to come to ``name`` (the kiosk's clock moves it) and press the one switch."""
    interval = pilot.services.config.access.scan_interval_s
    for waits in range(1, 120):
        if heads_for(pilot, name) == "select":
            chosen = pilot.app.scan.scanner.current.is_item
            pilot.press("enter")
            if chosen:
                return waits
        else:
            pilot.expire(interval)
    raise AssertionError(f"{name} never reached by auto scanning on {pilot.screen}")


def whole_module(pilot: Pilot, use) -> list[int]:  # noqa: ANN001 (two_switches or one_switch)
    """Choose French, open "Créer une adresse e-mail", do its practice, reach the end: by switches only."""
    presses = [use(pilot, "start_button")]
    assert pilot.screen == "language"
    presses.append(use(pilot, "language_fr"))
    assert pilot.screen == "catalogue"
    presses.append(use(pilot, f"procedure_{PROCEDURE}"))
    assert pilot.screen == "walkthrough"
    for step in pilot.services.content.get(PROCEDURE).steps:
        if step.replica is None:
            presses.append(use(pilot, "next_button"))
        else:
            for name in right_moves(step.replica, "fr"):
                presses.append(use(pilot, name))
    assert pilot.screen == "finished"
    return presses


#: a smaller window draws faster (each press draws a frame); sizes are in millimetres, the same screen
SMALL = (960, 540)


def test_a_two_switch_visitor_does_a_whole_module_with_space_and_enter(config, shipped_content) -> None:
    with Pilot.run(config.with_resolution(*SMALL), content=shipped_content, profile="switch") as pilot:
        presses = whole_module(pilot, two_switches)
        record = pilot.services.recorder.record()
        assert record["procedures"][0]["id"] == PROCEDURE and record["procedures"][0]["finished"]
        assert max(presses) <= 12, presses  # no item more than 12 presses away (group scanning)
        assert any("La page d'entraînement" in said for said in pilot.spoken)  # each stop is said


def test_a_one_switch_visitor_does_the_same_on_the_kiosks_clock(config, shipped_content) -> None:
    # a short idle delay: the whole module takes longer, so each press of the switch must count as activity
    config = replace(config.with_resolution(*SMALL), access=AccessConfig(scan="auto", select_keys=("enter",)),
                     idle_delay_s=60, idle_warning_s=20)
    with Pilot.run(config, content=shipped_content, profile="switch") as pilot:
        waits = whole_module(pilot, one_switch)
        assert pilot.services.recorder.record()["procedures"][0]["finished"]
        # far longer than the idle delay and its warning: no reset came, each press counted as activity
        config = pilot.services.config
        assert sum(waits) * config.access.scan_interval_s > config.idle_delay_s + config.idle_warning_s


def test_staff_keys_stay_staffs_and_scanning_comes_back_after_staff_mode(config, shipped_content) -> None:
    from kiosk.staff.pin import set_pin

    set_pin(config.data_dir, "482916")
    with Pilot.run(config, content=shipped_content, profile="switch") as pilot:
        assert pilot.app.scan.scanner.current is not None  # the welcome screen is scanned
        pilot.press("f11")
        for digit in "482916":
            pilot.press(f"numpad{digit}")
        pilot.press("enter")  # the PIN's Enter, not a switch: staff mode opens
        assert pilot.screen == "staff_panel" and not pilot.app.scan.active
        pilot.ui.nav.leave_staff()
        pilot.expire(0.3)  # the kiosk's clock: the visitor's scanning starts again
        assert pilot.app.scan.active and pilot.app.scan._watch is not None
        pilot.press("space")
        assert pilot.app.scan.scanner.index == 1
