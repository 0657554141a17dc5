"""``kiosk say``: speak a text through exactly the kiosk's speech pipeline, for staff and content authors.

The same segments (a quoted French label in the French voice, addresses read
aloud), the same Arabic vowelling and the same lexicon as the kiosk. ``--out``
writes the sound to a WAV file, ``--phonemes`` prints espeak-ng's phonemes (one
line per segment: ``LANG<TAB>what is said<TAB>phonemes``); with neither, the
sound plays on the audio device. With no TEXT, each line of standard input is
answered by one line of output (segments separated by `` | ``), so a whole
file can be checked at once; ``--out FILE.wav`` then writes ``FILE-1.wav``,
``FILE-2.wav``... one per line.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from kiosk import config as config_module
from kiosk.cli_parser import UsageError
from kiosk.files import write_atomic
from kiosk.speech.errors import SpeechUnavailable, SynthesisError
from kiosk.speech.pronounce import Pronouncer
from kiosk.speech.sequence import speech_of
from kiosk.speech.tts import Synthesizer


def _wav_path(out: Path, number: int | None) -> Path:
    return out if number is None else out.with_name(f"{out.stem}-{number}{out.suffix or '.wav'}")


def _check_out(out: Path) -> None:
    folder = out.parent if str(out.parent) else Path(".")
    if out.is_dir():
        raise UsageError(f"--out {out}: is a folder; give a file name ending in .wav")
    if not folder.is_dir():
        raise UsageError(f"--out {out}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise UsageError(f"--out {out}: the folder {folder} cannot be written")


def _lines(args: argparse.Namespace, stdin: TextIO) -> Iterator[tuple[int | None, str]]:
    if args.text:
        yield None, " ".join(args.text)
        return
    for number, line in enumerate(stdin, start=1):
        yield number, line.rstrip("\n")


def cmd_say(args: argparse.Namespace, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """Speak, write or spell out TEXT (or each line of standard input); 0, or 2 on bad input."""
    config = config_module.load(args.config)
    if args.out is not None:
        _check_out(args.out)
    if args.lang not in config.languages:
        raise UsageError(f"--lang {args.lang}: not offered by the configuration "
                         f"(kiosk.languages = {list(config.languages)})")
    try:
        synth = Synthesizer(pronouncer=Pronouncer.from_dir(config.content_dir))
    except SpeechUnavailable as exc:
        raise UsageError(f"no speech on this machine: {exc}") from exc
    player = None
    try:
        for number, text in _lines(args, stdin):
            if not text.strip():
                print("", file=stdout, flush=True)
                continue
            speech = speech_of(text, args.lang)
            answers = []
            if args.phonemes:
                said = synth.phonemes(speech, args.lang)
                if number is None:
                    for segment, phonemes in said:
                        print(f"{segment.lang}\t{segment.text}\t{phonemes}", file=stdout)
                else:
                    answers.append(" | ".join(f"{segment.lang}: {phonemes}" for segment, phonemes in said))
            if args.out is not None or not args.phonemes:
                clip = synth.synthesize(speech, args.lang)
                if args.out is not None:
                    path = _wav_path(args.out, number)
                    write_atomic(path, Path(str(clip.path)).read_bytes())  # a public clip: a file
                    answers.append(f"{path}: {clip.duration:.2f} s")
                else:
                    player = player or _Player()
                    player.play(clip.path)
                    answers.append(f"{clip.duration:.2f} s, {len(speech.segments)} segments "
                                   f"({' '.join(s.lang for s in speech.segments)})")
            if answers:
                print("\t".join(answers), file=stdout, flush=True)
    except SynthesisError as exc:
        raise UsageError(f"speech synthesis failed: {exc}") from exc
    finally:
        synth.close()
    return 0


class _Player:
    """Plays clips on the audio device through Kivy's audio, as the kiosk does, and waits for each."""

    def __init__(self) -> None:
        for key, value in (("KIVY_NO_ARGS", "1"), ("KIVY_NO_FILELOG", "1"), ("KIVY_NO_CONSOLELOG", "1"),
                           ("KIVY_LOG_MODE", "PYTHON"), ("KIVY_AUDIO", "sdl2")):
            os.environ.setdefault(key, value)  # as the kiosk sets them (kiosk/ui/bootstrap.py)
        # Kivy's own messages (its version, its providers, a missing sound card) stay out: one line
        # of ours says what failed.
        logging.getLogger("kivy").addFilter(lambda _record: False)
        from kivy.core.audio import SoundLoader

        self._loader = SoundLoader

    def play(self, path: str) -> None:
        sound = self._loader.load(path)
        if sound is None or not sound.length:
            raise UsageError("no audio output: the sound could not be played (use --out FILE.wav)")
        sound.play()
        end = time.monotonic() + sound.length + 0.5
        while sound.state == "play" and time.monotonic() < end:
            time.sleep(0.02)
        sound.unload()
