"""Staff mode's domain: PIN hash and lockout, learner codes, progress, journal, commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.logbook import events as ev
from kiosk.logbook.recorder import PendingSaver, Recorder
from kiosk.staff import pin as pins
from kiosk.staff.helpcall import BackgroundCommand
from kiosk.staff.learners import CODE_RE, Learners, new_code, normalise
from kiosk.staff.progress import progress_from


def test_pin_is_stored_as_a_salted_hash_and_checked(tmp_path: Path) -> None:
    pins.set_pin(tmp_path, "4321")
    first = json.loads((tmp_path / pins.PIN_FILE).read_text())
    assert "4321" not in (tmp_path / pins.PIN_FILE).read_text()
    assert pins.verify(tmp_path, "4321") and not pins.verify(tmp_path, "4320")
    pins.set_pin(tmp_path, "4321")
    assert json.loads((tmp_path / pins.PIN_FILE).read_text())["salt"] != first["salt"]


@pytest.mark.parametrize("bad", ["123", "1234567890123", "12a4", "١٢٣٤", ""])
def test_pin_format(bad: str, tmp_path: Path) -> None:
    with pytest.raises(pins.PinError):
        pins.set_pin(tmp_path, bad)
    assert not pins.has_pin(tmp_path)


def test_lockout_doubles() -> None:
    now = [0.0]
    lock = pins.Lockout(now=lambda: now[0])
    for _ in range(5):
        lock.failed()
    assert lock.locked_for() == 60
    now[0] = 61
    for _ in range(5):
        lock.failed()
    assert lock.locked_for() == 120
    lock.succeeded()
    assert lock.locked_for() == 0


def test_learner_codes_have_no_look_alikes(tmp_path: Path) -> None:
    codes = {new_code() for _ in range(500)}
    assert all(CODE_RE.match(c) and not set(c) & set("IO01LQ") for c in codes)
    assert normalise("kmr 472") == "KMR-472" and normalise("KM0-472") is None
    made = Learners(tmp_path).create()
    stored = json.loads((tmp_path / "learners.json").read_text())
    assert stored == {"version": 1, "learners": {made.code: made.created}}


def test_progress_from_staff_launched_records() -> None:
    saver = PendingSaver()
    recorder = Recorder(saver, kiosk_id="k")
    for learner in ("ABC-234", "XYZ-567"):
        recorder.emit(ev.VisitStarted, launched_by="staff", language="fr", learner=learner,
                      autonomy_expected="accompanied")
        recorder.emit(ev.ProcedureOpened, procedure_id="email", theme="email", step_count=3)
        recorder.emit(ev.StepShown, procedure_id="email", step_index=0)
        recorder.emit(ev.StepShown, procedure_id="email", step_index=1)
        recorder.emit(ev.HelpCalled)
        recorder.emit(ev.VisitEnded, how="staff")
    records = list(saver.records.values())
    assert records[0]["help_calls"] == 1 and records[0]["autonomy"] == "accompanied"
    progress = progress_from(records, "ABC-234")
    assert progress.visits == 1
    [email] = progress.procedures
    assert email.procedure_id == "email" and email.times == 1 and not email.finished and email.help_steps == {2}


def test_background_command_is_time_limited(tmp_path: Path) -> None:
    outcome = BackgroundCommand("sh -c 'sleep 30'", "k", timeout_s=0.5).outcome()
    assert outcome == "timed out after 0.5 s"
    assert BackgroundCommand(str(tmp_path / "missing"), "k").outcome().startswith("cannot run")


def test_today_counts_the_visits_the_logbook_holds_for_today(tmp_path) -> None:
    from kiosk.logbook import events as ev
    from kiosk.logbook.recorder import Recorder
    from kiosk.logbook.writer import LogWriter
    from kiosk.staff.staff_journal import StaffJournal
    from kiosk.staff.today import today_figures

    writer = LogWriter(tmp_path)
    recorder = Recorder(writer, kiosk_id="k1")
    for finished in (True, False):
        recorder.emit(ev.VisitStarted, language="fr")
        recorder.emit(ev.ProcedureOpened, procedure_id="email", theme="email", step_count=2)
        recorder.emit(ev.StepShown, procedure_id="email", step_index=0)
        if finished:
            recorder.emit(ev.ProcedureFinished, procedure_id="email")
        recorder.emit(ev.VisitEnded, how="finished" if finished else "idle")
    writer.close()
    today = today_figures(tmp_path, content_problems=[], speech="ok", logbook="ok", journal=StaffJournal(tmp_path))
    assert (today.visits, today.finished) == (2, 1)
