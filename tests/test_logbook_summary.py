"""Day summaries: the report's figures from them are the figures from the records, and a stale one is not used."""

from __future__ import annotations

import os
import shutil
from datetime import date, datetime
from pathlib import Path

from kiosk.logbook import sample, stats
from kiosk.logbook.journal import Journal
from kiosk.logbook.startup import start_up
from kiosk.logbook.summary import figures, summarise_closed_days, summary_path

LAST = datetime(2026, 6, 15, 12, 0)
TODAY = LAST.date()


def from_records(folders: list[Path], **dates: date) -> stats.Stats:
    return stats.compute(stats.load(folders, progress=False, **dates))


def test_figures_from_summaries_are_the_figures_from_the_records(tmp_path: Path) -> None:
    sample.write_history(tmp_path, days=20, per_day=15, seed=1, last_day=LAST, kinds=80)
    assert len(list(tmp_path.glob("summary-*.msgpack"))) == 19  # every day but the last, which is not over
    assert figures([tmp_path], progress=False, today=TODAY) == from_records([tmp_path])
    some = dict(date_from=date(2026, 6, 3), date_to=date(2026, 6, 9))
    assert figures([tmp_path], progress=False, today=TODAY, **some) == from_records([tmp_path], **some)


def test_a_summary_is_used_only_while_its_files_are_the_ones_on_disk(tmp_path: Path) -> None:
    sample.write_history(tmp_path, days=5, per_day=10, seed=2, last_day=LAST, kinds=30)
    day = date(2026, 6, 12)
    summary = summary_path(tmp_path, day)
    # a summary that lies: were it used, the figures would show it
    other = tmp_path / "other"
    sample.write_history(other, days=5, per_day=3, seed=3, last_day=LAST, kinds=30)
    summary.write_bytes(summary_path(other, day).read_bytes())
    assert figures([tmp_path], progress=False, today=TODAY) == from_records([tmp_path])  # its sources differ
    summarise_closed_days(tmp_path, TODAY)  # the stale one is made again
    hour_file = next(tmp_path.glob("visits-2026-06-12T*.json"))
    before = summary.read_bytes()
    os.utime(hour_file, ns=(1, 1))  # the file changed since: the summary no longer holds
    assert figures([tmp_path], progress=False, today=TODAY) == from_records([tmp_path])
    assert summary.read_bytes() != before  # the report wrote it afresh (a closed day)


def test_a_visit_in_two_folders_counts_once_and_a_journaled_one_counts(tmp_path: Path) -> None:
    sample.write_history(tmp_path / "a", days=4, per_day=6, seed=4, last_day=LAST, kinds=20)
    shutil.copytree(tmp_path / "a", tmp_path / "copy")
    both = figures([tmp_path / "a", tmp_path / "copy"], progress=False, today=TODAY)
    assert both.visits == 24 and both == from_records([tmp_path / "a"])
    extra = next(sample.visits(1, 1, seed=9, last_day=LAST))
    journal = Journal(tmp_path / "a", LAST.timestamp())
    journal.append({**extra, "ended": None})  # a visit in progress: only in the journal
    journal.close()
    live = figures([tmp_path / "a"], progress=False, today=TODAY)
    assert live.visits == 25 and live == from_records([tmp_path / "a"])


def test_retention_removes_the_summaries_of_purged_days(tmp_path: Path) -> None:
    sample.write_history(tmp_path, days=5, per_day=2, seed=5, last_day=LAST, kinds=10)
    found = start_up(tmp_path, keep_days=2, now=LAST.timestamp())
    assert {p.name[7:17] for p in found.purged} == {"2026-06-11", "2026-06-12"}
    assert sorted(p.name for p in tmp_path.glob("summary-*")) == ["summary-2026-06-13.msgpack",
                                                                   "summary-2026-06-14.msgpack"]
