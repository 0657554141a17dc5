"""The folder where the kiosk keeps its speech clips: its own, private, and emptied.

Clips of what the kiosk says (the content, the interface: never what a visitor
typed) are cached as WAV files so that Repeat answers at once. They live under
``<temp>/passerelle-speech-<uid>/<pid>`` with mode 0700, never in the data
folder; a process's folder goes when it exits (:class:`kiosk.speech.tts.Synthesizer`
removes it), and the folders of processes that are gone (a crash, a power cut)
are emptied when the next one starts. Imports no Kivy.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from kiosk.speech.errors import SpeechUnavailable


def speech_folder(parent: str | None = None) -> str:
    """A new folder for this process's speech clips, private to the kiosk's user.

    Clips live under ``<temp>/passerelle-speech-<uid>/<pid>`` (mode 0700), never in
    the data folder. The folders of processes that are gone (a crash, a power cut)
    are emptied first: their clips were public prompts, but nothing is left behind.
    """
    base = Path(parent or tempfile.gettempdir()) / f"passerelle-speech-{os.getuid()}"
    base.mkdir(mode=0o700, exist_ok=True)
    info = os.lstat(base)
    if not os.path.isdir(base) or os.path.islink(base) or info.st_uid != os.getuid():
        raise SpeechUnavailable(f"{base}: not a folder of this user's own; speech clips are not kept there")
    os.chmod(base, 0o700)
    for old in base.iterdir():
        if old.name.isdigit() and int(old.name) != os.getpid() and not _alive(int(old.name)):
            shutil.rmtree(old, ignore_errors=True)
    mine = base / str(os.getpid())
    shutil.rmtree(mine, ignore_errors=True)  # a pid reused after a crash: start empty
    mine.mkdir(mode=0o700)
    return str(mine)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
