"""Interface strings: every language says everything French says, with the same blanks."""

from __future__ import annotations

import string

import pytest

from kiosk.i18n import FALLBACK, LANGUAGES, available, is_rtl, strings, t


def blanks(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_offered_language_has_its_strings() -> None:
    assert set(available()) == set(LANGUAGES)


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != FALLBACK])
def test_each_language_has_every_key_with_the_same_blanks(lang: str) -> None:
    french, other = strings(FALLBACK), strings(lang)
    assert sorted(set(french) - set(other)) == []  # a missing string would show French on that screen
    assert sorted(set(other) - set(french)) == []  # a string nobody asks for is a typo in its key
    assert {key: blanks(text) for key, text in other.items()} == {key: blanks(text) for key, text in french.items()}
    assert all(isinstance(text, str) and text.strip() for text in other.values())


def test_direction_and_formatting() -> None:
    assert [lang for lang in LANGUAGES if is_rtl(lang)] == ["ar"]
    assert t("fr", "step_progress", n=3, total=9) == "Étape 3 sur 9"
    assert t("en", "step_progress", n=3, total=9) == "Step 3 of 9"
