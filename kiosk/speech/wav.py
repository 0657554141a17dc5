"""16-bit WAV files as espeak-ng writes them: read, check, trim, convert, write.

Pure functions on :mod:`array` samples and the standard :mod:`wave` module;
the synthesizer runs them on its worker thread so that a clip costs the player
no work on the UI thread. Imports no Kivy.
"""

from __future__ import annotations

import array
import io
import sys
import wave

from kiosk.files import write_atomic
from kiosk.speech.errors import SynthesisError

#: espeak-ng's own voices all synthesise at this rate, 16-bit mono
ESPEAK_SAMPLE_RATE = 22050
#: samples whose magnitude is at most this count as silence when trimming
SILENCE_THRESHOLD = 16
#: silence kept after the last sound (espeak appends about 315 ms)
TAIL_KEEP_S = 0.06
#: bytes of a canonical WAV header (what pyttsx3's driver and :func:`write_wav` write)
WAV_HEADER_BYTES = 44


def read_wav(source: str | bytes) -> tuple[array.array[int], int, int]:
    """16-bit samples (native order), sample rate and channels of a WAV file, or of a WAV's bytes."""
    with wave.open(io.BytesIO(source) if isinstance(source, bytes) else source, "rb") as w:
        if w.getsampwidth() != 2:
            where = "" if isinstance(source, bytes) else f"{source}: "
            raise SynthesisError(f"{where}{8 * w.getsampwidth()}-bit WAV, expected 16-bit")
        samples = array.array("h", w.readframes(w.getnframes()))
        rate, channels = w.getframerate(), w.getnchannels()
    if sys.byteorder == "big":
        samples.byteswap()
    return samples, rate, channels


def wav_bytes(samples: array.array[int], rate: int, channels: int) -> bytes:
    """16-bit samples as a complete WAV, in memory (a private clip never touches the disk)."""
    if sys.byteorder == "big":
        samples = array.array("h", samples)
        samples.byteswap()
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.tobytes())
    return out.getvalue()


def wav_bytes_complete(data: bytes) -> int:
    """Frames in ``data`` if it is a finished 16-bit mono WAV (header agrees with size), else 0."""
    try:
        with wave.open(io.BytesIO(data), "rb") as w:
            frames = w.getnframes()
            ok = w.getsampwidth() == 2 and w.getnchannels() == 1
    except (EOFError, wave.Error):
        return 0
    return frames if ok and frames > 0 and len(data) == WAV_HEADER_BYTES + 2 * frames else 0


def write_wav(path: str, samples: array.array[int], rate: int, channels: int) -> None:
    """Write 16-bit samples to ``path`` atomically (temporary file, then rename)."""
    write_atomic(path, wav_bytes(samples, rate, channels), durable=False)  # a cache: made again if lost


def trim_silence(samples: array.array[int], rate: int, threshold: int = SILENCE_THRESHOLD,
                 tail_keep_s: float = TAIL_KEEP_S) -> array.array[int]:
    """Drop leading silence and keep only ``tail_keep_s`` of trailing silence (mono)."""
    n = len(samples)
    start = 0
    while start < n and -threshold <= samples[start] <= threshold:
        start += 1
    if start == n:
        return samples[: max(1, int(rate * 0.05))]  # all silence: a short silent clip
    end = n - 1
    while end > start and -threshold <= samples[end] <= threshold:
        end -= 1
    end = min(n, end + 1 + int(rate * tail_keep_s))
    return samples[start:end]


def convert(samples: array.array[int], rate: int, out_rate: int | None,
            out_channels: int) -> tuple[array.array[int], int, int]:
    """Mono ``samples`` at ``rate`` to ``out_rate`` Hz and ``out_channels``.

    Only integer rate multiples are converted (each sample repeated: fast, and
    for speech the images above 11 kHz are attenuated by 15 dB or more); any
    other rate is left to the player's own resampler.
    """
    factor = 1
    if out_rate and out_rate != rate and out_rate % rate == 0:
        factor = out_rate // rate
    channels = out_channels if out_channels in (1, 2) else 1
    step = factor * channels
    if step == 1:
        return samples, rate, 1
    out = array.array("h", bytes(2 * len(samples) * step))
    for j in range(step):
        out[j::step] = samples
    return out, rate * factor, channels


def peak_rms(path: str) -> tuple[int, float, float]:
    """Peak magnitude, RMS and duration in seconds of a 16-bit WAV (tests, diagnostics)."""
    samples, rate, channels = read_wav(path)
    if not samples:
        return 0, 0.0, 0.0
    peak = max(abs(min(samples)), abs(max(samples)))
    rms = (sum(x * x for x in samples) / len(samples)) ** 0.5
    return peak, rms, len(samples) / channels / rate
