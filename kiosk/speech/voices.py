"""The espeak-ng voices the kiosk speaks with, and its speaking rates. Imports no Kivy."""

from __future__ import annotations

#: language -> espeak-ng voice name (``SetVoiceByName``)
DEFAULT_VOICES: dict[str, str] = {"fr": "fr", "en": "en", "ar": "ar"}
#: espeak-ng speaking rate, words per minute
DEFAULT_RATE = 175
MIN_RATE, MAX_RATE = 80, 450


def normalise_lang(lang: str) -> str:
    """'fr-FR', 'fr_FR', 'FR' -> 'fr'."""
    return (lang or "").replace("_", "-").split("-")[0].lower()
