"""Reading espeak-ng's phonemes back: how many spoken words are consonant clusters.

Arabic almost never puts three consonants in a row, so a word espeak-ng says
with three or more is a word it mangled (unvowelled Arabic read letter by
letter: « ورقة » as ``wrqt``). :func:`cluster_words` counts them in the IPA
that :meth:`kiosk.speech.tts.Synthesizer.phonemes` gives; ``bench/pronunciation.py``
and the tests judge the voice by it. Pure functions; imports no Kivy.
"""

from __future__ import annotations

import re
import unicodedata

#: IPA vowel letters (length and stress marks are modifiers, left aside)
IPA_VOWELS = frozenset("aeiouyɑɐɒæɛɜəɪɨʊʉʌɔøœɯɤɵɘɞɶʏ")
#: affricates: one consonant written with two letters
AFFRICATES = re.compile("d͡ʒ|t͡ʃ|dʒ|tʃ|ts|dz")
#: espeak-ng's marks where it switches language inside a text: "(en)"
SWITCH = re.compile(r"\([a-z-]+\)")


def cluster_words(ipa: str, *, strict: bool = False) -> tuple[int, int]:
    """(words holding three or more consonants in a row, words) in espeak-ng's IPA.

    An affricate (dʒ, tʃ) counts as one consonant and a doubled consonant (a
    shadda) as one long consonant, unless ``strict`` (every consonant letter
    counts); espeak-ng's language-switch marks are left out.
    """
    flagged = total = 0
    for word in SWITCH.sub(" ", ipa).split():
        if not strict:
            word = AFFRICATES.sub("J", word)
        run = longest = 0
        previous = ""
        letters = False
        for ch in word:
            if unicodedata.category(ch) in ("Mn", "Lm", "Sk") or not ch.isalpha():
                continue
            letters = True
            if ch in IPA_VOWELS:
                run, previous = 0, ""
            elif strict or ch != previous:
                run += 1
                previous = ch
                longest = max(longest, run)
        if letters:
            total += 1
            flagged += longest >= 3
    return flagged, total
