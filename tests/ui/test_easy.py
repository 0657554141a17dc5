"""A visitor who reads little switches on "easy to read": one idea per page, each with its pictogram."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.access.contrast import ratio_rgba
from kiosk.content.lint import sentences
from kiosk.i18n import t
from kiosk.testing.pilot import Pilot
from kiosk.testing.waiting import wait_until


def page_texts(pilot: Pilot) -> str:
    """What the step's pane shows (the progress line and the buttons left out)."""
    return "\n".join(pilot.texts())


def test_easy_shows_one_sentence_at_a_time_with_its_pictogram_then_the_practice_alone(pilot: Pilot) -> None:
    style = pilot.ui.style
    pilot.tap("profile_easy")
    assert pilot.services.speech.engine.rate == pytest.approx(0.8)  # slower speech
    pilot.start_visit("fr")
    pilot.open_procedure("email")
    procedure = pilot.services.content.get("email")
    step = procedure.steps[0]
    said = sentences(step.text.get("fr"))
    # The procedure's first page: what to bring, alone.
    assert "À prévoir" in pilot.text() and not any(s in pilot.text() for s in said)
    assert not pilot.has("replica_create_button")
    for number, sentence in enumerate(said, start=1):
        pilot.tap("next_button")
        shown = pilot.find("easy_sentence")
        assert shown.logical == sentence
        assert [s for s in said if s in pilot.text()] == [sentence]  # one sentence, no other
        assert pilot.spoken[-1] == sentence
        assert f"Partie {number + 1} sur" in pilot.text()
        assert not pilot.has("replica_create_button")
    picture = pilot.find("easy_sentence").parent.children  # the row: the sentence and its pictogram
    pictogram = next(w for w in picture if w is not shown)
    assert Path(pictogram.source).name == "tap.png"  # « Touchez ... »
    assert pictogram.height >= style.mm(45)  # bigger than the 30 mm step picture
    pilot.tap("next_button")
    assert "Prudence" in pilot.text() and step.warning.get("fr") in pilot.text()
    pilot.tap("next_button")
    # The practice page, alone: no instruction, and no Next (the practice goes on by itself).
    assert pilot.has("replica_create_button") and not pilot.has("easy_sentence")
    assert not pilot.has("next_button") and pilot.has("help_button") and pilot.has("repeat_button")
    assert pilot.spoken[-1] == t("fr", "replica_target_here", label="Créer un compte") + "."
    pilot.tap("back_button")
    assert "Prudence" in pilot.text() and pilot.has("next_button")
    pilot.tap("next_button")
    pilot.tap("replica_create_button")  # done: the next step, at its first sentence
    assert pilot.services.visit.step_index == 1
    assert pilot.find("easy_sentence").logical == sentences(procedure.steps[1].text.get("fr"))[0]
    pilot.tap("back_button")  # back from a step's first page: the previous step's last page
    assert pilot.services.visit.step_index == 0 and pilot.has("replica_create_button")


def test_easy_reads_right_to_left_in_arabic_and_the_back_key_pages_too(pilot: Pilot) -> None:
    pilot.press("f10")  # easy
    pilot.start_visit("ar")
    pilot.open_procedure("email")
    pilot.tap("next_button")
    sentence = pilot.find("easy_sentence")
    row = sentence.parent
    pictogram = next(w for w in row.children if w is not sentence)
    assert pictogram.to_window(*pictogram.center)[0] > sentence.to_window(*sentence.center)[0]  # on the right
    first = sentence.logical
    pilot.tap("next_button")
    assert pilot.find("easy_sentence").logical != first
    assert Path(pictogram.source).name in {"email.png", "computer.png", "tap.png"}
    pilot.press("escape")  # the Back key: the page before, not the step before
    assert pilot.find("easy_sentence").logical == first and pilot.screen == "walkthrough"
    pilot.tap("help_button")
    assert pilot.spoken[-1] == t("ar", "help_walkthrough_easy")


def test_the_speed_comes_back_to_normal_without_easy_and_for_the_next_visitor(pilot: Pilot) -> None:
    engine = pilot.services.speech.engine
    pilot.tap("profile_easy")
    assert engine.rate == pytest.approx(0.8)
    pilot.tap("profile_easy")
    assert engine.rate == pytest.approx(1.0) and pilot.services.visit.rate == 1.0
    pilot.tap("profile_easy")
    pilot.start_visit("en")
    pilot.end_visit()
    assert engine.rate == pytest.approx(1.0) and "easy" not in pilot.services.visit.profiles


@pytest.mark.parametrize(("lang", "name", "on", "off"), [
    ("fr", "Facile à lire", "activé", "désactivé"),
    ("en", "Easy to read", "on", "off"),
    ("ar", "قراءة سهلة", "مفعّل", "غير مفعّل"),
])
def test_a_profile_that_is_on_shows_it_plainly_and_says_on_and_off(pilot: Pilot, lang: str, name: str,
                                                                     on: str, off: str) -> None:
    style = pilot.ui.style
    pilot.ui.nav.set_language(lang)
    pilot.settle()
    button = pilot.find("profile_easy")
    plain = tuple(button.face_colour)
    assert f"{name} – {on}" not in pilot.texts()
    pilot.tap("profile_easy")
    wait_until(lambda: button.state == "normal", step=pilot.settle, message="the touch to end")
    assert f"{name} – {on}" in pilot.texts()  # the word "on" under the name
    assert pilot.spoken[-1] == f"{name}: {on}."
    assert tuple(button.face_colour) == tuple(style.button_text) != plain  # inverted: filled with the ink
    label = button.ids.text_label
    assert ratio_rgba(label.color, button.face_colour) >= 7
    pilot.tap("profile_easy")
    wait_until(lambda: button.state == "normal", step=pilot.settle, message="the touch to end")
    assert f"{name} – {on}" not in pilot.texts() and name in pilot.texts()
    assert pilot.spoken[-1] == f"{name}: {off}."
    assert tuple(button.face_colour) == plain
