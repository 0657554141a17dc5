"""Logbook files: atomic writes, schema version, set-aside, retention, a disk that refuses, SIGKILL."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from tinydb import TinyDB

from kiosk.logbook.journal import Journal
from kiosk.logbook.startup import start_up
from kiosk.logbook.storage import PROBLEM_REPORT, AtomicStorage, SchemaError, read_file
from kiosk.logbook.writer import LogWriter, NotWritten

NOW = datetime(2026, 6, 15, 12, 0).timestamp()


def rec(n: int, day: str = "2026-06-15") -> dict:
    return {"id": f"visit-{n}", "start_local": f"{day}T10:00:00+02:00", "steps": n}


def stored(folder: Path) -> dict[str, dict]:
    """Every record in every day file, by id."""
    out = {}
    for path in folder.glob("visits-*.json"):
        for doc in read_file(path)["visits"].values():
            out[doc["id"]] = doc
    return out


def test_saves_upsert_one_record_per_visit_into_the_file_of_the_hour_it_began(tmp_path: Path) -> None:
    writer = LogWriter(tmp_path, now=lambda: NOW)
    for steps in range(5):
        writer.save({**rec(1), "steps": steps}, wait=True)
    writer.save(rec(2, "2026-06-14"), wait=True)
    writer.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["visits-2026-06-14T10.json", "visits-2026-06-15T10.json"]
    assert stored(tmp_path) == {"visit-1": {**rec(1), "steps": 4}, "visit-2": rec(2, "2026-06-14")}
    # TinyDB itself opens the file through the storage class
    with TinyDB(tmp_path / "visits-2026-06-15T10.json", storage=AtomicStorage, access_mode="r") as db:
        assert db.table("visits").all() == [{**rec(1), "steps": 4}]
    assert writer.status() == "ok"


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    writer = LogWriter(tmp_path, now=lambda: NOW)
    writer.save(rec(1), wait=True)
    assert writer.flush(10)  # a checkpoint: the record goes from the journal into its hour file
    before = (tmp_path / "visits-2026-06-15T10.json").read_bytes()

    def crash(fd: int) -> None:
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(os, "fsync", crash)
    writer.save(rec(2), wait=True)  # the journal's append needs no fsync (fdatasync): the save is on disk
    assert not writer.flush(10)  # the hour file's atomic rewrite fails...
    assert (tmp_path / "visits-2026-06-15T10.json").read_bytes() == before  # ...and leaves the old file whole
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # its temporary file is gone
    monkeypatch.undo()
    assert writer.flush(10)
    writer.close()
    assert set(stored(tmp_path)) == {"visit-1", "visit-2"}
    assert not list(tmp_path.glob("journal-*"))  # every record in its hour file: the journal is gone


def test_a_failed_journal_write_fails_the_save_and_it_is_written_later(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    writer = LogWriter(tmp_path, now=lambda: NOW)
    writer.save(rec(1), wait=True)

    def crash(fd: int) -> None:
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(os, "fdatasync", crash)
    with pytest.raises(NotWritten, match="I/O error"):
        writer.save(rec(2), wait=True)
    assert writer.status().startswith("waiting: 1 records in memory")
    monkeypatch.undo()
    assert writer.flush(10)
    writer.close()
    assert stored(tmp_path) == {"visit-1": rec(1), "visit-2": rec(2)}
    assert not list(tmp_path.glob("journal-*"))


def test_every_save_writes_what_encoding_every_record_afresh_would(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Records keep their JSON between saves: the file must never hold a stale one, even after a failed write."""
    writer = LogWriter(tmp_path, now=lambda: NOW)
    rng = random.Random(5)
    expected: dict[str, dict] = {}
    path = tmp_path / "visits-2026-06-15T10.json"
    for n in range(40):
        record = {**rec(rng.randrange(6)), "steps": n, "languages": ["fr", "ar"][: n % 3], "note": "é" * (n % 4)}
        if n == 20:  # one write fails after TinyDB changed its data: the next ones start afresh from the disk
            with monkeypatch.context() as m:
                m.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.EIO, "I/O error")))
                writer.save(record, wait=True)  # in the journal (fdatasync, no fsync)
                assert not writer.flush(10)  # not in the hour file
            assert writer.flush(10)
        else:
            writer.save(record, wait=True)
            assert writer.flush(10)  # a checkpoint after each save: the hour file is rewritten each time
        expected[record["id"]] = record
        raw = path.read_bytes()
        data = json.loads(raw)
        assert raw == json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        assert {doc["id"]: doc for doc in data["tables"]["visits"].values()} == expected
    writer.close()


