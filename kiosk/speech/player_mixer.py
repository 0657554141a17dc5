"""SDL_mixer through ctypes: the device Kivy's audio plays on, its format, its buffer size; clips from memory.

Kivy's SDL2 audio provider opens SDL_mixer with 4096-frame buffers and offers
no way to change them, nor to read the device's format; the same
``libSDL2_mixer`` that the Kivy wheel ships is loaded here with ctypes to do
both, and to play a private clip from memory (:class:`MemorySound`: no file is
ever made of it). A playback module: it finds the library next to the ``kivy``
package, and only :mod:`kiosk.speech.player` uses it.
"""

from __future__ import annotations

import ctypes
import glob
import logging
import os
import sys
from typing import Any

from kivy.clock import Clock
from kivy.event import EventDispatcher

from kiosk.speech.clip_cache import Clip
from kiosk.speech.errors import SpeechUnavailable

log = logging.getLogger(__name__)

AUDIO_S16LSB = 0x8010
AUDIO_S16SYS = AUDIO_S16LSB if sys.byteorder == "little" else 0x9010  # Kivy's MIX_DEFAULT_FORMAT
#: Kivy 2.3.1's own buffer, in frames
KIVY_BUFFER_FRAMES = 4096

_mixer_lib: ctypes.CDLL | None = None
_mixer_buffer: int | None = None


def mixer_library() -> ctypes.CDLL | None:
    """The SDL2_mixer library that Kivy's audio provider uses (shipped in the Kivy wheel), via ctypes."""
    global _mixer_lib  # noqa: PLW0603
    if _mixer_lib is not None:
        return _mixer_lib
    import kivy

    here = os.path.dirname(kivy.__file__)
    patterns = [os.path.join(os.path.dirname(here), "Kivy.libs", "libSDL2_mixer*"),
                os.path.join(here, ".dylibs", "libSDL2_mixer*")]
    for path in sorted(p for pattern in patterns for p in glob.glob(pattern)):
        try:
            lib = ctypes.CDLL(path)
            lib.Mix_QuerySpec  # noqa: B018
        except (OSError, AttributeError):
            continue  # not loadable here, or not SDL_mixer: try the next candidate
        _mixer_lib = lib
        return lib
    return None


def mixer_spec() -> tuple[int, int, int] | None:
    """(frequency, SDL format, channels) of the open SDL_mixer device, or None."""
    lib = mixer_library()
    if lib is None:
        return None
    freq, fmt, channels = ctypes.c_int(), ctypes.c_uint16(), ctypes.c_int()
    if not lib.Mix_QuerySpec(ctypes.byref(freq), ctypes.byref(fmt), ctypes.byref(channels)):
        return None
    return freq.value, fmt.value, channels.value


def mixer_open_count() -> tuple[int, ctypes.c_int, ctypes.c_uint16, ctypes.c_int]:
    """How many times the mixer is open (0: not yet), and its frequency, format and channels."""
    lib = mixer_library()
    freq, fmt, channels = ctypes.c_int(), ctypes.c_uint16(), ctypes.c_int()
    opened = lib.Mix_QuerySpec(ctypes.byref(freq), ctypes.byref(fmt), ctypes.byref(channels)) if lib else 0
    return opened, freq, fmt, channels


def forget_mixer_buffer() -> None:
    """The device was reopened by someone else (Kivy): the next :func:`set_mixer_buffer` applies again."""
    global _mixer_buffer  # noqa: PLW0603
    _mixer_buffer = None


def set_mixer_buffer(frames: int) -> bool:
    """Give Kivy's SDL_mixer device ``frames`` per buffer (once per process).

    Kivy 2.3.1 opens the mixer with 4096-frame buffers (93 ms at 44.1 kHz): a
    sound started with ``play()`` reaches the device only at the next buffer,
    0 to 93 ms later, and a stopped one keeps sounding for what was already
    mixed. 1024 frames (23 ms) keeps both short.

    Before Kivy has opened its audio, the mixer is opened here with Kivy's own
    format (44.1 kHz, 16-bit, stereo) and Kivy's later open just shares it
    (SDL_mixer counts opens of the same format). Afterwards it is closed and
    reopened with the same format (about 0.3 s; chunks already loaded stay
    valid). Returns False if neither worked (Kivy's buffer stays).
    """
    global _mixer_buffer  # noqa: PLW0603
    if _mixer_buffer == frames:
        return True
    lib = mixer_library()
    if lib is None:
        return False
    opened, freq, fmt, channels = mixer_open_count()
    if not opened:
        # Kivy's audio not opened yet: open it first, the way Kivy will ask for it.
        if lib.Mix_OpenAudio(44100, AUDIO_S16SYS, 2, int(frames)) != 0:
            return False  # no device: Kivy's own open will fail and say so
        _mixer_buffer = frames
        return True
    for _ in range(opened):
        lib.Mix_CloseAudio()
    ok = lib.Mix_OpenAudio(freq.value, fmt.value, channels.value, int(frames)) == 0
    if not ok:
        log.warning("speech: could not reopen the mixer with %d-frame buffers; keeping Kivy's", frames)
        if lib.Mix_OpenAudio(freq.value, fmt.value, channels.value, KIVY_BUFFER_FRAMES) != 0:
            raise SpeechUnavailable("the audio mixer could not be reopened")
    for _ in range(opened - 1):
        lib.Mix_OpenAudio(freq.value, fmt.value, channels.value, int(frames if ok else KIVY_BUFFER_FRAMES))
    if ok:
        _mixer_buffer = frames
        if mixer_spec() != (freq.value, fmt.value, channels.value):
            log.warning("speech: the mixer format changed when reopened: %s", mixer_spec())
    return bool(ok)


