"""A visitor meets a hard word in a step: it is marked, a 20 mm button opens its explanation, said aloud.

The story runs on caf_quarterly's "Connectez-vous" step, whose instruction says
« numéro allocataire », in French, English and Arabic.
"""

from __future__ import annotations

import pytest

from kiosk.access.rules import TARGET_MM
from kiosk.i18n import t
from kiosk.testing.pilot import Pilot
from kiosk.ui.focus import actionable

SIGN_IN_STEP = 3  # caf_quarterly: "Connectez-vous", whose instruction names the numéro allocataire


def _to_sign_in_step(pilot: Pilot, lang: str) -> None:
    pilot.start_visit(lang)
    pilot.open_procedure("caf_quarterly")
    pilot.go_to_step(SIGN_IN_STEP)


@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_a_marked_term_opens_its_explanation_on_screen_and_aloud(pilot: Pilot, lang: str) -> None:
    _to_sign_in_step(pilot, lang)
    entry = pilot.services.content.glossary(lang).get("numéro allocataire")
    assert entry is not None
    # marked in the instruction as drawn: underlined, with the sign after it
    instruction = pilot.find("step_text")
    assert instruction.marked_terms == ["numéro allocataire"]
    assert "[u]" in instruction.text and ("(?)" in instruction.text or "(؟)" in instruction.text)
    # and offered as a target of the usual size under the texts
    button = pilot.find("term_numero_allocataire")
    style = pilot.ui.style
    assert button.width >= style.mm(TARGET_MM) - 1 and button.height >= style.mm(TARGET_MM) - 1
    assert t(lang, "glossary_heading") in pilot.texts()
    pilot.tap("term_numero_allocataire")
    assert pilot.overlay == "GlossaryOverlay"
    assert entry.explain in pilot.texts()
    assert pilot.spoken[-1] == entry.spoken()
    assert pilot.services.speech.engine.spoken[-1].lang == lang
    pilot.tap("close_button")
    assert pilot.overlay is None
    assert pilot.screen == "walkthrough" and pilot.services.visit.step_index == SIGN_IN_STEP - 1


def test_the_example_is_shown_with_its_explanation(pilot: Pilot) -> None:
    pilot.start_visit("fr")
    pilot.open_procedure("ameli")
    pilot.go_to_step(1)  # "Regardez votre numéro de sécurité sociale": the clé, and the carte Vitale
    names = [b.name for b in pilot.find("glossary_terms").grid.buttons]
    assert names == ["term_carte_vitale", "term_cle"]
    pilot.tap("term_cle")
    entry = pilot.services.content.glossary("fr").get("clé")
    assert f"{t('fr', 'glossary_example')} {entry.example}" in pilot.texts()
    assert entry.example in pilot.spoken[-1]


def test_a_step_without_hard_words_shows_no_row_of_terms(pilot: Pilot) -> None:
    pilot.start_visit("fr")
    pilot.open_procedure("caf_quarterly")
    pilot.go_to_step(2)  # "Ouvrez « Mon Compte »": no glossary word
    assert not pilot.has("glossary_terms")
    assert pilot.find("step_text").marked_terms == []


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_in_explore_by_touch_a_term_says_it_has_an_explanation_then_opens(config, shipped_content,
                                                                          lang: str) -> None:
    with Pilot.run(config, content=shipped_content, profile="blind") as pilot:
        _to_sign_in_step(pilot, lang)
        pilot.tap("term_numero_allocataire")
        assert pilot.overlay is None  # the first touch only speaks
        comma = "، " if lang == "ar" else ", "
        assert pilot.spoken[-1] == f"numéro allocataire{comma}{t(lang, 'kind_term')}."
        pilot.tap("term_numero_allocataire")
        assert pilot.overlay == "GlossaryOverlay"


def test_the_term_buttons_are_in_the_key_order(pilot: Pilot) -> None:
    _to_sign_in_step(pilot, "fr")
    names = [w.name for w in actionable(pilot.ui.nav.top, rtl=False)]
    term = names.index("term_numero_allocataire")
    assert names.index("next_button") > term  # reached by Down like the other buttons, before the nav bar
    pilot.focus_on("term_numero_allocataire")
    pilot.press("enter")
    assert pilot.overlay == "GlossaryOverlay"
    pilot.press("escape")  # Back closes the overlay, as Close does
    assert pilot.overlay is None
