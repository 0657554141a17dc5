"""Easy-to-read checks (FALC) on a procedure that already passed the schema.

Warnings, never errors: a sentence over 15 words, a word in capitals, an
abbreviation used before it is written out in full, a missing translation, a
``last_checked`` older than six months, an unknown pictogram; then the style
list (:mod:`kiosk.content.wording`) and the sources of facts
(:mod:`kiosk.content.sourcing`). Imports no Kivy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from kiosk import PICTOGRAM_DIR
from kiosk.content.freshness import STALE_AFTER_DAYS, stale
from kiosk.content.sourcing import lint_sources
from kiosk.content.wording import lint_wording
from kiosk.i18n import LANGUAGES

MAX_WORDS = 15

_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
#: Words written in capitals everybody reads as words (none in French text yet).
_ALLOWED_CAPS = frozenset({"OK"})
_CAPS_RUN = re.compile(r"[A-ZÀ-Ý]{2}")


def _texts(data: dict[str, Any]) -> Iterator[tuple[list[Any], dict[str, str]]]:
    """Every language map in document order, with its path."""
    yield ["title"], data["title"]
    yield ["summary"], data["summary"]
    yield ["site", "name"], data["site"]["name"]
    for i, item in enumerate(data["bring"]):
        yield ["bring", i], item
    for i, step in enumerate(data["steps"]):
        for key in ("title", "text", "speak", "tip", "warning"):
            if key in step:
                yield ["steps", i, key], step[key]
        if step.get("replica"):
            yield from _replica_texts(step["replica"], ["steps", i, "replica"])
    for i, check in enumerate(data.get("checks", ())):
        yield ["checks", i, "task"], check["task"]
        yield from _replica_texts(check["replica"], ["checks", i, "replica"])


def _replica_texts(replica: dict[str, Any], at: list[Any]) -> Iterator[tuple[list[Any], dict[str, str]]]:
    yield [*at, "heading"], replica["heading"]
    for j, element in enumerate(replica["elements"]):
        yield [*at, "elements", j, "label"], element["label"]


def words(sentence: str) -> list[str]:
    """The words of a sentence (letters, with inner apostrophes or hyphens)."""
    return _WORD.findall(sentence)


def sentences(text: str) -> list[str]:
    """Split text into sentences on ., !, ?, the Arabic question mark and newlines."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def lint(data: dict[str, Any], today: date) -> Iterator[tuple[list[Any], str]]:
    """Yield ``(path, message)`` warnings for one valid procedure document."""
    explained: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    for path, text_map in _texts(data):
        for lang in LANGUAGES:
            if lang not in text_map:
                yield path, f"no {lang} translation (French is shown instead)"
        for lang, text in text_map.items():
            # Quick exits first: most texts are short and have no capitals.
            if len(text.split()) > MAX_WORDS and path[-1] != "label":
                for sentence in sentences(text):
                    n = len(words(sentence))
                    if n > MAX_WORDS:
                        yield path + [lang], f"sentence of {n} words (at most {MAX_WORDS}): {sentence[:60]!r}"
            if not _CAPS_RUN.search(text):
                continue
            explained[lang].update(re.findall(r"\(([A-ZÀ-Ý]{2,})\)", text))
            for word in set(words(text)):
                if len(word) < 2 or not word.isupper() or word in _ALLOWED_CAPS:
                    continue
                if word in explained[lang]:
                    continue
                if len(word) <= 5:
                    yield path + [lang], f"abbreviation {word!r} not explained: write it in full first, then ({word})"
                else:
                    yield path + [lang], f"word in capitals: {word!r}"
    checked = date.fromisoformat(data["last_checked"])
    if stale(checked, today):
        yield ["last_checked"], f"last checked on {checked}, over six months ago: compare the steps with the real site"
    for i, step in enumerate(data["steps"]):  # a step's facts: its own sources' newest check
        dates = [date.fromisoformat(str(s["checked"])) for s in step.get("sources", ())]
        if dates and stale(max(dates), today):
            yield (["steps", i, "sources"],
                   f"to check: its sources were last read on {max(dates)}, over {STALE_AFTER_DAYS} days ago")
    if PICTOGRAM_DIR.is_dir():
        names: list[tuple[list[Any], str]] = [(["pictogram"], data["pictogram"])]
        names += [(["steps", i, "picture"], s["picture"]) for i, s in enumerate(data["steps"]) if "picture" in s]
        for path, name in names:
            if not (PICTOGRAM_DIR / f"{name}.png").exists():
                yield path, f"no pictogram named {name!r} in assets/pictograms"
    yield from lint_wording(data)
    yield from lint_sources(data)
