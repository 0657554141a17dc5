"""Describers: what a visitor hears about a button, a tick box or a field, in each language."""

from __future__ import annotations

import pytest

from kiosk.i18n import LANGUAGES as KNOWN_LANGUAGES
from kiosk.i18n import t
from kiosk.speech.describe import control


def sentence(lang: str, *parts: str) -> str:
    """Parts joined the way the screen's language lists them, with a full stop."""
    comma = "، " if lang == "ar" else ", "
    return comma.join(parts) + "."


def test_a_button_says_its_label_then_that_it_is_a_button() -> None:
    assert control("en", "button", "Next").text == "Next, Button."
    assert control("fr", "button", "Suivant").text == "Suivant, Bouton."


@pytest.mark.parametrize("lang", KNOWN_LANGUAGES)
def test_every_kind_is_named_in_the_screen_language(lang: str) -> None:
    for kind in ("button", "link"):
        assert control(lang, kind, "Gmail").text == sentence(lang, "Gmail", t(lang, f"kind_{kind}"))


def test_arabic_lists_with_an_arabic_comma() -> None:
    said = control("ar", "button", "التالي").text
    assert said == f"التالي، {t('ar', 'kind_button')}."
    assert ", " not in said


def test_a_label_that_already_says_what_it_is_is_not_said_twice() -> None:
    assert control("en", "password", "Password").text == sentence("en", "Password", t("en", "field_empty"))
    assert control("en", "button", "button").text == "button."


@pytest.mark.parametrize("lang", KNOWN_LANGUAGES)
def test_a_tick_box_says_whether_it_is_ticked(lang: str) -> None:
    role = t(lang, "kind_checkbox")
    assert control(lang, "checkbox", "CGU", checked=True).text == sentence(lang, "CGU", role, t(lang, "checked"))
    assert control(lang, "checkbox", "CGU", checked=False).text == sentence(lang, "CGU", role, t(lang, "unchecked"))
    assert control(lang, "checkbox", "CGU").text == sentence(lang, "CGU", role)  # state unknown: not guessed


def test_a_field_reads_what_was_typed_or_that_it_is_empty() -> None:
    assert control("en", "field", "First name", value="Amina").text == "First name, Field, Amina."
    assert control("en", "field", "First name", value="").text == "First name, Field, empty."
    assert control("fr", "field", "Prénom").text == "Prénom, Champ, vide."


@pytest.mark.parametrize("lang", KNOWN_LANGUAGES)
def test_what_the_visitor_typed_makes_the_words_private_and_nothing_else_does(lang: str) -> None:
    assert control(lang, "field", "Nom", value="Amina").private  # typed: never cached, written or logged
    assert control(lang, "button", "a", private=True).private  # a key of the practice keyboard
    assert not control(lang, "field", "Nom", value="").private
    assert not control(lang, "password", "Code", value="s3cret").private  # only "filled" is said
    assert not control(lang, "button", "Suivant").private  # public words may be cached


@pytest.mark.parametrize("lang", KNOWN_LANGUAGES)
def test_a_password_or_masked_field_never_reads_what_was_typed(lang: str) -> None:
    secret = "s3cret-1234"
    for kind, masked in (("password", False), ("password", True), ("field", True)):
        said = control(lang, kind, "Code", value=secret, masked=masked)
        assert secret not in said.text and "1234" not in said.text
        assert not any("1234" in segment.text for segment in said.segments)
        assert said.text.endswith(t(lang, "field_filled") + "."), said
    assert control(lang, "password", "Code", value="").text.endswith(t(lang, "field_empty") + ".")


def test_a_label_alone_for_what_has_no_role() -> None:
    assert control("en", "text", "Welcome").text == "Welcome."
