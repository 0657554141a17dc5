"""Speech as a sequence: segments, each in its own language, with pauses between them.

Like NVDA's speech sequences, an utterance is not one string for one voice:
a real site's French label quoted in English or Arabic (« Créer un compte »)
is said by the French voice, then the sentence goes on in the screen's
language; a web address, an e-mail address, a phone number or a code is said
the way a person reads it aloud ("w w w point ameli point f r", "36 46").

:func:`speech_of` turns a sentence into a :class:`Speech`; the describers and
the queue use it, the synthesizer plays the segments one after the other
without a gap. A :class:`Speech` that carries what the visitor typed or chose
in practice is *private*: it is never written to disk, cached or logged (see
:mod:`kiosk.speech.tts`). Pure functions; imports no Kivy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

#: the language real sites are in: quoted labels and Latin names are said in it
SITE_LANGUAGE = "fr"
#: milliseconds of silence around a quoted label, so that it stands out as a label
LABEL_PAUSE_MS = 120

#: how each language says the signs of an address
SIGNS: dict[str, dict[str, str]] = {
    "fr": {".": "point", "@": "arobase", "-": "tiret", "_": "tiret bas", "/": "barre oblique", ":": "deux-points"},
    "en": {".": "dot", "@": "at", "-": "dash", "_": "underscore", "/": "slash", ":": "colon"},
    # vowelled here: a lone word gives the diacritizer no context
    "ar": {".": "نُقْطَةْ", "@": "آت", "-": "شَرْطَةْ", "_": "شَرْطَةْ سُفْلِيَّةْ", "/": "شَرْطَةْ مَائِلَةْ",
           ":": "نُقْطَتَانْ"},
}
#: parts of an address that people spell letter by letter
SPELLED = {"www", "fr", "eu", "uk", "de", "be", "ch"}


@dataclass(frozen=True)
class Segment:
    """Words said by one voice, after ``pause_ms`` of silence."""

    text: str
    lang: str
    pause_ms: int = 0


@dataclass(frozen=True)
class Speech:
    """What to say: segments in order, and whether it holds what the visitor typed (private)."""

    segments: tuple[Segment, ...]
    lang: str
    private: bool = False
    #: the sentence as written (captions, tests, the length a log may give)
    written: str = ""

    @property
    def text(self) -> str:
        """The sentence as written, or the segments' words joined."""
        return self.written or " ".join(s.text for s in self.segments)

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return any(s.text.strip() for s in self.segments)

    def as_private(self) -> Speech:
        """The same words, marked private."""
        return Speech(self.segments, self.lang, True, self.written)


# -- recognising what is read differently --------------------------------------------------

_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_LATIN_WORD = r"[A-Za-zÀ-ÖØ-öø-ÿŒœ][A-Za-zÀ-ÖØ-öø-ÿŒœ0-9'’]*"
_EMAIL = r"[A-Za-z0-9][A-Za-z0-9._+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
_URL = (r"(?:https?://)?(?:[A-Za-z0-9-]+\.)+(?:gouv\.fr|fr|com|org|net|eu|info)\b"
        r"(?:/[A-Za-z0-9._~%/-]*[A-Za-z0-9/])?")
_PHONE = r"(?<![\d])(?:0\d(?:[ .]\d\d){4}|0 [1-9]\d\d(?: \d\d\d){2}|3\d{3}|3\d{4})(?![\d,.]?\d)(?!\s?(?:€|euro))"
_GROUPED = r"(?<![\d])\d{1,4}(?: \d{2,4}){2,}(?![\d])"
_LONG_CODE = r"(?<![\d\w])\d{6,}[A-Z]?(?![\d\w])"
_TOKEN = re.compile(
    rf"(?P<email>{_EMAIL})|(?P<url>{_URL})|(?P<phone>{_PHONE})|(?P<grouped>{_GROUPED})|(?P<code>{_LONG_CODE})")
_QUOTE = re.compile(r"«\s*([^«»]+?)\s*»")
_LATIN_RUN = re.compile(rf"{_LATIN_WORD}(?:[ \-'’]+{_LATIN_WORD})*")
_HAS_ARABIC = re.compile(f"[{_ARABIC}]")


def has_arabic(text: str) -> bool:
    """True if ``text`` holds an Arabic letter."""
    return bool(_HAS_ARABIC.search(text))


