"""Speech latency: from a visitor's touch to the first sample handed to the audio device.

Run: ``python bench/speech.py``. Headless (SDL offscreen video, SDL ``disk``
audio into a temporary file), with the real engine
(:class:`kiosk.speech.player.KivySpeechEngine` behind the
:class:`kiosk.speech.queue.SpeechQueue`), driven by Kivy's own Clock as the app
does (``Clock.tick()`` in a loop, 60 fps).

"Handed to the audio device" is observed with an SDL_mixer post-mix hook
(``Mix_SetPostMix``): it runs on SDL's audio thread each time the mixer has
filled a device buffer, just before SDL hands it to the audio driver; the time
of the first buffer holding a non-zero sample ends the measurement. (The disk
driver then writes that buffer to the file; a sound card plays it within one
more buffer.) The clips start on sound: leading silence is trimmed.

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


class PostMix:
    """Watches every buffer the mixer hands to SDL (audio thread)."""

    def __init__(self, lib) -> None:
        import ctypes

        self._ctypes = ctypes
        self.lib = lib
        self.lock = threading.Lock()
        self.armed_at = None
        self.first_sound = None
        self.silent_after = None
        self.buffer_bytes = 0
        self.calls = 0
        cb_type = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
        self._cb = cb_type(self._on_mix)
        lib.Mix_SetPostMix(self._cb, None)

    def _on_mix(self, _udata, stream, length) -> None:
        now = time.perf_counter()
        data = self._ctypes.string_at(stream, length)
        sound = data.count(0) != length
        with self.lock:
            self.calls += 1
            self.buffer_bytes = length
            if self.armed_at is None:
                return
            if sound and self.first_sound is None:
                self.first_sound = now
            if not sound and self.silent_after is not None and self.silent_after[1] is None:
                self.silent_after = (self.silent_after[0], now)

    def arm(self, t0: float) -> None:
        with self.lock:
            self.armed_at, self.first_sound, self.silent_after = t0, None, None

    def arm_silence(self, t0: float) -> None:
        with self.lock:
            self.silent_after = (t0, None)

    def close(self) -> None:
        self.lib.Mix_SetPostMix(None, None)


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

    from kiosk.speech.player import KivySpeechEngine, mixer_library
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
    mix = PostMix(mixer_library())
    for _ in range(10):  # let the device settle
        Clock.tick()

    def one(text: str, lang: str = "fr") -> dict | None:
        queue.stop()
        _tick_until(lambda: not engine.speaking, 2)
        time.sleep(0.05)
        engine.played_at = None
        t0 = time.perf_counter()
        mix.arm(t0)
        queue.say(text, lang)  # what a touch handler does, on Kivy's thread
        call_ms = (time.perf_counter() - t0) * 1000
        if not _tick_until(lambda: mix.first_sound is not None, 3):
            return None
        first = (mix.first_sound - t0) * 1000
        play = (engine.played_at - t0) * 1000 if engine.played_at else None
        # let it speak a little, then interrupt it as a new touch would
        _tick_until(lambda: False, 0.15)
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
        "buffer_frames": mix.buffer_bytes // 4,
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
            "the SDL_mixer post-mix hook (SDL audio thread) seeing the first mixer buffer with a "
            "non-zero sample, i.e. the buffer SDL then hands to the audio driver (disk driver here; "
            "a sound card plays it within one more buffer). Different French sentences (8-12 "
            "words), never cached: synthesis + clip hop to the main thread via Clock.schedule_once "
            "+ SoundLoader.load + play + wait for the next mixer buffer."),
        "play_returned_ms_p50": _r(statistics.median(play)) if play else None,
        "synth_ms_p50": _r(statistics.median(res["synth_ms"])) if res["synth_ms"] else None,
        "cached_first_audio_ms": {"p50": _r(statistics.median(cfirst)), "p95": _r(_percentile(cfirst, 0.95)),
                                  "runs": len(cfirst)},
        "interrupt_ms": {"p50": round(statistics.median(stops), 2), "max": round(max(stops), 2),
                         "definition": "stop() called to the Sound's state == 'stop' (Mix_HaltChannel)"},
        "interrupt_silence_ms": {"p50": _r(statistics.median(silences)), "max": _r(max(silences)),
                                 "definition": "stop() to the first all-silent mixer buffer handed to "
                                               "SDL (what was handed over before, at most one buffer, "
                                               "still plays)"},
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
