"""The real synthesizer says each segment in its own voice, Arabic with its vowels, private words from memory.

Everything here runs espeak-ng for real (no Kivy): the sound itself is
compared, and the phonemes espeak-ng reads back are checked.
"""

from __future__ import annotations

import array
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.speech.folder import speech_folder
from kiosk.speech.phonetics import cluster_words
from kiosk.speech.pronounce import Pronouncer
from kiosk.speech.sequence import Segment, Speech, speech_of
from kiosk.speech.tts import Synthesizer
from kiosk.speech.wav import read_wav

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def synth():
    s = Synthesizer()
    yield s
    s.close()


def samples(clip) -> array.array:
    return read_wav(clip.path or clip.wav)[0]


def likeness(haystack: array.array, needle: array.array) -> float:
    """How closely ``needle`` matches its best place in ``haystack``: the highest normalised correlation.

    espeak-ng does not make the same sound twice to the sample (lengths differ by a few
    samples), so the same words in the same voice correlate highly, not perfectly.
    """
    import numpy as np

    h, n = np.asarray(haystack, float), np.asarray(needle, float)
    size = 1 << int(len(h) + len(n)).bit_length()
    corr = np.fft.irfft(np.fft.rfft(h, size) * np.conj(np.fft.rfft(n, size)), size)[: len(h) - len(n) + 1]
    energy = np.sqrt(np.convolve(h * h, np.ones(len(n)), "valid"))
    return float(np.max(corr / (energy * np.linalg.norm(n) + 1e-9)))


def test_a_quoted_french_label_is_played_in_the_french_voice_inside_english(synth: Synthesizer) -> None:
    sentence = speech_of("Tap « Créer un compte » at the top of the page.", "en")
    whole = samples(synth.synthesize(sentence, "en"))
    label = "Créer un compte"
    in_french = samples(synth.synthesize(Speech((Segment(label, "fr"),), "en"), "en"))
    in_english = samples(synth.synthesize(Speech((Segment(label, "en"),), "en"), "en"))
    french, english = likeness(whole, in_french), likeness(whole, in_english)
    assert french > 0.6 > 0.4 > english, (french, english)  # the French voice's sound is in the sentence


def test_in_arabic_the_french_label_and_the_arabic_words_each_have_their_voice(synth: Synthesizer) -> None:
    clip = synth.synthesize("اضغط على «Valider» ثم انتظر.", "ar")
    assert clip.voice.split("+") == [synth.voice_for("ar"), synth.voice_for("fr"), synth.voice_for("ar")]
    said = synth.phonemes("اضغط على «Valider» ثم انتظر.", "ar")
    assert [s.lang for s, _ in said] == ["ar", "fr", "ar"]
    assert "vali" in said[1][1]  # "validé", as the site's button says


@pytest.mark.parametrize("sentence", [
    "ورقة وقلم",  # the content's own words (email, what to bring)
    "يمكنك طباعة الوصل أو إرساله إلى هاتفك.",  # never in the content: the diacritizer is general
    "الموظف سيساعدك بعد خمس دقائق، شكرا على صبرك.",
])
def test_arabic_is_spoken_with_its_vowels_not_as_consonant_clusters(synth: Synthesizer, sentence: str) -> None:
    old = synth.pronouncer
    try:
        synth.pronouncer = Pronouncer({}, vowel=None)
        before = [cluster_words(ipa) for _s, ipa in synth.phonemes(sentence, "ar")]
    finally:
        synth.pronouncer = old
    after = [cluster_words(ipa) for _s, ipa in synth.phonemes(sentence, "ar")]
    assert sum(b for b, _ in before) >= 1  # without vowels espeak-ng reads clusters...
    assert sum(b for b, _ in after) == 0, synth.phonemes(sentence, "ar")  # ...with them, syllables


def test_the_lexicon_overrides_how_a_word_is_said(tmp_path: Path, synth: Synthesizer) -> None:
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "fr.yaml").write_text(
        'words:\n  - {word: "CAF", say: "cé a èf", note: "the letters, as the agents say it"}\n', encoding="utf-8")
    old = synth.pronouncer
    try:
        synth.pronouncer = Pronouncer.from_dir(tmp_path, vowel=None)
        (segment, ipa), = synth.phonemes("Appelez la CAF.", "fr")
    finally:
        synth.pronouncer = old
    assert segment.text == "Appelez la cé a èf."
    assert "kˈaf" not in ipa


def test_a_private_utterance_is_made_in_memory_and_never_cached(synth: Synthesizer) -> None:
    before = set(os.listdir(synth.cache_dir))
    cached = synth.cache_len
    clip = synth.synthesize(speech_of("Nom d'utilisateur, champ, amina.kone.", "fr", private=True), "fr")
    assert clip.private and clip.path is None and len(samples(clip)) > 5000
    assert set(os.listdir(synth.cache_dir)) == before and synth.cache_len == cached
    again = synth.synthesize(speech_of("Nom d'utilisateur, champ, amina.kone.", "fr", private=True), "fr")
    assert again is not clip  # made again: nothing of it was kept
    assert not any("amina" in text for text, _lang in synth.pronouncer._remembered)  # not even its words


def test_a_failed_private_synthesis_logs_its_length_never_its_words(
        synth: Synthesizer, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str, voice: str, rate: int) -> bytes:
        raise UnicodeError(f"cannot say {text!r}")  # an exception whose message quotes the words

    monkeypatch.setattr(synth._driver, "synth_wav", broken)
    caplog.set_level(logging.DEBUG)
    with pytest.raises(Exception, match="UnicodeError"):
        synth.synthesize(speech_of("Mot de passe secret kx93", "fr", private=True), "fr")
    assert caplog.records, "the failure is logged"
    assert "24-character private text" in caplog.text
    assert "kx93" not in caplog.text  # not in a message, nor in a traceback


def test_the_speech_folder_is_the_kiosks_own_and_a_dead_kiosks_clips_are_emptied(tmp_path: Path) -> None:
    base = tmp_path / f"passerelle-speech-{os.getuid()}"
    base.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    (base / dead).mkdir()
    (base / dead / "left.wav").write_bytes(b"RIFF")  # a crash or a power cut left it behind
    mine = Path(speech_folder(str(tmp_path)))
    assert not (base / dead).exists()
    assert mine.parent == base and mine.name == str(os.getpid())
    assert oct(base.stat().st_mode & 0o777) == "0o700" and oct(mine.stat().st_mode & 0o777) == "0o700"
