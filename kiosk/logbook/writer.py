"""The logbook's one writer: a thread with a queue, never the UI thread.

:meth:`LogWriter.save` hands a visit's record to the thread and returns at
once; ``wait=True`` returns only once the record is on disk. The thread first
tidies the data folder (:func:`kiosk.logbook.storage.start_up`), then upserts
each record into the file of the hour its visit began, through TinyDB and
:class:`AtomicStorage` (which then re-encodes that record only).

A read-only folder or a full disk does not stop the kiosk: records wait in
memory (at most ``max_pending``; beyond that the oldest are dropped and
counted), are tried again every ``retry_s`` seconds and at each new save, and
:meth:`LogWriter.status` tells staff. Imports no Kivy.
"""

from __future__ import annotations

import copy
import logging
import queue
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from tinydb import TinyDB
from tinydb.table import Document, Table

from kiosk.logbook.storage import (TABLE, AtomicStorage, CorruptFile, LogbookError, SchemaError, file_name, set_aside,
                                   start_up, write_problem_report)

log = logging.getLogger("kiosk.logbook")
_OPEN_FILES = 4  # hour files kept open: this hour's, and visits that began in the hours before


class NotWritten(LogbookError):
    """``save(..., wait=True)`` could not put the record on disk (it still waits in memory)."""


class _Waiter:
    def __init__(self, record_id: str) -> None:
        self.record_id = record_id
        self.done = threading.Event()
        self.error: str | None = None


