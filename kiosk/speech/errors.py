"""The two ways speech can fail: the whole machine cannot speak, or one clip could not be made.

Imports nothing from the rest of the kiosk (and no Kivy), so that every speech
module, and the factory that falls back to captions, can name them.
"""

from __future__ import annotations


class SpeechUnavailable(RuntimeError):
    """Speech cannot work on this machine (no espeak-ng, no voice, no audio output).

    The message says why, in words staff can act on; the app falls back to
    captions only (:class:`kiosk.speech.engines.NullEngine`).
    """


class SynthesisError(RuntimeError):
    """One clip could not be synthesised (unknown language, repeated failure)."""
