"""Choose the speech engine: ``make_engine("real" | "null" | "recording")``.

``"real"`` is :class:`~kiosk.speech.player.KivySpeechEngine` (pyttsx3/espeak-ng
clips played through Kivy's audio). When speech cannot work on this machine
(no espeak-ng, no voice, no audio device) it falls back to a
:class:`~kiosk.speech.engines.NullEngine` (captions only) whose ``reason`` says
why, for staff; a warning is logged. Every engine returned has ``reason``
(None when speech works).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from kiosk.speech.engines import NullEngine, RecordingEngine
from kiosk.speech.errors import SpeechUnavailable

if TYPE_CHECKING:
    from kiosk.speech.player import KivySpeechEngine

log = logging.getLogger(__name__)

KINDS = ("real", "null", "recording")


def make_engine(kind: str = "real", **kwargs: Any) -> NullEngine | RecordingEngine | KivySpeechEngine:
    """A speech engine for the queue. ``kwargs`` go to the engine's constructor.

    For ``"real"``: ``rate``, ``volume``, ``recordings`` (text -> {lang: path}), ``pronouncer``,
    ``synthesizer``. For ``"recording"``: ``hold``. Build it on Kivy's main
    thread, after Kivy's environment is set (``SDL_AUDIODRIVER``, ``KIVY_AUDIO``).
    """
    kind = (kind or "").strip().lower()
    if kind == "null":
        null = NullEngine()
        null.reason = "speech is turned off in the configuration"
        return null
    if kind == "recording":
        return RecordingEngine(**kwargs)
    if kind == "real":
        try:
            from kiosk.speech.player import KivySpeechEngine

            return KivySpeechEngine(**kwargs)
        except SpeechUnavailable as exc:
            reason = str(exc)
        except ImportError as exc:  # Kivy's audio provider missing
            reason = f"Kivy audio is not available: {exc}"
        log.warning("speech unavailable, captions only: %s", reason)
        null = NullEngine()
        null.reason = reason
        return null
    raise ValueError(f"unknown speech engine {kind!r} (expected one of {', '.join(KINDS)})")
