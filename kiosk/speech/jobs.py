"""Clip requests and the synthesizer's two job queues: what a visitor waits for first.

A :class:`Request` is one caller's interest in a clip (cancellable); a
:class:`Job` is one clip to make, shared by every request for the same key.
:class:`JobBoard` keeps jobs urgent (someone waits) or background (prefetch),
drops jobs nobody wants any more, and never holds the same key twice. It has no
lock of its own: the synthesizer calls it with its lock held. Imports no Kivy.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from kiosk.speech.clip_cache import Clip, ClipKey
from kiosk.speech.sequence import Speech

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
class Job:
    """One clip to synthesise and everyone waiting for it."""

    key: ClipKey
    speech: Speech
    #: the voice of each segment, in order
    voices: tuple[str, ...]
    rate: int
    requests: list[Request] = field(default_factory=list)
    prefetch: bool = False

    @property
    def text(self) -> str:
        """The words (never logged: a private job holds what the visitor typed)."""
        return self.speech.text

    @property
    def private(self) -> bool:
        """Made in memory, never cached nor written."""
        return self.speech.private

    @property
    def wanted(self) -> bool:
        """A prefetch, or someone still waiting for it."""
        return self.prefetch or any(not r.cancelled for r in self.requests)


class JobBoard:
    """Jobs by key, urgent ones before background ones, each in the order asked."""

    def __init__(self) -> None:
        self._jobs: dict[ClipKey, Job] = {}
        self._urgent: deque[Job] = deque()
        self._background: deque[Job] = deque()

    def __contains__(self, key: object) -> bool:
        return key in self._jobs

    def ask(self, key: ClipKey, speech: Speech, request: Request) -> None:
        """``request`` waits for the clip ``key``: a new urgent job, or a prefetch made urgent."""
        job = self._jobs.get(key)
        if job is None:
            job = Job(key, speech, tuple(v for _t, v, _p in key[0]), key[1])
            self._jobs[key] = job
            self._urgent.append(job)
        elif job in self._background:
            self._background.remove(job)
            self._urgent.append(job)
        job.requests.append(request)

    def prefetch(self, key: ClipKey, speech: Speech) -> None:
        """A background job for ``key`` (the caller checked it is not cached nor queued)."""
        job = Job(key, speech, tuple(v for _t, v, _p in key[0]), key[1], prefetch=True)
        self._jobs[key] = job
        self._background.append(job)

    def take(self) -> Job | None:
        """The next job someone wants (it stays on the board until :meth:`done`), or None."""
        while True:
            queue = self._urgent or self._background
            if not queue:
                return None
            job = queue.popleft()
            if job.wanted:
                return job
            self._jobs.pop(job.key, None)  # every requester lost interest

    def done(self, job: Job) -> list[Request]:
        """``job`` is finished: off the board; the requests to answer."""
        self._jobs.pop(job.key, None)
        return list(job.requests)

    def drain(self) -> list[Job]:
        """Every job still on the board, which is left empty (closing)."""
        jobs = list(self._jobs.values())
        self._jobs.clear()
        self._urgent.clear()
        self._background.clear()
        return jobs
