"""pyttsx3's espeak driver, driven so that every WAV it writes is complete: the workarounds.

What pyttsx3 2.99's espeak driver really does (measured; see ``bench/speech.py``):

- ``runAndWait()`` always lasts at least 10 ms (a ``sleep(0.01)`` in the
  driver's loop) and may return *before* the WAV exists: espeak-ng synthesises
  on its own thread and the driver writes the file from that thread when
  synthesis ends, then notifies ``finished-utterance``. We wait for that
  notification, then check the file's header against its size.
- ``setProperty`` is applied at once once the engine has run; an espeak
  parameter change goes through espeak's command queue, and if the next
  ``runAndWait()`` starts while that command is still being processed, the
  driver's own ``stop()`` cancels the new synthesis: ``finished-utterance``
  then reports ``completed=True`` with an *empty* WAV (about 1 in 100 without
  precautions). We wait for espeak to be idle after changing a property, check
  every WAV, and retry.
- ``runAndWait()`` with nothing queued synthesises the previous text again into
  the previous file; ``say()`` would play through ``aplay`` (never used here).
- A wrong voice raises nothing unless the ``error`` topic is listened to; we
  listen and also read the voice back.
- The driver prints "Audio saved to ..." for every file, from espeak's own
  thread. That print goes to this module's debug log: the driver module's
  ``print`` name is rebound (:func:`_driver_print`). A
  ``contextlib.redirect_stdout`` around our call would not do: it swaps
  ``sys.stdout`` for the whole process (every thread's output, e.g. the JSON a
  ``kiosk`` command prints, would vanish while a clip is made), and the print
  runs on espeak's thread, which may outlive the ``with`` block after a
  timeout. Rebinding the name touches that one module and nothing else.

:class:`EspeakDriver` is used by the synthesizer's worker thread only.
Imports no Kivy.
"""

from __future__ import annotations

import ctypes
import io
import logging
import sys
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

from kiosk.speech.errors import SpeechUnavailable, SynthesisError
from kiosk.speech.espeak_library import load_library
from kiosk.speech.wav import wav_bytes_complete

#: espeak_TextToPhonemes: text as UTF-8, phonemes as IPA
_CHARS_UTF8, _PHONEMES_IPA = 1, 0x02

log = logging.getLogger(__name__)

#: attempts per clip before giving up (see the race described above)
ATTEMPTS = 3


def _driver_print(*args: object, **_kwargs: object) -> None:
    """Stands for ``print`` inside pyttsx3's espeak driver: its messages go to the debug log."""
    log.debug(" ".join(str(x) for x in args))


