"""The recorder: the app's events in, one saved record per visit out.

The app calls :meth:`Recorder.handle` with each :mod:`kiosk.logbook.events`
event as the visit goes (on the UI thread: it only folds and queues). The
record is saved at each step change and at the end of the visit, so a crash
loses at most the step in progress. A logbook problem never reaches the
visitor: it is logged and the visit goes on. Imports no Kivy.
"""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Callable
from typing import Any, Protocol

from kiosk.logbook import events as ev
from kiosk.logbook.visit_record import VisitRecord

log = logging.getLogger("kiosk.logbook")


class Saver(Protocol):
    """What the recorder needs from a writer (:class:`kiosk.logbook.writer.LogWriter`)."""

    def save(self, record: dict[str, Any], wait: bool = False, timeout: float | None = None) -> str:
        """Queue a record for writing."""


class PendingSaver:
    """Holds records until the real writer is attached (it opens after the first frame).

    The kiosk draws its welcome screen before it touches the disk; a visit that
    starts before the logbook is open loses nothing: its records wait here.
    """

    def __init__(self, limit: int = 1000) -> None:
        self.limit = limit
        self.records: dict[str, dict[str, Any]] = {}

    def save(self, record: dict[str, Any], wait: bool = False, timeout: float | None = None) -> str:
        """Keep the newest version of ``record`` (by id) in memory."""
        self.records.pop(record["id"], None)
        self.records[record["id"]] = record
        while len(self.records) > self.limit:
            self.records.pop(next(iter(self.records)))
        return str(record["id"])


class NoSaver:
    """For renders that are not visits (screenshots, the audit): nothing is kept."""

    def save(self, record: dict[str, Any], wait: bool = False, timeout: float | None = None) -> str:
        """Drop ``record``."""
        return str(record["id"])


def default_kiosk_id() -> str:
    """The kiosk's id when the configuration names none: the host name."""
    return socket.gethostname() or "kiosk"


class Recorder:
    """Folds a visit's events into its :class:`VisitRecord` and saves it."""

    def __init__(self, writer: Saver, kiosk_id: str | None = None, now: Callable[[], float] = time.time,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.writer = writer
        self.kiosk_id = kiosk_id or default_kiosk_id()
        self.now = now
        self.monotonic = monotonic
        self.visit: VisitRecord | None = None
        self.ignored = 0  # events that came with no visit open (a wiring slip, logged once)

    def handle(self, event: ev.Event) -> None:
        """Fold one event into the current visit; save when a step changes or the visit ends."""
        try:
            self._handle(event)
        except Exception:  # the logbook must never stop a visit
            log.exception("logbook: event %s not recorded", type(event).__name__)

    def _handle(self, event: ev.Event) -> None:
        mono = self.monotonic()
        if isinstance(event, ev.VisitStarted):
            if self.visit is not None and not self.visit.ended:  # a visit that never said it ended
                self.visit.apply(ev.VisitEnded(how="left", at=event.at), mono)
                self._save(mono)
            self.visit = VisitRecord(event, mono, self.kiosk_id)
            self._save(mono)
            return
        if self.visit is None or self.visit.ended:
            self.ignored += 1
            if self.ignored == 1:
                log.warning("logbook: %s with no visit started: not recorded", type(event).__name__)
            return
        if self.visit.apply(event, mono):
            self._save(mono)

    def _save(self, mono: float) -> None:
        assert self.visit is not None
        self.writer.save(self.visit.to_dict(mono))

    @property
    def in_visit(self) -> bool:
        """Whether a visit is open (started and not yet ended)."""
        return self.visit is not None and not self.visit.ended

    def attach(self, writer: Saver) -> None:
        """Hand over to ``writer`` (the logbook just opened); records held so far go to it."""
        held = self.writer.records.values() if isinstance(self.writer, PendingSaver) else ()
        self.writer = writer
        for record in held:
            writer.save(record)

    def record(self) -> dict[str, Any] | None:
        """The current (or last) visit's record as it would be saved now."""
        return self.visit.to_dict(self.monotonic()) if self.visit else None

    def emit(self, kind: type[ev.Event], **fields: Any) -> None:
        """Build an event stamped with this recorder's wall clock and handle it.

        ``recorder.emit(StepShown, procedure_id="ameli", step_index=2)`` is the
        short form the app's wiring uses; tests inject ``now``.
        """
        fields.setdefault("at", self.now())
        self.handle(kind(**fields))
