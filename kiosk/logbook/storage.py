"""Logbook files: one small TinyDB file per hour, written atomically.

TinyDB's own ``JSONStorage`` rewrites its file in place (a crash mid-write
leaves a file that will not open) and one growing file makes every save
slower. :class:`AtomicStorage` writes a temporary file in the same folder,
fsyncs it, ``os.replace``s it over the old one and fsyncs the folder, so a file
is always either the old or the new version. The writer keeps one file per
hour in which visits began (``visits-YYYY-MM-DDTHH.json``; day files
``visits-YYYY-MM-DD.json`` of earlier versions are still read), and the
storage keeps each record's JSON, so a save re-encodes one record and
rewrites a few kilobytes: its cost is the two fsyncs.

Every file carries a schema version; a file with another version is refused
(:class:`SchemaError`, naming the file) and left as it is. An unreadable file is
moved aside (:func:`set_aside`, never deleted). Tidying the folder at start-up
is :mod:`kiosk.logbook.startup`. Saves reach these files at checkpoints (a
visit's end, ``flush``, ``close``): each save is made durable first by the
journal. Imports no Kivy.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

import msgspec
from tinydb.storages import Storage

from kiosk.files import write_atomic
from kiosk.problems import keep_for_staff

log = logging.getLogger("kiosk.logbook")

#: Version of the file layout; bump it (and teach the reader) when it changes.
SCHEMA_VERSION = 1
TABLE = "visits"
PROBLEM_REPORT = "logbook-problems.txt"
_DAY_FILE = re.compile(r"^visits-(\d{4}-\d{2}-\d{2})(?:T(\d{2}))?(?:\.(\d+))?\.json$")
VISITS_TEMP_PREFIX = ".visits-"  # an hour file being written (kiosk.files.write_atomic)
SUMMARY_TEMP_PREFIX = ".summary-"  # day summaries (kiosk.logbook.summary): a cache, rewritten at will
_SUMMARY = re.compile(r"^summary-(\d{4}-\d{2}-\d{2})\.msgpack$")


class LogbookError(Exception):
    """A logbook problem, already worded as one line for a person."""


class SchemaError(LogbookError):
    """A file written by another version of the logbook."""


class CorruptFile(LogbookError):
    """A file that cannot be read as a logbook file."""


def day_of(path: Path) -> date | None:
    """The day a logbook file holds, from its name (``None``: not a logbook file)."""
    match = _DAY_FILE.match(path.name)
    return date.fromisoformat(match.group(1)) if match else None


def summary_day(path: Path) -> date | None:
    """The day a summary file (:mod:`kiosk.logbook.summary`) is about, from its name (``None``: not one)."""
    match = _SUMMARY.match(path.name)
    try:
        return date.fromisoformat(match.group(1)) if match else None
    except ValueError:
        return None


def file_name(start_local: str, n: int = 0) -> str:
    """The name of the file for visits that began at ``start_local`` (ISO local time): one per hour.

    ``n`` > 0 names the n-th file beside one that is left alone (another schema version).
    """
    day, hour = start_local[:10], start_local[11:13]
    date.fromisoformat(day)  # a record with a broken start time must not name a stray file
    if not (len(hour) == 2 and hour.isdigit()):
        raise ValueError(f"start time {start_local!r} has no hour")
    return f"visits-{day}T{hour}{f'.{n}' if n else ''}.json"


def day_files(folder: Path) -> list[Path]:
    """The logbook's files in ``folder`` (day files and hour files), oldest first."""
    return sorted((p for p in folder.iterdir() if _DAY_FILE.match(p.name)), key=lambda p: p.name)


def _loads(raw: bytes) -> Any:
    try:
        return msgspec.json.decode(raw)  # a few times faster than the standard library
    except msgspec.DecodeError:
        return json.loads(raw.decode("utf-8"))  # reads a little more (NaN, for one) and words the error


