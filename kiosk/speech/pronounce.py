"""What the voice is given to say: each segment's words made ready for espeak-ng.

espeak-ng cannot guess the short vowels of unvowelled Arabic, so it reads
consonant clusters (« ورقة وقلم » came out as ``wrqt wqlm``). Before
synthesis, an Arabic segment is vowelled by a general diacritizer (a small
neural model shipped inside its package, run offline on the CPU: see
``docs/speech.md`` for the candidates measured and why this one was kept),
then the pronunciation lexicon of the language (``content/lexicon/LANG.yaml``)
overrides the words it knows: a content author's fix for what the
diacritizer or the voice gets wrong. Other languages get their lexicon only.

:class:`Pronouncer` runs on the synthesizer's worker thread (the model loads
there, once, at first use) and remembers the last sentences it made ready.
Imports no Kivy.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Mapping
from pathlib import Path

from kiosk.content.lexicon import Lexicon, load_lexicons, plain

log = logging.getLogger(__name__)

#: the package that vowels Arabic (see docs/speech.md)
DIACRITIZER = "dengjen_tashkeel_py"
#: sentences made ready and remembered (a repeated prompt costs nothing)
REMEMBERED = 2048
#: an Arabic word, with its vowel marks
_ARABIC_WORD = re.compile("[\u0621-\u064a\u0660-\u0669\u0671-\u06d3\u064b-\u0652\u0670\u0640]+")
#: a lexicon entry of several words, or of one: matched whole, in the text as written
_WORD_EDGE = r"(?<![\w\u064b-\u0652]){}(?![\w\u064b-\u0652])"

Vowel = Callable[[str], str]


def load_diacritizer() -> Vowel | None:
    """The Arabic diacritizer, loaded now (about 0.2 s); None, with a warning, if it cannot load."""
    try:
        import dengjen_tashkeel_py as engine

        engine.tashkeel("تجربة")  # loads the bundled model
    except (ImportError, RuntimeError, OSError) as exc:
        log.warning("speech: no Arabic diacritizer (%s): Arabic is spoken without its short vowels", exc)
        return None
    return engine.tashkeel


class Pronouncer:
    """Makes a segment's words ready for the voice: Arabic vowelled, then each language's lexicon.

    ``vowel``: the Arabic diacritizer, ``"auto"`` to load :data:`DIACRITIZER` at
    first use, or None for none. ``lexicons``: by language.
    """

    def __init__(self, lexicons: Mapping[str, Lexicon] | None = None, vowel: Vowel | str | None = "auto") -> None:
        self.lexicons = dict(lexicons or {})
        self._vowel = vowel
        self._lock = threading.Lock()
        self._remembered: OrderedDict[tuple[str, str], str] = OrderedDict()
        self._patterns = {lang: self._pattern(lex) for lang, lex in self.lexicons.items()}

    @classmethod
    def from_dir(cls, content_dir: Path, vowel: Vowel | str | None = "auto") -> Pronouncer:
        """The lexicons of a content folder (a broken one is left out: ``kiosk content check`` says why)."""
        lexicons, problems = load_lexicons([content_dir])
        for problem in problems:
            log.warning("speech lexicon: %s", problem)
        return cls(lexicons, vowel)

    @classmethod
    def bundled(cls) -> Pronouncer:
        """The bundled content's lexicons and the Arabic diacritizer."""
        from kiosk import CONTENT_DIR

        return cls.from_dir(CONTENT_DIR)

    @property
    def diacritizer(self) -> Vowel | None:
        """The Arabic diacritizer, loaded on first use (on the caller's thread: the worker's)."""
        with self._lock:
            if self._vowel == "auto":
                self._vowel = load_diacritizer()
            return self._vowel if callable(self._vowel) else None

    def spoken(self, text: str, lang: str) -> str:
        """``text`` as the voice of ``lang`` is given it."""
        key = (text, lang)
        with self._lock:
            said = self._remembered.get(key)
            if said is not None:
                self._remembered.move_to_end(key)
                return said
        said = text
        if lang == "ar" and _ARABIC_WORD.search(text):
            vowel = self.diacritizer
            if vowel is not None:
                said = self._vowelled(text, vowel)
        said = self._lexicon(said, lang)
        with self._lock:
            self._remembered[key] = said
            while len(self._remembered) > REMEMBERED:
                self._remembered.popitem(last=False)
        return said

    @staticmethod
    def _vowelled(text: str, vowel: Vowel) -> str:
        try:
            said = vowel(text)
        except (ValueError, RuntimeError) as exc:  # too long, or the model failed: said as written
            log.warning("speech: the diacritizer failed on a %d-character text: %s", len(text), type(exc).__name__)
            return text
        # A diacritizer must only add marks: anything else changed, and the text is said as written.
        if plain(said) != plain(text):
            log.warning("speech: the diacritizer changed more than the vowels of a %d-character text", len(text))
            return text
        return unicodedata.normalize("NFC", said)

    @staticmethod
    def _pattern(lexicon: Lexicon) -> re.Pattern[str] | None:
        if not lexicon.words:
            return None
        marks = "[\u064b-\u0652\u0670\u0640]*"
        alternatives = []
        for word in sorted(lexicon.words, key=len, reverse=True):  # longest first: phrases before words
            # Each letter may carry vowel marks (the diacritizer's) and the case may differ.
            letters = marks.join(re.escape(ch) if not ch.isspace() else r"\s+" for ch in word)
            alternatives.append(letters + marks)
        return re.compile(_WORD_EDGE.format("(?:" + "|".join(alternatives) + ")"), re.IGNORECASE)

    def _lexicon(self, text: str, lang: str) -> str:
        pattern = self._patterns.get(lang)
        if pattern is None:
            return text
        lexicon = self.lexicons[lang]
        return pattern.sub(lambda m: lexicon.say(m.group()) or m.group(), text)
