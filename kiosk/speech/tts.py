"""Speech synthesis: clips of text on one worker thread, answered from a cache when they can be.

:class:`Synthesizer` owns the one pyttsx3 engine of the process on its own
thread; callers never block: :meth:`Synthesizer.request` returns at once and
calls back with a :class:`Clip` (a complete WAV) or an error. What is said is a
:class:`~kiosk.speech.sequence.Speech`: each segment is made ready to be said
(:mod:`kiosk.speech.pronounce`: the lexicon, Arabic vowelled), synthesised in
its own voice, trimmed, and joined to the others into one clip, so that a
quoted French label inside English follows without a gap.

A repeated prompt comes from the cache (keyed by segments, voices and rate;
least recently used clips are evicted beyond a count and a size) and is
answered at once. The cache is a folder of the kiosk's own (mode 0700, outside
the data folder, emptied at start and at exit: :func:`speech_folder`). A
*private* utterance (what the visitor typed) is synthesised in memory and
handed over as bytes: it is never written, never cached, and never logged (a
log may give its length, never its words). Imports no Kivy: playback is
:mod:`kiosk.speech.player`.

The worker's loop lives here; the other jobs each have their module:

- :mod:`kiosk.speech.espeak_library`: loading libespeak-ng (system or bundled);
- :mod:`kiosk.speech.espeak_driver`: pyttsx3's espeak driver and its workarounds;
- :mod:`kiosk.speech.wav`: reading, trimming, converting and writing WAV files;
- :mod:`kiosk.speech.clip_cache`: :class:`Clip` and the bounded cache;
- :mod:`kiosk.speech.clip_maker`: making one clip of a job's segments;
- :mod:`kiosk.speech.folder`: the speech folder (0700, outside the data folder);
- :mod:`kiosk.speech.jobs`: requests and the urgent/background job queues;
- :mod:`kiosk.speech.worker_tasks`: other work run on the worker (phonemes);
- :mod:`kiosk.speech.voices`: the voices and speaking rates;
- :mod:`kiosk.speech.errors`: :class:`SpeechUnavailable`, :class:`SynthesisError`.
"""

from __future__ import annotations

import atexit
import itertools
import logging
import os
import shutil
import threading
from collections import deque
from collections.abc import Mapping

from kiosk.speech.clip_cache import Clip, ClipCache, ClipKey
from kiosk.speech.clip_maker import make_clip
from kiosk.speech.errors import SpeechUnavailable, SynthesisError
from kiosk.speech.espeak_driver import EspeakDriver
from kiosk.speech.folder import speech_folder
from kiosk.speech.jobs import ClipCallback, Job, JobBoard, Request
from kiosk.speech.pronounce import Pronouncer
from kiosk.speech.sequence import Segment, Speech, as_speech
from kiosk.speech.voices import DEFAULT_RATE, DEFAULT_VOICES, MAX_RATE, MIN_RATE, normalise_lang
from kiosk.speech.worker_tasks import Task, WorkerTasks

__all__ = ["DEFAULT_RATE", "SpeechUnavailable", "SynthesisError", "Synthesizer", "shared_synthesizer"]

log = logging.getLogger(__name__)

_owner_lock = threading.Lock()
_owner: Synthesizer | None = None
_private_numbers = itertools.count(1)


