"""The logbook's journal: durable appends, replay at start-up, torn and corrupt journals, readers."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from kiosk.logbook import stats
from kiosk.logbook.journal import Journal, journal_files, parse_journal, read_journal
from kiosk.logbook.startup import start_up
from kiosk.logbook.storage import PROBLEM_REPORT, read_file
from kiosk.logbook.writer import ROTATE_BYTES, LogWriter

NOW = datetime(2026, 6, 15, 12, 0).timestamp()


def rec(n: int, ended: str | None = None, **extra: object) -> dict:
    return {"id": f"visit-{n}", "start_local": "2026-06-15T10:00:00+02:00", "ended": ended, "n": n, **extra}


def stored(folder: Path) -> dict[str, dict]:
    """Every record in the hour files, by id."""
    return {doc["id"]: doc for path in folder.glob("visits-*.json") for doc in read_file(path)["visits"].values()}


def test_a_save_is_in_the_journal_when_it_returns_and_in_its_hour_file_when_the_visit_ends(tmp_path: Path) -> None:
    writer = LogWriter(tmp_path, now=lambda: NOW)
    writer.save(rec(1), wait=True)
    writer.save(rec(1, steps=2), wait=True)
    [journal] = journal_files(tmp_path)
    assert read_journal(journal).records == {"visit-1": rec(1, steps=2)}  # the last snapshot wins
    assert stored(tmp_path) == {}  # a visit in progress: journal only
    writer.save(rec(1, "finished", steps=3), wait=True)
    assert writer.flush(10)
    assert stored(tmp_path) == {"visit-1": rec(1, "finished", steps=3)}
    writer.close()
    assert not journal_files(tmp_path)  # a clean stop leaves only the hour files


def test_the_journal_is_laid_down_ahead_and_its_zeros_are_not_data(tmp_path: Path) -> None:
    journal = Journal(tmp_path, NOW, chunk=4096)
    assert journal.path.stat().st_size == 4096
    journal.append(rec(1))
    journal.append(rec(2, "left"))
    assert journal.path.stat().st_size == 4096  # the appends wrote into blocks the file already had
    for n in range(3, 60):  # past the chunk: it grows
        journal.append(rec(n))
    journal.close()
    replayed = read_journal(journal.path)
    assert list(replayed.records) == [f"visit-{n}" for n in range(1, 60)]
    assert not replayed.torn and not replayed.bad_lines


def test_start_up_replays_a_journal_a_killed_kiosk_left_and_ignores_a_torn_last_line(tmp_path: Path) -> None:
    journal = Journal(tmp_path, NOW)
    journal.append(rec(1))
    journal.append(rec(2))
    journal.append(rec(1, "idle", steps=4))
    journal.close()  # the process died here, in the middle of the next line:
    torn = json.dumps(rec(3)).encode()[:25]
    with open(journal.path, "r+b") as f:
        f.seek(journal.offset)
        f.write(torn)
    found = start_up(tmp_path, now=NOW)
    assert not found.problems and not found.set_aside and found.replayed == 2
    assert stored(tmp_path) == {"visit-1": rec(1, "idle", steps=4), "visit-2": rec(2)}
    assert not journal_files(tmp_path)  # replayed, then removed


def test_a_corrupt_journal_is_set_aside_its_good_lines_replayed_and_recording_goes_on(tmp_path: Path) -> None:
    journal = Journal(tmp_path, NOW - 3600)
    journal.append(rec(1))
    journal.close()
    with open(journal.path, "r+b") as f:
        f.seek(journal.offset)
        f.write(b'{"id": "half\n["not a record"]\n' + json.dumps(rec(2)).encode() + b"\n")
    original = journal.path.read_bytes()
    assert parse_journal(original).bad_lines == [2, 3]
    writer = LogWriter(tmp_path, now=lambda: NOW)
    writer.save(rec(5, "finished"), wait=True)
    writer.close()
    assert set(stored(tmp_path)) == {"visit-1", "visit-2", "visit-5"}
    aside = list(tmp_path.glob("journal-*.jsonl.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == original  # moved, kept whole, never deleted
    report = (tmp_path / PROBLEM_REPORT).read_text()
    assert journal.path.name in report and "line 2, 3 not a visit record" in report


def test_readers_see_the_visits_still_in_the_journal(tmp_path: Path) -> None:
    from kiosk.logbook.sample import visits

    done, open_ = list(visits(1, 2, seed=3, last_day=datetime(2026, 6, 15)))
    writer = LogWriter(tmp_path, now=lambda: NOW)
    writer.save(done, wait=True)
    writer.save({**open_, "ended": None}, wait=True)
    # one visit ended (in its hour file), one in progress (in the journal only)
    assert set(stored(tmp_path)) == {done["id"]}
    records = stats.load_records([tmp_path])
    assert [r["id"] for r in records] == sorted([done["id"], open_["id"]], key=lambda i: {
        done["id"]: done["start"], open_["id"]: open_["start"]}[i])
    assert len(stats.load([tmp_path], progress=False)) == 2
    day = datetime.fromisoformat(done["start_local"]).date()
    assert not stats.load_records([tmp_path], date_from=day.replace(year=day.year + 1))
    writer.close()


def test_a_journal_whose_visits_are_all_in_their_files_is_replaced_when_big(tmp_path: Path) -> None:
    writer = LogWriter(tmp_path, now=lambda: NOW)
    padding = "x" * 4000
    for n in range(ROTATE_BYTES // 4000 + 5):
        writer.save(rec(n, "finished", pad=padding), wait=True)
    assert writer.flush(10)
    [journal] = journal_files(tmp_path)  # one journal, and not the first: that one was retired
    assert "visit-0" not in read_journal(journal).records
    assert journal.stat().st_size < 2 * ROTATE_BYTES + 8000
    writer.close()
    assert len(stored(tmp_path)) == ROTATE_BYTES // 4000 + 5
