"""Pronunciation lexicons (``content/lexicon/LANG.yaml``): how the kiosk says a word its voice gets wrong.

A content author fixes what the Arabic diacritizer or a voice gets wrong
without touching code: a word, and how it is said (for Arabic, the word with
its vowels). Each file is parsed keeping lines and checked like the glossaries
(``kiosk content check``): a wrong field is ``FILE:LINE: field: what is
wrong``, a broken file is left out and the rest still loads. Imports no Kivy.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.content.contentset import Problem
from kiosk.content.language_file import language_files, read_language_file
from kiosk.validation import dotted

#: the subfolder of a content folder that holds the lexicons
LEXICON_DIR = "lexicon"

SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["words"],
    "properties": {
        "words": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["word", "say"],
                "properties": {
                    "word": {"type": "string", "minLength": 1, "pattern": "\\S"},
                    "say": {"type": "string", "minLength": 1, "pattern": "\\S"},
                    "note": {"type": "string"},
                    "at_start": {"type": "boolean"},
                },
            },
        },
    },
}

_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")  # harakat, dagger alif, tatweel


def plain(word: str) -> str:
    """A word as a lexicon looks it up: no Arabic vowel marks nor tatweel, composed, case-folded."""
    return unicodedata.normalize("NFC", _ARABIC_MARKS.sub("", word)).strip().casefold()


@dataclass(frozen=True)
class Lexicon:
    """One language's words and how each is said, looked up by :func:`plain` form."""

    lang: str
    words: Mapping[str, str]
    source: Path | None = None
    #: words said this way only where a sentence starts (an Arabic imperative that is
    #: also a past tense: at the start, after ثم, or joined to و / ف, it is the imperative)
    at_start: frozenset[str] = frozenset()

    def say(self, word: str, *, starts: bool = True) -> str | None:
        """How ``word`` is said, or None if the lexicon does not know it (here: ``starts`` a sentence or not)."""
        key = plain(word)
        if key in self.at_start and not starts:
            return None
        return self.words.get(key)


def lexicon_files(paths: Iterable[Path]) -> list[Path]:
    """The lexicon files of ``paths``: each folder's ``lexicon/*.yaml``, and files given inside a ``lexicon`` folder."""
    return language_files(paths, LEXICON_DIR)


def _rules(data: dict[str, Any], lang: str) -> Iterator[tuple[list[Any], str]]:
    seen: dict[str, int] = {}
    for i, entry in enumerate(data["words"]):
        key = plain(entry["word"])
        if key in seen:
            yield ["words", i, "word"], f"{entry['word']!r} is already in words[{seen[key]}]"
        seen.setdefault(key, i)
        if lang == "ar" and not re.search("[\u0621-\u064a]", entry["say"]):
            yield ["words", i, "say"], "an Arabic word is said in Arabic letters (with its vowels)"


def load_lexicon_file(path: Path) -> tuple[Lexicon | None, list[Problem]]:
    """One lexicon file: the lexicon (``None`` if broken) and its problems."""
    data, located, problems = read_language_file(path, SCHEMA, "a lexicon file")
    if data is None:
        return None, problems
    problems = [Problem(path, located.line(p), dotted(p), m) for p, m in _rules(data, path.stem)]
    if problems:
        return None, problems
    # Not normalised: Arabic marks keep the order written (espeak-ng needs the shadda first).
    words = {plain(e["word"]): e["say"].strip() for e in data["words"]}
    at_start = frozenset(plain(e["word"]) for e in data["words"] if e.get("at_start"))
    return Lexicon(path.stem, words, path, at_start), []


def load_lexicons(paths: Iterable[Path]) -> tuple[dict[str, Lexicon], list[Problem]]:
    """Every lexicon under ``paths`` by language, and their problems; a broken file is left out."""
    lexicons: dict[str, Lexicon] = {}
    problems: list[Problem] = []
    for path in lexicon_files(paths):
        lexicon, found = load_lexicon_file(path)
        problems.extend(found)
        if lexicon is not None:
            lexicons[lexicon.lang] = lexicon
    return lexicons, problems