class LogWriter:
    """One thread that owns the logbook files (see the module docstring)."""

    def __init__(self, data_dir: Path, *, keep_days: int = 365, max_pending: int = 1000, retry_s: float = 30.0,
                 storage: type[AtomicStorage] = AtomicStorage, timing: Callable[[float], None] | None = None,
                 now: Callable[[], float] = time.time) -> None:
        self.data_dir = Path(data_dir)
        self.keep_days = keep_days
        self.max_pending = max_pending
        self.retry_s = retry_s
        self._storage = storage
        self._timing = timing
        self._now = now
        self._queue: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._pending: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self._files: OrderedDict[Path, tuple[TinyDB, Table, dict[str, int]]] = OrderedDict()
        self._excluded: set[Path] = set()
        self._lock = threading.Lock()
        self._reason = ""
        self._waiting = 0
        self.dropped = 0
        self.written = 0
        self.problems: list[str] = []
        self.ready = threading.Event()  # set once start-up tidying is done
        self._thread = threading.Thread(target=self._run, name="logbook-writer", daemon=True)
        self._thread.start()

    # -- the UI side -------------------------------------------------------------------------

    def save(self, record: dict[str, Any], wait: bool = False, timeout: float | None = None) -> str:
        """Queue ``record`` (upserted by its ``id``); return its id.

        With ``wait=True``, return once it is on disk; raise :class:`NotWritten`
        if it could not be written (it then waits in memory like any other).
        """
        record_id = record["id"]
        waiter = _Waiter(record_id) if wait else None
        self._queue.put(("save", (copy.deepcopy(record), waiter)))
        if waiter is not None:
            if not waiter.done.wait(timeout):
                raise NotWritten(f"record {record_id}: not written within {timeout} s")
            if waiter.error:
                raise NotWritten(f"record {record_id}: {waiter.error}")
        return record_id

    def flush(self, timeout: float | None = None) -> bool:
        """Try to write every waiting record now; True when none is left waiting."""
        waiter = _Waiter("")
        self._queue.put(("flush", waiter))
        return waiter.done.wait(timeout) and not waiter.error

    def status(self) -> str:
        """``ok``, or ``waiting: N records in memory: <reason>`` (plus records dropped), for staff."""
        with self._lock:
            waiting, reason, dropped = self._waiting, self._reason, self.dropped
        text = "ok" if not waiting else f"waiting: {waiting} records in memory: {reason}"
        return text + (f"; {dropped} records dropped (memory full)" if dropped else "")

    def close(self, timeout: float | None = 30.0) -> None:
        """Write what waits (if the disk allows), then stop the thread."""
        if self._thread.is_alive():
            self._queue.put(("stop", None))
            self._thread.join(timeout)

    # -- the writer thread ----------------------------------------------------------------------

    def _run(self) -> None:
        try:
            found = start_up(self.data_dir, self.keep_days, self._now())
            self._excluded |= found.excluded
            self.problems.extend(found.problems)
            if found.problems:
                write_problem_report(self.problems, self.data_dir)
        except Exception:  # tidying must never stop recording
            log.exception("logbook: start-up tidying failed")
        self.ready.set()
        stop = False
        while not stop:
            try:
                items = [self._queue.get(timeout=self.retry_s if self._pending else None)]
            except queue.Empty:
                self._write_pending()
                continue
            while True:  # take whatever else is queued: one pass writes each record once
                try:
                    items.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            waiters: list[_Waiter] = []
            for kind, payload in items:
                if kind == "save":
                    record, waiter = payload
                    self._pending[record["id"]] = record
                    self._pending.move_to_end(record["id"])
                    if waiter is not None:
                        waiters.append(waiter)
                elif kind == "flush":
                    waiters.append(payload)
                else:
                    stop = True
            self._bound()
            self._write_pending()
            for waiter in waiters:
                if waiter.record_id in self._pending or (not waiter.record_id and self._pending):
                    waiter.error = self._reason or "not written"
                waiter.done.set()
        for db, _table, _index in self._files.values():
            db.close()
        if self._pending:
            log.warning("logbook: stopped with %d records not written (%s)", len(self._pending), self._reason)

    def _bound(self) -> None:
        while len(self._pending) > self.max_pending:
            self._pending.popitem(last=False)
            self.dropped += 1
            if self.dropped == 1 or self.dropped % 100 == 0:
                log.warning("logbook: memory full, %d records dropped so far", self.dropped)

    def _write_pending(self) -> None:
        while self._pending:
            record_id, record = next(iter(self._pending.items()))
            try:
                self._write(record)
            except OSError as exc:  # read-only folder, full disk, no permission: wait and retry
                self._reason = f"{self.data_dir}: {exc.strerror or exc}"
                break
            except Exception as exc:  # a record that can never be written must not block the others
                log.exception("logbook: record %s could not be written", record_id)
                self.problems.append(f"a visit record could not be written: {exc}")
                self._pending.pop(record_id, None)
                continue
            self._pending.pop(record_id, None)
            self.written += 1
        with self._lock:
            self._waiting = len(self._pending)
            if not self._pending:
                self._reason = ""

    def _path_for(self, start_local: str) -> Path:
        path = self.data_dir / file_name(start_local)
        n = 1
        while path in self._excluded:  # a file from another schema version is left alone
            path = self.data_dir / file_name(start_local, n)
            n += 1
        return path

    def _open(self, path: Path) -> tuple[TinyDB, Table, dict[str, int]]:
        if path in self._files:
            self._files.move_to_end(path)
            return self._files[path]
        db = TinyDB(path, storage=self._storage)
        table = db.table(TABLE, cache_size=0)
        try:
            index = {doc["id"]: doc.doc_id for doc in table.all()}
        except BaseException:
            db.close()
            raise
        self._files[path] = (db, table, index)
        while len(self._files) > _OPEN_FILES:
            self._files.popitem(last=False)[1][0].close()
        return db, table, index

    def _forget(self, path: Path) -> None:
        entry = self._files.pop(path, None)
        if entry:
            entry[0].close()

    def _write(self, record: dict[str, Any]) -> None:
        start_local = str(record["start_local"])
        for _attempt in range(3):
            path = self._path_for(start_local)
            try:
                self.data_dir.mkdir(parents=True, exist_ok=True)
                db, table, index = self._open(path)
                started = time.perf_counter()
                storage = cast(AtomicStorage, db.storage)
                doc_id = index.get(record["id"])
                if doc_id is None:
                    doc_id = max(index.values(), default=0) + 1
                    storage.changing(TABLE, doc_id)  # the other records keep their JSON
                    table.insert(Document(record, doc_id=doc_id))
                    index[record["id"]] = doc_id
                else:
                    storage.changing(TABLE, doc_id)
                    table.update(record, doc_ids=[doc_id])
                if self._timing:
                    self._timing(time.perf_counter() - started)
                return
            except OSError:
                self._forget(path)  # re-read from disk next time: the write may not have happened
                raise
            except SchemaError as exc:
                self._forget(path)
                self._excluded.add(path)
                self._problem(str(exc))
            except CorruptFile as exc:  # spoiled while the kiosk ran: keep it aside, start a new file
                self._forget(path)
                moved = set_aside(path, self._now())
                self._problem(f"{exc}: moved aside to {moved.name}; recording goes on in a new file")
        raise LogbookError(f"{self.data_dir}: no usable file for visits begun at {start_local}")

    def _problem(self, text: str) -> None:
        self.problems.append(text)
        write_problem_report(self.problems, self.data_dir)
