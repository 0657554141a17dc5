"""The staff journal: staff-entry attempts and help calls, one JSON line each, in the data folder.

Kept beside the logbook's visit files (``staff-journal.jsonl``), not inside a
visit: a PIN try or a help call may come with no visit open. A line carries the
event's kind, its date and its fields (:mod:`kiosk.logbook.events`), never a
digit of a PIN. A journal that cannot be written is logged; staff mode goes on.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import threading
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kiosk.files import append_line
from kiosk.logbook import events as ev
from kiosk.logbook.visit_record import iso_local

JOURNAL_FILE = "staff-journal.jsonl"
log = logging.getLogger("kiosk.staff")


class StaffJournal:
    """Appends staff events to ``staff-journal.jsonl``; reads a day's lines back."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / JOURNAL_FILE
        self._lock = threading.Lock()  # help-call results come from their own thread

    def write(self, event: ev.Event, **extra: Any) -> None:
        """Append ``event`` (and ``extra`` plain fields, e.g. a command's outcome)."""
        fields = {k: v for k, v in dataclasses.asdict(event).items() if k != "at"}
        line = {"kind": type(event).__name__, "at": iso_local(event.at), **fields, **extra}
        try:
            with self._lock:
                append_line(self.path, json.dumps(line, ensure_ascii=False, sort_keys=True))
        except OSError as exc:
            log.warning("staff journal %s: not written (%s)", self.path, exc.strerror or exc)

    def lines(self, day: date | None = None) -> list[dict[str, Any]]:
        """The journal's lines (of ``day`` only, when given); unreadable lines are skipped."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError:
            return []
        out = []
        for raw in text.splitlines():
            try:
                line = json.loads(raw)
            except ValueError:
                continue
            if isinstance(line, dict) and (day is None or str(line.get("at", ""))[:10] == day.isoformat()):
                out.append(line)
        return out


def today_local() -> date:
    """The kiosk's local date."""
    return datetime.now().astimezone().date()
