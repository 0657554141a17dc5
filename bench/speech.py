"""Speech latency: from a visitor's touch to the first sample handed to the audio device.

Run: ``python bench/speech.py``. Headless (SDL offscreen video, SDL ``disk``
audio into a temporary file), with the real engine
(:class:`kiosk.speech.player.KivySpeechEngine` behind the
:class:`kiosk.speech.queue.SpeechQueue`), driven by Kivy's own Clock as the app
does (``Clock.tick()`` in a loop, 60 fps).

"Handed to the audio device" is timed by an SDL_mixer post-mix hook written in C
(compiled into the bench's temporary folder with the system C compiler): it runs
on SDL's audio thread for every mixed buffer, just before SDL hands the buffer
to the audio driver, and notes the CLOCK_MONOTONIC time (``perf_counter``'s
clock) of the first buffer holding a non-zero sample. A sound card plays that
buffer within one more buffer. (A Python hook deadlocks: it needs the GIL on the
audio thread while Kivy calls Mix_PlayChannel holding the GIL.) Without a C
compiler the bench watches the disk driver's output file instead, which can be
one buffer late (stdio). The clips start on sound: leading silence is trimmed.

Measures, one process:
- ``first_audio_ms`` p50/p95: ~20 different French sentences, never cached.
- ``cached_first_audio_ms`` p50: the same sentence again (goal <= 20 ms).
- ``interrupt_ms`` p50: ``stop()`` to the sound's state 'stop' (goal <= 50 ms),
  and ``interrupt_silence_ms``: ``stop()`` to the first silent device buffer.
- ``pyttsx3_say_ms``: pyttsx3's own ``say()`` + ``runAndWait()`` path, in a
  child process (its driver state must not touch ours), with a stand-in
  ``aplay`` in the child's PATH that only records when it was started (this
  machine has no aplay and no sound card): the time until aplay would start
  playing; and ``synth_only_ms``, ``save_to_file`` + ``runAndWait`` until the
  WAV is complete (the floor).
- ``kivy_default_buffer``: cached first audio with Kivy's own 4096-frame mixer
  buffer (child process), for comparison with the 1024 frames the engine uses.

The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 20

SENTENCES = [
    "Bonjour numéro {n}. Touchez l'écran deux fois pour entendre la borne.",
    "Étape {n} sur neuf. Vous allez choisir votre caisse de retraite.",
    "Votre demande numéro {n} est presque finie. Touchez Suivant.",
    "Il vous reste {n} secondes. Touchez l'écran pour continuer.",
    "Écrivez votre adresse. Le numéro {n} de votre rue vient d'abord.",
    "La CAF vous envoie un courrier. Gardez le code {n} avec vous.",
    "Pour revenir en arrière, touchez le bouton Retour, en bas numéro {n}.",
    "Vous avez choisi la démarche {n}. Nous allons la faire ensemble.",
]


WHERE_POSTMIX = ("the first mixer buffer holding a non-zero sample, timed by an SDL_mixer post-mix hook "
                 "(C, on SDL's audio thread, CLOCK_MONOTONIC) just before SDL hands the buffer to the "
                 "audio driver (disk driver)")
WHERE_DISKFILE = ("the first non-zero sample appearing in the SDL disk-audio device file (polled every "
                  "0.3 ms; the driver writes through stdio, so this can be one buffer late)")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def _r(x: float) -> float:
    return round(x, 1)


def _setup_env(tmp: Path) -> Path:
    disk = tmp / "sdl-disk-audio.raw"
    os.environ.update(
        SDL_VIDEODRIVER="offscreen", SDL_AUDIODRIVER="disk", SDL_DISKAUDIOFILE=str(disk),
        KIVY_NO_ARGS="1", KIVY_HOME=str(tmp / "kivy"), KIVY_NO_FILELOG="1",
        KIVY_LOG_MODE="PYTHON", KIVY_AUDIO="sdl2", KIVY_NO_CONSOLELOG="1",
    )
    return disk


class DiskWatch:
    """Watches the SDL disk-audio file: SDL's audio thread writes each mixed buffer to it.

    Fallback when no C compiler is available: the driver writes through stdio, so
    a buffer may reach the file one buffer late (4 KiB stdio blocks).

    A Python thread polls the file every 0.3 ms. (An SDL_mixer post-mix hook in
    Python would be more direct, but it deadlocks: it needs the GIL on SDL's
    audio thread while Kivy calls Mix_PlayChannel/Mix_HaltChannel holding the
    GIL and waiting for the audio lock.)
    """

    method = "diskfile"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = threading.Lock()
        self.armed = False
        self.first_sound = None
        self.silent_after = None
        self.steps: list[int] = []
        self._stop = False
        self._file = open(path, "rb")  # noqa: SIM115
        self._file.seek(0, os.SEEK_END)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        carry = b""
        while not self._stop:
            data = self._file.read()
            if data:
                now = time.perf_counter()
                data = carry + data
                cut = len(data) // 2 * 2
                data, carry = data[:cut], data[cut:]
                sound = data.count(0) != len(data)
                with self.lock:
                    self.steps.append(len(data))
                    if self.armed and sound and self.first_sound is None:
                        self.first_sound = now
                    if not sound and self.silent_after is not None and self.silent_after[1] is None:
                        self.silent_after = (self.silent_after[0], now)
            time.sleep(0.0003)

    @property
    def buffer_frames(self) -> int:
        with self.lock:
            steps = sorted(self.steps[-50:])
        return steps[len(steps) // 2] // 4 if steps else 0

    def arm(self) -> None:
        with self.lock:
            self.armed, self.first_sound, self.silent_after = True, None, None

    def arm_silence(self, t0: float) -> None:
        with self.lock:
            self.silent_after = (t0, None)

    def close(self) -> None:
        self._stop = True
        self._thread.join(1)
        self._file.close()


POSTMIX_C = r"""
#include <stdint.h>
#include <time.h>
/* SDL_mixer post-mix hook: runs on SDL's audio thread for every mixed buffer, just before
   SDL hands it to the audio driver. Plain C: never touches Python (no GIL, no deadlock). */
