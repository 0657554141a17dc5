"""Speech synthesis: pyttsx3 (espeak-ng) to WAV clips, on one worker thread, with a cache.

:class:`Synthesizer` owns the one pyttsx3 engine of the process on its own
thread; callers never block: :meth:`Synthesizer.request` returns at once and
calls back with a :class:`Clip` (a complete WAV file) or an error. A repeated
prompt comes from the cache (keyed by text, voice and rate; least recently used
clips are evicted) and is answered at once. Imports no Kivy: playback is
:mod:`kiosk.speech.player`.

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
- The driver prints "Audio saved to ..." for every file; that print is routed
  to this module's debug log.

Loading espeak-ng: a system ``libespeak-ng.so.1`` is used if the dynamic loader
finds one; otherwise the copy shipped in the ``espeakng-loader`` wheel is loaded
with ``RTLD_GLOBAL`` and ``ESPEAK_DATA_PATH`` points at its data, so that
``pip install`` alone is enough to speak.
"""

from __future__ import annotations

import array
import atexit
import ctypes
import hashlib
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
import wave
from collections import OrderedDict, deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

#: language -> espeak-ng voice name (``SetVoiceByName``)
DEFAULT_VOICES: dict[str, str] = {"fr": "fr", "en": "en", "ar": "ar"}
#: espeak-ng speaking rate, words per minute
DEFAULT_RATE = 175
MIN_RATE, MAX_RATE = 80, 450
#: espeak-ng's own voices all synthesise at this rate, 16-bit mono
ESPEAK_SAMPLE_RATE = 22050
#: samples whose magnitude is at most this count as silence when trimming
SILENCE_THRESHOLD = 16
#: silence kept after the last sound (espeak appends about 315 ms)
TAIL_KEEP_S = 0.06
#: attempts per clip before giving up (see the race described above)
ATTEMPTS = 3

_SYSTEM_LIBRARIES = ("libespeak-ng.so.1", "/usr/local/lib/libespeak-ng.so.1")


class SpeechUnavailable(RuntimeError):
    """Speech cannot work on this machine (no espeak-ng, no voice, no audio output).

    The message says why, in words staff can act on; the app falls back to
    captions only (:class:`kiosk.speech.engines.NullEngine`).
    """


class SynthesisError(RuntimeError):
    """One clip could not be synthesised (unknown language, repeated failure)."""


@dataclass(frozen=True)
class Clip:
    """A complete WAV file of one text in one voice at one rate."""

    path: str
    text: str
    lang: str
    voice: str
    rate: int
    sample_rate: int
    channels: int
    frames: int
    #: milliseconds spent synthesising it (0 for a cache hit of an older clip)
    synth_ms: float = 0.0

    @property
    def duration(self) -> float:
        """Seconds of sound."""
        return self.frames / self.sample_rate if self.sample_rate else 0.0


ClipCallback = Callable[[Clip | None, BaseException | None], None]


class Request:
    """A pending request for a clip; :meth:`cancel` means its callback will not be called."""

    __slots__ = ("callback", "cancelled")

    def __init__(self, callback: ClipCallback | None) -> None:
        self.callback = callback
        self.cancelled = False

    def cancel(self) -> None:
        """Do not call back (the clip may still be synthesised and cached)."""
        self.cancelled = True


@dataclass
class _Job:
    key: tuple[str, str, int]
    text: str
    lang: str
    voice: str
    rate: int
    requests: list[Request] = field(default_factory=list)
    prefetch: bool = False

    @property
    def wanted(self) -> bool:
        return self.prefetch or any(not r.cancelled for r in self.requests)


# -- the espeak-ng library -------------------------------------------------------------

_library_lock = threading.Lock()
_library: dict[str, str] | None = None


