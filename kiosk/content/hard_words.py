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

from kiosk.content.glossary import WORD_AFTER, WORD_BEFORE, Glossary, form_pattern

#: the step texts the walkthrough marks (and so the lint reads)
MARKED_KEYS = ("text", "tip", "warning")

_FRENCH_ON_SITES = (
    "numéro allocataire", "montant net social", "carte Vitale", "RIB", "avis d'impôt", "FranceConnect",
    "Pharos", "pré-demande", "timbre fiscal", "attestation de droits", "identifiant",
    # issue 24: French labels and site words quoted in the English and Arabic texts
    "faire opposition", "Perceval", "Phishing Initiative", "17cyber", "33700", "titre de séjour", "SIRET",
    "FranceConnect+", "France Identité", "Identité Numérique", "NFC", "Corbeille", "Téléchargements", "Télécharger",
    "Numériser", "PDF", "Mo", "azerty", "Maj", "Alt Gr", "PIN", "Verrouiller", "Se déconnecter", "Paramètres",
    "cookies", "https",
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
        # issue 24
        "opposition", "Perceval", "Phishing Initiative", "17cyber", "33700", "distributeur de billets",
        "titre de séjour", "acte de naissance", "SIRET", "bail", "quittance", "droit de rétractation", "point relais",
        "FranceConnect+", "France Identité", "Identité Numérique", "NFC", "souris", "molette", "double clic",
        "faire glisser", "azerty", "Maj", "Alt Gr", "PIN", "verrouiller", "se déconnecter", "déconnectez-vous", "USB",
        "Corbeille", "formule", "télécharger", "Téléchargements", "PDF", "Mo", "scanner", "numériser", "navigateur",
        "navigation privée", "cookies", "cadenas", "https", "Wi-Fi", "réseau", "données mobiles", "forfait",
        "application", "icône", "notification", "paramètres", "mise à jour", "mises à jour", "texto", "textos",
        "médiateur",
    ),
    "en": _FRENCH_ON_SITES + (
        "CAF number", "personal space", "user number", "partner", "social security number", "tax number",
        "reference tax income", "tax notice", "address bar", "tax stamp",
        "pre-application", "payslip", "monthly update", "IBAN", "spam folder", "junk mail folder",
        "gross pay", "phishing",
        # issue 24
        "residence permit", "birth certificate", "lease", "rent receipt", "right of withdrawal", "pick-up point",
        "contactless payment", "double-click", "drag", "Shift", "Caps Lock", "lock the screen", "log out", "sign out",
        "memory stick", "Recycle Bin", "formula", "download", "megabyte", "scan", "scanner", "browser",
        "private window", "private browsing", "padlock", "network", "mobile data", "mobile plan", "app", "icon",
        "notification", "settings", "updates",
    ),
    "ar": _FRENCH_ON_SITES + (
        "رقم الضمان الاجتماعي", "رقمك الضريبي", "الرقم الضريبي", "دخلك الضريبي المرجعي", "إشعار الضريبة",
        "شريط العنوان", "الطابع الجبائي", "الطلب المسبق",
        "قسيمة الراتب", "فضاؤك الشخصي", "معرّفك", "زوجك أو زوجتك", "IBAN", "البريد غير المرغوب فيه",
        "الراتب الإجمالي",
        # issue 24
        "بطاقة إقامتك", "شهادة ميلاد", "شهادة الميلاد", "عقد الإيجار", "وصل الإيجار", "حق التراجع", "نقطة استلام",
        "الدفع بدون تلامس", "الفأرة", "العجلة", "النقر مرتين", "السحب", "رمزًا شخصيًا", "تسجيل الخروج",
        "ذاكرة الفلاش", "سلة المحذوفات", "معادلة", "التنزيلات", "ميغابايت", "المسح الضوئي", "ماسح ضوئي",
        "المتصفح", "التصفح الخاص", "ملفات تعريف الارتباط", "القفل", "الواي فاي", "الشبكة", "بيانات الجوّال",
        "باقتك", "التطبيق", "تطبيق", "أيقونة", "الإشعار", "الإعدادات", "التحديثات", "الوسيط",
    ),
}


@cache
def _pattern(lang: str) -> re.Pattern[str] | None:
    """All hard words of ``lang`` in one expression, longest first (one pass over a text finds them all)."""
    words = sorted(HARD_WORDS.get(lang, ()), key=len, reverse=True)
    if not words:
        return None
    return re.compile(rf"{WORD_BEFORE}(?:{'|'.join(form_pattern(w) for w in words)}){WORD_AFTER}", re.IGNORECASE)


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