static volatile int armed, silence_armed, last_len;
static volatile double first_sound, first_silence;
static double now(void) { struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts);
                          return ts.tv_sec + ts.tv_nsec * 1e-9; }
void hook(void *udata, uint8_t *stream, int len) {
    const int16_t *s = (const int16_t *)stream; int sound = 0;
    for (int i = 0; i < len / 2; i++) if (s[i]) { sound = 1; break; }
    double t = now(); last_len = len;
    if (armed && sound && first_sound == 0) first_sound = t;
    if (silence_armed && !sound && first_silence == 0) first_silence = t;
}
void arm(void) { first_sound = 0; armed = 1; }
void arm_silence(void) { first_silence = 0; silence_armed = 1; }
double get_first_sound(void) { return first_sound; }
double get_first_silence(void) { return first_silence; }
int get_len(void) { return last_len; }
"""


class PostMixHook:
    """Mix_SetPostMix with a hook compiled from C (needs a C compiler; the bench falls back to DiskWatch).

    Time base: CLOCK_MONOTONIC, which is what time.perf_counter() reads on Linux.
    """

    method = "postmix"

    def __init__(self, tmp: Path) -> None:
        import ctypes

        from kiosk.speech.player import mixer_library

        if sys.platform != "linux" or "CLOCK_MONOTONIC" not in time.get_clock_info("perf_counter").implementation:
            raise OSError("perf_counter is not CLOCK_MONOTONIC here")
        cc = shutil.which("cc") or shutil.which("gcc")
        if cc is None:
            raise OSError("no C compiler")
        src, lib = tmp / "postmix.c", tmp / "postmix.so"
        src.write_text(POSTMIX_C)
        subprocess.run([cc, "-O2", "-shared", "-fPIC", "-o", str(lib), str(src)], check=True,
                       capture_output=True, timeout=60)
        self.lib = ctypes.CDLL(str(lib))
        self.lib.get_first_sound.restype = ctypes.c_double
        self.lib.get_first_silence.restype = ctypes.c_double
        self.mixer = mixer_library()
        self.mixer.Mix_SetPostMix.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        self.mixer.Mix_SetPostMix(ctypes.cast(self.lib.hook, ctypes.c_void_p), None)
        self._silence_t0 = None

    def arm(self) -> None:
        self.lib.arm()

    def arm_silence(self, t0: float) -> None:
        self._silence_t0 = t0
        self.lib.arm_silence()

    @property
    def first_sound(self):
        value = self.lib.get_first_sound()
        return value or None

    @property
    def silent_after(self):
        value = self.lib.get_first_silence()
        return (self._silence_t0, value or None)

    @property
    def buffer_frames(self) -> int:
        return self.lib.get_len() // 4

    def close(self) -> None:
        self.mixer.Mix_SetPostMix(None, None)


def _tick_until(predicate, timeout: float) -> bool:
    from kivy.clock import Clock

    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if predicate():
            return True
        Clock.tick()
    return predicate()


def measure_engine(mixer_buffer: int | None, runs: int, quick: bool) -> dict:
    """Runs in this process: the real engine, under Kivy's Clock."""
    tmp = Path(tempfile.mkdtemp(prefix="passerelle-bench-speech-"))
    disk = _setup_env(tmp)
    import logging

    logging.basicConfig(level=logging.WARNING)
    from kivy.clock import Clock

    from kiosk.speech.player import KivySpeechEngine
    from kiosk.speech.queue import SpeechQueue

    class TimedEngine(KivySpeechEngine):
        """Records when Sound.play() returned."""

        played_at = None

        def _start(self, pb, path):  # noqa: ANN001
            super()._start(pb, path)
            self.played_at = time.perf_counter()

    t = time.perf_counter()
    engine = TimedEngine(mixer_buffer=mixer_buffer)
    startup_ms = (time.perf_counter() - t) * 1000
    queue = SpeechQueue(engine)
    for _ in range(10):  # let the device settle
        Clock.tick()
    try:
        mix = PostMixHook(tmp)
    except (OSError, subprocess.SubprocessError) as exc:
        print(f"  post-mix hook unavailable ({exc}); watching the disk file instead", file=sys.stderr)
        mix = DiskWatch(disk)
    _tick_until(lambda: False, 0.3)

    rng = random.Random(20261126)

    def one(text: str, lang: str = "fr") -> dict | None:
        queue.stop()
        _tick_until(lambda: not engine.speaking, 2)
        # make sure the device is writing silence again before the next request
        mix.arm_silence(time.perf_counter())
        _tick_until(lambda: mix.silent_after[1] is not None, 1)
        engine.played_at = None
        # a touch comes at any moment of the audio device's cycle, not just after a buffer
        time.sleep(rng.uniform(0, 0.1))
        mix.arm()
        t0 = time.perf_counter()
        queue.say(text, lang)  # what a touch handler does, on Kivy's thread
        call_ms = (time.perf_counter() - t0) * 1000
        if not _tick_until(lambda: mix.first_sound is not None, 3):
            return None
        first = (mix.first_sound - t0) * 1000
        play = (engine.played_at - t0) * 1000 if engine.played_at else None
        # let it speak a little, then interrupt it as a new touch would (at a random moment)
        _tick_until(lambda: False, 0.1 + rng.uniform(0, 0.1))
        sound = engine._current.sound if engine._current else None  # noqa: SLF001
        ts = time.perf_counter()
        mix.arm_silence(ts)
        queue.stop()
        stopped = (time.perf_counter() - ts) * 1000 if sound is not None and sound.state == "stop" else None
        _tick_until(lambda: mix.silent_after is not None and mix.silent_after[1] is not None, 1)
        silence = (mix.silent_after[1] - ts) * 1000 if mix.silent_after and mix.silent_after[1] else None
        return {"first": first, "play": play, "call": call_ms, "stop": stopped, "silence": silence}

    fresh, synth_ms = [], []
    if not quick:
        for i in range(runs):
            text = SENTENCES[i % len(SENTENCES)].format(n=i + 2)
            assert engine.synth.stats["synthesised"] == i, "a 'fresh' sentence was already cached"
            r = one(text)
            if r:
                fresh.append(r)
            clip = engine.synth.cached(text, "fr", engine.rate)
            if clip:
                synth_ms.append(clip.synth_ms)
    cached_text = "Bonjour. Touchez l'écran deux fois pour entendre la borne parler."
    engine.synth.synthesize(cached_text, "fr", engine.rate)
    cached = [r for r in (one(cached_text) for _ in range(runs)) if r]
    result = {
        "startup_ms": _r(startup_ms),
        "buffer_frames": mix.buffer_frames,
        "method": mix.method,
        "mixer_buffer_requested": mixer_buffer,
        "fresh": fresh,
        "cached": cached,
        "synth_ms": synth_ms,
        "stats": engine.synth.stats,
        "library": engine.synth.library.get("source"),
        "disk_file_bytes": disk.stat().st_size if disk.exists() else 0,
    }
    mix.close()
    engine.stop()
    engine.synth.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return result


