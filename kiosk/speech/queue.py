"""A speech queue with priorities, interruption and a memory for Repeat.

What is said is a :class:`~kiosk.speech.sequence.Speech`: segments, each in its
own language (a quoted French label inside English is said by the French voice),
and private when it carries what the visitor typed. A plain string is turned
into one with :func:`~kiosk.speech.sequence.speech_of`.

``NOW`` interrupts whatever is being said (a new screen, the visitor's own
action); ``NEXT`` waits for the current utterance and goes before anything
queued; ``NORMAL`` queues. Utterances carry a ``context`` tag: when the focus
moves on, :meth:`SpeechQueue.drop_stale` discards queued speech about what is no
longer in front of the visitor. The engine is injected (see
:mod:`kiosk.speech.engines`). Imports no Kivy; thread-safe, as engines report
completion from their own threads.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from dataclasses import dataclass, field
from enum import IntEnum
from functools import cached_property
from typing import Protocol

from kiosk.speech.sequence import Segment, Speech, speech_of

log = logging.getLogger(__name__)


class Priority(IntEnum):
    """How an utterance treats what is already being said."""

    NORMAL = 0
    NEXT = 1
    NOW = 2


@dataclass(frozen=True)
class Utterance:
    """Something to say, in a language, about a context (screen or widget).

    :attr:`speech` holds the segments (made from ``text`` when no ``sequence``
    is given); a private utterance's words are never written, cached or logged.
    """

    text: str
    lang: str
    priority: Priority = Priority.NOW
    context: str = ""
    #: the segments as the describer made them; None: made from ``text`` (see :attr:`speech`)
    sequence: Speech | None = field(default=None, compare=False, repr=False)

    @cached_property
    def speech(self) -> Speech:
        """What is said: the describer's sequence, or the text's."""
        return self.sequence if self.sequence is not None else speech_of(self.text, self.lang)

    @property
    def segments(self) -> tuple[Segment, ...]:
        """The segments to say, in order, each with its language and the pause before it."""
        return self.speech.segments

    @property
    def private(self) -> bool:
        """True when it carries what the visitor typed or chose in practice."""
        return self.speech.private

    @classmethod
    def of(cls, said: str | Speech, lang: str, priority: Priority = Priority.NOW, context: str = "") -> Utterance:
        """An utterance of a plain sentence or of a describer's :class:`Speech`."""
        if isinstance(said, Speech):
            return cls(said.text, lang, priority, context, said)
        return cls(said, lang, priority, context)


class Engine(Protocol):
    """What the queue needs from a speech engine."""

    def speak(self, utterance: Utterance, done: callable) -> None:  # type: ignore[valid-type]
        """Start saying ``utterance``; call ``done()`` when it finished or was stopped."""

    def stop(self) -> None:
        """Stop speaking at once."""


class SpeechQueue:
    """Orders utterances for one engine; remembers the last full announcement."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.RLock()
        self._pending: deque[Utterance] = deque()
        self._current: Utterance | None = None
        self._generation = 0
        self.last_announcement: Utterance | None = None
        self.enabled = True

    @property
    def speaking(self) -> Utterance | None:
        """The utterance being said now, if any."""
        return self._current

    def say(self, text: str | Speech, lang: str, priority: Priority = Priority.NOW, context: str = "") -> None:
        """Queue (or, with ``NOW``, interrupt and say) ``text`` in ``lang``."""
        if not text or not self.enabled:
            return
        utterance = Utterance.of(text, lang, priority, context)
        with self._lock:
            if priority is Priority.NOW:
                self._pending.clear()
                self._pending.append(utterance)
                self._interrupt()
            elif priority is Priority.NEXT:
                # before every NORMAL, after the NEXTs already waiting (kept in order)
                ahead = 0
                for queued in self._pending:
                    if queued.priority < Priority.NEXT:
                        break
                    ahead += 1
                self._pending.insert(ahead, utterance)
            else:
                self._pending.append(utterance)
            if self._current is None:
                self._advance()

    def announce(self, text: str | Speech, lang: str, context: str = "") -> None:
        """Say a screen's announcement now and remember it for Repeat."""
        self.last_announcement = Utterance.of(text, lang, Priority.NOW, context)
        self.say(self.last_announcement.speech, lang, Priority.NOW, context)

    def repeat(self) -> None:
        """Say the last announcement again, interrupting."""
        if self.last_announcement:
            u = self.last_announcement
            self.say(u.speech, u.lang, Priority.NOW, u.context)

    def stop(self) -> None:
        """Silence: stop the current utterance and forget the queued ones."""
        with self._lock:
            self._pending.clear()
            self._interrupt()

    def drop_stale(self, context: str) -> None:
        """Drop queued utterances whose context is not ``context`` (focus moved on)."""
        with self._lock:
            self._pending = deque(u for u in self._pending if not u.context or u.context == context)

    def set_voice(self, volume: float, rate: float) -> None:
        """Volume (0.1..1) and speed (1 = normal) for what is said next, if the engine has them."""
        setter = getattr(self.engine, "set_voice", None)
        if setter is not None:
            setter(volume, rate)

    def forget(self) -> None:
        """End of a visit: silence and forget what was last announced."""
        self.stop()
        self.last_announcement = None

    def _interrupt(self) -> None:
        if self._current is not None:
            self._generation += 1
            self._current = None
            self.engine.stop()

    def _advance(self) -> None:
        while self._pending and self._current is None:
            self._current = self._pending.popleft()
            self._generation += 1
            generation = self._generation
            try:
                self.engine.speak(self._current, lambda generation=generation: self._finished(generation))
            except Exception:  # noqa: BLE001
                # A failing engine must not wedge the queue (silent for the rest of the visit).
                # The words are never logged: a private utterance holds what the visitor typed,
                # and an exception's message (in a traceback) may quote them.
                if self._current.private:
                    log.error("speech engine failed on a %d-character private utterance",
                              len(self._current.text))
                else:
                    log.exception("speech engine failed on a %d-character utterance", len(self._current.text))
                if self._generation == generation:
                    self._current = None

    def _finished(self, generation: int) -> None:
        with self._lock:
            if generation != self._generation:
                return  # a stale completion from an interrupted utterance
            self._current = None
            self._advance()