def test_the_standard_library_reads_what_the_fast_parser_refuses(tmp_path: Path) -> None:
    path = tmp_path / "visits-2026-06-15T10.json"
    path.write_text(json.dumps({"schema": 1, "tables": {"visits": {"1": {**rec(1), "seconds": float("nan")}}}}))
    assert read_file(path)["visits"]["1"]["id"] == "visit-1"  # NaN: not JSON for msgspec, still not a corrupt file


def test_start_up_removes_temp_files_sets_aside_corrupt_ones_and_purges_old_days(tmp_path: Path) -> None:
    writer = LogWriter(tmp_path, now=lambda: NOW)
    writer.save(rec(1), wait=True)
    writer.save(rec(2, "2025-06-14"), wait=True)  # 366 days before NOW
    writer.save(rec(3, "2025-06-16"), wait=True)  # 364 days
    writer.close()
    (tmp_path / ".visits-2026-06-15.json.abc.tmp").write_text("half a write")
    good = (tmp_path / "visits-2026-06-15T10.json").read_bytes()
    (tmp_path / "visits-2026-06-13T11.json").write_bytes(good[: len(good) // 2])  # truncated
    (tmp_path / "visits-2026-06-12.json").write_bytes(b"\xff\xfe not json")  # unreadable (an older day file)
    (tmp_path / "visits-2025-06-13.json").write_bytes(good)  # an older day file, past keep_days
    found = start_up(tmp_path, keep_days=365, now=NOW)
    assert found.temps_removed == 1
    assert sorted(p.name for p in found.purged) == ["visits-2025-06-13.json", "visits-2025-06-14T10.json"]
    assert sorted(p.name.split(".corrupt-")[0] for p in found.set_aside) == ["visits-2026-06-12.json",
                                                                             "visits-2026-06-13T11.json"]
    assert all(p.exists() for p in found.set_aside)  # moved, never deleted
    assert len(found.problems) == 2 and all("moved aside" in p for p in found.problems)
    assert set(stored(tmp_path)) == {"visit-1", "visit-3"}


def test_recording_goes_on_after_a_corrupt_file_and_staff_are_told(tmp_path: Path) -> None:
    (tmp_path / "visits-2026-06-15T10.json").write_text('{"schema": 1, "tables": {"visits": {"1": {"id"')
    writer = LogWriter(tmp_path, now=lambda: NOW)
    writer.save(rec(1), wait=True)
    writer.close()
    assert stored(tmp_path) == {"visit-1": rec(1)}
    assert list(tmp_path.glob("visits-2026-06-15T10.json.corrupt-*"))
    report = (tmp_path / PROBLEM_REPORT).read_text()
    assert "visits-2026-06-15T10.json" in report and "moved aside" in report


def test_an_unknown_schema_version_is_refused_and_the_file_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "visits-2026-06-15T10.json"
    path.write_text(json.dumps({"schema": 99, "tables": {"visits": {"1": rec(7)}}}))
    original = path.read_bytes()
    with pytest.raises(SchemaError, match=r"visits-2026-06-15T10\.json: logbook schema version 99"):
        read_file(path)
    writer = LogWriter(tmp_path, now=lambda: NOW)
    writer.save(rec(1), wait=True)
    writer.close()
    assert path.read_bytes() == original
    assert read_file(tmp_path / "visits-2026-06-15T10.1.json")["visits"]["1"] == rec(1)  # the hour goes on beside it
    assert "schema version 99" in (tmp_path / PROBLEM_REPORT).read_text()


class RefusingStorage(AtomicStorage):
    """A disk that refuses writes while ``error`` is set (as root, chmod 0o555 refuses nothing)."""

    error: int | None = errno.EROFS

    def write(self, data: dict) -> None:
        if RefusingStorage.error is not None:
            raise OSError(RefusingStorage.error, os.strerror(RefusingStorage.error))
        super().write(data)


class RefusingJournal(Journal):
    """The same disk for the journal: no new file while ``RefusingStorage.error`` is set."""

    def __init__(self, folder: Path, now: float) -> None:
        if RefusingStorage.error is not None:
            raise OSError(RefusingStorage.error, os.strerror(RefusingStorage.error))
        super().__init__(folder, now)


@pytest.mark.parametrize("code", [errno.EROFS, errno.ENOSPC, errno.EACCES])
def test_a_refusing_disk_keeps_records_in_memory_and_writes_them_later(tmp_path: Path, code: int) -> None:
    RefusingStorage.error = code
    writer = LogWriter(tmp_path, storage=RefusingStorage, journal=RefusingJournal, max_pending=3, retry_s=0.05,
                       now=lambda: NOW)
    assert writer.save(rec(0)) == "visit-0"  # the UI never waits or fails
    with pytest.raises(NotWritten, match=os.strerror(code)):
        writer.save(rec(1), wait=True)
    for n in range(2, 6):
        writer.save(rec(n))
    assert not writer.flush(10)
    assert writer.status() == (f"waiting: 3 records in memory: {tmp_path}: {os.strerror(code)}; "
                               "3 records dropped (memory full)")
    RefusingStorage.error = None  # the disk allows again: the periodic retry writes what waits
    deadline = time.monotonic() + 10
    while writer.status() != "ok; 3 records dropped (memory full)" and time.monotonic() < deadline:
        time.sleep(0.02)
    writer.close()
    assert set(stored(tmp_path)) == {"visit-3", "visit-4", "visit-5"}


@pytest.mark.skipif(os.geteuid() != 0 or sys.platform != "linux", reason="needs root for a read-only bind mount")
def test_a_really_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    if subprocess.run(["mount", "--bind", "-o", "ro", str(folder), str(folder)], capture_output=True).returncode:
        pytest.skip("no bind mount in this sandbox")
    try:
        writer = LogWriter(folder, retry_s=60, now=lambda: NOW)
        with pytest.raises(NotWritten, match="Read-only file system"):
            writer.save(rec(1), wait=True)
        assert writer.status().startswith("waiting: 1 records in memory")
        writer.close(timeout=5)
    finally:
        subprocess.run(["umount", str(folder)], check=True)


CHILD = """
import sys
from pathlib import Path
from kiosk.logbook.writer import LogWriter
w = LogWriter(Path(sys.argv[1]))
n = 0
while True:
    n += 1
    # a few visits updated again and again, and new ones: upserts and inserts
    rid = f"{sys.argv[2]}-{n // 3}"
    # every third save ends its visit: a checkpoint into the hour file follows it
    ended = "left" if n % 3 == 2 else None
    print(w.save({"id": rid, "start_local": "2026-06-15T10:00:00+02:00", "n": n, "ended": ended}, wait=True)
          + f" {n}", flush=True)
"""


def test_sigkill_at_random_moments_loses_no_record_whose_save_had_returned(tmp_path: Path) -> None:
    rng = random.Random(20260615)
    confirmed: dict[str, int] = {}
    for round_ in range(6):
        proc = subprocess.Popen([sys.executable, "-c", CHILD, str(tmp_path), f"r{round_}"],
                                stdout=subprocess.PIPE, text=True)
        lines = []
        target = rng.randint(5, 60)
        while len(lines) < target:  # killed after a random number of confirmed saves...
            line = proc.stdout.readline()
            assert line, "the writer process stopped by itself"
            lines.append(line)
        time.sleep(rng.random() * 0.05)  # ...and a random moment later, mid-write or not
        proc.send_signal(signal.SIGKILL)
        rest, _ = proc.communicate(timeout=30)
        for line in lines + rest.splitlines(keepends=True):
            if line.endswith("\n"):
                rid, n = line.split()
                confirmed[rid] = max(confirmed.get(rid, 0), int(n))
        found = start_up(tmp_path, now=NOW)  # what the next start does: no file needs setting aside
        assert not found.problems and not found.set_aside
        records = stored(tmp_path)
        for rid, n in confirmed.items():
            assert rid in records and records[rid]["n"] >= n
    assert len(confirmed) > 20