PYTTSX3_CHILD = textwrap.dedent(r'''
    import ctypes, json, os, statistics, sys, threading, time, wave
    stamp = sys.argv[1]
    text = sys.argv[2]
    runs = int(sys.argv[3])
    import espeakng_loader
    try:
        ctypes.CDLL("libespeak-ng.so.1", mode=ctypes.RTLD_GLOBAL)
    except OSError:
        ctypes.CDLL(espeakng_loader.get_library_path(), mode=ctypes.RTLD_GLOBAL)
        os.environ["ESPEAK_DATA_PATH"] = espeakng_loader.get_data_path()
    import pyttsx3
    engine = pyttsx3.init("espeak")
    finished = threading.Event()
    engine.connect("finished-utterance", lambda name=None, completed=True: finished.set())
    engine.setProperty("voice", "fr")
    engine.setProperty("rate", 175)
    say_ret, say_aplay, say_fin = [], [], []
    for i in range(runs + 1):
        if os.path.exists(stamp):
            os.unlink(stamp)
        finished.clear()
        t0 = time.time()
        engine.say(text)
        engine.runAndWait()
        t1 = time.time()
        finished.wait(10)
        t2 = time.time()
        started = float(open(stamp).read().split()[0]) if os.path.exists(stamp) else None
        if i:  # the first run warms up
            say_ret.append((t1 - t0) * 1000)
            say_fin.append((t2 - t0) * 1000)
            if started:
                say_aplay.append((started - t0) * 1000)
    # save_to_file floor (say() is never called again after this in this process)
    synth = []
    path = os.path.join(os.path.dirname(stamp), "floor.wav")
    for i in range(runs + 1):
        if os.path.exists(path):
            os.unlink(path)
        finished.clear()
        t0 = time.perf_counter()
        engine.save_to_file(text, path)
        engine.runAndWait()
        finished.wait(10)
        while not os.path.exists(path):
            time.sleep(0.0005)
        t1 = time.perf_counter()
        if i:
            synth.append((t1 - t0) * 1000)
    print(json.dumps({"say_return": say_ret, "say_aplay": say_aplay, "say_finished": say_fin,
                      "synth": synth}))
''')


