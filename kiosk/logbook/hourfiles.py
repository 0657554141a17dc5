"""The TinyDB hour files where visits live: a record upserted into the file of the hour it began.

Used by the writer's checkpoints (a record leaves the journal for its hour
file) and by the start-up replay of journals. Each file is a TinyDB database
through :class:`~kiosk.logbook.storage.AtomicStorage` (atomic rewrite, the
other records keep their JSON); the last few files stay open. A file of another
schema version is left alone (the hour goes on in ``.1``, ``.2``...), a file
spoiled while the kiosk ran is set aside and the hour starts afresh.
Imports no Kivy.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from tinydb import TinyDB
from tinydb.table import Document, Table

from kiosk.logbook.storage import TABLE, AtomicStorage, CorruptFile, LogbookError, SchemaError, file_name, set_aside

_OPEN_FILES = 4  # hour files kept open: this hour's, and visits that began in the hours before


class HourFiles:
    """The hour files of one data folder, for one writer (not thread-safe)."""

    def __init__(self, folder: Path, *, storage: type[AtomicStorage] = AtomicStorage,
                 excluded: set[Path] | None = None, problem: Callable[[str], None] = lambda text: None,
                 now: Callable[[], float] = time.time) -> None:
        self.folder = folder
        self.storage = storage
        self.excluded = excluded if excluded is not None else set()
        self.problem = problem
        self.now = now
        self._files: OrderedDict[Path, tuple[TinyDB, Table, dict[str, int]]] = OrderedDict()

    def path_for(self, start_local: str) -> Path:
        """The file for visits begun at ``start_local``, skipping files left alone."""
        path = self.folder / file_name(start_local)
        n = 1
        while path in self.excluded:  # a file from another schema version is left alone
            path = self.folder / file_name(start_local, n)
            n += 1
        return path

    def _open(self, path: Path) -> tuple[TinyDB, Table, dict[str, int]]:
        if path in self._files:
            self._files.move_to_end(path)
            return self._files[path]
        db = TinyDB(path, storage=self.storage)
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

    def forget(self, path: Path) -> None:
        """Close ``path`` and forget what was cached of it."""
        entry = self._files.pop(path, None)
        if entry:
            entry[0].close()

    def upsert(self, record: dict[str, Any]) -> None:
        """Insert or replace ``record`` (by its ``id``) in its hour file, atomically.

        Raises :class:`OSError` (the disk refuses: nothing changed) or
        :class:`LogbookError` (no usable file for that hour).
        """
        start_local = str(record["start_local"])
        for _attempt in range(3):
            path = self.path_for(start_local)
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                db, table, index = self._open(path)
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
                return
            except OSError:
                self.forget(path)  # re-read from disk next time: the write may not have happened
                raise
            except SchemaError as exc:
                self.forget(path)
                self.excluded.add(path)
                self.problem(str(exc))
            except CorruptFile as exc:  # spoiled while the kiosk ran: keep it aside, start a new file
                self.forget(path)
                moved = set_aside(path, self.now())
                self.problem(f"{exc}: moved aside to {moved.name}; recording goes on in a new file")
        raise LogbookError(f"{self.folder}: no usable file for visits begun at {start_local}")

    def close(self) -> None:
        """Close every open file."""
        for db, _table, _index in self._files.values():
            db.close()
        self._files.clear()