def parse(raw: bytes, path: Path) -> dict[str, Any]:
    """The tables of a logbook file's bytes; raises :class:`CorruptFile` or :class:`SchemaError`."""
    try:
        data = _loads(raw)
    except (UnicodeDecodeError, ValueError) as exc:
        raise CorruptFile(f"{path}: unreadable logbook file ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("tables"), dict):
        raise CorruptFile(f"{path}: not a logbook file (no 'tables')")
    version = data.get("schema")
    if version != SCHEMA_VERSION:
        raise SchemaError(f"{path}: logbook schema version {version!r}, this kiosk reads version "
                          f"{SCHEMA_VERSION}: file left as it is and not used")
    tables: dict[str, Any] = data["tables"]
    return tables


def read_file(path: Path) -> dict[str, Any]:
    """The tables of the logbook file at ``path`` (see :func:`parse`)."""
    return parse(path.read_bytes(), path)




def _encode(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class AtomicStorage(Storage):
    """A TinyDB storage that writes atomically and keeps a schema version.

    It is meant for one writer (the logbook's thread): it keeps the last data it
    read or wrote, so TinyDB's read-before-every-write costs no parsing, and
    each document's JSON, so that after :meth:`changing` a write re-encodes
    only the document named. A failed write forgets both (TinyDB changed the
    data in place) and the next read goes back to the disk.
    """

    def __init__(self, path: str | Path, access_mode: str = "r+", cache: bool = True) -> None:
        self.path = Path(path)
        self.writable = access_mode != "r"
        self._cache = cache
        self._data: dict[str, Any] | None = None
        self._encoded: dict[str, dict[str, bytes]] = {}  # table -> document id -> its JSON as last written
        self._changing: tuple[str, str] | None = None

    def read(self) -> dict[str, Any] | None:
        """The file's tables (``None`` for a missing or empty file)."""
        if self._data is not None:
            return self._data
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        if not raw:
            return None
        tables = parse(raw, self.path)
        if self._cache:
            self._data = tables
        return tables

    def changing(self, table: str, doc_id: str | int) -> None:
        """Promise that the next :meth:`write` changes (or adds) only this document.

        The other documents are written from their cached JSON. Without this
        promise a write encodes every document.
        """
        self._changing = (table, str(doc_id))

    def write(self, data: dict[str, Any]) -> None:
        """Write every table atomically."""
        changing, self._changing = self._changing, None
        if not self.writable:
            raise LogbookError(f"{self.path}: opened read-only")
        encoded: dict[str, dict[str, bytes]] = {}
        parts = [b'{"schema":', str(SCHEMA_VERSION).encode(), b',"tables":{']
        for t, (name, docs) in enumerate(data.items()):
            changed = changing[1] if changing is not None and changing[0] == name else None
            known = self._encoded.get(name, {}) if changed is not None else {}  # no promise: encode all
            fresh = encoded[name] = {}
            parts += [b"," if t else b"", _encode(name), b":{"]
            for d, (doc_id, doc) in enumerate(docs.items()):
                key = str(doc_id)
                raw = known.get(key) if key != changed else None
                if raw is None:
                    raw = _encode(doc)
                fresh[key] = raw
                parts += [b"," if d else b"", _encode(key), b":", raw]
            parts.append(b"}")
        parts.append(b"}}")
        try:
            write_atomic(self.path, b"".join(parts))
        except BaseException:
            self._data, self._encoded = None, {}
            raise
        self._data = data if self._cache else None
        self._encoded = encoded if self._cache else {}

    def close(self) -> None:
        """Forget the cached copy."""
        self._data, self._encoded = None, {}


def set_aside(path: Path, now: float | None = None) -> Path:
    """Rename an unreadable file ``*.corrupt-<timestamp>`` (never deleted) and return the new path."""
    stamp = datetime.fromtimestamp(now if now is not None else time.time()).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    os.replace(path, target)
    return target


def write_problem_report(problems: list[str], data_dir: Path) -> Path | None:
    """Log the problems and keep them in ``data_dir/logbook-problems.txt`` for staff.

    Kept like content problems (:mod:`kiosk.problems`): the file is
    removed when there is nothing to report; returns its path, or ``None`` when
    there is nothing to report or the folder cannot be written.
    """
    for problem in problems:
        log.error("logbook: %s", problem)
    return keep_for_staff(data_dir, PROBLEM_REPORT, problems, log)