def measure_pyttsx3(text: str, runs: int) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="passerelle-bench-pyttsx3-"))
    bindir = tmp / "bin"
    bindir.mkdir()
    stamp = tmp / "aplay-started"
    aplay = bindir / "aplay"
    # Stand-in for ALSA's aplay (absent here): records when it was started, plays nothing.
    aplay.write_text(f"#!/bin/sh\ndate +%s.%N > {stamp}\nexit 0\n")
    aplay.chmod(0o755)
    env = dict(os.environ, PATH=f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}")
    out = subprocess.run([sys.executable, "-c", PYTTSX3_CHILD, str(stamp), text, str(runs)],
                         env=env, capture_output=True, text=True, timeout=120, check=True)
    line = [ln for ln in out.stdout.splitlines() if ln.startswith("{")][-1]
    shutil.rmtree(tmp, ignore_errors=True)
    return json.loads(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--mixer-buffer", type=int, default=1024)
    parser.add_argument("--quick", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))

    if args.child:
        res = measure_engine(args.mixer_buffer or None, args.runs, args.quick)
        print(json.dumps(res))
        return

    print("speech bench: real engine, headless (SDL disk audio) ...", flush=True)
    res = measure_engine(args.mixer_buffer or None, args.runs, quick=False)
    fresh, cached = res["fresh"], res["cached"]
    print(f"  {len(fresh)} fresh + {len(cached)} cached runs, device buffer {res['buffer_frames']} frames",
          flush=True)

    print("kivy default mixer buffer (child process) ...", flush=True)
    child = subprocess.run([sys.executable, __file__, "--child", "--quick", "--mixer-buffer", "0",
                            "--runs", "12"], capture_output=True, text=True, timeout=180)
    kd = json.loads([ln for ln in child.stdout.splitlines() if ln.startswith("{")][-1]) \
        if child.returncode == 0 else None

    print("pyttsx3 say() reference (child process, stand-in aplay) ...", flush=True)
    ref_text = "Bonjour. Touchez l'écran deux fois pour entendre la borne parler."
    ref = measure_pyttsx3(ref_text, 10)

    first = [r["first"] for r in fresh]
    play = [r["play"] for r in fresh if r["play"] is not None]
    cfirst = [r["first"] for r in cached]
    stops = [r["stop"] for r in fresh + cached if r["stop"] is not None]
    silences = [r["silence"] for r in fresh + cached if r["silence"] is not None]
    summary = {
        "first_audio_ms": {"p50": _r(statistics.median(first)), "p95": _r(_percentile(first, 0.95)),
                           "max": _r(max(first)), "runs": len(first)},
        "first_audio_definition": (
            "perf_counter from queue.say() on Kivy's main thread (as a touch handler calls it) to "
            + (WHERE_POSTMIX if res["method"] == "postmix" else WHERE_DISKFILE)
            + ". A sound card plays that buffer within one more buffer (mixer_buffer_frames). "
            "Different French sentences (8-12 words), never cached: synthesis + clip hop to Kivy's "
            "thread (Clock.schedule_once) + SoundLoader.load + play + wait for the next mixer buffer."),
        "measured_with": res["method"],
        "play_returned_ms_p50": _r(statistics.median(play)) if play else None,
        "synth_ms_p50": _r(statistics.median(res["synth_ms"])) if res["synth_ms"] else None,
        "cached_first_audio_ms": {"p50": _r(statistics.median(cfirst)), "p95": _r(_percentile(cfirst, 0.95)),
                                  "runs": len(cfirst)},
        "interrupt_ms": {"p50": round(statistics.median(stops), 2), "max": round(max(stops), 2),
                         "definition": "stop() called to the Sound's state == 'stop' (Mix_HaltChannel)"},
        "interrupt_silence_ms": {"p50": _r(statistics.median(silences)), "max": _r(max(silences)),
                                 "definition": "stop() to the first all-silent buffer handed to the "
                                               "audio driver (what was handed over before, at most one "
                                               "buffer, still plays on a sound card)"},
        "mixer_buffer_frames": res["buffer_frames"],
        "kivy_default_buffer": None if kd is None else {
            "buffer_frames": kd["buffer_frames"],
            "cached_first_audio_ms_p50": _r(statistics.median([r["first"] for r in kd["cached"]])),
            "interrupt_silence_ms_p50": _r(statistics.median(
                [r["silence"] for r in kd["cached"] if r["silence"] is not None])),
        },
        "pyttsx3_say_ms": {
            "p50": _r(statistics.median(ref["say_aplay"])) if ref["say_aplay"] else None,
            "definition": "say() to the moment the driver launched aplay (os.system) for the WAV: "
                          "the earliest its sound could start, before aplay opens the device",
            "runAndWait_returned_ms_p50": _r(statistics.median(ref["say_return"])),
            "finished_callback_ms_p50": _r(statistics.median(ref["say_finished"])),
            "aplay": "stand-in script in the child's PATH only (records its start time, plays nothing); "
                     "this machine has no aplay and no sound card",
        },
        "synth_only_ms": {"p50": _r(statistics.median(ref["synth"])),
                          "definition": "pyttsx3 save_to_file + runAndWait until the WAV is complete, "
                                        "same sentence"},
        "startup_ms": res["startup_ms"],
        "espeak_library": res["library"],
        "synth_stats": res["stats"],
        "clock": "Kivy default clock, 60 fps (Clock.tick loop)",
        "goals": {"first_audio_p50_ms": 100, "cached_first_audio_p50_ms": 20, "interrupt_p50_ms": 50},
    }
    summary["goals_met"] = {
        "first_audio": summary["first_audio_ms"]["p50"] <= 100,
        "cached_first_audio": summary["cached_first_audio_ms"]["p50"] <= 20,
        "interrupt": summary["interrupt_ms"]["p50"] <= 50,
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
