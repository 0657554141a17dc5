"""Synthesised clips and the cache that keeps them: bounded by count and by bytes on disk.

A :class:`Clip` is a complete WAV of one utterance (its segments, each in its
voice) at one rate: a file in the speech folder, or, for a private utterance,
bytes in memory that are never written nor cached.
:class:`ClipCache` remembers clips by key, least recently used first, and
deletes a clip's file when it forgets it. It has no lock of its own: the
synthesizer calls it with its lock held. Imports no Kivy.
"""

from __future__ import annotations

import logging
import os
from collections import OrderedDict
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

#: ((segment text, voice, pause ms), ...), rate: what makes two clips the same
ClipKey = tuple[tuple[tuple[str, str, int], ...], int]


@dataclass(frozen=True)
class Clip:
    """A complete WAV of one utterance at one rate: a cached file, or (private) bytes in memory."""

    path: str | None
    text: str
    lang: str
    voice: str
    rate: int
    sample_rate: int
    channels: int
    frames: int
    #: milliseconds spent synthesising it (0 for a cache hit of an older clip)
    synth_ms: float = 0.0
    #: the WAV itself, for a private clip (``path`` is then None): never on disk
    wav: bytes | None = field(default=None, repr=False)

    @property
    def private(self) -> bool:
        """Held in memory only: what the visitor typed is in it."""
        return self.path is None

    @property
    def duration(self) -> float:
        """Seconds of sound."""
        return self.frames / self.sample_rate if self.sample_rate else 0.0


class ClipCache:
    """Clips by key, at most ``max_count`` of them and ``max_bytes`` of files (the newest always kept).

    The bounds may be changed at any time; they apply from the next :meth:`store`.
    ``evicted`` counts the clips forgotten so far.
    """

    def __init__(self, max_count: int = 200, max_bytes: int = 128 * 1024 * 1024) -> None:
        self.max_count = max(1, max_count)
        self.max_bytes = max(1, max_bytes)
        self.evicted = 0
        self._clips: OrderedDict[ClipKey, Clip] = OrderedDict()
        self._sizes: dict[ClipKey, int] = {}
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._clips)

    def __contains__(self, key: object) -> bool:
        return key in self._clips

    @property
    def total_bytes(self) -> int:
        """Bytes of the cached clips' files, as measured when each was stored."""
        return self._bytes

    def get(self, key: ClipKey) -> Clip | None:
        """The clip for ``key`` (now the most recently used), or None; a clip whose file vanished is forgotten."""
        clip = self._clips.get(key)
        if clip is None:
            return None
        if clip.path is None or not os.path.exists(clip.path):
            self.evict(key)
            return None
        self._clips.move_to_end(key)
        return clip

    def store(self, key: ClipKey, clip: Clip) -> None:
        """Remember ``clip``, then forget the least recently used clips beyond the bounds."""
        if clip.path is None:
            raise ValueError("a private clip is never cached")
        try:
            size = os.path.getsize(clip.path)
        except OSError:
            size = 0  # the file vanished already: get() will forget the clip when asked for it
        self._bytes += size - self._sizes.get(key, 0)
        self._sizes[key] = size
        self._clips[key] = clip
        self._clips.move_to_end(key)
        while len(self._clips) > 1 and (len(self._clips) > self.max_count or self._bytes > self.max_bytes):
            self.evict(next(iter(self._clips)))

    def evict(self, key: ClipKey) -> None:
        """Forget the clip for ``key`` and delete its file."""
        clip = self._clips.pop(key, None)
        if clip is None:
            return
        self._bytes -= self._sizes.pop(key, 0)
        self.evicted += 1
        if clip.path is None:
            return  # never stored (private clips are not cached); nothing on disk
        try:
            os.unlink(clip.path)
        except FileNotFoundError:
            pass  # already gone (the cache folder was cleaned up): nothing left to free
        except OSError as exc:
            log.warning("speech cache: cannot delete %s: %s", clip.path, exc)

    def clear(self) -> None:
        """Forget every clip (and delete the files)."""
        for key in list(self._clips):
            self.evict(key)
