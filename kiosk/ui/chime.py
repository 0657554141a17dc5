"""The help-call chime: two short tones staff hear across the room.

The sound is made here (two sine tones, 16-bit mono) the first time it is
needed, written once to a temporary folder, and played through Kivy's audio
like speech, so it mixes with what the kiosk is saying. A kiosk with no audio
output still works: the chime is skipped and logged.
"""

from __future__ import annotations

import array
import logging
import math
import tempfile
from functools import cache
from pathlib import Path

from kiosk.speech.wav import write_wav

log = logging.getLogger("kiosk.ui")
RATE = 22050
#: (frequency in Hz, seconds): a rising two-note chime, like a shop door
NOTES = ((660.0, 0.22), (880.0, 0.32))


def chime_samples(rate: int = RATE) -> array.array:
    """The chime as 16-bit samples: each note with a short fade in and out (no clicks)."""
    samples = array.array("h")
    for frequency, seconds in NOTES:
        count = int(rate * seconds)
        fade = int(rate * 0.02)
        for i in range(count):
            envelope = min(1.0, i / fade, (count - i) / fade)
            samples.append(int(0.45 * 32767 * envelope * math.sin(2 * math.pi * frequency * i / rate)))
    return samples


@cache
def chime_file() -> Path:
    """The chime's WAV file (made once per process)."""
    path = Path(tempfile.mkdtemp(prefix="passerelle-chime-")) / "help-call.wav"
    write_wav(str(path), chime_samples(), RATE, 1)
    return path


class Chime:
    """Plays the help-call chime; ``played`` counts the times it was started."""

    def __init__(self) -> None:
        self.played = 0
        self._sound = None

    def play(self) -> bool:
        """Start the chime; False when there is no audio output (logged, nothing else happens)."""
        from kivy.core.audio import SoundLoader

        if self._sound is None:
            self._sound = SoundLoader.load(str(chime_file()))
        if self._sound is None:
            log.warning("help call: no audio output for the chime")
            return False
        self._sound.stop()
        self._sound.play()
        self.played += 1
        return True
