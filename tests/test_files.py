"""One way to write a file: whole or not at all, durable, with the mode asked for."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk import files
from kiosk.files import append_line, write_atomic


def test_a_file_is_replaced_whole_with_its_mode_and_no_temporary_left(tmp_path: Path) -> None:
    path = tmp_path / "learners.json"
    path.write_text("old", encoding="utf-8")
    write_atomic(path, "nouveau é", mode=0o600)
    assert path.read_text(encoding="utf-8") == "nouveau é"
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in tmp_path.iterdir()] == ["learners.json"]


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_beside_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "visits.json"
    path.write_bytes(b"old")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["visits.json"]


def test_durable_writes_fsync_the_file_and_the_folder_and_a_cache_does_not(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[str] = []
    real = os.fsync
    monkeypatch.setattr(files.os, "fsync", lambda fd: (synced.append(os.readlink(f"/proc/self/fd/{fd}")), real(fd)))
    write_atomic(tmp_path / "a.json", "1")
    assert len(synced) == 2 and synced[1] == str(tmp_path)  # the temporary file, then the folder
    synced.clear()
    write_atomic(tmp_path / "clip.wav", b"RIFF", durable=False)
    assert synced == []


def test_a_missing_folder_is_made_only_when_asked(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "missing" / "r.csv", "x")
    write_atomic(tmp_path / "made" / "pin.json", "{}", make_folder=True)
    assert (tmp_path / "made" / "pin.json").read_text() == "{}"


def test_a_journal_line_is_appended_and_synced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    real = os.fdatasync
    monkeypatch.setattr(files.os, "fdatasync", lambda fd: (synced.append(fd), real(fd)))
    path = tmp_path / "staff" / "staff-journal.jsonl"
    append_line(path, '{"kind": "HelpCalled"}')
    append_line(path, '{"kind": "StaffEntered"}')
    assert path.read_text(encoding="utf-8").splitlines() == ['{"kind": "HelpCalled"}', '{"kind": "StaffEntered"}']
    assert len(synced) == 2  # each line is on the disk before the call returns
