"""A learner's progress, from the logbook: what they practised, finished, and where they needed help.

Read through :func:`kiosk.logbook.stats.load` (whatever the files' layout),
keeping the visits staff attached the learner's code to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Practised:
    """One procedure as a learner practised it, over all their visits."""

    procedure_id: str
    times: int = 0
    finished: bool = False
    last_visit: str = ""  # ISO date
    #: step numbers (from 1) where they asked for help or called a helper
    help_steps: set[int] = field(default_factory=set)


@dataclass
class Progress:
    """A learner's page: their visits and each procedure practised."""

    code: str
    visits: int = 0
    last_visit: str = ""
    procedures: list[Practised] = field(default_factory=list)


def progress_from(records: list[dict[str, Any]], code: str) -> Progress:
    """Fold the visit records carrying ``code`` into a :class:`Progress`."""
    progress = Progress(code)
    by_id: dict[str, Practised] = {}
    for record in records:
        if record.get("learner") != code:
            continue
        day = str(record.get("start_local") or record.get("start") or "")[:10]
        progress.visits += 1
        progress.last_visit = max(progress.last_visit, day)
        for proc in record.get("procedures", []):
            item = by_id.setdefault(proc["id"], Practised(proc["id"]))
            item.times += 1
            item.finished = item.finished or bool(proc.get("finished"))
            item.last_visit = max(item.last_visit, day)
            helps = proc.get("steps", {}).get("help", [])
            item.help_steps |= {i + 1 for i, n in enumerate(helps) if n}
        for pid, index in record.get("help_call_steps", []):
            if pid in by_id:
                by_id[pid].help_steps.add(int(index) + 1)
    progress.procedures = sorted(by_id.values(), key=lambda p: p.last_visit, reverse=True)
    return progress


def learner_records(data_dir: Path) -> list[dict[str, Any]]:
    """Every visit record of the logbook in ``data_dir``, whole (none when there is no logbook yet).

    A learner's page, sheet, skills grid and attestation all read these once.
    """
    from kiosk.logbook.stats import load_records
    from kiosk.logbook.storage import LogbookError

    try:
        return load_records([Path(data_dir)])
    except LogbookError:
        return []


def load_progress(data_dir: Path, code: str) -> Progress:
    """The learner's progress from the logbook in ``data_dir`` (empty when there is none yet)."""
    return progress_from(learner_records(data_dir), code)