def address_words(address: str, lang: str) -> list[tuple[str, bool]]:
    """An address as a person reads it: ``[(word, is_sign)]`` ("www" spelled, "." as "point")."""
    signs = SIGNS.get(lang, SIGNS["en"])
    address = re.sub(r"^https?://", "", address)
    out: list[tuple[str, bool]] = []
    for part in re.split(r"([.@\-_/:])", address):
        if not part:
            continue
        if part in signs:
            out.append((signs[part], True))
        elif part.lower() in SPELLED or (len(part) <= 3 and part.isupper()):
            out.append((" ".join(part.lower() if part.lower() in SPELLED else part), False))
        elif part.isdigit() and len(part) > 4:
            out.append((" ".join(part), False))
        else:
            out.append((part, False))
    return out


def number_groups(number: str) -> str:
    """A phone number or a code in the groups people say, with a pause between groups."""
    digits = re.sub(r"[ .]", "", number)
    if re.fullmatch(r"3\d{3,4}", digits):
        return f"{digits[:2]}, {digits[2:]}"  # 3646: trente-six, quarante-six; 33700: trente-trois, sept cents
    if " " in number or "." in number:
        return ", ".join(g for g in re.split(r"[ .]", number) if g)
    return ", ".join(" ".join(digits[i:i + 2]) for i in range(0, len(digits), 2))  # 123456: 1 2, 3 4, 5 6


def _merge(segments: Iterable[Segment]) -> tuple[Segment, ...]:
    """Neighbours in the same language join; empty ones go (their pause is kept)."""
    out: list[Segment] = []
    carry = 0
    for seg in segments:
        text = re.sub(r"\s+", " ", seg.text).strip()
        if not text or not re.search(r"\w", text):
            if text and out and not seg.pause_ms and not carry:  # punctuation alone: stays with its neighbour
                out[-1] = Segment(out[-1].text + text, out[-1].lang, out[-1].pause_ms)
            carry = max(carry, seg.pause_ms)
            continue
        pause = max(carry, seg.pause_ms)
        carry = 0
        if out and out[-1].lang == seg.lang and not pause:
            out[-1] = Segment(f"{out[-1].text} {text}", seg.lang, out[-1].pause_ms)
        else:
            out.append(Segment(text, seg.lang, pause if out else 0))
    return tuple(out)


def _plain(text: str, lang: str) -> list[Segment]:
    """Text with no quoted label: addresses and numbers read aloud; Latin names in Arabic in French."""
    out: list[Segment] = []
    pos = 0
    for match in _TOKEN.finditer(text):
        out.extend(_words(text[pos:match.start()], lang))
        kind, token = match.lastgroup, match.group()
        if kind in ("email", "url"):
            trail = ""
            while token and token[-1] in ".-/":
                token, trail = token[:-1], token[-1] + trail
            for word, sign in address_words(token, lang):
                # Arabic says the signs in Arabic and the names as the French site writes them.
                voice = lang if (sign or lang != "ar") else SITE_LANGUAGE
                out.append(Segment(word, voice))
            out.extend(_words(trail, lang))
        else:
            out.append(Segment(number_groups(token), lang))
        pos = match.end()
    out.extend(_words(text[pos:], lang))
    return out


def _words(text: str, lang: str) -> list[Segment]:
    if lang != "ar":
        return [Segment(text, lang)]
    # espeak-ng's Arabic voice hands Latin letters to its English voice: French names
    # (CAF, France Travail, Mon Compte) go to the French voice instead.
    out: list[Segment] = []
    pos = 0
    for match in _LATIN_RUN.finditer(text):
        out.append(Segment(text[pos:match.start()], lang))
        out.append(Segment(match.group(), SITE_LANGUAGE))
        pos = match.end()
    out.append(Segment(text[pos:], lang))
    return out


def speech_of(text: str, lang: str, *, private: bool = False) -> Speech:
    """``text`` in the screen's ``lang`` as segments (see the module's docstring)."""
    if not text:
        return Speech((), lang, private)
    segments: list[Segment] = []
    pos = 0
    if lang != SITE_LANGUAGE:
        for match in _QUOTE.finditer(text):
            label = match.group(1)
            if has_arabic(label):
                continue  # a translation in quotes, said in the screen's language
            segments.extend(_plain(text[pos:match.start()], lang))
            segments.append(Segment(label, SITE_LANGUAGE, LABEL_PAUSE_MS))
            segments.append(Segment("", lang, LABEL_PAUSE_MS))
            pos = match.end()
    segments.extend(_plain(text[pos:], lang))
    return Speech(_merge(segments), lang, private, text)


def as_speech(said: str | Speech, lang: str) -> Speech:
    """A :class:`Speech` from a describer's words, whichever form they came in."""
    return said if isinstance(said, Speech) else speech_of(said, lang)
