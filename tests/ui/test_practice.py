"""Practice replicas: a whole procedure in each language, a wrong tap before each right one."""

from __future__ import annotations

import pytest

from kiosk.i18n import t
from kiosk.testing.pilot import Pilot

PRAISE = {lang: t(lang, "replica_praise") for lang in ("fr", "en", "ar")}


def wrong_tap(pilot: Pilot, replica) -> None:
    """Tap something on the practice page that is not the target."""
    others = [e for e in replica.elements if e.id != replica.target and e.kind != "text"]
    if others:
        pilot.tap(f"replica_{others[0].id}")
    else:
        pilot.tap("practice_banner")  # the page itself, away from anything usable


def do_the_right_thing(pilot: Pilot, replica, lang: str) -> None:
    target = replica.element(replica.target)
    if replica.action == "tap":
        pilot.tap(f"replica_{target.id}")
        return
    pilot.tap(f"replica_{target.id}")
    if target.example is not None:
        pilot.tap(f"example_{target.id}")
    else:
        pilot.tap("key_a")
    pilot.tap("key_ok")


@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_every_practice_page_of_a_procedure(pilot: Pilot, lang: str) -> None:
    procedure = pilot.services.content.get("email")
    pilot.tap("start_button")
    pilot.tap(f"language_{lang}")
    pilot.tap("procedure_email")
    for index, step in enumerate(procedure.steps):
        assert pilot.services.visit.step_index == index
        replica = step.replica
        if replica is None:
            pilot.tap("next_button")
            continue
        assert t(lang, "practice_banner") in pilot.texts()
        assert pilot.find("replica_" + replica.target).highlighted
        wrong_tap(pilot, replica)
        hint = pilot.find("hint_panel").heading
        assert hint and replica.element(replica.target).label.get(lang) in hint
        assert pilot.spoken[-1] == hint
        assert pilot.services.visit.step_index == index  # a wrong tap never moves on
        do_the_right_thing(pilot, replica, lang)
        if index + 1 < len(procedure.steps):
            assert pilot.services.visit.step_index == index + 1
            assert pilot.spoken[-1].startswith(PRAISE[lang])
        else:
            assert pilot.screen == "finished"
    assert pilot.screen == "finished"


def test_typing_with_the_on_screen_and_a_physical_keyboard_stays_in_memory(pilot: Pilot) -> None:
    procedure = pilot.services.content.get("email")
    index, step = next((i, s) for i, s in enumerate(procedure.steps)
                       if s.replica and s.replica.action == "type")
    pilot.start_visit("fr")
    pilot.open_procedure("email")
    pilot.go_to_step(index + 1)
    target = step.replica.target
    pilot.tap(f"replica_{target}")
    for key in "mar":
        pilot.tap(f"key_{key}")
    pilot.press("backspace")
    for key in "ie":
        pilot.press(key)
    field = pilot.find(f"replica_{target}")
    assert field.value == "maie"
    assert pilot.services.visit.typed == {(step.id, target): "maie"}
    pilot.press("enter")
    assert pilot.services.visit.step_index == index + 1
    assert pilot.services.visit.typed == {}  # gone once the step is left


def test_an_empty_field_is_not_accepted(pilot: Pilot) -> None:
    procedure = pilot.services.content.get("email")
    index, step = next((i, s) for i, s in enumerate(procedure.steps)
                       if s.replica and s.replica.action == "type")
    pilot.start_visit("en")
    pilot.open_procedure("email")
    pilot.go_to_step(index + 1)
    pilot.tap(f"replica_{step.replica.target}")
    pilot.tap("key_ok")
    assert pilot.services.visit.step_index == index
    assert pilot.spoken[-1] == t("en", "replica_hint_empty")


def test_a_box_is_ticked_in_the_practice_model_and_the_page_draws_the_tick(pilot: Pilot) -> None:
    procedure, index, box = next(
        (p, i, e) for p in pilot.services.content.procedures for i, s in enumerate(p.steps) if s.replica
        for e in s.replica.elements if e.kind == "checkbox" and e.id != s.replica.target)
    pilot.tap("start_button")
    pilot.tap("language_fr")
    pilot.ui.nav.open_procedure(procedure.id, index)
    pilot.settle()
    practice = pilot.services.visit.practice
    widget = pilot.find(f"replica_{box.id}")
    assert not practice.checked(box.id) and not widget.checked and widget.label == box.label.get("fr")
    pilot.tap(f"replica_{box.id}")
    assert practice.checked(box.id) and widget.checked  # the tick is drawn (tests/ui/test_easy_checkbox.py)
    assert pilot.find("hint_panel").heading  # not the target: a hint, and the box stays ticked
    pilot.tap(f"replica_{box.id}")
    assert not practice.checked(box.id) and not widget.checked
    pilot.tap("next_button")
    assert pilot.services.visit.practice is not practice and not practice.checked(box.id)