_bound: set[int] = set()


def _bind(lib: ctypes.CDLL) -> None:
    """Argument and result types of the calls that play a clip from memory (once per library)."""
    if id(lib) in _bound:
        return
    lib.SDL_RWFromConstMem.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.SDL_RWFromConstMem.restype = ctypes.c_void_p
    lib.Mix_LoadWAV_RW.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.Mix_LoadWAV_RW.restype = ctypes.c_void_p
    lib.Mix_PlayChannelTimed.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
    lib.Mix_PlayChannelTimed.restype = ctypes.c_int
    lib.Mix_Playing.argtypes = [ctypes.c_int]
    lib.Mix_HaltChannel.argtypes = [ctypes.c_int]
    lib.Mix_VolumeChunk.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.Mix_FreeChunk.argtypes = [ctypes.c_void_p]
    _bound.add(id(lib))


class MemoryChunk:
    """A WAV held in memory, loaded into SDL_mixer without any file: what private speech plays.

    SDL_mixer decodes the bytes into its own chunk (converted to the device's
    format), so nothing of the sound exists outside the process's memory.
    """

    def __init__(self, wav: bytes) -> None:
        lib = mixer_library()
        if lib is None:
            raise SpeechUnavailable("no SDL_mixer library to play private speech from memory")
        _bind(lib)
        self._lib = lib
        data = ctypes.create_string_buffer(wav, len(wav))
        rw = lib.SDL_RWFromConstMem(data, len(wav))
        self._chunk = lib.Mix_LoadWAV_RW(rw, 1) if rw else None  # 1: SDL frees the RWops
        self.channel = -1
        if not self._chunk:
            raise SpeechUnavailable("SDL_mixer could not load a clip from memory (is the audio open?)")

    def play(self, volume: float) -> bool:
        """Start playing on a free channel; False if none could be had."""
        self.set_volume(volume)
        self.channel = self._lib.Mix_PlayChannelTimed(-1, self._chunk, 0, -1)
        return self.channel >= 0

    def set_volume(self, volume: float) -> None:
        """0.0 to 1.0, on the chunk (as Kivy's own sounds do: the channels keep their volume)."""
        if self._chunk:
            self._lib.Mix_VolumeChunk(self._chunk, int(round(128 * max(0.0, min(1.0, volume)))))

    @property
    def playing(self) -> bool:
        """Still sounding."""
        return self.channel >= 0 and bool(self._lib.Mix_Playing(self.channel))

    def halt(self) -> None:
        """Stop at once (nothing more reaches the device after the current buffer)."""
        if self.channel >= 0:
            self._lib.Mix_HaltChannel(self.channel)
            self.channel = -1

    def free(self) -> None:
        """Halt, then free the chunk (once)."""
        self.halt()
        if self._chunk:
            self._lib.Mix_FreeChunk(self._chunk)
            self._chunk = None


class MemorySound(EventDispatcher):  # type: ignore[misc]  # Kivy has no type information
    """A private clip played from memory, with the few parts of Kivy's ``Sound`` the engine uses.

    ``state`` ("play"/"stop"), ``length``, ``volume``, ``play``, ``stop`` (which
    dispatches ``on_stop``, as Kivy's sounds do), ``unload``. The end of play is
    seen by polling SDL_mixer on Kivy's clock, as Kivy's SDL2 sounds do.
    """

    __events__ = ("on_stop",)

    def __init__(self, clip: Clip) -> None:
        super().__init__()
        self._chunk: MemoryChunk | None = MemoryChunk(clip.wav or b"")
        self.length = clip.duration
        self.state = "stop"
        self._volume = 1.0
        self._poll: Any = None  # Kivy's ClockEvent

    @property
    def volume(self) -> float:
        return self._volume

    @volume.setter
    def volume(self, value: float) -> None:
        self._volume = value
        if self._chunk is not None:
            self._chunk.set_volume(value)

    def play(self) -> None:
        if self._chunk is not None and self._chunk.play(self._volume):
            self.state = "play"
            self._poll = Clock.schedule_interval(self._check, 1 / 60)

    def _check(self, _dt: float) -> bool:
        if self._chunk is not None and self._chunk.playing:
            return True
        self.stop()
        return False

    def stop(self) -> None:
        if self._poll is not None:
            self._poll.cancel()
            self._poll = None
        if self.state == "play":
            self.state = "stop"
            if self._chunk is not None:
                self._chunk.halt()
            self.dispatch("on_stop")

    def unload(self) -> None:
        self.stop()
        if self._chunk is not None:
            self._chunk.free()
            self._chunk = None

    def on_stop(self) -> None:
        pass
