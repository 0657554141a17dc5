"""The real speech engine: synthesised clips played through Kivy's own audio (SDL2 mixer).

:class:`KivySpeechEngine` implements the queue's engine interface
(``speak(utterance, done)``, ``stop()``). The clip comes from the
:class:`~kiosk.speech.tts.Synthesizer` worker; the result hops back to Kivy's
main thread (``Clock.schedule_once``) and plays with ``SoundLoader``: unlike
pyttsx3's own ``say()`` (which runs ``aplay``), the sound stops at once.

Threading: call ``speak``/``stop``/``play_file`` from Kivy's main thread (touch
and key handlers do). From another thread they still work, but the Kivy part
(loading, playing, stopping the sound) is deferred to the next frame. ``done``
is called on the main thread, exactly once per ``speak``: when the sound ends,
when it is stopped or replaced, or at once if nothing can be played.

A private utterance (what the visitor typed) arrives as a clip in memory and is
played from memory through SDL_mixer (:class:`MemorySound`): no file is ever
made of it. The logs never quote what is said, only its length.

Every sound this engine loads is unloaded (its SDL_mixer chunk freed) when
it ends, is stopped or is replaced; :attr:`KivySpeechEngine.live_sounds` counts
those still loaded. The device itself (buffer size, format) is
:mod:`kiosk.speech.player_mixer`.

The playback modules (``player*.py``) are the only speech modules that import Kivy.
"""

from __future__ import annotations

import logging
import os
import threading
import wave
from collections.abc import Callable, Mapping

from kivy.clock import Clock
from kivy.core.audio import Sound, SoundLoader

from kiosk.session import MIN_VOLUME
from kiosk.speech.clip_cache import Clip
from kiosk.speech.errors import SpeechUnavailable
from kiosk.speech.jobs import Request
from kiosk.speech.player_mixer import (
    AUDIO_S16LSB,
    AUDIO_S16SYS,
    MemorySound,
    forget_mixer_buffer,
    mixer_library,
    mixer_open_count,
    mixer_spec,
    set_mixer_buffer,
)
from kiosk.speech.pronounce import Pronouncer
from kiosk.speech.queue import Utterance
from kiosk.speech.sequence import Speech
from kiosk.speech.tts import DEFAULT_RATE, Synthesizer, shared_synthesizer

__all__ = ["AUDIO_S16LSB", "AUDIO_S16SYS", "MAX_VOLUME", "MIN_VOLUME", "KivySpeechEngine",
           "mixer_library", "mixer_spec", "set_mixer_buffer"]

log = logging.getLogger(__name__)

MAX_VOLUME = 1.0


def _on_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


class _Playback:
    """One ``speak``/``play_file``: its completion callback and, once started, its sound."""

    __slots__ = ("generation", "done", "sound", "on_stop", "request", "finished", "label")

    def __init__(self, generation: int, done: Callable[[], None], label: str) -> None:
        self.generation = generation
        self.done = done
        self.sound: Sound | MemorySound | None = None
        #: the callback bound to the sound's on_stop (kept to unbind it)
        self.on_stop: Callable[..., None] | None = None
        self.request: Request | None = None
        self.finished = False
        self.label = label

    def finish(self) -> None:
        """Cancel the clip request and call ``done()``, once."""
        if self.finished:
            return
        self.finished = True
        if self.request is not None:
            self.request.cancel()
        try:
            self.done()
        except Exception:  # noqa: BLE001
            # done() belongs to the queue or a test: its bug must not leave the engine
            # half-stopped (the next utterance would never start). Logged with its traceback.
            log.exception("speech done() callback failed")


