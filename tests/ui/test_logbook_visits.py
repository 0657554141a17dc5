"""The logbook records real visits as the visitor makes them, and nothing they type.

Every event comes from the screens' own flow (taps and keys through the
Pilot); the record is read back from the files the writer put on disk.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from kiosk.testing.pilot import Pilot
from kiosk.testing.waiting import wait_until

#: what a visitor types in every practice field: it must reach no file and no log
MARKER = "qzj4"  # letters no uuid, date or procedure id contains


def records_on_disk(data_dir: Path) -> list[dict[str, Any]]:
    """Every visit record in the logbook's files, read as plain JSON (whatever the file layout)."""
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "procedures" in node and "id" in node and "ended" in node:
                found.append(node)
                return
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(data_dir.rglob("*.json")):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return found


def flushed(pilot: Pilot) -> Path:
    """Wait until the logbook is open and everything said so far is on disk; the data folder."""
    wait_until(lambda: pilot.app.logbook is not None, step=pilot.settle, message="the logbook to open")
    assert pilot.app.logbook.flush(timeout=10)
    return pilot.app.kiosk_config.data_dir


def test_a_visit_is_recorded_as_the_visitor_makes_it(pilot: Pilot) -> None:
    procedure = pilot.services.content.get("email")
    pilot.tap("start_button")
    pilot.tap("language_en")
    pilot.tap("procedure_email")
    pilot.tap("help_button")   # help on step 1
    pilot.press("escape")      # closes help
    pilot.tap("repeat_button")
    pilot.tap("next_button")   # step 2
    pilot.expire(pilot.app.kiosk_config.idle_delay_s + pilot.app.kiosk_config.idle_warning_s + 1)
    pilot.expire(1)
    assert pilot.screen == "welcome"
    records = records_on_disk(flushed(pilot))
    assert len(records) == 1
    record = records[0]
    assert record["ended"] == "idle"
    assert record["launched_by"] == "visitor"
    assert record["languages"][-1] == "en"
    email = next(p for p in record["procedures"] if p["id"] == "email")
    assert email["finished"] is False
    assert email["steps_reached"] == 2
    assert email["step_count"] == len(procedure.steps)
    steps = email["steps"]
    assert steps["help"][0] == 1 and steps["repeats"][0] == 1
    assert steps["shown"][:2] == [1, 1] and steps["completed"][0] is True
    assert all(seconds >= 0 for seconds in steps["seconds"])


def test_a_finished_procedure_and_a_practice_mistake(pilot: Pilot) -> None:
    procedure = pilot.services.content.get("email")
    index, step = next((i, s) for i, s in enumerate(procedure.steps) if s.replica and s.replica.action == "tap")
    pilot.tap("start_button")
    pilot.tap("language_fr")
    pilot.tap("procedure_email")
    for _ in range(index):
        pilot.tap("next_button")
    assert pilot.services.visit.step_index == index
    pilot.tap("practice_banner")  # a touch on the page, not on the target: a mistake
    assert pilot.services.visit.step_index == index
    records = records_on_disk(flushed(pilot))  # saved at each step change: on disk before the visit ends
    email = next(p for p in records[0]["procedures"] if p["id"] == "email")
    assert email["steps_reached"] == index + 1
    pilot.ui.nav.open_procedure("email", len(procedure.steps) - 1)
    pilot.tap("next_button")
    assert pilot.screen == "finished"
    pilot.tap("end_button")
    records = records_on_disk(flushed(pilot))
    assert len(records) == 1
    record = records[0]
    assert record["ended"] == "finished"
    email = next(p for p in record["procedures"] if p["id"] == "email")
    assert email["finished"] is True
    assert email["steps"]["mistakes"][index] == 1


def typable_steps(content) -> list[tuple[str, int, list[str]]]:
    """(procedure id, step index, ids of the fields and password boxes) for every practice step with one."""
    found = []
    for procedure in content.procedures:
        for index, step in enumerate(procedure.steps):
            fields = [e.id for e in step.replica.elements if e.typable] if step.replica else []
            if fields:
                found.append((procedure.id, index, fields))
    return found


@pytest.mark.timeout(400)
# what is typed goes the same way in every language: Arabic, whose fields run right to left
# with their own keyboard (the curriculum kinds' test below types in French)
@pytest.mark.parametrize("lang", ["ar"])
def test_nothing_typed_in_practice_reaches_the_disk_or_the_log(
        pilot: Pilot, lang: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    pilot.draw = False  # the walk reads the visit and the disk, never pixels: no frame drawn
    # Each module's first page with a field: the typing path is the same on its other pages.
    steps = list({pid: (pid, index, fields) for pid, index, fields in reversed(typable_steps(
        pilot.services.content))}.values())
    assert steps, "no practice field in the content"
    pilot.tap("start_button")
    pilot.tap(f"language_{lang}")
    typed = 0
    nav = pilot.ui.nav
    for procedure in pilot.services.content.procedures:  # the self-checks' fields too: one task per module
        index = next((i for i, c in enumerate(procedure.checks) if any(e.typable for e in c.replica.elements)), None)
        if index is None:
            continue
        nav.go("finished", procedure.id)
        nav.start_checks()
        for _ in range(index):
            nav.check_answer(True)
        pilot.settle()
        for element in procedure.checks[index].replica.elements:
            if element.typable:
                pilot.tap(f"replica_{element.id}")
                for key in MARKER:
                    pilot.press(key)
                assert MARKER in pilot.services.visit.typed.values()  # it really was typed
                typed += 1
    for procedure_id, index, fields in steps:
        pilot.ui.nav.open_procedure(procedure_id, index)
        pilot.settle()
        for field in fields:
            pilot.tap(f"replica_{field}")
            for key in MARKER:
                pilot.press(key)
            assert MARKER in pilot.services.visit.typed.values()  # it really was typed
            typed += 1
        pilot.tap("next_button") if pilot.has("next_button") else None
    assert typed >= len(steps)
    flushed(pilot)
    for path, data in walk_away_and_read_disk(pilot).items():
        assert MARKER.encode() not in data, path
    assert MARKER not in caplog.text


def walk_away_and_read_disk(pilot: Pilot) -> dict[Path, bytes]:
    """The visitor leaves (Help open, then the idle reset): every file the kiosk wrote, once saved."""
    pilot.tap("help_button")
    pilot.expire(pilot.app.kiosk_config.idle_delay_s + pilot.app.kiosk_config.idle_warning_s + 1)
    data_dir = flushed(pilot)
    assert records_on_disk(data_dir), "the visit was recorded"
    return {path: path.read_bytes() for path in data_dir.rglob("*") if path.is_file()}


#: digits typed on every practice keypad (a keypad takes digits only): long enough to be found nowhere else
KEYPAD_MARKER = "97310586"


@pytest.mark.timeout(400)
@pytest.mark.parametrize("lang", ["fr"])
def test_nothing_typed_or_chosen_on_the_curriculum_kinds_reaches_the_disk(
        config, lang: str, caplog: pytest.LogCaptureFixture) -> None:
    """Keypad codes, sheet cells, switches, tools and files touched: none of it is recorded."""
    from kiosk.content.loader import load
    from tests.conftest import ROOT

    caplog.set_level(logging.DEBUG)
    content = load([ROOT / "content", ROOT / "tests" / "fixtures" / "curriculum"])
    assert not content.errors
    chosen: set[str] = set()
    with Pilot.run(config, content=content) as pilot:
        pilot.draw = False  # widgets, the visit and the disk are read, never pixels
        pilot.start_visit(lang)
        for procedure in content.procedures:
            for index, step in enumerate(procedure.steps):
                curriculum = [e for e in step.replica.elements if e.kind in CURRICULUM_KINDS] if step.replica else []
                if not curriculum:
                    continue
                pilot.ui.nav.open_procedure(procedure.id, index)
                pilot.settle()
                for element in curriculum:
                    if element.kind == "keypad":
                        for digit in KEYPAD_MARKER:
                            pilot.tap(f"keypad_{element.id}_{digit}")
                        assert pilot.services.visit.typed[(step.id, element.id)] == KEYPAD_MARKER
                    elif element.kind == "sheet":
                        pilot.tap(f"replica_{element.id}")
                        for key in MARKER:
                            pilot.press(key)
                        assert MARKER in pilot.services.visit.typed.values()
                    elif element.kind != "document" and element.id != step.replica.target:
                        pilot.tap(f"replica_{element.id}")  # chosen, not the one to use: the step stays
                        chosen.add(element.id)
        assert chosen, "no curriculum kind was touched"
        for path, data in walk_away_and_read_disk(pilot).items():
            assert MARKER.encode() not in data and KEYPAD_MARKER.encode() not in data, path
            for element_id in chosen:
                assert f'"{element_id}"'.encode() not in data, (path, element_id)
    assert MARKER not in caplog.text and KEYPAD_MARKER not in caplog.text


#: the practice kinds of the curriculum (content/FORMAT.md)
CURRICULUM_KINDS = ("result", "message", "file", "keypad", "toggle", "tool", "document", "sheet")
