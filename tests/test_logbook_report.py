"""``kiosk report`` on generated logbooks: figures, CSV, the HTML page, several kiosks, bad input."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.logbook import events as ev
from kiosk.logbook import report, sample, stats
from kiosk.logbook.visit_record import VisitRecord

LAST = datetime(2026, 6, 15, 12, 0)


def one_visit(pid: str, steps: int, reached: int, kiosk: str, at: float) -> dict:
    """A visit that reaches ``reached`` of ``steps`` steps (all of them: finished)."""
    record = VisitRecord(ev.VisitStarted(at=at, language="ar", profiles=frozenset({"easy"})), 0.0, kiosk)
    record.apply(ev.ProcedureOpened(at=at, procedure_id=pid, theme="taxes", step_count=steps), 0.0)
    for i in range(reached):
        record.apply(ev.StepShown(at=at, procedure_id=pid, step_index=i), 60.0 * i)
    if reached == steps:
        record.apply(ev.ProcedureFinished(at=at, procedure_id=pid), 60.0 * steps)
    record.apply(ev.VisitEnded(at=at, how="finished" if reached == steps else "idle"), 60.0 * steps)
    return record.to_dict()


def test_figures_per_procedure_and_per_visit() -> None:
    at = datetime(2026, 6, 15, 14, 30).timestamp()  # a Monday
    records = [one_visit("impots", 4, 4, "k1", at), one_visit("impots", 4, 4, "k1", at),
               one_visit("impots", 4, 2, "k2", at), one_visit("impots", 4, 2, "k2", at),
               one_visit("impots", 4, 3, "k2", at)]
    s = stats.compute(records)
    p = s.procedures["impots"]
    assert (p.started, p.finished, round(p.completion, 2)) == (5, 2, 0.4)
    assert p.median_s == 240.0  # four steps of 60 s each
    assert p.stop_step == (2, 2)
    assert p.reaching() == [5, 5, 3, 2]
    assert s.languages == {"ar": 5} and s.profiles == {"easy": 5}
    assert s.weekdays["Monday"] == 5 and s.hours[14] == 5
    assert s.ordered_bands()[0] == ("<30 min", 5)
    assert s.themes["admin_money"] == 5 and s.kiosks == {"k1": 2, "k2": 3}


def test_several_folders_merge_and_dates_filter(tmp_path: Path) -> None:
    sample.write_history(tmp_path / "a", days=10, per_day=5, seed=1, last_day=LAST, kinds=50)
    sample.write_history(tmp_path / "b", days=10, per_day=7, seed=2, last_day=LAST, kinds=50)
    both = stats.load([tmp_path / "a", tmp_path / "b", tmp_path / "a"], progress=False)  # a folder twice counts once
    assert len(both) == 120
    some = stats.load([tmp_path / "a"], datetime(2026, 6, 10).date(), datetime(2026, 6, 12).date(), progress=False)
    assert len(some) == 15 and {r.start_local[:10] for r in some} == {"2026-06-10", "2026-06-11", "2026-06-12"}


def test_table_csv_and_one_self_contained_html_page(tmp_path: Path) -> None:
    sample.write_history(tmp_path / "data", days=30, per_day=10, seed=3, last_day=LAST, kinds=100)
    out = report.run([tmp_path / "data"], csv_path=tmp_path / "r.csv", html_path=tmp_path / "r.html",
                     progress=False)
    assert out.splitlines()[0] == "300 visits from 2026-05-17 to 2026-06-15, 1 kiosk"
    assert "Démarche administrative : argent, impôts" in out and "<30 min" in out
    rows = list(csv.reader((tmp_path / "r.csv").open(encoding="utf-8")))
    header = rows.index(["procedure", "theme (national form)", "started", "finished", "completion",
                         "median time (finished)", "most stop at", "help", "repeats", "practice mistakes"])
    started = [int(r[2]) for r in rows[header + 1:] if r and r[0] in dict.fromkeys(c[0] for c in sample.CATALOGUE)]
    assert sum(started) >= 300  # some visits try two procedures
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 3  # visits per week, completion, drop-off
    for external in ('href="http', "src=", "<script", "@import", "url(http", "<link"):
        assert external not in page  # nothing fetched from a network: it opens offline, prints, mails


def test_no_visits_yet(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert report.run([tmp_path / "empty"], html_path=tmp_path / "r.html", progress=False) == "no visits yet"
    assert "no visits yet" in (tmp_path / "r.html").read_text()


def kiosk(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", "report", *args], capture_output=True, text=True,
                          timeout=120)


def test_the_command_writes_the_files_and_stays_quiet_off_a_terminal(tmp_path: Path) -> None:
    sample.write_history(tmp_path / "data", days=3, per_day=4, seed=4, last_day=LAST, kinds=20)
    result = kiosk("--data-dir", str(tmp_path / "data"), "--from", "2026-06-14", "--csv", str(tmp_path / "r.csv"),
                   "--html", str(tmp_path / "r.html"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("8 visits from 2026-06-14 to 2026-06-15")
    assert result.stderr == ""  # no progress bar when the output is not a terminal
    assert (tmp_path / "r.csv").exists() and (tmp_path / "r.html").exists()


@pytest.mark.parametrize("args, message", [
    (["--from", "2026-02-30"], "--from 2026-02-30: not a date"),
    (["--to", "yesterday"], "--to yesterday: not a date"),
    (["--from", "2026-06-15", "--to", "2026-06-01"], "--from 2026-06-15 is after --to 2026-06-01"),
    (["--data-dir", "{tmp}/missing"], "{tmp}/missing: no such folder"),
    (["--data-dir", "{tmp}/corrupt"], "{tmp}/corrupt/visits-2026-06-15.json: unreadable logbook file"),
    (["--data-dir", "{tmp}/future"], "{tmp}/future/visits-2026-06-15.json: logbook schema version 2"),
])
def test_bad_input_is_one_clear_line_and_a_non_zero_exit(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "corrupt").mkdir()
    (tmp_path / "corrupt" / "visits-2026-06-15.json").write_text('{"schema": 1, "tables": {"vis')
    (tmp_path / "future").mkdir()
    (tmp_path / "future" / "visits-2026-06-15.json").write_text(json.dumps({"schema": 2, "tables": {}}))
    (tmp_path / "empty").mkdir()
    args = [a.format(tmp=tmp_path) for a in args]
    if "--data-dir" not in args:
        args += ["--data-dir", str(tmp_path / "empty")]
    result = kiosk(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kiosk: " + message.format(tmp=tmp_path)), result.stderr
    assert "Traceback" not in result.stderr


def test_the_report_reads_older_day_files_and_skips_only_a_record_of_the_wrong_shape(tmp_path: Path) -> None:
    at = datetime(2026, 6, 15, 14, 30).timestamp()
    older = {**one_visit("cv", 9, 3, "k1", at - 86400), "id": "older"}
    good = {**one_visit("impots", 4, 4, "k1", at), "id": "good"}
    odd = {**one_visit("impots", 4, 2, "k1", at), "id": "odd", "seconds_note": float("nan")}  # NaN: not strict JSON
    wrong = {**one_visit("impots", 4, 2, "k1", at), "id": "wrong", "procedures": "not a list"}
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "visits-2026-06-14.json").write_text(json.dumps({"schema": 1, "tables": {"visits": {"1": older}}}))
    (folder / "visits-2026-06-15T14.json").write_text(json.dumps({"schema": 1, "tables": {"visits": {"1": good,
                                                                                                 "2": wrong}}}))
    (folder / "visits-2026-06-15T14.1.json").write_text(json.dumps({"schema": 1, "tables": {"visits": {"1": odd}}}))
    visits = stats.load([folder], progress=False)
    assert sorted(v.id for v in visits) == ["good", "odd", "older"]
    # what the report reads from the files counts exactly as the records the writer saved
    assert stats.compute(visits) == stats.compute([older, good, odd])
    assert stats.compute(visits).procedures["impots"].started == 2


def test_the_command_names_procedures_by_their_titles(tmp_path: Path) -> None:
    sample.write_history(tmp_path / "data", days=2, per_day=20, seed=5, last_day=LAST, kinds=20)
    result = kiosk("--data-dir", str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    # staff read "Déclarer vos revenus à la CAF (caf_quarterly)", not a bare id
    shown = [line for line in result.stdout.splitlines() if "(caf_" in line or "(ameli)" in line]
    assert shown and all(not line.startswith(("caf_", "ameli")) for line in shown)
