"""Speech as a sequence: who says which words, and how addresses and numbers are read aloud."""

from __future__ import annotations

import pytest

from kiosk.speech.engines import RecordingEngine
from kiosk.speech.queue import SpeechQueue
from kiosk.speech.sequence import LABEL_PAUSE_MS, SIGNS, Segment, speech_of


def voices(text: str, lang: str) -> list[tuple[str, str]]:
    return [(s.lang, s.text) for s in speech_of(text, lang).segments]


def test_a_quoted_french_label_in_english_is_said_by_the_french_voice_then_english_goes_on() -> None:
    said = speech_of("Tap « Créer un compte » at the top.", "en")
    assert said.segments == (
        Segment("Tap", "en"),
        Segment("Créer un compte", "fr", LABEL_PAUSE_MS),
        Segment("at the top.", "en", LABEL_PAUSE_MS),
    )
    assert said.text == "Tap « Créer un compte » at the top."  # the caption is the sentence as written


def test_in_arabic_a_quoted_french_label_is_french_and_a_quoted_arabic_translation_stays_arabic() -> None:
    assert voices("اضغط على «Valider».", "ar") == [("ar", "اضغط على"), ("fr", "Valider")]
    assert voices("اضغط على «إنشاء حساب».", "ar") == [("ar", "اضغط على «إنشاء حساب».")]


def test_french_names_inside_arabic_are_said_in_french_not_by_espeaks_english() -> None:
    assert voices("اتصل بـ CAF أو France Travail.", "ar") == [
        ("ar", "اتصل بـ"), ("fr", "CAF"), ("ar", "أو"), ("fr", "France Travail.")]


def test_french_text_is_one_french_segment() -> None:
    assert voices("Touchez « Valider » puis « Suivant ».", "fr") == [("fr", "Touchez « Valider » puis « Suivant ».")]


@pytest.mark.parametrize("lang, expected", [
    ("fr", [("fr", "Ouvrez w w w point ameli point f r.")]),
    ("en", [("en", "Open w w w dot ameli dot f r.")]),
    ("ar", [("ar", "افتح"), ("fr", "w w w"), ("ar", SIGNS["ar"]["."]), ("fr", "ameli"), ("ar", SIGNS["ar"]["."]),
            ("fr", "f r.")]),
])
def test_a_web_address_is_read_as_a_person_reads_it_in_the_screens_words(lang: str, expected: list) -> None:
    sentence = {"fr": "Ouvrez www.ameli.fr.", "en": "Open www.ameli.fr.", "ar": "افتح www.ameli.fr."}[lang]
    assert voices(sentence, lang) == expected  # in Arabic: the signs in Arabic, the site's names in French


@pytest.mark.parametrize("lang, at", [("fr", "arobase"), ("en", "at"), ("ar", SIGNS["ar"]["@"])])
def test_the_at_sign_is_said_by_its_name(lang: str, at: str) -> None:
    said = speech_of("marie.dupont@exemple.fr", lang)
    assert at in [s.text for s in said.segments] or f" {at} " in said.segments[0].text
    assert "@" not in " ".join(s.text for s in said.segments)


def test_phone_numbers_are_said_in_the_groups_people_use() -> None:
    assert voices("Appelez le 3646.", "fr") == [("fr", "Appelez le 36, 46.")]
    assert voices("Call 0 809 401 401 now.", "en") == [("en", "Call 0, 809, 401, 401 now.")]
    assert voices("Appelez le 01 23 45 67 89.", "fr") == [("fr", "Appelez le 01, 23, 45, 67, 89.")]


def test_amounts_and_years_are_left_to_the_voice() -> None:
    assert voices("Vous recevez 1 250 € en 2026.", "fr") == [("fr", "Vous recevez 1 250 € en 2026.")]


def test_a_long_code_is_said_two_digits_at_a_time() -> None:
    assert voices("Le code 123456.", "fr") == [("fr", "Le code 1 2, 3 4, 5 6.")]


def test_the_queue_hands_the_engine_the_segments_and_keeps_privacy() -> None:
    engine = RecordingEngine()
    queue = SpeechQueue(engine)
    queue.say("Tap « Valider ».", "en")
    queue.say(speech_of("Nom, champ, Amina.", "fr", private=True), "fr")
    public, private = engine.spoken
    assert [s.lang for s in public.segments] == ["en", "fr"]
    assert not public.private
    assert private.private and private.text == "Nom, champ, Amina."
