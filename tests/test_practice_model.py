"""The practice model, without Kivy: what completes a step, which hint a wrong touch gets, what it holds."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kiosk.content.model import Element, Replica, Step, Text
from kiosk.i18n import t
from kiosk.practice.model import KINDS, Kind, PracticeState, register_kind
from kiosk.session import Visit


def text(word: str) -> Text:
    return Text({"fr": word, "en": word, "ar": word})


def step(action: str, target: str, step_id: str = "s1") -> Step:
    elements = (
        Element("intro", "text", text("Read me")),
        Element("name", "field", text("Name"), text("Marie")),
        Element("secret", "password", text("Password")),
        Element("terms", "checkbox", text("I accept")),
        Element("more", "link", text("More")),
        Element("go", "button", text("Go")),
    )
    replica = Replica("https://exemple.fr", text("Page"), elements, target, action)
    return Step(step_id, text("Title"), text("Do it"), replica=replica)


def test_the_right_tap_completes_the_step_with_praise() -> None:
    state = PracticeState.for_step(step("tap", "go"))
    outcome = state.tap("go")
    assert outcome.right and not outcome.wrong and state.is_complete
    assert outcome.praise("fr") == t("fr", "replica_praise") and outcome.hint("fr") == ""


@pytest.mark.parametrize("touched", ["more", "terms", "intro", None])
def test_a_wrong_tap_gets_a_hint_naming_the_target(touched: str | None) -> None:
    state = PracticeState.for_step(step("tap", "go"))
    outcome = state.tap(touched)
    assert outcome.wrong and not outcome.right and not state.is_complete
    assert outcome.hint_key == "replica_hint_tap"
    assert outcome.hint("en") == t("en", "replica_hint_tap", label="Go") and outcome.praise("en") == ""


def test_a_box_is_a_real_boolean_ticked_by_each_tap() -> None:
    state = PracticeState.for_step(step("tap", "go"))
    assert state.checked("terms") is False
    state.tap("terms")
    assert state.checked("terms") is True
    state.tap("terms")
    assert state.checked("terms") is False
    assert state.toggle("terms") is True and state.checked("terms") is True
    with pytest.raises(ValueError):
        state.checked("go")


def test_ticking_the_target_box_completes_a_tap_step() -> None:
    state = PracticeState.for_step(step("tap", "terms"))
    assert state.tap("terms").right and state.checked("terms")


def test_typing_into_the_target_field_then_confirming_completes_it() -> None:
    state = PracticeState.for_step(step("type", "name"))
    assert not state.tap("name").wrong  # choosing the right field: nothing to say
    assert state.focused == "name"
    state.type("name", "Mar")
    state.erase("name")
    state.type("name", "rie")
    assert state.value("name") == "Marie"
    assert state.confirm().right and state.is_complete


def test_an_empty_target_field_is_not_accepted() -> None:
    state = PracticeState.for_step(step("type", "name"))
    state.focus("name")
    state.type("name", "   ")
    outcome = state.confirm()
    assert outcome.hint_key == "replica_hint_empty" and outcome.hint("en") == t("en", "replica_hint_empty")
    assert not state.is_complete


def test_the_wrong_field_or_a_button_on_a_typing_step_gets_the_typing_hint() -> None:
    state = PracticeState.for_step(step("type", "name"))
    outcome = state.focus("secret")
    assert outcome.hint("fr") == t("fr", "replica_hint_type", label="Name")
    state.fill("secret", "abc")
    assert state.confirm().hint_key == "replica_hint_type"  # Done on the wrong field
    assert state.tap("go").hint_key == "replica_hint_type"
    assert not state.is_complete


def test_choosing_a_field_on_a_tapping_step_says_nothing() -> None:
    state = PracticeState.for_step(step("tap", "go"))
    assert not state.tap("name").wrong and not state.tap("name").right
    assert state.confirm().hint_key == "replica_hint_tap"  # Done/Enter is no way to tap


def test_typed_values_stay_in_memory_and_reset_wipes_them() -> None:
    state = PracticeState.for_step(step("type", "name"))
    state.fill("name", "Marie")
    state.type("secret", "hunter2")
    state.toggle("terms")
    assert state.typed() == {"name": "Marie", "secret": "hunter2"}
    state.reset()
    assert state.typed() == {} and state.value("secret") == "" and not state.checked("terms")
    assert state.focused is None and not state.is_complete


def test_the_visit_owns_the_practice_and_forgets_it_on_leaving_and_at_reset() -> None:
    visit = Visit()
    visit.practice = state = PracticeState.for_step(step("type", "name"))
    state.fill("name", "Marie")
    assert visit.typed == {("s1", "name"): "Marie"}
    visit.leave_step()
    assert visit.practice is None and visit.typed == {} and state.typed() == {}  # wiped, not just dropped
    visit.practice = state
    state.fill("name", "Marie")
    visit.reset()
    assert visit.practice is None and state.typed() == {}


def test_after_completion_nothing_more_happens() -> None:
    state = PracticeState.for_step(step("tap", "go"))
    state.tap("go")
    assert not state.tap("more").wrong and not state.tap(None).wrong and not state.confirm().right


def test_unknown_elements_and_kinds_are_refused() -> None:
    state = PracticeState.for_step(step("tap", "go"))
    with pytest.raises(KeyError):
        state.tap("nowhere")
    with pytest.raises(ValueError):
        state.type("go", "x")  # a button holds no text
    odd = Replica("https://exemple.fr", text("Page"), (Element("x", "hologram", text("X")),), "x", "tap")
    with pytest.raises(ValueError, match="hologram"):
        PracticeState("s", odd)


def test_a_new_kind_is_data() -> None:
    """A new element kind plugs in through the registry (here a toggle completing a tap step)."""
    register_kind(Kind("switch", completes="tap", initial=lambda: "off",
                       on_tap=lambda value: "on" if value == "off" else "off"))
    try:
        replica = Replica("https://exemple.fr", text("Call"), (Element("mic", "switch", text("Microphone")),),
                          "mic", "tap")
        state = PracticeState("call", replica)
        assert state.held("mic") == "off"
        assert state.tap("mic").right and state.held("mic") == "on"
    finally:
        KINDS.pop("switch")


def test_the_practice_model_imports_no_kivy() -> None:
    code = "import sys, kiosk.practice.model, kiosk.session; print(any(m.startswith('kivy') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr
