"""Folding a visit's events into its record: what is counted, and durations that never go negative."""

from __future__ import annotations

import json

from kiosk.logbook import events as ev
from kiosk.logbook.recorder import Recorder

T0 = 1_780_000_000.0  # a wall-clock moment (2026)


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


class Saves:
    """A writer stand-in that keeps what it is handed (the real writer has its own tests)."""

    def __init__(self) -> None:
        self.records: list[dict] = []

    def save(self, record: dict, wait: bool = False, timeout: float | None = None) -> str:
        self.records.append(json.loads(json.dumps(record)))  # as stored: plain JSON
        return record["id"]


def visit(wall_jump: float = 0.0) -> tuple[Saves, Clock, Recorder]:
    saves, clock = Saves(), Clock()
    rec = Recorder(saves, kiosk_id="k1", monotonic=clock)
    wall = T0
    rec.handle(ev.VisitStarted(at=wall, language="fr", profiles=frozenset({"seated"})))
    rec.handle(ev.LanguageChosen(at=wall, language="ar"))
    rec.handle(ev.ProfileChanged(at=wall, profiles=frozenset({"seated", "low_vision"}), text_scale=1.5,
                                 speech_on=True, theme="dark"))
    rec.handle(ev.ProcedureOpened(at=wall, procedure_id="ameli", theme="health", step_count=3))
    rec.handle(ev.StepShown(at=wall, procedure_id="ameli", step_index=0))
    clock.t += 40
    wall += wall_jump  # the wall clock is set while the visitor reads step 1
    rec.handle(ev.RepeatAsked(at=wall))
    rec.handle(ev.HelpAsked(at=wall))
    rec.handle(ev.PracticeMistake(at=wall, procedure_id="ameli", step_index=0))
    rec.handle(ev.StepCompleted(at=wall, procedure_id="ameli", step_index=0))
    rec.handle(ev.StepShown(at=wall, procedure_id="ameli", step_index=1))
    clock.t += 20
    rec.handle(ev.VisitEnded(at=wall + 20, how="left"))
    return saves, clock, rec


def test_a_visit_folds_into_one_record_with_what_the_national_form_asks() -> None:
    saves, _, _ = visit()
    record = saves.records[-1]
    assert len({r["id"] for r in saves.records}) == 1  # every save is the same visit
    assert len(saves.records) == 5  # started, opened, two step changes, end
    assert record["kiosk_id"] == "k1" and record["ended"] == "left" and record["launched_by"] == "visitor"
    assert record["languages"] == ["ar"]  # chosen before anything was read: the welcome's French was not used
    assert record["profiles"] == ["low_vision", "seated"]
    assert record["settings"] == {"speech": True, "text_scales": [1.0, 1.5], "themes": ["dark", "light"],
                                  "seated": True, "easy": False}
    assert record["duration_s"] == 60.0 and record["duration_band"] == "<30 min"
    assert record["help"] == 1 and record["autonomy"] == "partly_autonomous"
    (proc,) = record["procedures"]
    assert proc["id"] == "ameli" and proc["national_theme"] == "admin_social_health"
    assert proc["steps_reached"] == 2 and not proc["finished"]
    assert proc["steps"]["seconds"] == [40.0, 20.0]
    assert proc["steps"]["repeats"] == [1, 0] and proc["steps"]["help"] == [1, 0]
    assert proc["steps"]["mistakes"] == [1, 0] and proc["steps"]["completed"] == [True, False]
    assert record["start"].endswith("+00:00") and record["start_local"][:19] <= record["end_local"][:19]


def test_durations_come_from_the_monotonic_clock_when_the_wall_clock_jumps() -> None:
    for jump in (-3600.0, 86400.0):  # set back an hour, forward a day
        record = visit(wall_jump=jump)[0].records[-1]
        assert record["duration_s"] == 60.0
        assert record["procedures"][0]["steps"]["seconds"] == [40.0, 20.0]
        assert all(s >= 0 for s in record["procedures"][0]["steps"]["seconds"])
        assert record["end"] >= record["start"]  # an end before the start is replaced by start + duration


