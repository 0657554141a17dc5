"""Each sentence of an instruction gets the pictogram of its action, in each language."""

from __future__ import annotations

import pytest

from kiosk.content.sentence_pictograms import ACTIONS, THINGS, WARNING, illustrated, pictogram_for
from kiosk.ui.pictograms import pictogram_path


@pytest.mark.parametrize(("lang", "sentence", "picto"), [
    ("fr", "Touchez « Créer un compte ».", "tap"),
    ("en", "Tap “Create an account”.", "tap"),
    ("ar", "اضغط على «إنشاء حساب».", "tap"),
    ("fr", "Écrivez ensuite votre nom de famille.", "type"),
    ("en", "Then type your last name.", "type"),
    ("ar", "ثم اكتب اسم عائلتك.", "type"),
    ("fr", "Lisez le message.", "read"),
    ("en", "Read the message.", "read"),
    ("ar", "اقرأ الرسالة.", "read"),
    ("fr", "Attendez le code.", "wait"),  # the verb wins over the thing
    ("en", "Wait a few seconds.", "wait"),
    ("ar", "انتظر قليلًا.", "wait"),
    ("fr", "Appelez le 3646.", "phone"),
    ("en", "Call 3646.", "phone"),
    ("ar", "اتصل بالرقم 3646.", "phone"),
    ("fr", "Gardez votre carte Vitale près de vous.", "card"),
    ("ar", "خذ البطاقة الحيوية.", "card"),
    ("ar", "ضع بطاقتك أمامك.", "card"),
    ("en", "Your password stays secret.", "lock"),
    ("fr", "Votre mot de passe reste secret.", "lock"),
    ("ar", "كلمة المرور سرية.", "lock"),
    ("fr", "Le site envoie un e-mail.", "email"),
    ("ar", "يرسل الموقع رسالة إلى بريدك.", "email"),
    ("en", "Keep the documents together.", "document"),
    ("fr", "Ne donnez jamais votre carte bancaire.", WARNING),  # a warning wins over the thing
    ("en", "Never give your bank card details.", WARNING),
    ("ar", "لا تعطِ أبدًا معلومات بطاقتك البنكية.", WARNING),
])
def test_the_sentence_says_its_pictogram(lang: str, sentence: str, picto: str) -> None:
    assert pictogram_for(sentence, lang, fallback="computer") == picto


def test_a_site_label_in_quotes_is_not_what_the_sentence_asks() -> None:
    # « Mot de passe oublié » is a button of the site: the sentence asks to tap it.
    assert pictogram_for("Touchez « Mot de passe oublié ».", "fr") == "tap"
    assert pictogram_for("Le bouton « Carte » est en haut.", "fr", fallback="computer") == "computer"


def test_a_sentence_with_no_action_gets_the_steps_picture() -> None:
    assert pictogram_for("Beaucoup de sites sont gratuits.", "fr", fallback="computer") == "computer"
    assert pictogram_for("Many websites are free.", "en") == ""


def test_an_instruction_becomes_one_pictogram_per_sentence() -> None:
    text = ("Beaucoup de sites donnent une adresse e-mail gratuite. Ouvrez le site de la messagerie. "
            "Touchez « Créer un compte ».")
    assert illustrated(text, "fr", fallback="computer") == [
        ("Beaucoup de sites donnent une adresse e-mail gratuite.", "email"),
        ("Ouvrez le site de la messagerie.", "email"),
        ("Touchez « Créer un compte ».", "tap"),
    ]


def test_every_pictogram_it_names_is_drawn() -> None:
    for name in (*ACTIONS, *THINGS, WARNING):
        assert pictogram_path(name), name
