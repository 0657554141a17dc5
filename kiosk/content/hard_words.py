"""Words known to trip up visitors who read little, per language, and the lint that asks for their explanation.

:data:`HARD_WORDS` lists, for each language, words and phrases that need an
entry in that language's glossary (``content/glossary/LANG.yaml``). The lint
(:func:`unexplained`) warns when an instruction, tip or warning of a procedure
uses one that no glossary entry covers there: the walkthrough then has nothing
to offer the visitor who does not understand it. In English and Arabic the
French words a visitor meets on the real site count too. Imports no Kivy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from kiosk.content.glossary import Glossary, form_pattern

#: the step texts the walkthrough marks (and so the lint reads)
MARKED_KEYS = ("text", "tip", "warning")

_FRENCH_ON_SITES = (
    "numéro allocataire", "montant net social", "carte Vitale", "RIB", "avis d'impôt", "FranceConnect",
    "Pharos", "pré-demande", "timbre fiscal", "attestation de droits", "identifiant",
)

#: hard words per language (any letter case; straight or curly apostrophes)
HARD_WORDS: Mapping[str, tuple[str, ...]] = {
    "fr": (
        "numéro allocataire", "montant net social", "espace personnel", "identifiant", "conjoint", "clé",
        "carte Vitale", "numéro fiscal", "revenu fiscal de référence", "avis d'impôt", "RIB", "arobase",
        "FranceConnect", "Pharos", "numéro de sécurité sociale", "barre d'adresse", "timbre fiscal", "pré-demande",
        "fiche de paie", "actualisation", "prime d'activité",
        "revenu de solidarité active", "IBAN", "attestation de droits", "courriers indésirables",
        "aide personnalisée au logement", "salaire brut", "phishing",
    ),
    "en": _FRENCH_ON_SITES + (
        "CAF number", "personal space", "user number", "partner", "social security number", "tax number",
        "reference tax income", "tax notice", "address bar", "tax stamp",
        "pre-application", "payslip", "monthly update", "IBAN", "spam folder", "junk mail folder",
        "gross pay", "phishing",
    ),
    "ar": _FRENCH_ON_SITES + (
        "رقم الضمان الاجتماعي", "رقمك الضريبي", "الرقم الضريبي", "دخلك الضريبي المرجعي", "إشعار الضريبة",
        "شريط العنوان", "الطابع الجبائي", "الطلب المسبق",
        "قسيمة الراتب", "فضاؤك الشخصي", "معرّفك", "زوجك أو زوجتك", "IBAN", "البريد غير المرغوب فيه",
        "الراتب الإجمالي",
    ),
}


@cache
def _pattern(lang: str) -> re.Pattern[str] | None:
    """All hard words of ``lang`` in one expression, longest first (one pass over a text finds them all)."""
    words = sorted(HARD_WORDS.get(lang, ()), key=len, reverse=True)
    if not words:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(form_pattern(w) for w in words)})(?!\w)", re.IGNORECASE)


def unexplained(data: dict[str, Any], glossaries: Mapping[str, Glossary]) -> Iterator[tuple[list[Any], str]]:
    """Yield ``(path, message)`` for each hard word a step text uses with no glossary entry covering it there.

    ``data`` is one valid procedure document; each word is reported once per text and language.
    """
    for i, step in enumerate(data["steps"]):
        for key in MARKED_KEYS:
            for lang, text in step.get(key, {}).items():
                pattern = _pattern(lang)
                if pattern is None:
                    continue
                found = list(pattern.finditer(text))
                if not found:
                    continue
                glossary = glossaries.get(lang)
                covered = [(m.start, m.end) for m in glossary.find(text)] if glossary else []
                reported: set[str] = set()
                for m in found:
                    word = _written(lang, m.group(0))
                    if word in reported or any(start <= m.start() and m.end() <= end for start, end in covered):
                        continue
                    reported.add(word)
                    yield (["steps", i, key, lang],
                           f"hard word {word!r} has no entry in the {lang} glossary (content/glossary/{lang}.yaml)")


def _written(lang: str, found: str) -> str:
    """The hard word of the list that ``found`` is (as the list writes it)."""
    plain = " ".join(found.replace("’", "'").split()).casefold()
    return next((w for w in HARD_WORDS[lang] if " ".join(w.split()).casefold() == plain), found)
