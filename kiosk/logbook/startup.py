"""Start-up tidying of the logbook folder, before the first save.

Leftover temporary files are removed, unreadable files moved aside
(``*.corrupt-<timestamp>``, never deleted), files of days older than
``keep_days`` purged, then the journals a stopped or killed kiosk left
(:mod:`kiosk.logbook.journal`) replayed into the hour files
(:mod:`kiosk.logbook.hourfiles`). Imports no Kivy.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.files import TEMP_SUFFIX, fsync_folder
from kiosk.logbook.hourfiles import HourFiles
from kiosk.logbook.journal import journal_files, replay
from kiosk.logbook.storage import (
    SUMMARY_TEMP_PREFIX,
    VISITS_TEMP_PREFIX,
    CorruptFile,
    LogbookError,
    SchemaError,
    day_of,
    read_file,
    set_aside,
    summary_day,
)

log = logging.getLogger("kiosk.logbook")


@dataclass
class StartUp:
    """What :func:`start_up` found and did."""

    problems: list[str] = field(default_factory=list)
    excluded: set[Path] = field(default_factory=set)
    temps_removed: int = 0
    set_aside: list[Path] = field(default_factory=list)
    purged: list[Path] = field(default_factory=list)
    replayed: int = 0  # records put from journals into the hour files


def start_up(folder: Path, keep_days: int = 365, now: float | None = None) -> StartUp:
    """Tidy the data folder before the first save (see the module docstring)."""
    result = StartUp()
    now = time.time() if now is None else now
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return result
    except OSError as exc:
        result.problems.append(f"{folder}: cannot list the logbook folder ({exc.strerror or exc})")
        return result
    cutoff = datetime.fromtimestamp(now).date() - timedelta(days=keep_days)
    for path in entries:
        name = path.name
        try:
            if name.startswith((VISITS_TEMP_PREFIX, SUMMARY_TEMP_PREFIX)) and name.endswith(TEMP_SUFFIX):
                path.unlink()  # a save interrupted before its rename: the old file is intact
                result.temps_removed += 1
                continue
            summarised = summary_day(path)
            if summarised is not None:
                if summarised < cutoff:
                    path.unlink()  # figures of a day whose visits are purged
                continue
            day = day_of(path)
            if day is None:
                continue
            if day < cutoff:
                path.unlink()
                result.purged.append(path)
                continue
            try:
                read_file(path)
            except SchemaError as exc:
                result.problems.append(str(exc))
                result.excluded.add(path)
            except CorruptFile as exc:
                moved = set_aside(path, now)
                result.set_aside.append(moved)
                result.problems.append(f"{exc}: moved aside to {moved.name}; recording goes on in a new file")
        except OSError as exc:
            result.problems.append(f"{path}: {exc.strerror or exc}")
    if result.purged:
        log.info("logbook: %d files of days older than %d days purged", len(result.purged), keep_days)
    _replay_journals(folder, result, now)
    return result


def _replay_journals(folder: Path, result: StartUp, now: float) -> None:
    """Put what journals left by the last run hold into the hour files (see :mod:`kiosk.logbook.journal`)."""
    try:
        if not journal_files(folder):
            return
    except OSError as exc:
        result.problems.append(f"{folder}: cannot list the logbook folder ({exc.strerror or exc})")
        return
    files = HourFiles(folder, excluded=result.excluded, problem=result.problems.append, now=lambda: now)

    def upsert(record: dict[str, Any]) -> None:
        try:
            files.upsert(record)
        except (LogbookError, ValueError) as exc:  # one record that fits no file must not stop the others
            result.problems.append(f"a visit record from the journal could not be written: {exc}")

    try:
        result.replayed = replay(folder, upsert, lambda path: set_aside(path, now), result.problems)
        fsync_folder(folder)  # the journals' removal is durable before new ones are written
    except OSError as exc:
        result.problems.append(f"{folder}: journals not replayed ({exc.strerror or exc})")
    finally:
        files.close()