def load_library(prefer: str = "auto") -> dict[str, str]:
    """Make libespeak-ng loadable by pyttsx3 (once per process).

    ``prefer``: ``"auto"`` (system library if the loader finds one, else the
    bundled one), ``"system"`` or ``"bundled"``. Returns ``{"source", "path"}``.
    Raises :class:`SpeechUnavailable` when no library can be loaded.
    """
    global _library  # noqa: PLW0603
    with _library_lock:
        if _library is not None:
            return _library
        if "pyttsx3.drivers._espeak" in sys.modules:
            _library = {"source": "preloaded", "path": "?"}
            return _library
        errors: list[str] = []
        if prefer in ("auto", "system"):
            for name in _SYSTEM_LIBRARIES:
                try:
                    ctypes.CDLL(name, mode=ctypes.RTLD_GLOBAL)
                except OSError as exc:
                    errors.append(f"{name}: {exc}")
                    continue
                _library = {"source": "system", "path": name}
                return _library
        if prefer in ("auto", "bundled"):
            try:
                import espeakng_loader

                path = espeakng_loader.get_library_path()
                data = espeakng_loader.get_data_path()
                ctypes.CDLL(path, mode=ctypes.RTLD_GLOBAL)
            except (ImportError, OSError, RuntimeError) as exc:
                errors.append(f"espeakng-loader: {exc}")
            else:
                # The bundled library must read its own data (same version).
                previous = os.environ.get("ESPEAK_DATA_PATH")
                if previous and previous != data:
                    log.info("ESPEAK_DATA_PATH %s replaced by the bundled data %s", previous, data)
                os.environ["ESPEAK_DATA_PATH"] = data
                _library = {"source": "bundled", "path": path}
                return _library
        raise SpeechUnavailable(
            "No espeak-ng speech library: install the system package libespeak-ng1 "
            "or the Python package espeakng-loader (" + "; ".join(errors) + ")"
        )


# -- WAV helpers -------------------------------------------------------------------------


def read_wav(path: str) -> tuple[array.array, int, int]:
    """16-bit samples (native order), sample rate and channels of a WAV file."""
    with wave.open(path, "rb") as w:
        if w.getsampwidth() != 2:
            raise SynthesisError(f"{path}: {8 * w.getsampwidth()}-bit WAV, expected 16-bit")
        samples = array.array("h", w.readframes(w.getnframes()))
        if sys.byteorder == "big":
            samples.byteswap()
        return samples, w.getframerate(), w.getnchannels()


def write_wav(path: str, samples: array.array, rate: int, channels: int) -> None:
    """Write 16-bit samples to ``path`` atomically (temporary file, then rename)."""
    part = path + ".part"
    if sys.byteorder == "big":
        samples = array.array("h", samples)
        samples.byteswap()
    with wave.open(part, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.tobytes())
    os.replace(part, path)


def wav_complete(path: str) -> int:
    """Frames in ``path`` if it is a finished 16-bit mono WAV (header agrees with size), else 0."""
    try:
        size = os.path.getsize(path)
        with wave.open(path, "rb") as w:
            frames = w.getnframes()
            ok = w.getsampwidth() == 2 and w.getnchannels() == 1
    except (OSError, EOFError, wave.Error):
        return 0
    return frames if ok and frames > 0 and size == 44 + 2 * frames else 0


def trim_silence(samples: array.array, rate: int, threshold: int = SILENCE_THRESHOLD,
                 tail_keep_s: float = TAIL_KEEP_S) -> array.array:
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


def convert(samples: array.array, rate: int, out_rate: int | None, out_channels: int) -> tuple[array.array, int, int]:
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


def normalise_lang(lang: str) -> str:
    """'fr-FR', 'fr_FR', 'FR' -> 'fr'."""
    return (lang or "").replace("_", "-").split("-")[0].lower()


# -- the synthesizer ------------------------------------------------------------------------

_owner_lock = threading.Lock()
_owner: Synthesizer | None = None


