"""The style list and the sources lint: what warns and, as much, what must not."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from kiosk.content.loader import load_file
from kiosk.content.sourcing import facts, lint_sources
from kiosk.content.wording import lint_wording, verb_warnings, word_warnings

TODAY = date(2026, 11, 30)
SOURCE = {"url": "https://www.service-public.fr/particuliers/vosdroits/F1234", "title": "Page", "checked": "2026-11-30"}


def procedure(**step: object) -> dict:
    """A minimal valid procedure document with one step holding ``step``'s keys."""
    base = {"id": "x", "title": {"fr": "Titre"}, "summary": {"fr": "Résumé."}, "site": {"name": {"fr": "Site"}},
            "bring": [], "sources": [SOURCE],
            "steps": [{"id": "s", "title": {"fr": "Étape"}, "text": {"fr": "Touchez le bouton."}}]}
    base["steps"][0].update(step)
    return base


# --- The same words -------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, text", [
    ("fr", "Tapez votre nom."),
    ("fr", "Lisez la page. Entrez votre adresse."),
    ("fr", "« Recopiez le code. »"),
    ("fr", "Ouvrez le site.\nSaisissez votre numéro."),
    ("fr", "Cliquez sur « Suivant »."),
    ("en", "Enter your name."),
    ("en", "Read it. Click “Next”."),
    ("en", "Write your address. Then tap Next."),
    ("en", "Press the button."),
    ("ar", "المس الزر الأزرق."),
    ("ar", "اقرأ الصفحة ثم والمس الزر."),
])
def test_a_discouraged_verb_at_the_start_of_a_sentence_warns(lang: str, text: str) -> None:
    assert list(verb_warnings(lang, text))


@pytest.mark.parametrize("lang, text", [
    ("fr", "Écrivez votre nom. Touchez « Suivant »."),
    ("fr", "Le bouton « Entrer » est en haut."),  # a quoted label, not an instruction
    ("fr", "Votre code tapé reste secret."),
    ("en", "Type your name. Tap Next."),
    ("en", "The Enter key is on the right."),  # not at the start of a sentence
    ("en", "Writers enter here."),
    ("ar", "اضغط على الزر. اكتب اسمك."),
    ("ar", "اللمس يكفي."),  # the noun "touch" (two lams), not the verb
])
def test_the_words_of_the_list_do_not_warn(lang: str, text: str) -> None:
    assert list(verb_warnings(lang, text)) == []
    assert list(word_warnings(lang, text)) == []


@pytest.mark.parametrize("lang, text", [
    ("fr", "Ouvrez votre espace personnel."),
    ("fr", "Allez dans l'espace client."),
    ("fr", "Connectez-vous à votre espace France Travail."),
    ("fr", "Votre Espace est prêt."),
    ("ar", "ادخل إلى فضائك الشخصي."),
    ("ar", "اذهب إلى «فضاء هويتي»."),
    ("ar", "اكتب كلمة السر."),
    ("ar", "لا تعط كلمة سر لأحد."),
])
def test_a_discouraged_word_for_the_account_or_the_password_warns(lang: str, text: str) -> None:
    assert list(word_warnings(lang, text))


@pytest.mark.parametrize("text", [
    "Touchez « Mon espace personnel ».",  # the real site's label, quoted
    "Une adresse e-mail n'a pas d'espace.",  # the blank between words
    "Écrivez l'adresse sans espace.",
    "Laissez un espace entre les mots.",
    "Ouvrez votre compte.",
    "L'espace numérique a un scanner.",  # the digital space the visitor is in, not an account
])
def test_espace_inside_quotes_or_as_the_blank_is_fine(text: str) -> None:
    assert list(word_warnings("fr", text)) == []


def test_the_digital_space_in_arabic_is_not_the_account() -> None:
    assert list(word_warnings("ar", "في الفضاء الرقمي ماسح ضوئي.")) == []
    assert list(word_warnings("ar", "ادخل إلى فضائك.")) != []


def test_the_real_site_french_in_a_replica_is_left_alone_but_its_translation_is_not() -> None:
    data = procedure(replica={"heading": {"fr": "Mon espace personnel", "ar": "فضائي الشخصي"},
                              "elements": [{"id": "b", "kind": "button",
                                            "label": {"fr": "Entrez", "en": "Enter", "ar": "المس"}}],
                              "target": "b", "action": "tap"})
    warnings = list(lint_wording(data))
    assert [(".".join(map(str, p))) for p, _ in warnings] == ["steps.0.replica.heading.ar"]


def test_wording_warnings_come_from_content_check_with_file_and_line(tmp_path: Path) -> None:
    data = procedure(text={"fr": "Tapez votre nom.", "en": "Type your name.", "ar": "اكتب اسمك."})
    path = tmp_path / "x.yaml"
    path.write_text(yaml.safe_dump(data | {"theme": "email", "pictogram": "email", "last_checked": "2026-11-01",
                                           "checked_by": "Équipe", "site": {"name": {"fr": "S"},
                                                                            "url": "https://exemple.fr"}},
                                   allow_unicode=True), encoding="utf-8")
    _, problems = load_file(path, TODAY)
    texts = [str(p) for p in problems if "not 'Tapez'" in p.message]
    assert len(texts) == 1 and ": steps[0].text.fr: say 'Écrivez" in texts[0] and f"{path}:" in texts[0]


