"""The glossary of hard words: matching terms, loading files with their errors, the hard-word lint, marking."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from kiosk.content.glossary import Entry, Glossary
from kiosk.content.glossary_loader import load_glossaries, load_glossary_file
from kiosk.content.hard_words import HARD_WORDS, unexplained
from kiosk.content.loader import load, load_all
from kiosk.i18n import LANGUAGES
from kiosk.i18n.bidi import display_line
from kiosk.i18n.marking import marked_ltr, marked_rtl

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 30)
SOURCE = {"url": "https://www.ameli.fr/x", "title": "Une page", "checked": "2026-11-30"}

GOOD = """\
terms:
  - term: "numéro de sécurité sociale"
    explain: "C'est votre numéro à l'Assurance maladie."
    example: "Il commence par 1 ou 2 et fait 13 chiffres."
    pictogram: "id_card"
    source: {url: "https://www.ameli.fr/x", title: "Une page", checked: 2026-11-30}
  - term: "numéro"
    explain: "Des chiffres."
    unconfirmed: "Mot courant."
  - term: "avis d'impôt"
    forms: ["avis d'imposition"]
    explain: "Le document des impôts."
    unconfirmed: "Pas de page lue."
"""


def glossary_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "glossary"
    folder.mkdir(exist_ok=True)
    return folder


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# -- matching --------------------------------------------------------------------------------
def test_the_longest_term_wins_whole_words_any_case_and_apostrophe() -> None:
    g = Glossary("fr", (Entry("numéro", "x"), Entry("numéro de sécurité sociale", "y"), Entry("avis d'impôt", "z")))
    text = "Votre NUMÉRO DE SÉCURITÉ SOCIALE, votre numéros et l'avis d’impôt."
    found = g.find(text)
    assert [(m.entry.term, m.start) for m in found] == [("numéro de sécurité sociale", 6),
                                                        ("avis d'impôt", text.index("avis"))]
    assert g.terms_in("un numéro", "un autre numéro") == [g.entries[0]]
    assert g.get("AVIS D’IMPÔT") is g.entries[2]


def test_an_arabic_term_is_found_behind_a_joined_one_letter_word() -> None:
    g = Glossary("ar", (Entry("numéro fiscal", "x", forms=("رقمك الضريبي",)),))
    text = "احتفظ برقمك الضريبي. اكتب رقمك الضريبي."
    assert [text[m.start:m.end] for m in g.find(text)] == ["برقمك الضريبي", "رقمك الضريبي"]
    assert g.find("رقمكم الضريبي") == []  # another word, not the term


def test_an_entry_says_its_term_explanation_and_example() -> None:
    entry = Entry("clé", "Les 2 derniers chiffres", example="Le numéro a 13 chiffres.")
    assert entry.spoken() == "clé. Les 2 derniers chiffres. Le numéro a 13 chiffres."
    assert entry.key == "cle"
    assert Entry("الطابع", "x").key.startswith("term_")


# -- loading ---------------------------------------------------------------------------------
def test_a_good_glossary_loads_with_sources_and_forms(tmp_path: Path) -> None:
    glossary, problems = load_glossary_file(write(glossary_dir(tmp_path), "fr.yaml", GOOD))
    assert problems == []
    assert glossary is not None and glossary.lang == "fr" and len(glossary) == 3
    first = glossary.entries[0]
    assert first.source is not None and first.source.checked == date(2026, 11, 30)
    assert glossary.get("avis d'imposition").term == "avis d'impôt"


@pytest.mark.parametrize("text, line, field, message", [
    (GOOD.replace('explain: "Des chiffres."', 'explains: "Des chiffres."'), 8, "terms[1].explains", "unknown key"),
    (GOOD.replace('    unconfirmed: "Mot courant."\n', ""), 7, "terms[1]", "needs a source"),
    (GOOD.replace('forms: ["avis d\'imposition"]', 'forms: ["numéro"]'), 11, "terms[2].forms[0]", "already written"),
    (GOOD.replace("checked: 2026-11-30", "checked: \"2026-02-30\""), 6, "terms[0].source.checked", "not a real date"),
    (GOOD.replace("terms:", "terms: [", 1), 2, "", "not valid YAML"),
])
def test_a_broken_glossary_names_file_line_and_field(tmp_path: Path, text: str, line: int, field: str,
                                                    message: str) -> None:
    path = write(glossary_dir(tmp_path), "fr.yaml", text)
    glossary, problems = load_glossary_file(path)
    assert glossary is None
    assert problems and problems[0].line == line and problems[0].field == field
    assert message in problems[0].message
    assert str(problems[0]).startswith(f"{path}:{line}: ")


def test_a_file_not_named_after_a_language_is_refused(tmp_path: Path) -> None:
    glossary, problems = load_glossary_file(write(glossary_dir(tmp_path), "french.yaml", GOOD))
    assert glossary is None and "named after its language" in problems[0].message


def test_a_broken_glossary_leaves_the_other_languages_and_the_procedures_working(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "sample.yaml").write_text((ROOT / "content" / "email.yaml").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    folder = glossary_dir(content)
    write(folder, "fr.yaml", GOOD)
    write(folder, "en.yaml", "terms: nope\n")
    procedures, problems, glossaries, _skills = load_all([content], TODAY)
    assert [p.id for p in procedures] == ["email"]
    assert set(glossaries) == {"fr"}
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1 and errors[0].file == folder / "en.yaml" and errors[0].field == "terms"
    assert load([content], TODAY).glossary("en").entries == ()  # an empty glossary, not a crash


def test_long_sentences_and_unknown_pictograms_are_warnings(tmp_path: Path) -> None:
    text = GOOD.replace('"Des chiffres."', '"' + " ".join(["mot"] * 16) + '."').replace('"id_card"', '"nope"')
    glossary, problems = load_glossary_file(write(glossary_dir(tmp_path), "fr.yaml", text))
    assert glossary is not None
    assert {(p.field, p.severity) for p in problems} == {("terms[1].explain", "warning"),
                                                         ("terms[0].pictogram", "warning")}


def test_content_check_reports_a_broken_glossary_and_exits_1(tmp_path: Path) -> None:
    path = write(glossary_dir(tmp_path), "ar.yaml", GOOD.replace("explain:", "explain: [", 1))
    result = subprocess.run([sys.executable, "-m", "kiosk", "content", "check", str(tmp_path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{path}:")
    assert "Traceback" not in result.stderr


# -- the shipped glossaries ------------------------------------------------------------------
def test_the_shipped_glossaries_cover_the_issue_words_in_every_language() -> None:
    glossaries, problems = load_glossaries([ROOT / "content"])
    assert problems == [] and set(glossaries) == set(LANGUAGES)
    issue_words = ["numéro allocataire", "montant net social", "espace personnel", "identifiant", "conjoint", "clé",
                   "carte Vitale", "numéro fiscal", "revenu fiscal de référence", "avis d'impôt", "RIB", "arobase",
                   "FranceConnect", "Pharos"]
    for lang, glossary in glossaries.items():
        assert 40 <= len(glossary) <= 80  # the words of 27 modules, not a dictionary
        assert [w for w in issue_words if glossary.get(w) is None] == [], lang
        assert all(e.source is not None or e.unconfirmed for e in glossary.entries)
    # Arabic: a couple, married or not, is one word
    assert "الزوج أو الشريك" in glossaries["ar"].get("conjoint").forms


# -- the hard-word lint ----------------------------------------------------------------------
def _procedure(text: dict[str, str]) -> dict:
    return {"steps": [{"id": "a", "title": {"fr": "t"}, "text": text}]}


def test_a_hard_word_without_an_entry_is_a_warning_naming_the_glossary() -> None:
    data = _procedure({"fr": "Prenez votre RIB et votre carte Vitale.", "en": "Take your RIB."})
    glossaries = {"fr": Glossary("fr", (Entry("carte Vitale", "x"),))}
    warnings = list(unexplained(data, glossaries))
    assert warnings == [
        (["steps", 0, "text", "fr"], "hard word 'RIB' has no entry in the fr glossary (content/glossary/fr.yaml)"),
        (["steps", 0, "text", "en"], "hard word 'RIB' has no entry in the en glossary (content/glossary/en.yaml)"),
    ]


def test_a_hard_word_covered_by_a_longer_entry_is_explained() -> None:
    assert "identifiant" in HARD_WORDS["fr"]
    data = _procedure({"fr": "Entrez votre identifiant fiscal."})
    glossaries = {"fr": Glossary("fr", (Entry("identifiant fiscal", "x"),))}
    assert list(unexplained(data, glossaries)) == []


def test_the_lint_runs_in_the_loader_with_the_glossaries(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "email.yaml").write_text((ROOT / "content" / "email.yaml").read_text(encoding="utf-8"),
                                        encoding="utf-8")
    doc = yaml.safe_load((content / "email.yaml").read_text(encoding="utf-8"))
    doc["steps"][0]["tip"] = {"fr": "Gardez votre RIB.", "en": "Keep your RIB.", "ar": "احتفظ بكشف RIB."}
    (content / "email.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    _procedures, problems, _g, _s = load_all([content], TODAY)
    hard = [p for p in problems if "hard word" in p.message]
    assert {"steps[0].tip.fr", "steps[0].tip.en", "steps[0].tip.ar"} <= {p.field for p in hard}
    assert all(p.severity == "warning" and p.line > 1 for p in hard)
    # with the shipped glossaries beside it, the step's RIB is explained
    (content / "glossary").symlink_to(ROOT / "content" / "glossary")
    _procedures, problems, _g, _s = load_all([content], TODAY)
    assert [p for p in problems if "hard word" in p.message] == []


# -- marking ---------------------------------------------------------------------------------
def test_left_to_right_marking_underlines_the_term_and_escapes_the_rest() -> None:
    text = "Votre [RIB] & votre numéro."
    assert marked_ltr(text, [(7, 10)]) == "Votre &bl;[u]RIB[/u][b]\u00a0(?)[/b]&br; &amp; votre numéro."


def test_right_to_left_marking_draws_the_chunks_in_the_line_order() -> None:
    text = "اكتب رقمك الضريبي الآن"
    start = text.index("رقمك")
    markup, marked = marked_rtl(text, [(start, start + len("رقمك الضريبي"))], 10_000, len)
    assert marked == [(start, start + len("رقمك الضريبي"))]
    after, rest = markup.split("[b]")
    sign, rest = rest.split("[/b][u]")
    term, before = rest.split("[/u]")
    # left to right: what follows the term, the sign, the term, what precedes it; the spaces that
    # meet the term no-break (Kivy dropped a plain one at a chunk's edge: "اكتبرقمك")
    assert after == display_line("\u00a0الآن") and term == display_line("رقمك الضريبي")
    assert before == display_line("اكتب\u00a0") and "؟" in sign


def test_a_term_cut_by_the_end_of_a_line_is_left_plain() -> None:
    text = "اكتب رقمك الضريبي الآن"
    start = text.index("رقمك")
    markup, marked = marked_rtl(text, [(start, start + len("رقمك الضريبي"))], 6, len)
    assert marked == [] and "[u]" not in markup
