"""Interface strings: every language says everything French says, with the same blanks."""

from __future__ import annotations

import string

import pytest

from kiosk.i18n import FALLBACK, LANGUAGES, PLURAL_FORMS, available, is_rtl, plural, strings, t

#: the plural strings (``key_one``, ``key_other``...): each language has the forms its own rules use
PLURALS = sorted(key[: -len("_other")] for key in strings(FALLBACK) if key.endswith("_other"))


def blanks(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def singular_keys(table: dict[str, str]) -> dict[str, str]:
    """The strings that are not plural forms."""
    return {key: text for key, text in table.items()
            if not any(key == f"{stem}_{form}" for stem in PLURALS for form in PLURAL_FORMS)}


def test_every_offered_language_has_its_strings() -> None:
    assert set(available()) == set(LANGUAGES)


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != FALLBACK])
def test_each_language_has_every_key_with_the_same_blanks(lang: str) -> None:
    french, other = singular_keys(strings(FALLBACK)), singular_keys(strings(lang))
    assert sorted(set(french) - set(other)) == []  # a missing string would show French on that screen
    assert sorted(set(other) - set(french)) == []  # a string nobody asks for is a typo in its key
    assert {key: blanks(text) for key, text in other.items()} == {key: blanks(text) for key, text in french.items()}
    assert all(isinstance(text, str) and text.strip() for text in other.values())


def test_direction_and_formatting() -> None:
    assert [lang for lang in LANGUAGES if is_rtl(lang)] == ["ar"]
    assert t("fr", "step_progress", n=3, total=9) == "Étape 3 sur 9"
    assert t("en", "step_progress", n=3, total=9) == "Step 3 of 9"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_plural_form_a_number_can_take_is_written(lang: str) -> None:
    from babel import Locale

    rule = Locale.parse(lang).plural_form
    for stem in PLURALS:
        needed = {rule(n) for n in range(0, 121)}  # the numbers the kiosk shows (minutes: 1 to 120)
        assert sorted(f for f in needed if f"{stem}_{f}" not in strings(lang)) == []
        forms = {key: text for key, text in strings(lang).items() if key.startswith(f"{stem}_")}
        assert all(blanks(text) <= blanks(strings(FALLBACK)[f"{stem}_other"]) for text in forms.values())


def test_plural_forms_follow_each_language() -> None:
    assert [plural("fr", "minutes_about", n) for n in (1, 10)] == ["Environ 1 minute", "Environ 10 minutes"]
    assert [plural("en", "minutes_about", n) for n in (1, 10)] == ["About 1 minute", "About 10 minutes"]
    # Arabic: a counted noun is plural from 3 to 10, singular from 11 on, dual for 2
    assert [plural("ar", "minutes_about", n) for n in (2, 10, 15)] == [
        "حوالي دقيقتين", "حوالي 10 دقائق", "حوالي 15 دقيقة"]
