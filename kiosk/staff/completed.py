"""Which modules a learner has finished, and the path "Where do I start?" last proposed, from the logbook.

The catalogue marks a learner's finished modules and shows their path first. Reading the logbook means
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.staff.progress import progress_from

log = logging.getLogger("kiosk.staff")


@dataclass(frozen=True)
class Marks:
    """What the catalogue shows of a learner: the modules finished, and the last path proposed."""

    finished: frozenset[str] = frozenset()
    path: tuple[str, ...] = ()


def finished_ids(records: list[dict[str, Any]], code: str) -> frozenset[str]:
    """The ids of the procedures that the visits carrying learner ``code`` finished."""
    return frozenset(p.procedure_id for p in progress_from(records, code).procedures if p.finished)


def last_diagnostic(records: list[dict[str, Any]], code: str) -> dict[str, Any] | None:
    """The latest visit of learner ``code`` that did "Where do I start?" (its record), if any."""
    done = [r for r in records if r.get("learner") == code and r.get("diagnostic")]
    return max(done, key=lambda r: str(r.get("start", ""))) if done else None


def diagnostic_line(records: list[dict[str, Any]], code: str, lang: str,
                    title: Callable[[str], str] = lambda module_id: module_id) -> str | None:
    """"Where do I start? (day): A, B, C": the learner's last path, for staff (``None`` if never done)."""
    from kiosk.i18n import t

    last = last_diagnostic(records, code)
    if last is None:
        return None
    day = str(last.get("start_local") or last.get("start") or "")[:10]
    separator = "، " if lang == "ar" else ", "
    path = separator.join(title(m) for m in last["diagnostic"]["path"])
    return t(lang, "staff_learner_diagnostic", date=day, path=path)


def marks_from(records: list[dict[str, Any]], code: str) -> Marks:
    last = last_diagnostic(records, code)
    return Marks(finished_ids(records, code), tuple(last["diagnostic"]["path"]) if last else ())


def read_finished(data_dir: Path, code: str, current: dict[str, Any] | None = None) -> Marks:
    """Finished procedure ids and last path for ``code`` from the logbook in ``data_dir``, plus the visit ``current``.

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
    return marks_from(records, code)


def load_in_background(data_dir: Path, code: str, current: dict[str, Any] | None,
                       on_done: Callable[[str, Marks], None]) -> threading.Thread:
    """Read ``code``'s marks on a worker thread; call ``on_done(code, marks)`` there.

    ``on_done`` always comes, with no marks if reading failed (logged), so
    the caller never waits for ever.
    """

    def work() -> None:
        try:
            marks = read_finished(data_dir, code, current)
        except Exception:  # a bug must not take the catalogue down: no marks, and the reason in the log
            log.exception("finished marks: reading the logbook failed")
            marks = Marks()
        on_done(code, marks)

    thread = threading.Thread(target=work, name="finished-marks", daemon=True)
    thread.start()
    return thread