class Synthesizer(WorkerTasks):
    """The process's one pyttsx3 engine, on one worker thread, with a clip cache.

    Construction starts the worker and waits (about 0.1 s) until the engine is
    up and the voices have spoken once; it raises :class:`SpeechUnavailable`
    if espeak-ng cannot start or no voice works. Only one instance may be open
    in a process (pyttsx3 and espeak-ng are process-wide): use
    :func:`shared_synthesizer`.

    Callbacks (``request``) run on the calling thread for a cache hit and on the
    worker thread otherwise: keep them short (e.g. ``Clock.schedule_once``).
    """

    #: no more clips: the worker has stopped or is stopping
    closed: bool

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
        pronouncer: Pronouncer | None = None,
    ) -> None:
        global _owner  # noqa: PLW0603
        with _owner_lock:
            if _owner is not None and not _owner.closed:
                raise RuntimeError("one Synthesizer per process (pyttsx3 and espeak-ng are "
                                   "process-wide): use shared_synthesizer() or close() the other")
            _owner = self
        self.voices = {normalise_lang(k): v for k, v in (voices or DEFAULT_VOICES).items()}
        self.rate = self.clamp_rate(rate)
        self.output_rate = output_rate
        self.output_channels = output_channels
        self.library_preference = library
        self.closed = False
        self._own_dir = cache_dir is None
        self.cache_dir = cache_dir or speech_folder()
        os.makedirs(self.cache_dir, mode=0o700, exist_ok=True)
        #: makes each segment ready to be said (lexicon, Arabic vowels); the worker's only
        self.pronouncer = pronouncer or Pronouncer.bundled()
        self._tasks: deque[Task] = deque()
        self._counts = {"synthesised": 0, "cache_hits": 0, "failures": 0}
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._cache = ClipCache(cache_size, cache_bytes)
        self._jobs = JobBoard()
        self._ready = threading.Event()
        self._startup_error: BaseException | None = None
        self._driver = EspeakDriver()  # the worker thread's only
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
    @property
    def library(self) -> dict[str, str]:
        """Which libespeak-ng was loaded: ``{"source": "system" | "bundled" | ..., "path"}``."""
        return self._driver.library

    @property
    def voice_ids(self) -> dict[str, str]:
        """language -> espeak voice identifier actually selected (e.g. 'roa/fr')."""
        return self._driver.voice_ids

    @property
    def stats(self) -> dict[str, int]:
        """Counts so far: synthesised, cache_hits, retries, failures, evicted."""
        return {**self._counts, "retries": self._driver.retries, "evicted": self._cache.evicted}

    @property
    def cache_size(self) -> int:
        """At most this many clips are cached (the newest is always kept)."""
        return self._cache.max_count

    @cache_size.setter
    def cache_size(self, value: int) -> None:
        self._cache.max_count = max(1, value)

    @property
    def cache_bytes(self) -> int:
        """At most this many bytes of clip files are cached (the newest is always kept)."""
        return self._cache.max_bytes

    @cache_bytes.setter
    def cache_bytes(self, value: int) -> None:
        self._cache.max_bytes = max(1, value)

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

    def key(self, text: str | Speech, lang: str, rate: int | None = None) -> ClipKey:
        """Cache key: the segments with their voices and pauses, and the rate.

        A segment in a language with no voice here is said by the utterance's own voice.
        """
        speech = as_speech(text, lang)
        voice = self.voice_for(lang)
        segments = []
        for seg in speech.segments:
            try:
                seg_voice = self.voice_for(seg.lang)
            except SynthesisError:
                seg_voice = voice
            segments.append((seg.text.strip(), seg_voice, seg.pause_ms))
        return tuple(segments), self.clamp_rate(self.rate if rate is None else rate)

    def cached(self, text: str | Speech, lang: str, rate: int | None = None) -> Clip | None:
        """The cached clip for this text, or None (never synthesises; a private text is never cached)."""
        speech = as_speech(text, lang)
        if speech.private:
            return None
        try:
            key = self.key(speech, lang, rate)
        except SynthesisError:
            return None  # no voice for this language: certainly nothing cached
        with self._lock:
            clip = self._cache.get(key)
            if clip is not None:
                self._counts["cache_hits"] += 1
            return clip

    def request(self, text: str | Speech, lang: str, callback: ClipCallback, rate: int | None = None) -> Request:
        """Ask for a clip; ``callback(clip, None)`` or ``callback(None, error)`` later.

        Never blocks. A cache hit calls back at once, on this thread. A private
        speech is made in memory (``clip.wav``, ``clip.path`` None), never cached.
        """
        req = Request(callback)
        speech = as_speech(text, lang)
        try:
            if not speech:
                raise SynthesisError("nothing to say")
            if self.closed:
                raise SpeechUnavailable("the synthesizer is closed")
            key = self.key(speech, lang, rate)
        except (SynthesisError, SpeechUnavailable) as exc:
            self._deliver([req], None, exc)
            return req
        if speech.private:
            key = (*key, ("private", next(_private_numbers)))  # type: ignore[assignment]  # never shared
        with self._lock:
            clip = None if speech.private else self._cache.get(key)
            if clip is not None:
                self._counts["cache_hits"] += 1
            else:
                self._jobs.ask(key, speech, req)
                self._wake.notify()
        if clip is not None:
            self._deliver([req], clip, None)
        return req

    def prefetch(self, text: str | Speech, lang: str, rate: int | None = None) -> None:
        """Synthesise ``text`` in the background so that it starts at once when asked for."""
        speech = as_speech(text, lang)
        if not speech or speech.private or self.closed:
            return  # private speech is made when asked for, in memory, and never kept
        try:
            key = self.key(speech, lang, rate)
        except SynthesisError as exc:
            log.debug("prefetch skipped: %s", exc)
            return
        with self._lock:
            if key in self._cache or key in self._jobs:
                return
            self._jobs.prefetch(key, speech)
            self._wake.notify()

    def phonemes(self, text: str | Speech, lang: str, timeout: float = 15.0) -> list[tuple[Segment, str]]:
        """What espeak-ng would say: each segment (as pronounced) with its IPA phonemes.

        Blocking (tools, ``kiosk say --phonemes``, the pronunciation benchmark).
        """
        speech = as_speech(text, lang)
        key = self.key(speech, lang)

        def work() -> list[tuple[Segment, str]]:
            out = []
            for seg, (_text, voice, _pause) in zip(speech.segments, key[0], strict=True):
                said = self.pronouncer.spoken(seg.text, seg.lang, private=speech.private)
                out.append((Segment(said, seg.lang, seg.pause_ms), self._driver.phonemes(said, voice)))
            return out

        return self._on_worker(work, timeout)

    def synthesize(self, text: str | Speech, lang: str, rate: int | None = None, timeout: float = 15.0) -> Clip:
        """Blocking convenience (tests, tools): the clip, or raise. Never call it on the worker."""
        if threading.current_thread() is self._thread:
            raise RuntimeError("synthesize() called on the synthesizer's own thread")
        box: list[tuple[Clip | None, BaseException | None]] = []
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
        assert clip is not None  # a request is answered with a clip or an error
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
            self._cache.clear()

    def clear_cache(self) -> None:
        """Forget every cached clip (and delete the files)."""
        with self._lock:
            self._cache.clear()

    @property
    def cache_len(self) -> int:
        """Clips in the cache now."""
        return len(self._cache)

    def close(self) -> None:
        """Stop the worker, fail pending requests, delete the cache folder."""
        global _owner  # noqa: PLW0603
        with self._lock:
            if self.closed:
                return
            self.closed = True
            pending = self._jobs.drain()
            tasks, self._tasks = list(self._tasks), deque()
            self._wake.notify_all()
        for _work, box, done in tasks:
            box.append((None, SpeechUnavailable("the synthesizer was closed")))
            done.set()
        for job in pending:
            self._deliver(job.requests, None, SpeechUnavailable("the synthesizer was closed"))
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout=5)
        if self._own_dir:
            shutil.rmtree(self.cache_dir, ignore_errors=True)
        with _owner_lock:
            if _owner is self:
                _owner = None
        atexit.unregister(self.close)  # a no-op if it was never registered (failed start)

    # -- internals -------------------------------------------------------------------------
    @staticmethod
    def _deliver(requests: list[Request], clip: Clip | None, error: BaseException | None) -> None:
        for req in requests:
            if req.cancelled or req.callback is None:
                continue
            try:
                req.callback(clip, error)
            except Exception:  # noqa: BLE001
                # A caller's bug must not kill the worker (all later speech would hang)
                # nor keep the other requesters of this clip waiting: log it and go on.
                log.exception("speech clip callback failed")

    def _run(self) -> None:
        """The worker thread: start the engine, then make clips until closed."""
        started = False
        try:
            self._driver.start(self.voices, self.rate, self.library_preference)
            started = True
        except Exception as exc:  # noqa: BLE001
            # Whatever stops espeak-ng or pyttsx3 from starting is handed to the
            # constructor, which raises it as SpeechUnavailable (captions only).
            self._startup_error = exc
        finally:
            if not started:
                self._driver.release()
                if self._startup_error is None:  # SystemExit or the like went through: say so
                    self._startup_error = SpeechUnavailable("the speech worker stopped while starting")
            self._ready.set()
        if not started:
            return
        # The lexicons, and the Arabic model if Arabic is spoken: now, not at the first word.
        if "ar" in self._driver.voice_ids:
            self.pronouncer.load()
        else:
            self.pronouncer.lexicons  # noqa: B018
        try:
            while True:
                job = self._next_job()
                if job is None:
                    break
                self._process(job)
        finally:
            self._driver.release()

    def _next_job(self) -> Job | None:
        """The next clip to make, after running the tasks waiting (phonemes); None once closed."""
        with self._lock:
            while True:
                if self.closed:
                    return None
                if self._tasks:
                    self._run_task(*self._tasks.popleft())
                    continue  # closed meanwhile? more tasks?
                job = self._jobs.take()
                if job is not None:
                    return job
                self._wake.wait()

    def _process(self, job: Job) -> None:
        clip: Clip | None = None
        error: BaseException | None = None
        with self._lock:
            output = self.output_rate, self.output_channels
        try:
            clip = make_clip(job, self._driver, self.pronouncer, output, self.cache_dir)
        except SynthesisError as exc:
            error = exc
        except Exception as exc:  # noqa: BLE001
            # Anything else (a full disk, a pyttsx3 surprise) fails this clip only: the
            # worker must live on for the next one. The traceback goes to the log, but
            # not for a private text: an exception's message may quote the words.
            if job.private:
                log.error("speech synthesis crashed for a %d-character private text: %s",
                          len(job.text), type(exc).__name__)
            else:
                log.exception("speech synthesis crashed for a %d-character text", len(job.text))
            error = SynthesisError(type(exc).__name__)
        if error is not None:
            self._counts["failures"] += 1
            # Never the words: a private utterance holds what the visitor typed.
            log.warning("speech synthesis failed for a %d-character %s text: %s", len(job.text),
                        "private" if job.private else "public", error)
        with self._lock:
            if self.closed:
                return  # close() already failed this job's requests
            requests = self._jobs.done(job)
            if clip is not None:
                self._counts["synthesised"] += 1
                if not job.private:
                    self._cache.store(job.key, clip)
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
