"""Speech engines behind one small interface: ``speak(utterance, done)``, ``stop()``.

- :class:`RecordingEngine` keeps what it was asked to say (tests, and a record
  of what the kiosk said); it finishes each utterance at once.
- :class:`NullEngine` says nothing: the kiosk runs with captions only.

The real engine (pyttsx3 synthesis in :mod:`kiosk.speech.tts`, played through
Kivy's audio) is :mod:`kiosk.speech.player`. Imports no Kivy.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.speech.queue import Utterance


class NullEngine:
    """No speech available: every utterance finishes silently at once."""

    available = False
    #: why there is no speech, for staff (see :mod:`kiosk.speech.factory`)
    reason: str | None = None

    def speak(self, utterance: Utterance, done: Callable[[], None]) -> None:
        done()

    def stop(self) -> None:
        pass


class RecordingEngine:
    """Records every utterance; ``stops`` counts interruptions."""

    available = True
    reason: str | None = None

    def __init__(self, hold: bool = False, keep: int | None = None) -> None:
        #: with ``hold``, an utterance stays "speaking" until :meth:`finish`
        self.hold = hold
        #: with ``keep``, only about the last ``keep`` utterances are kept (a long monkey run)
        self.keep = keep
        self.spoken: list[Utterance] = []
        self.stops = 0
        self.volume, self.rate = 0.8, 1.0
        #: text -> {lang: path}: recorded speech to play instead of synthesis
        self.recordings: dict[str, dict[str, str]] = {}
        #: recorded files that were played, in order
        self.played_files: list[str] = []
        self._done: Callable[[], None] | None = None

    def add_recording(self, text: str, lang: str, path: str) -> None:
        """Play ``path`` instead of synthesising ``text`` in ``lang`` (as the real engine does)."""
        self.recordings.setdefault(text, {})[lang] = path

    def speak(self, utterance: Utterance, done: Callable[[], None]) -> None:
        self.spoken.append(utterance)
        recorded = self.recordings.get(utterance.text, {}).get(utterance.lang)
        if recorded:
            self.played_files.append(recorded)
        if self.keep is not None and len(self.spoken) > 2 * self.keep:
            del self.spoken[:-self.keep], self.played_files[:-self.keep]
        if self.hold:
            self._done = done
        else:
            done()

    def stop(self) -> None:
        self.stops += 1
        self._done = None

    def set_voice(self, volume: float, rate: float) -> None:
        """Remember the voice settings, so tests can check what the engine was told."""
        self.volume, self.rate = volume, rate

    def finish(self) -> None:
        """End the held utterance, as if its sound had finished."""
        done, self._done = self._done, None
        if done:
            done()

    @property
    def texts(self) -> list[str]:
        """What was said, in order."""
        return [u.text for u in self.spoken]

    def clear(self) -> None:
        """Forget what was recorded so far."""
        self.spoken.clear()
