"""Today at a glance, for staff: visits, procedures finished, help calls, and the kiosk's health."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kiosk.staff.staff_journal import StaffJournal, today_local


@dataclass(frozen=True)
class Today:
    """The figures the Today screen shows."""

    visits: int
    finished: int
    help_calls: int
    content_problems: tuple[str, ...]
    speech: str
    free_disk_mb: int | None
    logbook: str


def today_figures(data_dir: Path, *, content_problems: list[str], speech: str, logbook: str,
                  journal: StaffJournal, day: date | None = None) -> Today:
    """Count today's visits and finished procedures in the logbook, help calls in the journal."""
    from kiosk.logbook.stats import load_records
    from kiosk.logbook.storage import LogbookError

    day = day or today_local()
    try:
        records = load_records([Path(data_dir)], date_from=day, date_to=day)
    except LogbookError:
        records = []
    finished = sum(1 for r in records for p in r.get("procedures", []) if p.get("finished"))
    calls = sum(1 for line in journal.lines(day) if line.get("kind") == "HelpCalled")
    try:
        free = shutil.disk_usage(data_dir).free // (1024 * 1024)
    except OSError:
        free = None
    return Today(visits=len(records), finished=finished, help_calls=calls,
                 content_problems=tuple(content_problems), speech=speech, free_disk_mb=free, logbook=logbook)