def test_a_monotonic_clock_that_goes_backwards_never_gives_a_negative_time() -> None:
    saves, clock = Saves(), Clock()
    rec = Recorder(saves, kiosk_id="k", monotonic=clock)
    rec.handle(ev.VisitStarted(at=T0, language="en"))
    rec.handle(ev.StepShown(at=T0, procedure_id="cv", step_index=0))
    clock.t -= 50
    rec.handle(ev.VisitEnded(at=T0, how="idle"))
    record = saves.records[-1]
    assert record["duration_s"] == 0.0 and record["procedures"][0]["steps"]["seconds"] == [0.0]


def test_finished_procedure_staff_launch_and_events_outside_a_visit() -> None:
    saves, clock = Saves(), Clock()
    rec = Recorder(saves, kiosk_id="k", monotonic=clock)
    rec.handle(ev.StepShown(at=T0, procedure_id="cv", step_index=0))  # no visit yet: ignored
    assert rec.ignored == 1 and not saves.records
    rec.handle(ev.VisitStarted(at=T0, language="fr", launched_by="staff"))
    rec.handle(ev.ProcedureOpened(at=T0, procedure_id="france_travail_update", theme="job", step_count=1))
    rec.handle(ev.StepShown(at=T0, procedure_id="france_travail_update", step_index=0))
    clock.t += 3 * 3600
    rec.handle(ev.ProcedureFinished(at=T0, procedure_id="france_travail_update"))
    rec.handle(ev.VisitEnded(at=T0, how="finished"))
    record = saves.records[-1]
    assert record["procedures"][0]["finished"] and record["national_themes"] == ["admin_work"]
    assert record["autonomy"] == "accompanied" and record["duration_band"] == "2 h+"
    rec.handle(ev.HelpAsked(at=T0))  # after the end: not part of that visit
    assert saves.records[-1]["help"] == 0 and rec.ignored == 2


def test_a_new_visit_closes_one_that_never_said_it_ended() -> None:
    saves, clock = Saves(), Clock()
    rec = Recorder(saves, kiosk_id="k", monotonic=clock)
    rec.handle(ev.VisitStarted(at=T0, language="fr"))
    first = saves.records[-1]["id"]
    rec.handle(ev.VisitStarted(at=T0 + 5, language="en"))
    closed = [r for r in saves.records if r["id"] == first][-1]
    assert closed["ended"] == "left" and saves.records[-1]["id"] != first


def test_records_hold_no_free_text() -> None:
    """Only ids, counts, settings: every string in a record is one the kiosk chose."""
    record = visit()[0].records[-1]
    allowed = {"k1", "left", "visitor", "fr", "ar", "low_vision", "seated", "dark", "light", "ameli", "health",
               "admin_social_health", "<30 min", "partly_autonomous"}

    def strings(value: object) -> list[str]:
        if isinstance(value, dict):
            return [s for v in value.values() for s in strings(v)]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return [value] if isinstance(value, str) else []

    dates_and_id = {record["id"], record["start"], record["start_local"], record["end"], record["end_local"]}
    assert set(strings(record)) - dates_and_id <= allowed


def test_a_language_changed_during_a_procedure_counts_both() -> None:
    saves, clock = Saves(), Clock()
    rec = Recorder(saves, kiosk_id="k1", monotonic=clock)
    rec.handle(ev.VisitStarted(at=T0, language="fr"))
    rec.handle(ev.ProcedureOpened(at=T0, procedure_id="ameli", theme="health", step_count=3))
    rec.handle(ev.LanguageChosen(at=T0, language="en"))
    rec.handle(ev.VisitEnded(at=T0, how="idle"))
    assert saves.records[-1]["languages"] == ["fr", "en"]
