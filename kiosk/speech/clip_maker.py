"""Making one clip: each segment made ready, synthesised in its voice, trimmed, joined, then kept or handed over.

Runs on the synthesizer's worker thread (:mod:`kiosk.speech.tts`). Every
segment goes through the pronouncer (lexicon, Arabic vowels), then espeak-ng
in the segment's voice, into memory; the silence espeak-ng puts around it is
trimmed and the segments are joined with their pauses, so that a quoted French
label follows the English words with no gap a visitor would notice. A public
clip is written to the speech folder for the cache; a private one (what the
visitor typed) stays in memory as WAV bytes. Imports no Kivy.
"""

from __future__ import annotations

import array
import hashlib
import os
import time

from kiosk.speech.clip_cache import Clip
from kiosk.speech.errors import SynthesisError
from kiosk.speech.espeak_driver import EspeakDriver
from kiosk.speech.jobs import Job
from kiosk.speech.pronounce import Pronouncer
from kiosk.speech.wav import ESPEAK_SAMPLE_RATE, convert, read_wav, trim_silence, wav_bytes, write_wav


def joined_samples(job: Job, driver: EspeakDriver, pronouncer: Pronouncer) -> tuple[array.array[int], int]:
    """The job's segments, each pronounced, synthesised in its voice and trimmed, joined (memory only)."""
    joined: array.array[int] = array.array("h")
    rate = ESPEAK_SAMPLE_RATE
    for seg, voice in zip(job.speech.segments, job.voices, strict=True):
        text = pronouncer.spoken(seg.text, seg.lang, private=job.private)
        if not text.strip():
            continue
        samples, rate, _channels = read_wav(driver.synth_wav(text, voice, job.rate))
        if joined and seg.pause_ms:
            joined.extend(bytes(2 * (rate * seg.pause_ms // 1000)))  # the pause, as silence
        joined.extend(trim_silence(samples, rate))
    if not joined:
        raise SynthesisError("nothing to say")
    return joined, rate


def make_clip(job: Job, driver: EspeakDriver, pronouncer: Pronouncer, output: tuple[int | None, int],
              folder: str) -> Clip:
    """The job's clip at the ``output`` (rate, channels): a file in ``folder``, or in memory if private."""
    started = time.perf_counter()
    samples, rate = joined_samples(job, driver, pronouncer)
    samples, rate, channels = convert(samples, rate, *output)
    frames = len(samples) // channels
    voices = "+".join(job.voices)
    synth_ms = (time.perf_counter() - started) * 1000
    if job.private:
        # What the visitor typed: handed over in memory, never written nor cached.
        return Clip(None, job.text, job.speech.lang, voices, job.rate, rate, channels, frames, synth_ms,
                    wav=wav_bytes(samples, rate, channels))
    name = hashlib.sha1(repr(job.key).encode("utf-8")).hexdigest()[:20]
    path = os.path.join(folder, name + ".wav")
    write_wav(path, samples, rate, channels)  # whole or not at all: a full disk leaves no half clip
    return Clip(path, job.text, job.speech.lang, voices, job.rate, rate, channels, frames, synth_ms)