class Synthesizer:
    """The process's one pyttsx3 engine, on one worker thread, with a clip cache.

    Construction starts the worker and waits (about 0.1 s) until the engine is
    up and the voices have spoken once; it raises :class:`SpeechUnavailable`
    if espeak-ng cannot start or no voice works. Only one instance may be open
    in a process (pyttsx3 and espeak-ng are process-wide): use
    :func:`shared_synthesizer`.

    Callbacks (``request``) run on the calling thread for a cache hit and on the
    worker thread otherwise: keep them short (e.g. ``Clock.schedule_once``).
    """

    def __init__(
        self,
        *,
        voices: Mapping[str, str] | None = None,
        rate: int = DEFAULT_RATE,
        cache_size: int = 200,
        cache_bytes: int = 128 * 1024 * 1024,
        cache_dir: str | None = None,
        output_rate: int | None = None,
        output_channels: int = 1,
        library: str = "auto",
        start_timeout: float = 15.0,
    ) -> None:
        global _owner  # noqa: PLW0603
        with _owner_lock:
            if _owner is not None and not _owner.closed:
                raise RuntimeError("one Synthesizer per process (pyttsx3 and espeak-ng are "
                                   "process-wide): use shared_synthesizer() or close() the other")
            _owner = self
        self.voices = {normalise_lang(k): v for k, v in (voices or DEFAULT_VOICES).items()}
        self.rate = self.clamp_rate(rate)
        self.cache_size = max(1, cache_size)
        self.cache_bytes = max(1, cache_bytes)
        self.output_rate = output_rate
        self.output_channels = output_channels
        self.library_preference = library
        self.library: dict[str, str] = {}
        #: language -> espeak voice identifier actually selected (e.g. 'roa/fr')
        self.voice_ids: dict[str, str] = {}
        self.stats = {"synthesised": 0, "cache_hits": 0, "retries": 0, "failures": 0, "evicted": 0}
        self.closed = False
        self._own_dir = cache_dir is None
        self.cache_dir = cache_dir or tempfile.mkdtemp(prefix="passerelle-tts-")
        os.makedirs(self.cache_dir, exist_ok=True)
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._cache: OrderedDict[tuple[str, str, int], Clip] = OrderedDict()
        self._sizes: dict[tuple[str, str, int], int] = {}
        self._cache_size_bytes = 0
        self._jobs: dict[tuple[str, str, int], _Job] = {}
        self._urgent: deque[_Job] = deque()
        self._background: deque[_Job] = deque()
        self._ready = threading.Event()
        self._startup_error: BaseException | None = None
        # worker-only state
        self._engine = None
        self._tokens: list[dict] = []
        self._finished = threading.Event()
        self._errors: list[BaseException] = []
        self._voice = ""
        self._rate = -1
        self._is_playing: Callable[[], int] | None = None
        self._voice_id = ""
        self._thread = threading.Thread(target=self._run, name="passerelle-tts", daemon=True)
        self._thread.start()
        if not self._ready.wait(start_timeout):
            self._startup_error = SpeechUnavailable(f"espeak-ng did not start within {start_timeout:.0f} s")
        if self._startup_error is not None:
            error = self._startup_error
            self.close()
            if isinstance(error, SpeechUnavailable):
                raise error
            raise SpeechUnavailable(f"speech synthesis cannot start: {error!r}") from error
        atexit.register(self.close)

    # -- public API (any thread) ---------------------------------------------------------
    @staticmethod
    def clamp_rate(rate: int | float) -> int:
        """A speaking rate espeak-ng accepts, words per minute."""
        return int(min(MAX_RATE, max(MIN_RATE, round(rate))))

    def voice_for(self, lang: str) -> str:
        """The espeak voice name for ``lang``; :class:`SynthesisError` if none."""
        code = normalise_lang(lang)
        voice = self.voices.get(code)
        if voice is None or (self.voice_ids and code not in self.voice_ids):
            raise SynthesisError(f"no speech voice for language {lang!r}")
        return voice

    def key(self, text: str, lang: str, rate: int | None = None) -> tuple[str, str, int]:
        """Cache key: (text, voice, rate)."""
        return (text.strip(), self.voice_for(lang), self.clamp_rate(self.rate if rate is None else rate))

    def cached(self, text: str, lang: str, rate: int | None = None) -> Clip | None:
        """The cached clip for this text, or None (never synthesises)."""
        try:
            key = self.key(text, lang, rate)
        except SynthesisError:
            return None
        with self._lock:
            clip = self._cache.get(key)
            if clip is None:
                return None
            if not os.path.exists(clip.path):
                self._evict(key)
                return None
            self._cache.move_to_end(key)
            self.stats["cache_hits"] += 1
            return clip

    def request(self, text: str, lang: str, callback: ClipCallback, rate: int | None = None) -> Request:
        """Ask for a clip; ``callback(clip, None)`` or ``callback(None, error)`` later.

        Never blocks. A cache hit calls back at once, on this thread.
        """
        req = Request(callback)
        try:
            if not text or not text.strip():
                raise SynthesisError("nothing to say")
            if self.closed:
                raise SpeechUnavailable("the synthesizer is closed")
            key = self.key(text, lang, rate)
        except (SynthesisError, SpeechUnavailable) as exc:
            self._deliver([req], None, exc)
            return req
        with self._lock:
            clip = self._cache.get(key)
            if clip is not None and not os.path.exists(clip.path):
                self._evict(key)
                clip = None
            if clip is not None:
                self._cache.move_to_end(key)
                self.stats["cache_hits"] += 1
            else:
                job = self._jobs.get(key)
                if job is None:
                    job = _Job(key, key[0], normalise_lang(lang), key[1], key[2])
                    self._jobs[key] = job
                    self._urgent.append(job)
                elif job in self._background:
                    self._background.remove(job)
                    self._urgent.append(job)
                job.requests.append(req)
                self._wake.notify()
        if clip is not None:
            self._deliver([req], clip, None)
        return req

    def prefetch(self, text: str, lang: str, rate: int | None = None) -> None:
        """Synthesise ``text`` in the background so that it starts at once when asked for."""
        if not text or not text.strip() or self.closed:
            return
        try:
            key = self.key(text, lang, rate)
        except SynthesisError as exc:
            log.debug("prefetch skipped: %s", exc)
            return
        with self._lock:
            if key in self._cache or key in self._jobs:
                return
            job = _Job(key, key[0], normalise_lang(lang), key[1], key[2], prefetch=True)
            self._jobs[key] = job
            self._background.append(job)
            self._wake.notify()

    def synthesize(self, text: str, lang: str, rate: int | None = None, timeout: float = 15.0) -> Clip:
        """Blocking convenience (tests, tools): the clip, or raise. Never call it on the worker."""
        if threading.current_thread() is self._thread:
            raise RuntimeError("synthesize() called on the synthesizer's own thread")
        box: list = []
        done = threading.Event()

        def got(clip: Clip | None, error: BaseException | None) -> None:
            box.append((clip, error))
            done.set()

        req = self.request(text, lang, got, rate)
        if not done.wait(timeout):
            req.cancel()
            raise SynthesisError(f"synthesis took more than {timeout} s")
        clip, error = box[0]
        if error is not None:
            raise error
        return clip

    def set_output_format(self, rate: int | None, channels: int) -> None:
        """Clips are written at ``rate`` Hz (integer multiples of 22050 only) and ``channels``.

        The player sets the audio device's format so that loading a clip costs
        no resampling on the UI thread. Changing the format empties the cache.
        """
        with self._lock:
            if (rate, channels) == (self.output_rate, self.output_channels):
                return
            self.output_rate, self.output_channels = rate, channels
            for key in list(self._cache):
                self._evict(key)

    def clear_cache(self) -> None:
        """Forget every cached clip (and delete the files)."""
        with self._lock:
            for key in list(self._cache):
                self._evict(key)

    @property
    def cache_len(self) -> int:
        return len(self._cache)

    def close(self) -> None:
        """Stop the worker, fail pending requests, delete the cache folder."""
        global _owner  # noqa: PLW0603
        with self._lock:
            if self.closed:
                return
            self.closed = True
            pending = [job for job in self._jobs.values()]
            self._jobs.clear()
            self._urgent.clear()
            self._background.clear()
            self._wake.notify_all()
        for job in pending:
            self._deliver(job.requests, None, SpeechUnavailable("the synthesizer was closed"))
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout=5)
        if self._own_dir:
            shutil.rmtree(self.cache_dir, ignore_errors=True)
        with _owner_lock:
            if _owner is self:
                _owner = None
        try:
            atexit.unregister(self.close)
        except Exception:  # noqa: BLE001
            pass

    # -- cache (lock held) -----------------------------------------------------------
    def _evict(self, key: tuple[str, str, int]) -> None:
        clip = self._cache.pop(key, None)
        if clip is None:
            return
        self._cache_size_bytes -= self._sizes.pop(key, 0)
        try:
            os.unlink(clip.path)
        except OSError:
            pass
        self.stats["evicted"] += 1

    def _store(self, key: tuple[str, str, int], clip: Clip) -> None:
        try:
            size = os.path.getsize(clip.path)
        except OSError:
            size = 0
        self._cache_size_bytes += size - self._sizes.get(key, 0)
        self._sizes[key] = size
        self._cache[key] = clip
        self._cache.move_to_end(key)
        while len(self._cache) > 1 and (len(self._cache) > self.cache_size
                                        or self._cache_size_bytes > self.cache_bytes):
            self._evict(next(iter(self._cache)))

    @staticmethod
    def _deliver(requests: list[Request], clip: Clip | None, error: BaseException | None) -> None:
        for req in requests:
            if req.cancelled or req.callback is None:
                continue
            try:
                req.callback(clip, error)
            except Exception:  # noqa: BLE001
                log.exception("speech clip callback failed")

    # -- worker thread -----------------------------------------------------------------
    def _run(self) -> None:
        try:
            self._start_engine()
        except BaseException as exc:  # noqa: BLE001
            self._startup_error = exc
            self._ready.set()
            self._release_engine()
            return
        self._ready.set()
        try:
            while True:
                job = self._next_job()
                if job is None:
                    break
                self._process(job)
        finally:
            self._release_engine()

    def _next_job(self) -> _Job | None:
        with self._lock:
            while True:
                if self.closed:
                    return None
                queue = self._urgent or self._background
                if queue:
                    job = queue.popleft()
                    if job.wanted:
                        return job
                    self._jobs.pop(job.key, None)  # every requester lost interest
                    continue
                self._wake.wait()

    def _start_engine(self) -> None:
        self.library = load_library(self.library_preference)
        try:
            import pyttsx3

            engine = pyttsx3.init("espeak")
        except Exception as exc:  # noqa: BLE001
            hint = ""
            if self.library.get("source") == "system":
                hint = " (is espeak-ng-data installed? ESPEAK_DATA_PATH?)"
            raise SpeechUnavailable(f"espeak-ng did not start: {exc}{hint}") from exc
        driver = sys.modules.get("pyttsx3.drivers.espeak")
        if driver is not None:
            driver.print = lambda *a, **_k: log.debug(" ".join(str(x) for x in a))
        espeak = sys.modules.get("pyttsx3.drivers._espeak")
        self._is_playing = getattr(espeak, "IsPlaying", None)
        self._engine = engine
        self._tokens = [engine.connect("finished-utterance", self._on_finished),
                        engine.connect("error", self._on_error)]
        # One empty run leaves the driver idle, so that later setProperty calls
        # are applied at once instead of inside the next runAndWait.
        engine.runAndWait()
        identifiers = {v.id.rsplit("/", 1)[-1]: v.id for v in engine.getProperty("voices")}
        scratch = os.path.join(self.cache_dir, "warmup.wav")
        missing = []
        for lang, voice in self.voices.items():
            if voice.rsplit("/", 1)[-1].lower() not in identifiers:
                missing.append(lang)
                continue
            try:
                self._synth_file("a", voice, self.rate, scratch)
            except SynthesisError as exc:
                log.warning("speech voice %r for %r does not work: %s", voice, lang, exc)
                missing.append(lang)
                continue
            self.voice_ids[lang] = self._voice_id
        if os.path.exists(scratch):
            os.unlink(scratch)
        if missing:
            log.warning("no speech voice for %s", ", ".join(missing))
        if not self.voice_ids:
            raise SpeechUnavailable(f"no espeak-ng voice works (wanted {dict(self.voices)})")
        log.info("speech: espeak-ng (%s library %s), voices %s", self.library.get("source"),
                 self.library.get("path"), self.voice_ids)

    def _release_engine(self) -> None:
        engine, self._engine = self._engine, None
        if engine is not None:
            for token in self._tokens:
                try:
                    engine.disconnect(token)
                except Exception:  # noqa: BLE001
                    pass
        self._tokens = []

    def _on_finished(self, name: object = None, completed: bool = True, **_: object) -> None:
        # espeak's thread (or ours): only signal; the worker checks the file.
        if completed:
            self._finished.set()

    def _on_error(self, name: object = None, exception: BaseException | None = None, **_: object) -> None:
        self._errors.append(exception or SynthesisError("pyttsx3 reported an error"))

    def _wait_idle(self, timeout: float = 1.0) -> None:
        if self._is_playing is None:
            time.sleep(0.005)
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

    def _synth_file(self, text: str, voice: str, rate: int, path: str) -> int:
        """Synthesise ``text`` to a complete 22050 Hz mono WAV at ``path``; frames written."""
        engine = self._engine
        last: str = "no attempt"
        for attempt in range(ATTEMPTS):
            if attempt:
                self.stats["retries"] += 1
                self._wait_idle()
            self._apply(voice, rate)
            if os.path.exists(path):
                os.unlink(path)
            self._finished.clear()
            self._errors.clear()
            engine.save_to_file(text, path)
            try:
                engine.runAndWait()
            except RuntimeError as exc:  # "run loop already started" after a failure
                last = repr(exc)
                try:
                    engine.endLoop()
                except RuntimeError:
                    pass
                continue
            if not self._finished.wait(5.0 + 0.01 * len(text)):
                last = "no finished-utterance notification"
                engine.stop()
                continue
            frames = wav_complete(path)
            if frames:
                return frames
            last = "empty or incomplete WAV"
            if self._errors:
                last += f" ({self._errors[0]})"
        raise SynthesisError(f"synthesis failed after {ATTEMPTS} attempts: {last}")

    def _process(self, job: _Job) -> None:
        started = time.perf_counter()
        name = hashlib.sha1(repr(job.key).encode("utf-8")).hexdigest()[:20]
        final = os.path.join(self.cache_dir, name + ".wav")
        raw = os.path.join(self.cache_dir, name + ".raw.wav")
        clip: Clip | None = None
        error: BaseException | None = None
        try:
            self._synth_file(job.text, job.voice, job.rate, raw)
            samples, rate, _channels = read_wav(raw)
            os.unlink(raw)
            samples = trim_silence(samples, rate)
            with self._lock:
                out_rate, out_channels = self.output_rate, self.output_channels
            samples, rate, channels = convert(samples, rate, out_rate, out_channels)
            write_wav(final, samples, rate, channels)
            clip = Clip(final, job.text, job.lang, job.voice, job.rate, rate, channels,
                        len(samples) // channels, (time.perf_counter() - started) * 1000)
        except Exception as exc:  # noqa: BLE001
            error = exc if isinstance(exc, SynthesisError) else SynthesisError(repr(exc))
            self.stats["failures"] += 1
            log.warning("speech synthesis failed for %r: %s", job.text[:60], error)
            for leftover in (raw, final + ".part"):
                if os.path.exists(leftover):
                    os.unlink(leftover)
        with self._lock:
            if self.closed:
                return  # close() already failed this job's requests
            self._jobs.pop(job.key, None)
            if clip is not None:
                self.stats["synthesised"] += 1
                self._store(job.key, clip)
            requests = list(job.requests)
        self._deliver(requests, clip, error)


_shared_lock = threading.Lock()


def shared_synthesizer(**kwargs: object) -> Synthesizer:
    """The process's synthesizer, started on first use (``kwargs`` apply then only)."""
    with _shared_lock:
        with _owner_lock:
            owner = _owner
        if owner is not None and not owner.closed:
            return owner
        return Synthesizer(**kwargs)  # type: ignore[arg-type]
