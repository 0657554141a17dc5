"""Facts need sources: a lint for steps that hold a fact and name no official page.

A fact a visitor will act on (a phone number, an amount, a deadline, the
documents to bring) must come from an official page ("True to the sites",
content/FORMAT.md, section "Sources"). This lint finds such facts with one set
of patterns per language and warns when the step has no ``sources`` (a step's
``unconfirmed`` note stands instead: staff were told what could not be
confirmed). A procedure with no ``sources``, or with a ``bring`` list and no
``sources``, is warned about too. Warnings only; imports no Kivy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# Arabic text may write its numbers with Arabic-Indic digits: read them as 0-9.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)

# French numbers: ten digits in pairs ("01 23 45 67 89", "+33 1 23..."), the 0 8xx form
# ("0 809 401 401") and the four-digit short numbers of public services ("3646", "39 49").
_PHONE = re.compile(
    r"(?<!\d)(?<!\d[,.])(?:(?:\+33\s?|0)[1-9](?:[\s.]?\d{2}){4}"
    r"|0\s?[89]\d{2}(?:\s?\d{3}){2}"
    r"|3\d\s?\d{2})(?!\d|[,.]\d)"
)
_NUMBER = r"\d+(?:[\s.,]\d+)*"
_MONTHS = {
    "fr": "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre",
    "en": "January|February|March|April|May|June|July|August|September|October|November|December",
    "ar": "يناير|فبراير|مارس|أبريل|ماي|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر"
          "|جانفي|فيفري|أفريل|جوان|جويلية|أوت",
}
_AMOUNT = {
    "fr": re.compile(rf"{_NUMBER}\s?(?:€|EUR\b|euros?\b)|€\s?\d", re.IGNORECASE),
    "en": re.compile(rf"{_NUMBER}\s?(?:€|EUR\b|euros?\b)|€\s?\d", re.IGNORECASE),
    "ar": re.compile(rf"{_NUMBER}\s?(?:€|EUR\b|يورو)|€\s?\d"),
}
_COUNT = {
    # "un" and "une" left out: "choisissez un jour" is no deadline.
    "fr": r"\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|trente",
    "en": r"\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|thirty",
}
_DEADLINE = {
    "fr": re.compile(
        rf"\b(?:{_COUNT['fr']})\s+(?:jours?|semaines?|mois)\b|\bavant le\s+(?:\d|premier|dernier|fin)"
        rf"|\b\d{{1,2}}(?:er)?\s+(?:{_MONTHS['fr']})\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b",
        re.IGNORECASE),
    "en": re.compile(
        rf"\b(?:{_COUNT['en']})\s+(?:days?|weeks?|months?)\b|\bbefore the\s+\d"
        rf"|\b(?:{_MONTHS['en']})\s+\d{{1,2}}\b|\b\d{{1,2}}\s+(?:{_MONTHS['en']})\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b",
        re.IGNORECASE),
    # A count of days, weeks or months: a number before the unit, the plural forms (which
    # imply a count) or the dual (يومين, أسبوعين, شهرين); or a date (day and month name, or 1/2/2026).
    "ar": re.compile(
        r"\d+\s*(?:يوما|يومًا|يوم|أيام|أسبوع|أسابيع|شهر|أشهر|شهور)"
        r"|(?<![\w])(?:أيام|أسابيع|أشهر|شهور|يومين|أسبوعين|شهرين)(?![\w])"
        rf"|\d{{1,2}}\s+(?:{_MONTHS['ar']})|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b"),
}
#: The kinds of fact found, in the order they are named in a warning.
KINDS = ("a phone number", "an amount", "a deadline")

_STEP_KEYS = ("text", "speak", "tip", "warning")


def facts(lang: str, text: str) -> list[tuple[str, str]]:
    """The facts in ``text`` (language ``lang``) as ``(kind, what was found)``, at most one per kind."""
    text = text.translate(_DIGITS)
    found: list[tuple[str, str]] = []
    patterns = (_PHONE, _AMOUNT.get(lang, _AMOUNT["fr"]), _DEADLINE.get(lang, _DEADLINE["fr"]))
    for kind, pattern in zip(KINDS, patterns, strict=True):
        match = pattern.search(text)
        if match:
            found.append((kind, match.group(0).strip()))
    return found


def _fictional(url: str) -> bool:
    """Whether a procedure's site is a made-up practice site (``*.exemple.fr``): it copies no real page."""
    host = url.split("://", 1)[-1].split("/", 1)[0]
    return host == "exemple.fr" or host.endswith(".exemple.fr")


def lint_sources(data: dict[str, Any]) -> Iterator[tuple[list[Any], str]]:
    """Yield ``(path, message)`` warnings for facts with no official page to back them."""
    if not data.get("sources") and not _fictional(data["site"].get("url", "")):
        yield ["sources"], ("no sources: name the official pages this procedure was checked against "
                            "(content/FORMAT.md, section Sources)")
        if data["bring"]:
            yield ["bring"], "a list of documents to bring and no procedure sources: add the page it comes from"
    for i, step in enumerate(data["steps"]):
        if step.get("sources") or step.get("unconfirmed"):
            continue
        for key in _STEP_KEYS:
            found = next(((lang, f) for lang, text in step.get(key, {}).items() if (f := facts(lang, text))), None)
            if found:
                lang, kinds = found
                what = ", ".join(f"{kind} ({value!r})" for kind, value in kinds)
                yield ["steps", i, key, lang], (f"{what} and no sources: add the official page to the step's "
                                                "sources, or say in 'unconfirmed' why it could not be checked")
