"""Curriculum modules 1-4 (issue 13): each walked in every language, a wrong touch before each right one.

The four modules (search_safely, email_daily, send_document, online_banking) use the
curriculum's practice kinds (result, message, file, keypad). Until the practice model
registers them, the whole walk is skipped and a second test walks the practice pages that
today's kinds already draw, so that the modules' other pages are covered now.
"""

from __future__ import annotations

import pytest

from kiosk.i18n import t
from kiosk.practice.model import KINDS
from kiosk.testing.pilot import Pilot

MODULES = ("search_safely", "email_daily", "send_document", "online_banking")
LANGUAGES = ("fr", "en", "ar")
#: the curriculum kinds these modules use
NEW_KINDS = {"result", "message", "file", "keypad"}
#: kinds that are read, never touched
READ_ONLY = {"text", "document"}

needs_new_kinds = pytest.mark.skipif(
    not NEW_KINDS <= set(KINDS), reason="needs the practice kinds branch (result, message, file, keypad)")


def wrong_element(replica, with_hint: bool):
    """An element to touch that is not the target: one with its own hint first when asked."""
    others = [e for e in replica.elements if e.id != replica.target and e.kind not in READ_ONLY]
    if with_hint:
        hinted = [e for e in others if e.hint is not None]
        if hinted:
            return hinted[0]
    plain = [e for e in others if e.hint is None]
    return plain[0] if plain else None


def touch_wrong(pilot: Pilot, replica, lang: str, with_hint: bool) -> None:
    """Touch something that is not the target and check the hint names what to do."""
    element = wrong_element(replica, with_hint)
    pilot.tap(f"replica_{element.id}" if element is not None else "practice_banner")
    hint = pilot.find("hint_panel").heading
    assert hint, "a wrong touch always gets a hint"
    if element is not None and element.hint is not None:
        assert element.hint.get(lang) in hint  # the element's own words (a refused file: the site's message)
    else:
        assert replica.element(replica.target).label.get(lang) in hint
    assert pilot.spoken[-1] == hint


def do_the_right_thing(pilot: Pilot, replica) -> None:
    """Use the target the way the step asks: tap it, type its example, or key in the example code."""
    target = replica.element(replica.target)
    if replica.action == "tap":
        pilot.tap(f"replica_{target.id}")
        return
    if target.kind == "keypad":
        # the digits move at every visit: each key is found by its digit, not its place
        # (names as drawn on the practice kinds branch: keypad_<id>_<digit>, keypad_<id>_ok)
        for digit in target.example.get("fr"):
            pilot.tap(f"keypad_{target.id}_{digit}")
        pilot.tap(f"keypad_{target.id}_ok")
        return
    pilot.tap(f"replica_{target.id}")
    pilot.tap(f"example_{target.id}")
    pilot.tap("key_ok")


def drawn_today(step) -> bool:
    """Whether every element of the step's practice page is a kind the practice model knows."""
    return step.replica is None or all(e.kind in KINDS for e in step.replica.elements)


def practise(pilot: Pilot, procedure, index: int, lang: str, with_hint: bool) -> None:
    """Step ``index``: a wrong touch (no move), then the right action (the next step, with praise)."""
    step = procedure.steps[index]
    replica = step.replica
    assert t(lang, "practice_banner") in pilot.texts()
    assert pilot.find("replica_" + replica.target).highlighted
    touch_wrong(pilot, replica, lang, with_hint)
    assert pilot.services.visit.step_index == index  # a wrong touch never moves on
    do_the_right_thing(pilot, replica)
    if index + 1 < len(procedure.steps):
        assert pilot.services.visit.step_index == index + 1
        assert pilot.spoken[-1].startswith(t(lang, "replica_praise"))
    else:
        assert pilot.screen == "finished"


@needs_new_kinds
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("module", MODULES)
def test_a_module_is_completed_with_a_wrong_touch_before_each_right_one(pilot: Pilot, module: str, lang: str) -> None:
    procedure = pilot.services.content.get(module)
    pilot.tap("start_button")
    pilot.tap(f"language_{lang}")
    pilot.tap(f"procedure_{module}")
    for index, step in enumerate(procedure.steps):
        assert pilot.services.visit.step_index == index
        if step.replica is None:
            pilot.tap("next_button")
            continue
        practise(pilot, procedure, index, lang, with_hint=True)
    assert pilot.screen == "finished"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("module", MODULES)
def test_the_practice_pages_drawn_today_already_work(pilot: Pilot, module: str, lang: str) -> None:
    procedure = pilot.services.content.get(module)
    steps = procedure.steps
    # a page and the one its right answer leads to must both be drawable today
    ready = [i for i, s in enumerate(steps) if s.replica is not None and drawn_today(s)
             and (i + 1 == len(steps) or drawn_today(steps[i + 1]))]
    assert ready, f"{module}: no practice page uses today's kinds"
    pilot.tap("start_button")
    pilot.tap(f"language_{lang}")
    for index in ready:
        pilot.ui.nav.open_procedure(module, index)  # straight to the page: its neighbours may need new kinds
        pilot.settle()
        assert pilot.screen == "walkthrough" and pilot.services.visit.step_index == index
        practise(pilot, procedure, index, lang, with_hint=False)


@pytest.mark.parametrize("module", MODULES)
def test_a_module_meets_the_curriculum_bar(shipped_content, module: str) -> None:
    procedure = shipped_content.get(module)
    practice = [s for s in procedure.steps if s.replica is not None]
    assert 5 <= len(procedure.steps) <= 12 and len(practice) >= 3
    assert procedure.minutes and procedure.sources
    for step in practice:
        for element in step.replica.elements:
            if element.kind == "keypad":  # a keypad has digits only: its example must be typeable on it
                assert all(element.example.get(lang).isdigit() for lang in LANGUAGES)
