"""Practice replicas: whole procedures in each language, a wrong touch before each right one.

The walk knows every practice kind (a keypad: its digits then OK; a sheet: the
cell, the example, OK). Module writers add their procedure ids to
:data:`WALKED`; the test procedure with every curriculum kind lives in
tests/fixtures/curriculum.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.content.model import Element, Replica
from kiosk.i18n import t
from kiosk.practice.model import KINDS
from kiosk.testing.pilot import Pilot
from kiosk.ui.simulate import right_moves
from tests.conftest import ROOT

PRAISE = {lang: t(lang, "replica_praise") for lang in ("fr", "en", "ar")}
#: the procedures walked through, every step: the first in every language, the others each in one
#: language in turn (the practice rules are the same in every language; kiosk.practice's tests and
#: the audit's every-step pass cover the rest)
WALKED = ["email", "practice_kinds", "search_safely", "email_daily", "send_document", "online_banking",
          "shopping_online", "video_call", "files_folders", "write_letter", "household_budget"]
WALKS = [(WALKED[0], lang) for lang in ("fr", "en", "ar")] + [
    (procedure_id, ("fr", "en", "ar")[i % 3]) for i, procedure_id in enumerate(WALKED[1:])]
#: what the walk's content holds besides the shipped procedures
FIXTURES = ROOT / "tests" / "fixtures" / "curriculum"


@pytest.fixture(scope="module")
def walk_content():
    """The shipped procedures plus the test procedure with every curriculum kind."""
    from kiosk.content.loader import load

    content = load([ROOT / "content", FIXTURES])
    assert not content.errors, [str(p) for p in content.errors]
    return content


@pytest.fixture
def walker(config, walk_content) -> Iterator[Pilot]:
    """The kiosk, headless, with :func:`walk_content`."""
    with Pilot.run(config, content=walk_content) as p:
        p.draw = False  # the walk reads widgets, words and what was said, never pixels: no frame drawn
        yield p


def wrong_touch(pilot: Pilot, replica: Replica) -> Element | None:
    """Touch something on the practice page that is not the target (the element touched, if any)."""
    usable = [e for e in replica.elements if e.id != replica.target and KINDS[e.kind].completes
              and (KINDS[e.kind].completes == "tap" or replica.action == "type")]
    if usable:
        pilot.tap(f"replica_{usable[0].id}" if usable[0].kind != "keypad" else f"keypad_{usable[0].id}_ok")
        return usable[0]
    pilot.tap("practice_banner")  # the page itself, away from anything usable
    return None


def do_the_right_thing(pilot: Pilot, replica: Replica, lang: str) -> None:
    """Use the target as the step asks: a tap, or typing (the example) then OK (as ``kiosk simulate`` does)."""
    for name in right_moves(replica, lang):
        pilot.tap(name)


@pytest.mark.timeout(300)
@pytest.mark.parametrize(("procedure_id", "lang"), WALKS)
def test_every_practice_page_of_a_procedure(walker: Pilot, procedure_id: str, lang: str) -> None:
    pilot = walker
    procedure = pilot.services.content.get(procedure_id)
    pilot.start_visit(lang)
    pilot.ui.nav.open_procedure(procedure_id, 0)
    pilot.settle()
    for index, step in enumerate(procedure.steps):
        assert pilot.services.visit.step_index == index
        replica = step.replica
        if replica is None:
            pilot.tap("next_button")
            continue
        assert t(lang, "practice_banner") in pilot.texts()
        assert pilot.find("replica_" + replica.target).highlighted
        touched = wrong_touch(pilot, replica)
        hint = pilot.find("hint_panel").heading
        if touched is not None and touched.hint is not None:
            assert hint == touched.hint.get(lang)  # its own message (a refused file's)
        else:
            assert hint and replica.element(replica.target).label.get(lang) in hint
        assert pilot.spoken[-1] == hint
        assert pilot.services.visit.step_index == index  # a wrong touch never moves on
        do_the_right_thing(pilot, replica, lang)
        if index + 1 < len(procedure.steps):
            assert pilot.services.visit.step_index == index + 1, step.id
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


def test_each_kind_says_what_it_is_and_its_state_never_the_digits(walker: Pilot) -> None:
    from kiosk.ui.focus import describe_widget

    pilot = walker
    procedure = pilot.services.content.get("practice_kinds")
    index = {s.id: i for i, s in enumerate(procedure.steps)}
    pilot.start_visit("en")

    def open_step(step_id: str) -> None:
        pilot.ui.nav.open_procedure("practice_kinds", index[step_id])
        pilot.settle()

    open_step("search")
    assert describe_widget(pilot.find("replica_ad"), "en").text == (
        "Result, advertisement: Registration certificate in 24 h - fast service, www.carte-grise-rapide.exemple.com.")
    open_step("inbox")
    assert describe_widget(pilot.find("replica_townhall"), "en").text == (
        "Message from Mairie exemple, unread: Your appointment on 3 March.")
    open_step("call")
    assert describe_widget(pilot.find("replica_microphone"), "en").text == "Microphone, switch, off."
    pilot.tap("replica_camera")  # not the target: a hint, and the camera goes off
    assert describe_widget(pilot.find("replica_camera"), "en").text == "Camera, switch, off."
    assert "off" in pilot.find("replica_camera").label
    open_step("letter")
    assert describe_widget(pilot.find("replica_bold"), "en").text == "“Gras”, Bold, toolbar button, not pressed."
    open_step("bank_code")
    height = pilot.find("replica_code").height
    for digit in "123":
        pilot.tap(f"keypad_code_{digit}")
    assert pilot.settle_layout() > 0, "the keypad's layout never settles once a digit is typed"
    assert pilot.find("replica_code").height == height  # the dots fit the box: it does not grow
    said = describe_widget(pilot.find("keypad_code_ok"), "en").text
    assert said == "OK, Keypad, 3 digits typed." and "123" not in said
    assert describe_widget(pilot.find("keypad_code_1"), "en").private  # a digit's key: what the visitor chose
    # The step drawn again (Repeat, a profile toggled) while the keypad is in use: the kept page
    # shows the model's state, the keypad still the one typed into (the monkey found a crash here).
    pilot.app.root.current_screen.show_again()
    pilot.settle()
    assert describe_widget(pilot.find("keypad_code_ok"), "en").text == said
    assert pilot.find("replica_code").parent is not None
