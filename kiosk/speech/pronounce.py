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
from collections import OrderedDict
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.speech import arabic

if TYPE_CHECKING:
    from kiosk.content.lexicon import Lexicon

log = logging.getLogger(__name__)

#: the package and model that vowel Arabic (see docs/speech.md for the candidates measured)
DIACRITIZER, MODEL = "text2tashkeel", "rawi-v3-int8"
#: sentences made ready and remembered (a repeated prompt costs nothing)
REMEMBERED = 2048
#: what comes just before a word that starts a sentence: the start, a full stop, a quote, or "then"
_STARTS = re.compile(r"(?:^|[.!؟?:«(\n]\s*|(?:ثم|ثُمَّ)\s+)$")
#: a lexicon entry matched whole in French or English text, case aside
_EDGE = r"(?<!\w)(?:{})(?!\w)"

Vowel = Callable[[str], str]


def load_diacritizer() -> Vowel:
    """The Arabic diacritizer, loaded now (about 0.1 s); raises whatever stops it from loading."""
    from text2tashkeel import Diacritizer

    model = Diacritizer(MODEL)
    model.diacritize("تجربة")  # the model's session is built at first use: build it now
    diacritize: Vowel = model.diacritize
    return diacritize


class Pronouncer:
    """Makes a segment's words ready for the voice: Arabic vowelled, then each language's lexicon.

    ``vowel``: the Arabic diacritizer, ``"auto"`` to load :data:`DIACRITIZER` at
    first use, or None for none. ``lexicons``: by language.
    """

    def __init__(self, lexicons: Mapping[str, Lexicon] | None = None, vowel: Vowel | str | None = "auto",
                 *, content_dir: Path | None = None) -> None:
        self._vowel = vowel
        #: what staff should know (the Arabic model could not load), or None
        self.problem: str | None = None
        self._lock = threading.Lock()
        self._remembered: OrderedDict[tuple[str, str], str] = OrderedDict()
        #: the lexicons are read from here at first use (on the speech worker, not at start-up)
        self._content_dir = content_dir
        self._lexicons: dict[str, Lexicon] | None = None
        self._patterns: dict[str, re.Pattern[str] | None] = {}
        if content_dir is None:
            self._use(dict(lexicons or {}))

    @classmethod
    def from_dir(cls, content_dir: Path, vowel: Vowel | str | None = "auto") -> Pronouncer:
        """The lexicons of a content folder, read at first use (a broken one is left out with a warning;
        ``kiosk content check`` says why)."""
        return cls(vowel=vowel, content_dir=content_dir)

    @property
    def lexicons(self) -> dict[str, Lexicon]:
        """The lexicons by language (read now if they were not yet)."""
        with self._lock:
            if self._lexicons is None:
                # Imported here: reading YAML and its schema costs the kiosk's start-up nothing.
                from kiosk.content.lexicon import load_lexicons

                assert self._content_dir is not None  # no lexicons given: a folder to read them from
                lexicons, problems = load_lexicons([self._content_dir])
                for problem in problems:
                    log.warning("speech lexicon: %s", problem)
                self._use(lexicons)
            return self._lexicons  # type: ignore[return-value]

    def _use(self, lexicons: dict[str, Lexicon]) -> None:
        self._lexicons = lexicons
        # French and English entries are matched as whole words or phrases; Arabic ones word by word.
        self._patterns = {lang: _pattern(lex) for lang, lex in lexicons.items() if lang != "ar"}

    def load(self) -> None:
        """Read the lexicons and load the Arabic model now (the speech worker does, when it starts)."""
        self.lexicons  # noqa: B018
        self.diacritizer  # noqa: B018

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
                try:
                    self._vowel = load_diacritizer()
                except Exception as exc:  # noqa: BLE001  # a missing package or model, a broken runtime
                    self._vowel = None
                    self.problem = f"Arabic is spoken without its short vowels ({DIACRITIZER}: {exc})"
                    log.warning("speech: %s", self.problem)
            return self._vowel if callable(self._vowel) else None

    def spoken(self, text: str, lang: str, *, private: bool = False) -> str:
        """``text`` as the voice of ``lang`` is given it; a ``private`` text is not remembered."""
        key = (text, lang)
        with self._lock:
            said = self._remembered.get(key)
            if said is not None:
                self._remembered.move_to_end(key)
                return said
        said = self._arabic(text) if lang == "ar" else self._lexicon(text, lang)
        if private:
            return said  # what the visitor typed is kept nowhere, not even here
        with self._lock:
            self._remembered[key] = said
            while len(self._remembered) > REMEMBERED:
                self._remembered.popitem(last=False)
        return said

    def _arabic(self, text: str) -> str:
        if not arabic.WORD.search(text):
            return text
        said = text
        vowel = self.diacritizer
        if vowel is not None:
            try:
                said = arabic.keep_vowels_only(text, vowel(text))
            except Exception as exc:  # noqa: BLE001  # the model failed on this text: said as written
                log.warning("speech: the diacritizer failed on a %d-character text: %s", len(text),
                            type(exc).__name__)
        lexicon = self.lexicons.get("ar")
        if lexicon is not None and lexicon.words:
            said = arabic.WORD.sub(lambda m: _arabic_word(lexicon, said, m), said)
        return arabic.for_espeak(said)

    def _lexicon(self, text: str, lang: str) -> str:
        lexicon = self.lexicons.get(lang)
        pattern = self._patterns.get(lang)
        if lexicon is None or pattern is None:
            return text
        return pattern.sub(lambda m: lexicon.say(m.group()) or m.group(), text)


def _pattern(lexicon: Lexicon) -> re.Pattern[str] | None:
    if not lexicon.words:
        return None
    words = sorted(lexicon.words, key=len, reverse=True)  # longest first: phrases before their words
    return re.compile(_EDGE.format("|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)), re.IGNORECASE)


def _arabic_word(lexicon: Lexicon, text: str, match: re.Match[str]) -> str:
    """One Arabic word as the lexicon says it, joined to و / ف or not; else as it is."""
    word = match.group()
    starts = bool(_STARTS.search(text[:match.start()]))
    said = lexicon.say(word, starts=starts)
    if said is not None:
        return said
    plain = arabic.bare(word)
    if len(plain) > 3 and plain[0] in "وف":  # "and" / "so" joined to the word: after it, a sentence goes on
        said = lexicon.say(plain[1:], starts=True)
        if said is not None:
            if said[0] == "ا":  # the alif of an imperative is silent after وَ / فَ: an alif wasla
                said = "\u0671" + said[1:].lstrip(arabic.VOWELS)
            return plain[0] + "\u064e" + said
    return word
