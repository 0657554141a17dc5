"""A pictogram for each sentence of an instruction: the action it asks, in each language. Imports no Kivy.

The easy-to-read profile shows a step one sentence at a time, each with its
own pictogram (FALC: a picture beside the text). The pictogram says the
action: the sentence's verb (tap, type, read, wait, call), else the thing it
is about (a document, a card, an email, a password or code), and a warning
word (never, careful...) wins over both, because a warning must look like
one. A sentence with none of these gets the step's own picture.

Words inside quotation marks are the real site's labels (« Créer un compte »),
not what the sentence asks, so they are left out of the matching. The verbs
follow the content's style list (content/FORMAT.md): tap = Touchez / Tap /
اضغط, type = Écrivez / Type / اكتب; older synonyms still found in the content
map to the same pictograms.
"""

from __future__ import annotations

import re
import unicodedata

from kiosk.content.lint import sentences

#: Pictograms this module may answer (each one is a file in assets/pictograms).
ACTIONS = ("tap", "type", "read", "wait", "phone")
THINGS = ("document", "card", "email", "lock")
WARNING = "warning"

# Per language: pictogram -> words, as they appear in a normalised sentence (lower case;
# Arabic without short vowels and with one form of alef). A word may be several words.
_VERBS: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {
        "tap": ("touchez", "appuyez", "cliquez", "choisissez", "cochez"),
        "type": ("écrivez", "tapez", "entrez", "recopiez", "saisissez", "remplissez"),
        "read": ("lisez", "regardez", "vérifiez"),
        "wait": ("attendez", "patientez"),
        "phone": ("appelez", "téléphonez"),
    },
    "en": {
        "tap": ("tap", "touch", "press", "click", "choose", "tick"),
        "type": ("type", "write", "enter", "copy", "fill in"),
        "read": ("read", "look at", "check"),
        "wait": ("wait",),
        "phone": ("call", "phone"),
    },
    "ar": {
        "tap": ("اضغط", "المس", "انقر", "اختر", "ضع علامه"),
        "type": ("اكتب", "ادخل", "انسخ", "املا"),
        "read": ("اقرا", "انظر", "تحقق"),
        "wait": ("انتظر",),
        "phone": ("اتصل",),
    },
}
_NOUNS: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {
        "document": ("document", "documents", "justificatif", "justificatifs", "papier", "papiers",
                     "attestation", "fichier", "rib"),
        "card": ("carte", "cartes"),
        "email": ("e-mail", "email", "courriel", "messagerie", "message"),
        "lock": ("mot de passe", "code", "codes", "identifiant"),
    },
    "en": {
        "document": ("document", "documents", "paper", "papers", "proof", "certificate", "file", "rib"),
        "card": ("card", "cards"),
        "email": ("e-mail", "email", "emails", "mail service", "message"),
        "lock": ("password", "code", "codes", "login"),
    },
    "ar": {
        "document": ("وثيقه", "وثائق", "مستند", "ورقه", "اوراق", "شهاده", "rib"),
        "card": ("بطاقه", "بطاقات"),
        "email": ("بريد", "رساله"),
        "lock": ("كلمه المرور", "كلمه السر", "رمز", "الرمز"),
    },
}
_WARNINGS: dict[str, tuple[str, ...]] = {
    "fr": ("jamais", "attention", "danger", "arnaque", "méfiez"),
    "en": ("never", "careful", "warning", "danger", "scam"),
    "ar": ("ابدا", "احذر", "انتبه", "تحذير", "احتيال"),
}
#: Arabic attaches "and", "so", "the" and "with" to the front of a word, and "your", "his",
#: "my"... to its end (where a final ta marbuta is written as ta): a word may carry them.
_AR_PREFIX = r"(?:و|ف|ب|ل|ال|وال|بال|فال|لل)?"
_AR_SUFFIX = r"(?:ك|كم|ه|ها|ي|نا|هم)?"
#: A site's label quoted in the sentence: « ... », “ ... ”, " ... ".
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")


def normalise(text: str, lang: str) -> str:
    """Lower case; in Arabic also without short vowels, one alef, ta marbuta as ha, alef maqsura as ya."""
    text = _QUOTED.sub(" ", text).lower().replace("’", "'")
    if lang == "ar":
        text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
        text = re.sub("[أإآ]", "ا", text).replace("ة", "ه").replace("ى", "ي").replace("ء", "")
    return text


def _first(text: str, lang: str, table: dict[str, tuple[str, ...]]) -> tuple[int, str] | None:
    """The earliest word of ``table`` in ``text``: (position, pictogram), or None."""
    best: tuple[int, str] | None = None
    for picto, words in table.items():
        for word in words:
            pattern = re.escape(word)
            if lang == "ar":
                word = normalise(word, "ar")
                pattern = re.escape(word[:-1]) + "[هت]" if word.endswith("ه") else re.escape(word)
                pattern = _AR_PREFIX + pattern + _AR_SUFFIX
            found = re.search(rf"(?<![\w-]){pattern}(?![\w-])", text)
            if found and (best is None or found.start() < best[0]):
                best = (found.start(), picto)
    return best


def pictogram_for(sentence: str, lang: str, fallback: str = "") -> str:
    """The pictogram for one sentence in ``lang`` (fr, en, ar): warning, action, thing, else ``fallback``."""
    text = normalise(sentence, lang)
    if _first(text, lang, {WARNING: _WARNINGS.get(lang, ())}):
        return WARNING
    for table in (_VERBS.get(lang, {}), _NOUNS.get(lang, {})):
        found = _first(text, lang, table)
        if found:
            return found[1]
    return fallback


def illustrated(text: str, lang: str, fallback: str = "") -> list[tuple[str, str]]:
    """An instruction as (sentence, pictogram) pairs, one per sentence, in order."""
    return [(s, pictogram_for(s, lang, fallback)) for s in sentences(text)]
