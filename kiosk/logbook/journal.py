"""The logbook's journal: each save made durable by one append and one ``fdatasync``.

An atomic rewrite of a TinyDB file costs two fsyncs, a rename and the folder's
metadata (about 24 ms at p99 on the kiosk's disk under load). A save only has
to be *on disk* when it returns, not yet in TinyDB: the writer appends the
record's JSON as one line to ``journal-<time>.jsonl`` and calls
``os.fdatasync``, then puts the record into its TinyDB hour file later (when
the visit ends, at ``flush`` and ``close``), where visits live and the report
reads them.

The journal is filled with zeros ahead of the writes (``CHUNK`` at a time,
fsynced once): an append then overwrites blocks the file already owns, so its
``fdatasync`` writes data only: no change of size, no allocation, no journal
commit of the file system, no rename, no folder fsync. (``posix_fallocate``
would leave "unwritten" extents whose first write is a metadata change.)

Reading: one JSON object per line, the last snapshot of a record wins; the
zeros after the last line are not data; a last line cut short (the process
died mid-write, so its save never returned) is ignored. A complete line that
is not a record makes the journal *corrupt*: its good lines are still
replayed and the file is set aside (renamed, never deleted).
:func:`replay` (called by :func:`kiosk.logbook.startup.start_up`) puts every
journal left by a stopped or killed kiosk into the hour files, then removes
it. Imports no Kivy.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import msgspec

from kiosk.files import fsync_folder

_NAME = re.compile(r"^journal-\d{8}T\d{12}(?:-\d+)?\.jsonl$")
#: bytes of zeros laid down ahead of the appends (a day of visits is about 1-2 MB of snapshots)
CHUNK = 1 << 20
_ENCODER = msgspec.json.Encoder()


def journal_files(folder: Path) -> list[Path]:
    """The journals in ``folder``, oldest first (their names sort by the time they were opened)."""
    return sorted((p for p in folder.iterdir() if _NAME.match(p.name)), key=lambda p: p.name)


def is_journal(path: Path) -> bool:
    """Whether ``path`` is named like a journal."""
    return bool(_NAME.match(path.name))


@dataclass
class Replayed:
    """What a journal holds: the last snapshot of each record, and what was wrong."""

    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    bad_lines: list[int] = field(default_factory=list)  # complete lines (from 1) that are not records
    torn: bool = False  # the last line was cut short (ignored)


def _decode_line(line: bytes) -> Any:
    try:
        return msgspec.json.decode(line)
    except msgspec.DecodeError:
        return json.loads(line.decode("utf-8"))  # NaN and the like: what the hour files accept too


def parse_journal(raw: bytes) -> Replayed:
    """The records in a journal's bytes (see the module docstring)."""
    out = Replayed()
    body = raw.rstrip(b"\0")  # the zeros laid down ahead are not data
    lines = body.split(b"\n")
    out.torn = bool(lines.pop())  # what follows the last newline: a write the process did not finish
    for number, line in enumerate(lines, 1):
        try:
            record = _decode_line(line)
        except (UnicodeDecodeError, ValueError):
            record = None
        if not isinstance(record, dict) or not isinstance(record.get("id"), str) \
                or not isinstance(record.get("start_local"), str):
            out.bad_lines.append(number)
            continue
        out.records.pop(record["id"], None)  # keep the order of the last snapshots
        out.records[record["id"]] = record
    return out


def read_journal(path: Path) -> Replayed:
    """The records of the journal at ``path``; raises :class:`OSError` if it cannot be read."""
    return parse_journal(path.read_bytes())


def snapshots(folder: Path) -> dict[str, dict[str, Any]]:
    """The newest snapshot of every record in the journals of ``folder`` (for readers: tolerant).

    A journal that vanishes while it is read (the writer retired it: its records
    are in the hour files by then) or holds bad lines gives what it can.
    """
    found: dict[str, dict[str, Any]] = {}
    for path in journal_files(folder):
        try:
            found.update(read_journal(path).records)
        except OSError:
            continue
    return found


class Journal:
    """One journal file open for appending (the writer thread's own; not thread-safe)."""

    def __init__(self, folder: Path, now: float, chunk: int = CHUNK) -> None:
        self.chunk = chunk
        stamp = datetime.fromtimestamp(now).strftime("%Y%m%dT%H%M%S%f")
        self.path = folder / f"journal-{stamp}.jsonl"
        n = 1
        while self.path.exists():
            self.path = folder / f"journal-{stamp}-{n}.jsonl"
            n += 1
        # (readable by the kiosk's user only, like the hour files mkstemp makes)
        self._fd: int | None = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        self.size = 0  # bytes laid down (zeros or lines)
        self.offset = 0  # where the next line goes
        self.broken = False  # an append failed: what the file ends with is uncertain, use a new one
        try:
            self.grow()
            fsync_folder(folder)  # the file's name is durable before any save counts on it
        except BaseException:
            self.remove()  # a full disk: no empty journal left behind
            raise

    def grow(self, at_least: int = 0) -> None:
        """Lay down zeros after what is there (``chunk`` bytes or more), and make them durable."""
        assert self._fd is not None
        extra = max(self.chunk, at_least)
        _write_all(self._fd, bytes(extra), self.size)
        os.fsync(self._fd)  # the size changed: the metadata too, once per chunk, not per save
        self.size += extra

    def prepare(self) -> None:
        """Grow ahead when less than a quarter of a chunk is left (called between saves)."""
        if self._fd is not None and self.size - self.offset < self.chunk // 4:
            self.grow()

    def append(self, record: dict[str, Any]) -> None:
        """Write ``record`` as one line and make it durable; raises :class:`OSError` (then the journal is broken)."""
        if self._fd is None:
            raise OSError(f"{self.path}: journal closed")
        line = _ENCODER.encode(record) + b"\n"
        try:
            if self.offset + len(line) > self.size:
                self.grow(len(line))
            _write_all(self._fd, line, self.offset)
            os.fdatasync(self._fd)
        except OSError:
            self.broken = True
            raise
        self.offset += len(line)

    def close(self) -> None:
        """Close the file (it stays on disk)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def remove(self) -> None:
        """Close and delete the file: every record in it is in the hour files."""
        self.close()
        self.path.unlink(missing_ok=True)


def _write_all(fd: int, data: bytes, offset: int) -> None:
    view = memoryview(data)
    while view:
        written = os.pwrite(fd, view, offset)
        view, offset = view[written:], offset + written


def replay(folder: Path, upsert: Callable[[dict[str, Any]], None], set_aside: Callable[[Path], Path],
           problems: list[str]) -> int:
    """Put the records of every journal in ``folder`` into the hour files (by ``upsert``); how many.

    A journal whose records are all in is removed; one with bad lines is set
    aside; an :class:`OSError` (a disk that refuses) stops the replay and keeps
    the journals for the next start.
    """
    count = 0
    for path in journal_files(folder):
        try:
            replayed = read_journal(path)
            for record in replayed.records.values():
                upsert(record)
        except OSError as exc:
            problems.append(f"{path}: journal not replayed yet ({exc.strerror or exc}); kept for the next start")
            break
        count += len(replayed.records)
        if replayed.bad_lines:
            moved = set_aside(path)
            lines = ", ".join(map(str, replayed.bad_lines[:5])) + (", ..." if len(replayed.bad_lines) > 5 else "")
            problems.append(f"{path}: line {lines} not a visit record: the {len(replayed.records)} records "
                            f"around it replayed, the journal moved aside to {moved.name}")
        else:
            path.unlink()
    return count