# --- Facts need sources ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang, text, kind", [
    ("fr", "Appelez le 3646.", "a phone number"),
    ("fr", "Appelez le 39 49, du lundi au vendredi.", "a phone number"),
    ("fr", "Le numéro est le 0 809 401 401.", "a phone number"),
    ("fr", "Appelez le 01 23 45 67 89.", "a phone number"),
    ("en", "Call +33 1 23 45 67 89.", "a phone number"),
    ("ar", "اتصل بالرقم ٣٦٤٦.", "a phone number"),
    ("fr", "Le timbre coûte 25 €.", "an amount"),
    ("fr", "Le timbre coûte 86 euros.", "an amount"),
    ("en", "It costs 25 EUR.", "an amount"),
    ("en", "It costs €25.", "an amount"),
    ("ar", "ثمنه 25 يورو.", "an amount"),
    ("fr", "Vous avez 15 jours pour répondre.", "a deadline"),
    ("fr", "Un justificatif de moins de trois mois.", "a deadline"),
    ("fr", "Déclarez avant le 15 du mois.", "a deadline"),
    ("fr", "Faites-le le 1er janvier.", "a deadline"),
    ("en", "You have two weeks.", "a deadline"),
    ("en", "Before 15 March.", "a deadline"),
    ("ar", "لديك 15 يوما للرد.", "a deadline"),
    ("ar", "عمرها أقل من 6 أشهر.", "a deadline"),
    ("ar", "لديك شهرين.", "a deadline"),
])
def test_a_fact_is_found(lang: str, text: str, kind: str) -> None:
    assert kind in [k for k, _ in facts(lang, text)]


@pytest.mark.parametrize("lang, text", [
    ("fr", "Touchez « Suivant ». Écrivez votre nom."),
    ("fr", "Votre numéro de sécurité sociale a 13 chiffres et une clé de 2 chiffres."),
    ("fr", "Déclarez chaque mois vos ressources."),
    ("fr", "Écrivez 165 pour 1,65 mètre."),
    ("fr", "Votre code a 6 chiffres."),
    ("fr", "Écrivez l'année 2025."),
    ("en", "Your card has 13 digits."),
    ("en", "Pay in euros at the counter."),
    ("ar", "اكتب رقمك المكون من 13 رقما."),
    ("ar", "صرّح بمواردك كل شهر."),
])
def test_plain_numbers_and_words_are_not_facts(lang: str, text: str) -> None:
    assert facts(lang, text) == []


def test_a_step_with_a_fact_and_no_sources_warns_once_naming_the_fact() -> None:
    data = procedure(text={"fr": "Appelez le 3646. Le timbre coûte 25 €.", "en": "Call 3646."},
                     tip={"fr": "Vous avez 15 jours."})
    warnings = list(lint_sources(data))
    assert len(warnings) == 2  # one per text holding facts (text, then tip), never one per language
    path, message = warnings[0]
    assert path == ["steps", 0, "text", "fr"]
    assert "a phone number ('3646')" in message and "an amount ('25 €')" in message
    assert warnings[1][0] == ["steps", 0, "tip", "fr"] and "a deadline ('15 jours')" in warnings[1][1]


def test_a_step_with_sources_or_an_unconfirmed_note_does_not_warn() -> None:
    text = {"fr": "Appelez le 3646."}
    assert list(lint_sources(procedure(text=text, sources=[SOURCE]))) == []
    assert list(lint_sources(procedure(text=text, unconfirmed="Numéro non vérifié : page introuvable."))) == []


def test_a_procedure_needs_sources_and_its_bring_list_too() -> None:
    data = procedure()
    del data["sources"]
    assert [p for p, _ in lint_sources(data)] == [["sources"]]
    data["bring"] = [{"fr": "Votre carte Vitale."}]
    assert [p for p, _ in lint_sources(data)] == [["sources"], ["bring"]]
    data["sources"] = [SOURCE]
    assert list(lint_sources(data)) == []


def test_a_practice_site_that_copies_no_real_page_needs_no_procedure_sources_but_its_facts_do() -> None:
    data = procedure(text={"fr": "Appelez le 3646."})
    del data["sources"]
    data["site"]["url"] = "https://entrainement.exemple.fr"
    assert [p for p, _ in lint_sources(data)] == [["steps", 0, "text", "fr"]]
    data["site"]["url"] = "https://www.exemple.fr.arnaque.com"  # not a made-up site: a real address
    assert ["sources"] in [p for p, _ in lint_sources(data)]


@pytest.mark.parametrize("lang, text", [
    ("fr", "Choisissez un jour et une heure."),
    ("fr", "Il se place avant le signe @."),
    ("en", "Choose one day and a time."),
])
def test_words_that_only_look_like_deadlines_are_not_facts(lang: str, text: str) -> None:
    assert facts(lang, text) == []


def test_a_verb_used_twice_in_one_text_warns_once() -> None:
    data = procedure(text={"fr": "Tapez votre nom. Tapez votre prénom."})
    assert len(list(lint_wording(data))) == 1
