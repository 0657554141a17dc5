"""Which modules a learner has finished, read from the logbook on a worker thread.

The catalogue marks a learner's finished modules. Reading the logbook means
opening files (a year of them, perhaps), so it never happens on the UI thread:
:func:`load_in_background` reads on its own thread and hands the answer to a
callback there, as :mod:`kiosk.content.background` does for the procedures.
The visit in progress is taken from the recorder's own copy (it may not be on
disk yet), so a module finished a minute ago is marked too. Imports no Kivy.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.staff.progress import progress_from

log = logging.getLogger("kiosk.staff")


def finished_ids(records: list[dict[str, Any]], code: str) -> frozenset[str]:
    """The ids of the procedures that the visits carrying learner ``code`` finished."""
    return frozenset(p.procedure_id for p in progress_from(records, code).procedures if p.finished)


def read_finished(data_dir: Path, code: str, current: dict[str, Any] | None = None) -> frozenset[str]:
    """Finished procedure ids for ``code`` from the logbook in ``data_dir``, plus the visit ``current``.

    ``current`` (the recorder's record of the visit in progress) wins over its
    saved copy. No logbook yet, or an unreadable one, reads as nothing finished:
    the marks are a help, never a reason to stop the catalogue.
    """
    from kiosk.logbook.stats import load_records
    from kiosk.logbook.storage import LogbookError

    try:
        records = load_records([Path(data_dir)]) if Path(data_dir).is_dir() else []
    except LogbookError as exc:
        log.warning("finished marks: %s", exc)
        records = []
    if current is not None:
        records = [r for r in records if r.get("id") != current.get("id")] + [current]
    return finished_ids(records, code)


def load_in_background(data_dir: Path, code: str, current: dict[str, Any] | None,
                       on_done: Callable[[str, frozenset[str]], None]) -> threading.Thread:
    """Read ``code``'s finished modules on a worker thread; call ``on_done(code, ids)`` there.

    ``on_done`` always comes, with an empty set if reading failed (logged), so
    the caller never waits for ever.
    """

    def work() -> None:
        try:
            ids = read_finished(data_dir, code, current)
        except Exception:  # a bug must not take the catalogue down: no marks, and the reason in the log
            log.exception("finished marks: reading the logbook failed")
            ids = frozenset()
        on_done(code, ids)

    thread = threading.Thread(target=work, name="finished-marks", daemon=True)
    thread.start()
    return thread
