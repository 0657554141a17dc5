"""The report's view of a visit record: only the fields it reads, decoded straight from the files.

A year of logbook files is some 35 MB of JSON, most of it the per-step detail
of each procedure, which the report does not use. :func:`read_visits` decodes
a file with msgspec into :class:`RecordedVisit` structs that name only the fields the
report needs: the rest is skipped without building Python objects, several
times faster than building every record as dicts (``json`` or TinyDB).

A file that does not decode this way goes through
:func:`kiosk.logbook.storage.parse` (the writer's reader), so that errors are
the same (:class:`~kiosk.logbook.storage.CorruptFile`,
:class:`~kiosk.logbook.storage.SchemaError`) and a record of the wrong shape is
skipped rather than failing the file. Imports no Kivy.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec

from kiosk.logbook.national import DURATION_BANDS
from kiosk.logbook.storage import SCHEMA_VERSION, TABLE, CorruptFile, parse


class ProcedureVisit(msgspec.Struct):
    """One procedure of a visit, as the report reads it."""

    id: str
    theme: str = ""
    national_theme: str = "other"
    step_count: int = 0
    steps_reached: int = 0
    seconds: float = 0.0
    repeats: int = 0
    help: int = 0
    mistakes: int = 0
    finished: bool = False


class CheckVisit(msgspec.Struct):
    """One self-check task that ended in a visit: passed or not, after how many tries."""

    procedure: str
    check: str
    passed: bool = False
    tries: int = 0


class RecordedVisit(msgspec.Struct):
    """One visit record, as the report reads it (defaults: what an older record leaves out)."""

    id: str
    start: str = ""
    start_local: str = ""
    kiosk_id: str | None = None
    ended: str | None = None
    launched_by: str = "visitor"
    languages: list[str] | None = None
    profiles: list[str] | None = None
    duration_band: str = DURATION_BANDS[0][0]
    national_themes: list[str] | None = None
    autonomy: str = "autonomous"
    procedures: list[ProcedureVisit] | None = None
    #: the learner's code staff set (a pseudonym), the self-check tasks and the outcomes they showed
    learner: str | None = None
    checks: list[CheckVisit] | None = None
    skills_checked: list[str] | None = None


class _Tables(msgspec.Struct):
    visits: dict[str, RecordedVisit] = {}  # storage.TABLE


class _File(msgspec.Struct):
    tables: _Tables
    schema: Any = None


_DECODER = msgspec.json.Decoder(_File)


def to_visit(record: dict[str, Any]) -> RecordedVisit | None:
    """A record (as the writer saves it) as a :class:`RecordedVisit`; ``None`` when it is not one."""
    try:
        return msgspec.convert(record, RecordedVisit)
    except msgspec.ValidationError:
        return None


def read_visits(path: Path) -> list[RecordedVisit]:
    """The visits in the logbook file at ``path``.

    Raises :class:`OSError`, :class:`~kiosk.logbook.storage.CorruptFile` or
    :class:`~kiosk.logbook.storage.SchemaError` (one line naming the file).
    """
    raw = path.read_bytes()
    try:
        decoded = _DECODER.decode(raw)
    except msgspec.MsgspecError:
        decoded = None
    if decoded is not None and decoded.schema == SCHEMA_VERSION:
        return list(decoded.tables.visits.values())
    # Another version, not JSON, or a record of the wrong shape: the writer's reader words the error.
    docs = parse(raw, path).get(TABLE, {})
    if not isinstance(docs, dict):
        raise CorruptFile(f"{path}: not a logbook file ('{TABLE}' is not a table)")
    return [visit for doc in docs.values() if isinstance(doc, dict) and (visit := to_visit(doc)) is not None]