class KivySpeechEngine:
    """Speaks through the synthesizer and Kivy's SDL2 audio; stops at once.

    ``recordings`` maps a text to ``{lang: path}`` of a recorded file to play
    instead of synthesis (e.g. a human voice for the idle prompt).
    ``pronouncer``: the lexicons and the Arabic diacritizer (default: the bundled
    content's), for a synthesizer started here.
    ``mixer_buffer``: frames per SDL_mixer buffer (see :func:`set_mixer_buffer`);
    None keeps Kivy's 4096. Construction starts the shared synthesizer if needed
    (about 0.1 s: espeak-ng, three voices warmed up) and opens the audio output
    (about 10 ms, or about 0.3 s if Kivy's audio was already open and must be
    reopened with the smaller buffer): build it once, on Kivy's main thread,
    before anything else plays a sound.

    Raises :class:`SpeechUnavailable` if Kivy's audio cannot open an output
    device or the synthesizer cannot start.
    """

    available = True
    #: why speech is not available (see :mod:`kiosk.speech.factory`); None: it is
    reason: str | None = None

    def __init__(
        self,
        synthesizer: Synthesizer | None = None,
        *,
        rate: int = DEFAULT_RATE,
        volume: float = 1.0,
        recordings: Mapping[str, Mapping[str, str]] | None = None,
        mixer_buffer: int | None = 1024,
        pronouncer: Pronouncer | None = None,
    ) -> None:
        self.synth = synthesizer or shared_synthesizer(pronouncer=pronouncer)
        self.default_rate = self.synth.clamp_rate(rate)
        self.default_volume = self._clamp_volume(volume)
        self._rate = self.default_rate
        self._volume = self.default_volume
        self.recordings: dict[str, dict[str, str]] = {t: dict(m) for t, m in (recordings or {}).items()}
        self.generation = 0
        self._current: _Playback | None = None
        self._lock = threading.RLock()
        #: sounds loaded and not yet unloaded (see :meth:`_release`)
        self._loaded: set[Sound] = set()
        #: sounds loaded so far
        self.sounds_loaded = 0
        self.mixer_buffer = mixer_buffer
        self.sound_class = self._probe_audio()

    # -- set-up -----------------------------------------------------------------------
    def _probe_audio(self) -> str:
        """Open Kivy's audio output now (not at the first utterance) and match its format."""
        pre_opened = False
        if self.mixer_buffer and mixer_open_count()[0] == 0:
            # before Kivy opens its audio: Kivy's own open will share this one
            pre_opened = set_mixer_buffer(self.mixer_buffer)
        probe = os.path.join(self.synth.cache_dir, "_audio_probe.wav")
        with wave.open(probe, "wb") as w:
            w.setnchannels(2)
            w.setsampwidth(2)
            w.setframerate(44100)
            w.writeframes(bytes(4 * 441))
        sound = SoundLoader.load(probe)
        ok = sound is not None and sound.length > 0
        if ok:
            sound.volume = 0
            sound.play()
            ok = sound.state == "play"
            sound.stop()
        name = type(sound).__name__ if sound is not None else "none"
        if sound is not None:
            sound.unload()  # free its SDL_mixer chunk now, not whenever the object goes
        del sound
        os.unlink(probe)
        if not ok:
            raise SpeechUnavailable(
                f"no audio output: Kivy's audio ({name}) could not open a sound device "
                "(check the sound card, or SDL_AUDIODRIVER)")
        if name == "SoundSDL2" and self.mixer_buffer:
            if pre_opened and mixer_open_count()[0] < 2:
                forget_mixer_buffer()  # Kivy closed ours and opened its own: reopen below
            if not set_mixer_buffer(self.mixer_buffer):
                self.mixer_buffer = None
        spec = mixer_spec() if name == "SoundSDL2" else None
        if spec is not None and spec[1] == AUDIO_S16LSB:
            # Clips at the device's rate load without resampling on the UI thread.
            self.synth.set_output_format(spec[0], spec[2])
        log.info("speech audio: %s, mixer %s, buffer %s frames", name, spec, self.mixer_buffer or "Kivy's")
        return name

    # -- settings -----------------------------------------------------------------------
    @staticmethod
    def _clamp_volume(value: float) -> float:
        return float(min(MAX_VOLUME, max(MIN_VOLUME, value)))

    @property
    def volume(self) -> float:
        """0.1 to 1.0: never silent while speech is on. Applies to the sound playing now."""
        return self._volume

    @volume.setter
    def volume(self, value: float) -> None:
        self._volume = self._clamp_volume(value)
        pb = self._current
        if pb is not None and pb.sound is not None:
            pb.sound.volume = self._volume

    @property
    def rate(self) -> int:
        """Speaking rate, words per minute (80 to 450); applies from the next utterance."""
        return self._rate

    @rate.setter
    def rate(self, value: int) -> None:
        self._rate = self.synth.clamp_rate(value)

    def set_voice(self, volume: float, rate: float) -> None:
        """The visit's volume (0.1..1) and speed as a multiple of normal (1.0)."""
        self.volume = volume
        self.rate = round(self.default_rate * rate)

    def reset(self) -> None:
        """End of a visit: volume and rate back to their defaults (EN 301 549 5.1.3.12)."""
        self._rate = self.default_rate
        self.volume = self.default_volume

    @property
    def caveat(self) -> str | None:
        """Speech works, but not fully (the Arabic model could not load): for staff; None when all is well."""
        return self.synth.pronouncer.problem

    @property
    def speaking(self) -> bool:
        """True from ``speak`` until ``done`` (synthesising or playing)."""
        return self._current is not None

    def add_recording(self, text: str, lang: str, path: str) -> None:
        """Play ``path`` instead of synthesising ``text`` in ``lang``."""
        self.recordings.setdefault(text, {})[lang] = path

    def prefetch(self, text: str | Speech, lang: str) -> None:
        """Synthesise ahead (a screen's announcement and labels) at the current rate."""
        if self._recording(str(text), lang) is None:
            self.synth.prefetch(text, lang, self._rate)

    # -- the engine interface ------------------------------------------------------------
    def speak(self, utterance: Utterance, done: Callable[[], None]) -> None:
        """Say ``utterance``; ``done()`` when it ended or was stopped."""
        path = self._recording(utterance.text, utterance.lang)
        if path is not None:
            self.play_file(path, done)
            return
        pb = self._begin(done, f"a {len(utterance.text)}-character utterance")  # never the words
        if _on_main_thread():
            clip = self.synth.cached(utterance.speech, utterance.lang, self._rate)
            if clip is not None:
                self._start(pb, clip)
                return

        def got(clip: Clip | None, error: BaseException | None) -> None:
            # A synthesizer thread (or this one, for a cache hit): hop to Kivy's thread.
            if pb is self._current:
                Clock.schedule_once(lambda _dt: self._on_clip(pb, clip, error))

        pb.request = self.synth.request(utterance.speech, utterance.lang, got, self._rate)

    def play_file(self, path: str, done: Callable[[], None]) -> None:
        """Play a recorded file (WAV, or what SDL_mixer reads) instead of synthesis."""
        pb = self._begin(done, os.path.basename(path))
        if _on_main_thread():
            self._start(pb, path)
        else:
            Clock.schedule_once(lambda _dt: self._start(pb, path))

    def stop(self) -> None:
        """Stop at once; a clip still being synthesised will never be played."""
        with self._lock:
            pb, self._current = self._current, None
            self.generation += 1
        if pb is None:
            return
        sound, pb.sound = pb.sound, None
        if sound is not None:
            if _on_main_thread():
                self._release(sound, pb)
            else:
                Clock.schedule_once(lambda _dt: self._release(sound, pb))
        pb.finish()

    @property
    def live_sounds(self) -> int:
        """Sounds loaded and not yet unloaded: the current one at most, once the last release ran."""
        with self._lock:
            return len(self._loaded)

    # -- internals (main thread unless said otherwise) -----------------------------------------
    def _recording(self, text: str, lang: str) -> str | None:
        path = self.recordings.get(text, {}).get(lang)
        if path and os.path.exists(path):
            return path
        return None

    def _begin(self, done: Callable[[], None], label: str) -> _Playback:
        """A new playback replaces (and finishes) the current one. Any thread."""
        if self._current is not None:
            self.stop()
        with self._lock:
            self.generation += 1
            pb = _Playback(self.generation, done, label)
            self._current = pb
        return pb

    def _on_clip(self, pb: _Playback, clip: Clip | None, error: BaseException | None) -> None:
        if pb is not self._current:
            return  # stopped or replaced while synthesising: never played
        if error is not None or clip is None:
            log.warning("speech: nothing to play for %s: %s", pb.label, error)
            self._finish(pb)
            return
        self._start(pb, clip)

    def _load(self, source: str | Clip) -> Sound | MemorySound | None:
        """A file through Kivy's loader; a private clip from memory; None if it cannot be loaded."""
        if isinstance(source, str):
            return SoundLoader.load(source)
        if source.path is not None:
            return SoundLoader.load(source.path)
        try:
            return MemorySound(source)
        except SpeechUnavailable as exc:
            log.warning("speech: %s", exc)
            return None

    def _start(self, pb: _Playback, source: str | Clip) -> None:
        if pb is not self._current:
            return
        path = source if isinstance(source, str) else (source.path or "a clip in memory")
        sound = self._load(source)
        if sound is None:
            log.warning("speech: cannot load %s", path)
            self._finish(pb)
            return
        with self._lock:
            self._loaded.add(sound)
            self.sounds_loaded += 1
        if not sound.length:
            log.warning("speech: cannot load %s", path)
            self._release(sound, None)
            self._finish(pb)
            return
        sound.volume = self._volume
        with self._lock:
            if pb is not self._current:
                current = False
            else:
                current = True
                pb.sound = sound
                pb.on_stop = lambda *_: self._on_sound_stop(pb)
        if not current:
            self._release(sound, None)  # stopped from another thread while it loaded
            return
        sound.bind(on_stop=pb.on_stop)
        sound.play()
        if sound.state != "play":
            log.warning("speech: cannot play %s", path)
            self._finish(pb)
        elif pb is not self._current:  # stopped from another thread meanwhile: its release is scheduled
            sound.stop()

    def _on_sound_stop(self, pb: _Playback) -> None:
        """The sound ended by itself (Kivy's end-of-play check): done, and free it next frame."""
        self._finish(pb)

    def _finish(self, pb: _Playback) -> None:
        with self._lock:
            if self._current is pb:
                self._current = None
            sound, pb.sound = pb.sound, None  # the sound holds this playback through its on_stop binding
        if sound is not None:
            # Usually inside the sound's own on_stop dispatch: unload it after that returns.
            Clock.schedule_once(lambda _dt: self._release(sound, pb))
        pb.finish()

    def _release(self, sound: Sound | MemorySound, pb: _Playback | None) -> None:
        """Stop ``sound`` and free its SDL_mixer chunk (once; main thread).

        Without this a chunk (about 176 kB a second of speech at 44.1 kHz stereo)
        lived until the garbage collector found the sound.
        """
        with self._lock:
            if sound not in self._loaded:
                return
            self._loaded.discard(sound)
        if pb is not None and pb.on_stop is not None:
            sound.unbind(on_stop=pb.on_stop)
            pb.on_stop = None
        sound.unload()  # stops it first if it still plays