class EspeakDriver:
    """The process's pyttsx3 espeak engine, set up and driven from one thread.

    ``start`` loads espeak-ng, starts pyttsx3 and warms every voice up (raising
    :class:`SpeechUnavailable` if none works); ``synth_wav`` makes one complete
    22050 Hz mono WAV in memory (pyttsx3's driver writes it into a file object:
    nothing touches the disk); ``phonemes`` gives espeak-ng's IPA for a text;
    ``release`` disconnects from the engine (pyttsx3 keeps the engine for the
    process; a later driver connects again).
    """

    def __init__(self) -> None:
        self.library: dict[str, str] = {}
        #: language -> espeak voice identifier actually selected (e.g. 'roa/fr')
        self.voice_ids: dict[str, str] = {}
        #: synthesis attempts repeated because a WAV came back empty or late
        self.retries = 0
        self._engine: Any = None  # pyttsx3's Engine (untyped)
        self._tokens: list[dict[str, Any]] = []
        self._finished = threading.Event()
        self._errors: list[BaseException] = []
        self._voice = ""
        self._rate = -1
        self._voice_id = ""
        self._is_playing: Callable[[], int] | None = None
        self._dll: ctypes.CDLL | None = None

    # -- set-up ------------------------------------------------------------------------
    def start(self, voices: Mapping[str, str], rate: int, library: str = "auto") -> None:
        """Start pyttsx3 on espeak-ng and keep the ``voices`` (lang -> name) that work."""
        self.library = load_library(library)
        try:
            import pyttsx3

            engine = pyttsx3.init("espeak")
        except (ImportError, OSError, RuntimeError, AttributeError) as exc:
            # What a missing or broken espeak-ng raises while pyttsx3 loads it: tell staff why.
            hint = ""
            if self.library.get("source") == "system":
                hint = " (is espeak-ng-data installed? ESPEAK_DATA_PATH?)"
            raise SpeechUnavailable(f"espeak-ng did not start: {exc}{hint}") from exc
        driver = sys.modules.get("pyttsx3.drivers.espeak")
        if driver is not None:
            driver.print = _driver_print  # type: ignore[attr-defined]  # see the docstring: that module's only
        espeak = sys.modules.get("pyttsx3.drivers._espeak")
        self._is_playing = getattr(espeak, "IsPlaying", None)
        self._dll = getattr(espeak, "dll", None)
        if self._dll is not None:
            to_phonemes = self._dll.espeak_TextToPhonemes
            to_phonemes.restype = ctypes.c_char_p
            to_phonemes.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_int]
        self._engine = engine
        self._tokens = [engine.connect("finished-utterance", self._on_finished),
                        engine.connect("error", self._on_error)]
        # One empty run leaves the driver idle, so that later setProperty calls
        # are applied at once instead of inside the next runAndWait.
        engine.runAndWait()
        identifiers = {v.id.rsplit("/", 1)[-1]: v.id for v in engine.getProperty("voices")}
        missing = []
        for lang, voice in voices.items():
            if voice.rsplit("/", 1)[-1].lower() not in identifiers:
                missing.append(lang)
                continue
            try:
                self.synth_wav("a", voice, rate)
            except SynthesisError as exc:
                log.warning("speech voice %r for %r does not work: %s", voice, lang, exc)
                missing.append(lang)
                continue
            self.voice_ids[lang] = self._voice_id
        if missing:
            log.warning("no speech voice for %s", ", ".join(missing))
        if not self.voice_ids:
            raise SpeechUnavailable(f"no espeak-ng voice works (wanted {dict(voices)})")
        log.info("speech: espeak-ng (%s library %s), voices %s", self.library.get("source"),
                 self.library.get("path"), self.voice_ids)

    def release(self) -> None:
        """Stop listening to the engine (it stays alive in pyttsx3 for the process)."""
        engine, self._engine = self._engine, None
        if engine is not None:
            for token in self._tokens:
                try:
                    engine.disconnect(token)
                except ValueError:
                    # pyttsx3 had already dropped this callback: nothing left to undo.
                    log.debug("speech: pyttsx3 callback %s was already disconnected", token.get("topic"))
        self._tokens = []

    # -- synthesis ---------------------------------------------------------------------
    def synth_wav(self, text: str, voice: str, rate: int) -> bytes:
        """Synthesise ``text`` to a complete 22050 Hz mono WAV, in memory: its bytes."""
        engine = self._engine
        last: str = "no attempt"
        for attempt in range(ATTEMPTS):
            if attempt:
                self.retries += 1
                self._wait_idle()
            self._apply(voice, rate)
            out = io.BytesIO()  # pyttsx3's driver hands it to wave.open: the sound stays in memory
            self._finished.clear()
            self._errors.clear()
            engine.save_to_file(text, out)
            try:
                engine.runAndWait()
            except RuntimeError as exc:  # "run loop already started" after a failure
                last = repr(exc)
                try:
                    engine.endLoop()
                except RuntimeError as end_exc:
                    # "run loop not started": the loop is already down, which is what we want.
                    log.debug("speech: endLoop after a failed run: %s", end_exc)
                continue
            if not self._finished.wait(5.0 + 0.01 * len(text)):
                last = "no finished-utterance notification"
                engine.stop()
                continue
            data = out.getvalue()
            if wav_bytes_complete(data):
                return data
            last = "empty or incomplete WAV"
            if self._errors:
                last += f" ({self._errors[0]})"
        raise SynthesisError(f"synthesis failed after {ATTEMPTS} attempts: {last}")

    def phonemes(self, text: str, voice: str) -> str:
        """espeak-ng's phonemes (IPA) for ``text`` in ``voice``: what the voice would say."""
        if self._dll is None:
            raise SynthesisError("this espeak-ng driver gives no phonemes")
        self._wait_idle()
        self._apply(voice, self._rate if self._rate > 0 else 175)
        to_phonemes = self._dll.espeak_TextToPhonemes
        buffer = ctypes.create_string_buffer(text.encode("utf-8"))
        pointer = ctypes.c_void_p(ctypes.addressof(buffer))
        clauses = []
        while pointer.value:  # one clause per call; espeak-ng moves the pointer on
            said = to_phonemes(ctypes.byref(pointer), _CHARS_UTF8, _PHONEMES_IPA)
            if said:
                clauses.append(said.decode("utf-8", "replace").strip())
        return " ".join(c for c in clauses if c)

    # -- internals -----------------------------------------------------------------------
    def _on_finished(self, name: object = None, completed: bool = True, **_: object) -> None:
        # espeak's thread (or ours): only signal; the worker checks the file.
        if completed:
            self._finished.set()

    def _on_error(self, name: object = None, exception: BaseException | None = None, **_: object) -> None:
        self._errors.append(exception or SynthesisError("pyttsx3 reported an error"))

    def _wait_idle(self, timeout: float = 1.0) -> None:
        if self._is_playing is None:
            time.sleep(0.005)  # no IsPlaying in this driver: a short pause is all we can do
            return
        deadline = time.monotonic() + timeout
        while self._is_playing() and time.monotonic() < deadline:
            time.sleep(0.0005)

    def _apply(self, voice: str, rate: int) -> None:
        engine = self._engine
        self._errors.clear()
        changed = False
        if voice != self._voice:
            engine.setProperty("voice", voice)
            self._voice = voice
            changed = True
        if rate != self._rate:
            engine.setProperty("rate", rate)
            self._rate = rate
            changed = True
        if self._errors:
            self._voice = ""
            raise SynthesisError(f"voice {voice!r} rate {rate}: {self._errors[0]}")
        current = engine.getProperty("voice") or ""
        if current.rsplit("/", 1)[-1] != voice.rsplit("/", 1)[-1].lower():
            self._voice = ""
            raise SynthesisError(f"voice {voice!r} was not selected (espeak has {current!r})")
        self._voice_id = current
        if changed:
            self._wait_idle()
