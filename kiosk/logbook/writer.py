"""The logbook's one writer: a thread with a queue, never the UI thread.

:meth:`LogWriter.save` hands a visit's record to the thread and returns at
once; ``wait=True`` returns only once the record is on disk. The thread first
tidies the data folder (:func:`kiosk.logbook.startup.start_up`, which replays
the journals a killed kiosk left), then makes each save durable by appending
it to the journal (:mod:`kiosk.logbook.journal`: one line, one
``fdatasync``). At checkpoints (the visit ended, :meth:`LogWriter.flush`,
:meth:`LogWriter.close`, a journal grown too big) the records go into the
TinyDB file of the hour their visit began (:mod:`kiosk.logbook.hourfiles`),
where visits live; a journal whose records are all there is removed.

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
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kiosk.logbook.hourfiles import HourFiles
from kiosk.logbook.journal import CHUNK, Journal
from kiosk.logbook.startup import start_up
from kiosk.logbook.storage import AtomicStorage, LogbookError, write_problem_report

log = logging.getLogger("kiosk.logbook")
#: a journal whose records are all in the hour files is replaced once it holds this much
ROTATE_BYTES = CHUNK // 2
#: a journal this big is checkpointed whole even with visits open (a visit that never said it ended)
MAX_JOURNAL_BYTES = 16 * CHUNK


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
                 storage: type[AtomicStorage] = AtomicStorage, journal: type[Journal] = Journal,
                 timing: Callable[[float], None] | None = None,
                 checkpoint_timing: Callable[[float], None] | None = None,
                 now: Callable[[], float] = time.time) -> None:
        """``timing`` receives each save's own time (the journal's append and fdatasync),
        ``checkpoint_timing`` each upsert into an hour file."""
        self.data_dir = Path(data_dir)
        self.keep_days = keep_days
        self.max_pending = max_pending
        self.retry_s = retry_s
        self._journal_class = journal
        self._timing = timing
        self._checkpoint_timing = checkpoint_timing
        self._now = now
        self._queue: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._pending: OrderedDict[str, dict[str, Any]] = OrderedDict()  # not yet on disk
        self._unsaved: dict[str, dict[str, Any]] = {}  # in the journal, not yet in their hour file
        self._journal: Journal | None = None
        self._stale: list[Journal] = []  # journals left after a failed append, removed once all is checkpointed
        self._hours = HourFiles(self.data_dir, storage=storage, problem=self._problem, now=now)
        self._lock = threading.Lock()
        self._reason = ""
        self._checkpoint_reason = ""
        self._summarised_for: date | None = None  # the day summaries were last brought up to date
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
        return str(record_id)

    def flush(self, timeout: float | None = None) -> bool:
        """Try to write every record now, into its hour file; True when every one is there."""
        waiter = _Waiter("")
        self._queue.put(("flush", waiter))
        return waiter.done.wait(timeout) and not waiter.error

    def status(self) -> str:
        """``ok``, or ``waiting: ...`` with why (records in memory, or in the journal only), for staff."""
        with self._lock:
            waiting, reason, dropped = self._waiting, self._reason, self.dropped
        stuck = self._checkpoint_reason  # saved in the journal, but the hour files cannot be written
        if waiting:
            text = f"waiting: {waiting} records in memory: {reason}"
        elif stuck:
            text = f"waiting: records safe in the journal, not yet in the logbook: {stuck}"
        else:
            text = "ok"
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
            self._hours.excluded |= found.excluded
            self.problems.extend(found.problems)
            if found.problems:
                write_problem_report(self.problems, self.data_dir)
        except Exception:  # tidying must never stop recording
            log.exception("logbook: start-up tidying failed")
        self._maintain()  # the first journal is ready before the first save
        self.ready.set()
        self._summarise()
        stop = False
        while not stop:
            try:
                retry = self._pending or self._checkpoint_reason
                items = [self._queue.get(timeout=self.retry_s if retry else None)]
            except queue.Empty:
                self._write_pending()
                self._checkpoint(everything=False)
                self._maintain()
                continue
            while True:  # take whatever else is queued: one pass writes each record once
                try:
                    items.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            waiters: list[_Waiter] = []
            flushes: list[_Waiter] = []
            for kind, payload in items:
                if kind == "save":
                    record, waiter = payload
                    self._pending[record["id"]] = record
                    self._pending.move_to_end(record["id"])
                    if waiter is not None:
                        waiters.append(waiter)
                elif kind == "flush":
                    flushes.append(payload)
                else:
                    stop = True
            self._bound()
            self._write_pending()
            for waiter in waiters:  # durable in the journal: the saves return before any checkpoint
                if waiter.record_id in self._pending:
                    waiter.error = self._reason or "not written"
                waiter.done.set()
            self._checkpoint(everything=bool(flushes) or stop)
            for waiter in flushes:
                if self._pending or self._unsaved:
                    waiter.error = self._reason or self._checkpoint_reason or "not written"
                waiter.done.set()
            self._maintain(stopping=stop)
            if not stop:
                self._summarise()
        self._hours.close()
        if self._journal is not None:
            self._journal.close()
        if self._pending:
            log.warning("logbook: stopped with %d records not written (%s)", len(self._pending), self._reason)

    def _bound(self) -> None:
        while len(self._pending) > self.max_pending:
            self._pending.popitem(last=False)
            self.dropped += 1
            if self.dropped == 1 or self.dropped % 100 == 0:
                log.warning("logbook: memory full, %d records dropped so far", self.dropped)

    def _write_pending(self) -> None:
        """Append what waits in memory to the journal, one durable line per record."""
        while self._pending:
            record_id, record = next(iter(self._pending.items()))
            try:
                if self._journal is None:
                    self.data_dir.mkdir(parents=True, exist_ok=True)
                    self._journal = self._journal_class(self.data_dir, self._now())
                started = time.perf_counter()
                self._journal.append(record)
                if self._timing:
                    self._timing(time.perf_counter() - started)
            except OSError as exc:  # read-only folder, full disk, no permission: wait and retry
                self._reason = f"{self.data_dir}: {exc.strerror or exc}"
                if self._journal is not None and self._journal.broken:  # its end is uncertain: a new file
                    self._journal.close()
                    self._stale.append(self._journal)
                    self._journal = None
                break
            except Exception as exc:  # a record that can never be written must not block the others
                log.exception("logbook: record %s could not be written", record_id)
                self.problems.append(f"a visit record could not be written: {exc}")
                self._pending.pop(record_id, None)
                continue
            self._pending.pop(record_id, None)
            self._unsaved.pop(record_id, None)
            self._unsaved[record_id] = record
            self.written += 1
        with self._lock:
            self._waiting = len(self._pending)
            if not self._pending:
                self._reason = ""

    def _checkpoint(self, everything: bool) -> None:
        """Put journaled records into their hour files: the ended visits' ones, or ``everything``."""
        for record_id, record in list(self._unsaved.items()):
            if not (everything or record.get("ended")):
                continue
            try:
                started = time.perf_counter()
                self._hours.upsert(record)
                if self._checkpoint_timing:
                    self._checkpoint_timing(time.perf_counter() - started)
            except OSError as exc:  # safe in the journal meanwhile: tried again later
                self._checkpoint_reason = f"{self.data_dir}: {exc.strerror or exc}"
                return
            except Exception as exc:  # a record that fits no file must not keep the journal forever
                log.exception("logbook: record %s could not be written", record_id)
                self._problem(f"a visit record could not be written: {exc}")
            self._unsaved.pop(record_id, None)
        self._checkpoint_reason = ""

    def _maintain(self, stopping: bool = False) -> None:
        """Between saves: retire journals whose records are all in the hour files, keep one ready."""
        journal = self._journal
        if journal is not None and journal.offset > MAX_JOURNAL_BYTES:
            self._checkpoint(everything=True)
        try:
            if not self._unsaved:
                for old in self._stale:
                    old.remove()
                self._stale.clear()
                if journal is not None and (stopping or journal.offset > ROTATE_BYTES):
                    journal.remove()
                    self._journal = None
            if stopping:
                return
            if self._journal is None and not self._pending:
                self.data_dir.mkdir(parents=True, exist_ok=True)
                self._journal = self._journal_class(self.data_dir, self._now())
            if self._journal is not None:
                self._journal.prepare()  # zeros laid down ahead, not during a save
        except OSError as exc:  # the next save meets the same disk and says so
            log.debug("logbook: journal upkeep: %s", exc)

    def _summarise(self) -> None:
        """Once a day is over, keep its figures as a summary (the report reads those, not a year of files)."""
        today = datetime.fromtimestamp(self._now()).date()
        if today == self._summarised_for:
            return
        self._summarised_for = today
        try:
            from kiosk.logbook.summary import summarise_closed_days

            summarise_closed_days(self.data_dir, today)
        except Exception as exc:  # noqa: BLE001  # a cache: the report reads the hour files without it
            log.warning("logbook: day summaries not written: %s", exc)

    def _problem(self, text: str) -> None:
        self.problems.append(text)
        write_problem_report(self.problems, self.data_dir)
