"""Arabic made ready for espeak-ng's Arabic voice: the diacritizer's vowels, kept honest.

A diacritizer adds the short vowels that Arabic leaves unwritten; espeak-ng
then reads syllables instead of consonant clusters. What it hands back is not
said as it is (each rule was measured on our content, see ``docs/speech.md``):

1. Only its vowel marks are kept, on the text as written: it may "correct"
   letters (a bare ا into أ) or strip French accents (Créer into Creer), and
   it may put a mark on a Latin letter, which espeak-ng then says aloud.
2. A shadda comes before the vowel it carries. Unicode's normal order is the
   reverse, and in that order espeak-ng drops the vowel (مُحَمَّد read
   "muħammd"): never normalise the result to NFC.
3. A bare إ is always /ʔi/: it gets its kasra.
4. The shadda on a sun letter right after a bare article goes (الرَّقْم):
   espeak-ng assimilates the article itself, and with the shadda it says
   "ʔarrr". With a prefix (بالرّقم, للتّأمين) it needs the shadda and keeps it.
5. A ta marbuta with no vowel after it ends a phrase: it is said "a(h)", as a
   person pauses on it, not "at" as espeak-ng reads it (وَرَقَة: "waraqat").

Pure functions; imports no Kivy.
"""

from __future__ import annotations

import re

#: the Arabic vowel marks: tanwin, fatha, damma, kasra, shadda, sukun, and the dagger alif
MARKS = frozenset(chr(c) for c in range(0x064B, 0x0653)) | {"\u0670"}
SHADDA = "\u0651"
SUKUN = "\u0652"
KASRA = "\u0650"
VOWELS = "\u064b\u064c\u064d\u064e\u064f\u0650"
#: letters the article assimilates to
SUN_LETTERS = "تثدذرزسشصضظطلن"
#: an Arabic word with its marks
WORD = re.compile("[\u0621-\u0652\u0670]+")

_SHADDA_AFTER_VOWEL = re.compile(f"([{VOWELS}]){SHADDA}")
_BARE_HAMZA_BELOW = re.compile(f"\u0625(?![{VOWELS}{SHADDA}{SUKUN}])")
_PAUSAL_TA_MARBUTA = re.compile(f"\u0629(?![{VOWELS}{SHADDA}])")
_ARTICLE_SHADDA = re.compile(f"((?:^|(?<=[\\s«(\"'“]))ال)([{SUN_LETTERS}]){SHADDA}")


def is_arabic_letter(ch: str) -> bool:
    """An Arabic letter (one that takes vowel marks)."""
    return "\u0621" <= ch <= "\u064a" or ch in "\u0671\u06a9\u06af\u06cc"


def bare(word: str) -> str:
    """``word`` without its vowel marks."""
    return "".join(ch for ch in word if ch not in MARKS)


def _split(text: str) -> list[tuple[str, str]]:
    """``[(character, the marks after it)]``."""
    out: list[list[str]] = []
    for ch in text:
        if ch in MARKS and out:
            out[-1][1] += ch
        elif ch in MARKS:
            out.append(["", ch])
        else:
            out.append([ch, ""])
    return [(ch, marks) for ch, marks in out]


def keep_vowels_only(written: str, vowelled: str) -> str:
    """The text as written, with the vowel marks the diacritizer put on its Arabic letters (rule 1).

    If the two do not line up letter for letter, the marks on anything but an
    Arabic letter are dropped from the diacritizer's text instead.
    """
    original, marked = _split(written), _split(vowelled)
    if len(original) != len(marked):
        return "".join(ch + (marks if is_arabic_letter(ch) else "") for ch, marks in marked)
    out = []
    for (ch, own), (_theirs, marks) in zip(original, marked, strict=True):
        if own:  # written with marks (a shadda in our text): keep them, with the model's vowel if they had none
            has_vowel = any(m in VOWELS or m == SUKUN for m in own)
            extra = "" if has_vowel else next((m for m in marks if m in VOWELS), "")
            out.append(ch + own + extra)
        elif is_arabic_letter(ch):
            out.append(ch + marks)
        else:
            out.append(ch)
    return "".join(out)


def for_espeak(text: str) -> str:
    """Marks in the order espeak-ng reads, a bare إ with its kasra, no shadda after a bare article,
    a pausal ta marbuta said "ah" (rules 2-5)."""
    text = _SHADDA_AFTER_VOWEL.sub(lambda m: SHADDA + m.group(1), text)
    text = _BARE_HAMZA_BELOW.sub("\u0625" + KASRA, text)
    text = _PAUSAL_TA_MARBUTA.sub("\u0647", text)
    return _ARTICLE_SHADDA.sub(r"\1\2", text)
