"""The same words for the same things: the style list of content/FORMAT.md as a lint.

One verb per action and one word per concept, per language ("The same words"
in content/FORMAT.md). This module enforces what a pattern can see without
false alarms: a discouraged typing or tapping verb at the start of a sentence,
« espace » used for the account in French (outside « » quotes, which copy the
real site's label), and the Arabic words replaced by one term (فضاء, كلمة السر).
Warnings only; imports no Kivy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

#: Verbs a sentence must not start with, and the one to use instead (per language).
DISCOURAGED_VERBS: dict[str, dict[str, str]] = {
    "fr": {"Tapez": "Écrivez (or Touchez)", "Entrez": "Écrivez", "Recopiez": "Écrivez",
           "Saisissez": "Écrivez", "Cliquez": "Touchez"},
    "en": {"Write": "Type", "Enter": "Type", "Click": "Tap", "Press": "Tap"},
}

# A sentence starts at the text's start, after a sentence end or a colon, or on a new line; opening
# quotes, dashes and bullets in between do not count. Only the capitalised imperative that opens a
# sentence is caught: a lower-case "tapez" inside a sentence is left alone (too many false alarms).
_SENTENCE_START = r"(?:^|(?<=[.!?؟:\n])\s*)[\s«“\"'‘(—–•-]*"
_VERB_AT_START = {
    lang: re.compile(_SENTENCE_START + r"(" + "|".join(verbs) + r")\b", re.MULTILINE)
    for lang, verbs in DISCOURAGED_VERBS.items()
}
# Arabic "touch" as an imperative (المس), alone or after "and"/"then" (و, ف); اضغط is the verb to use.
# The noun "touch" is اللمس (two lams), so the one-lam form is the verb.
_AR_TOUCH = re.compile(r"(?<![\w])[وف]?المس(?![\w])")
# Words the Arabic text uses for one concept, and the one term to use instead.
_AR_WORDS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    # ... but "the digital space" (الفضاء الرقمي, the place the visitor is in) is not the account
    (re.compile(r"فضا[ءئ](?!\s+(?:ال)?رقمي)"), "فضاء", "حساب (the account)"),
    (re.compile(r"كلم(?:ة|ات)\s+(?:ال)?سر(?![\w])"), "كلمة السر", "كلمة المرور (the password)"),
)
# French « espace » meaning the account: after a possessive or "l'", or followed by the kind of
# account. "sans espace", "un espace" (the blank between words), "la touche Espace" and "l'espace
# numérique" (the digital space the visitor is in) stay allowed.
_FR_ACCOUNT_SPACE = re.compile(
    r"\b(?:(?:votre|vos|mon|mes|ton|son|ses|notre|leur|cet)\s+|l['’])espaces?\b(?!\s+(?:public\s+)?numérique)"
    r"|\bespaces?\s+(?:personnel|perso|client|privé|particulier|assuré|allocataire|identité|candidat"
    r"|demandeur|sécurisé|en ligne|France Travail|Ameli|CAF|Finances)",
    re.IGNORECASE,
)
_FR_QUOTED = re.compile(r"«[^»]*»")

#: Keys of a step whose text is an instruction written by the team (replica labels copy the site).
_STEP_KEYS = ("title", "text", "speak", "tip", "warning")


def _written_texts(data: dict[str, Any]) -> Iterator[tuple[list[Any], dict[str, str]]]:
    """The language maps the team writes (not the replica's copies of the real page), with their path."""
    yield ["title"], data["title"]
    yield ["summary"], data["summary"]
    for i, item in enumerate(data["bring"]):
        yield ["bring", i], item
    for i, step in enumerate(data["steps"]):
        for key in _STEP_KEYS:
            if key in step:
                yield ["steps", i, key], step[key]
    for i, check in enumerate(data.get("checks", ())):
        yield ["checks", i, "task"], check["task"]


def _replica_texts(data: dict[str, Any]) -> Iterator[tuple[list[Any], dict[str, str]]]:
    """The replica headings, labels, hints and examples (French copies the real page; en/ar translate it)."""
    parts = [("steps", i, item) for i, item in enumerate(data["steps"])]
    parts += [("checks", i, item) for i, item in enumerate(data.get("checks", ()))]
    for part, i, item in parts:
        replica = item.get("replica")
        if not replica:
            continue
        yield [part, i, "replica", "heading"], replica["heading"]
        for j, element in enumerate(replica["elements"]):
            for key in ("label", "hint", "example"):
                if isinstance(element.get(key), dict):
                    yield [part, i, "replica", "elements", j, key], element[key]


def verb_warnings(lang: str, text: str) -> Iterator[str]:
    """Messages for each discouraged verb that opens a sentence of ``text`` in ``lang``."""
    pattern = _VERB_AT_START.get(lang)
    if pattern is not None:
        for match in pattern.finditer(text):
            verb = match.group(1)
            yield f"say {DISCOURAGED_VERBS[lang][verb]!r}, not {verb!r} (the same words, content/FORMAT.md)"
    if lang == "ar" and _AR_TOUCH.search(text):
        yield "say 'اضغط' for tap, not 'المس' (the same words, content/FORMAT.md)"


def word_warnings(lang: str, text: str) -> Iterator[str]:
    """Messages for each discouraged word for the account or the password in ``text``."""
    if lang == "fr":
        match = _FR_ACCOUNT_SPACE.search(_FR_QUOTED.sub("«»", text))
        if match:
            yield (f"say 'compte' for the account, not {match.group(0)!r} "
                   "(« espace » only inside « » when quoting the real site)")
    elif lang == "ar":
        for pattern, word, instead in _AR_WORDS:
            if pattern.search(text):
                yield f"say {instead!r}, not {word!r} (one term per concept, content/FORMAT.md)"


def lint_wording(data: dict[str, Any]) -> Iterator[tuple[list[Any], str]]:
    """Yield ``(path, message)`` warnings where a procedure strays from the style list."""
    for path, text_map in _written_texts(data):
        for lang, text in text_map.items():
            # Once per text: the same verb twice in one instruction is one thing to fix.
            for message in dict.fromkeys([*verb_warnings(lang, text), *word_warnings(lang, text)]):
                yield path + [lang], message
    # The French of a replica is the real site's own words; only the translations follow the list.
    for path, text_map in _replica_texts(data):
        for lang, text in text_map.items():
            if lang != "fr":
                for message in word_warnings(lang, text):
                    yield path + [lang], message
