"""Staff mode through the Pilot: PIN and lockout, launching a visit, learners, help calls, exit."""

from __future__ import annotations

import json
import logging
import os
import re
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.config import KioskConfig, StaffConfig
from kiosk.staff.pin import set_pin
from kiosk.testing.pilot import Pilot
from kiosk.testing.waiting import wait_until
from tests.ui.test_logbook_visits import flushed, records_on_disk

PIN = "482916"
#: a wrong PIN tried before the right one: no run of digits that dates, ids or hashes would hold by chance
WRONG_PIN = "73057305"


def type_pin(pilot: Pilot, pin: str) -> None:
    for digit in pin:
        pilot.tap(f"pin_{digit}")
    pilot.tap("pin_ok")


def open_pin_screen(pilot: Pilot) -> None:
    pilot.press("f11")
    assert pilot.screen == "staff_pin"


@pytest.fixture
def staff_config(config: KioskConfig, tmp_path: Path) -> KioskConfig:
    script = tmp_path / "bell.sh"
    script.write_text(f'#!/bin/sh\necho "$1 $PASSERELLE_KIOSK_ID" >> {tmp_path / "rang.txt"}\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    set_pin(config.data_dir, PIN)
    return replace(config, staff=StaffConfig(help_command=str(script), command_timeout_s=2), kiosk_id="kiosk-7")


@pytest.fixture
def staff_pilot(staff_config: KioskConfig, shipped_content):
    with Pilot.run(staff_config, content=shipped_content) as p:
        yield p


def test_five_wrong_pins_lock_even_the_right_one(staff_pilot: Pilot) -> None:
    open_pin_screen(staff_pilot)
    for _ in range(5):
        type_pin(staff_pilot, "0000")
    assert staff_pilot.screen == "staff_pin"
    type_pin(staff_pilot, PIN)  # the right PIN, within the lock time
    assert staff_pilot.screen == "staff_pin"
    assert re.search(r"bloqué pendant [1-6]?[0-9] secondes", staff_pilot.text())
    staff_pilot.clock.offset += 61
    type_pin(staff_pilot, PIN)
    assert staff_pilot.screen == "staff_panel"
    journal = (staff_pilot.app.kiosk_config.data_dir / "staff-journal.jsonl").read_text().splitlines()
    tries = [json.loads(line) for line in journal if "StaffEntryTried" in line]
    assert [(t["ok"], t["locked"]) for t in tries] == [(False, False)] * 5 + [(False, True), (True, False)]


def test_right_pin_by_keys_opens_the_panel_and_no_pin_keeps_it_closed(config: KioskConfig, shipped_content) -> None:
    with Pilot.run(config, content=shipped_content) as pilot:
        open_pin_screen(pilot)
        assert "kiosk staff set-pin" in pilot.text()
        assert not pilot.has("pin_ok")
        pilot.press("escape")
        assert pilot.screen == "welcome"
        set_pin(config.data_dir, PIN)
        open_pin_screen(pilot)
        for digit in PIN:
            pilot.press(f"numpad{digit}")
        assert PIN not in pilot.text()  # dots, never the digits
        pilot.press("enter")
        assert pilot.screen == "staff_panel"
        assert not any(PIN in said for said in pilot.spoken)


def test_launch_in_arabic_seated_with_a_learner_then_their_page(staff_pilot: Pilot) -> None:
    procedure = staff_pilot.services.content.get("email")
    open_pin_screen(staff_pilot)
    type_pin(staff_pilot, PIN)
    staff_pilot.tap("staff_learners_button")
    staff_pilot.tap("staff_new_learner_button")
    code = staff_pilot.services.staff.learners.all()[0].code
    assert code in staff_pilot.text()
    staff_pilot.press("escape")
    staff_pilot.tap("staff_launch_button")
    staff_pilot.tap("launch_language_ar")
    if not staff_pilot.find("launch_speech").selected:
        staff_pilot.tap("launch_speech")
    staff_pilot.tap("launch_profile_seated")
    staff_pilot.tap(f"launch_learner_{code}")
    staff_pilot.tap("launch_autonomy_partly_autonomous")
    staff_pilot.tap("launch_procedure_email")
    staff_pilot.tap("staff_hand_over_button")
    assert staff_pilot.screen == "walkthrough"
    first = procedure.steps[0]
    assert first.title.get("ar") in staff_pilot.text()
    assert first.title.get("ar") in staff_pilot.spoken[-1]
    assert staff_pilot.ui.style.seated
    staff_pilot.tap("help_button")
    staff_pilot.tap("close_button")
    records = records_on_disk(flushed(staff_pilot))
    record = records[-1]
    assert record["launched_by"] == "staff" and record["learner"] == code
    assert record["autonomy_expected"] == "partly_autonomous" and record["autonomy"] == "partly_autonomous"
    assert record["languages"] == ["ar"] and record["settings"]["speech"] and record["settings"]["seated"]
    assert [p["id"] for p in record["procedures"]] == ["email"]
    staff_pilot.press("f11")
    type_pin(staff_pilot, PIN)
    staff_pilot.tap("staff_learners_button")
    staff_pilot.tap(f"learner_{code}")
    assert staff_pilot.screen == "staff_learner"
    assert staff_pilot.has("practised_email")
    assert procedure.title.get("ar") in staff_pilot.text()


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_pin_shows_one_dot_per_digit_in_a_glyph_its_font_has(staff_config: KioskConfig, shipped_content,
                                                                  lang: str) -> None:
    # "●" is in neither Atkinson Hyperlegible nor Noto Sans Arabic: it was drawn as a box.
    from fontTools.ttLib import TTFont
    from kivy.core.text import LabelBase

    with Pilot.run(staff_config, content=shipped_content) as pilot:
        pilot.start_visit(lang)
        open_pin_screen(pilot)
        for digit in "73":
            pilot.tap(f"pin_{digit}")
        dots = pilot.find("pin_dots")
        assert dots.text.split() == ["•", "•"] and "7" not in dots.text
        font = TTFont(LabelBase._fonts[dots.font_name][0])
        assert all(ord(char) in font.getBestCmap() for char in dots.text if not char.isspace())
        type_pin(pilot, "0")  # a wrong PIN: the dots are cleared, the keys stay
        assert pilot.find("pin_dots").text == "–" and pilot.screen == "staff_pin"


def test_the_launch_screen_switches_its_buttons_and_builds_them_once(staff_pilot: Pilot) -> None:
    # Each choice, and each entry, used to build the screen's sixty buttons again: about 38,000
    # Python objects left for the collector per touch, what made a long run's memory creep.
    from kiosk.ui.widgets import BigButton

    def buttons() -> list[int]:
        pane = staff_pilot.find("launch_language_ar").parent.parent
        return [id(widget) for widget in pane.walk(restrict=True) if isinstance(widget, BigButton)]

    open_pin_screen(staff_pilot)
    type_pin(staff_pilot, PIN)
    staff_pilot.tap("staff_launch_button")
    built = buttons()
    language_ar, language_fr = staff_pilot.find("launch_language_ar"), staff_pilot.find("launch_language_fr")
    low_vision = staff_pilot.find("launch_profile_low_vision")
    assert language_fr.selected and not language_ar.selected and not low_vision.selected
    staff_pilot.tap("launch_language_ar")
    staff_pilot.tap("launch_profile_low_vision")
    staff_pilot.tap("launch_procedure_email")
    assert buttons() == built
    assert language_ar.selected and not language_fr.selected
    assert staff_pilot.find("launch_procedure_email").selected
    assert low_vision.selected and low_vision.label == "Grand texte"
    staff_pilot.tap("launch_profile_low_vision")
    assert low_vision.label == "Très grand texte"
    staff_pilot.tap("launch_profile_low_vision")
    assert not low_vision.selected and low_vision.label == "Texte plus grand"
    staff_pilot.press("escape")
    staff_pilot.tap("staff_launch_button")  # a new launch: the same buttons, its own choices
    assert buttons() == built
    assert language_fr.selected and not language_ar.selected
    assert not staff_pilot.find("launch_procedure_email").selected
    staff_pilot.tap("launch_language_ar")
    staff_pilot.tap("launch_procedure_email")
    staff_pilot.tap("staff_hand_over_button")
    assert staff_pilot.screen == "walkthrough" and staff_pilot.services.visit.language == "ar"


def test_a_help_call_shows_the_badge_runs_the_command_once_and_is_recorded(staff_pilot: Pilot,
                                                                             tmp_path: Path) -> None:
    staff_pilot.start_visit("en")
    staff_pilot.open_procedure("email")
    staff_pilot.tap("help_button")
    staff_pilot.tap("call_helper_button")
    assert "A helper is coming" in staff_pilot.text()
    assert "A helper is coming" in staff_pilot.spoken[-1]
    badge = staff_pilot.app._badge
    assert badge is not None and badge.parent is not None and badge.count == 1
    assert staff_pilot.ui.nav.chime.played == 1  # staff hear it across the room
    rang = tmp_path / "rang.txt"
    wait_until(lambda: rang.exists(), step=staff_pilot.settle, message="the help command to run")
    assert rang.read_text().split() == ["kiosk-7", "kiosk-7"]
    record = records_on_disk(flushed(staff_pilot))[-1]
    assert record["help_calls"] == 1 and record["help_call_steps"] == [["email", 0]]
    staff_pilot.press("escape")
    open_pin_screen(staff_pilot)
    type_pin(staff_pilot, PIN)
    staff_pilot.tap("staff_acknowledge_button")
    assert badge.parent is None
    assert rang.read_text().count("kiosk-7") == 2  # once


@pytest.mark.parametrize("command", ["sh -c 'sleep 60'", "false"])
def test_a_hanging_or_failing_command_does_not_freeze_the_kiosk(config: KioskConfig, shipped_content,
                                                                command: str) -> None:
    config = replace(config, staff=StaffConfig(help_command=command, command_timeout_s=1))
    with Pilot.run(config, content=shipped_content) as pilot:
        pilot.start_visit("fr")
        pilot.tap("help_button")
        pilot.tap("call_helper_button")
        pilot.tap("close_button")  # the kiosk answers at once
        pilot.open_procedure("email")
        assert pilot.screen == "walkthrough"
        journal = config.data_dir / "staff-journal.jsonl"
        wait_until(lambda: "HelpCommandRan" in journal.read_text(), step=pilot.settle, timeout=15,
                   message="the command's outcome")
        outcome = json.loads(journal.read_text().splitlines()[-1])["outcome"]
        assert outcome == ("timed out after 1 s" if "sleep" in command else "exit 1")


def test_only_the_panel_exits_the_kiosk(staff_config: KioskConfig, shipped_content) -> None:
    locked = replace(staff_config)
    with Pilot.run(locked, content=shipped_content, windowed=False) as pilot:
        pilot.press("escape")
        assert pilot.app._on_request_close() is True  # a window close is refused
        assert pilot.app.root is not None and pilot.screen == "welcome"
        open_pin_screen(pilot)
        type_pin(pilot, PIN)
        stopped = []
        pilot.app.bind(on_stop=lambda *_: stopped.append(True))
        pilot.tap("staff_exit_button")
        assert stopped == [True]


def test_staff_mode_returns_to_visitors_after_two_minutes(staff_pilot: Pilot) -> None:
    staff_pilot.start_visit("fr")
    open_pin_screen(staff_pilot)
    type_pin(staff_pilot, PIN)
    staff_pilot.advance(121)
    assert staff_pilot.screen == "catalogue"


def test_the_pin_is_nowhere_but_its_hash(staff_pilot: Pilot, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    open_pin_screen(staff_pilot)
    type_pin(staff_pilot, WRONG_PIN)
    type_pin(staff_pilot, PIN)
    data = staff_pilot.app.kiosk_config.data_dir
    flushed(staff_pilot)
    for path in [*data.rglob("*"), *(p for p in Path(os.environ["KIVY_HOME"]).rglob("*"))]:
        if path.is_file():
            raw = path.read_bytes()
            assert PIN.encode() not in raw and WRONG_PIN.encode() not in raw, path
    assert PIN not in caplog.text and WRONG_PIN not in caplog.text
    stored = json.loads((data / "staff-pin.json").read_text())
    assert set(stored) == {"version", "algorithm", "n", "r", "p", "salt", "hash"}


def test_the_panel_lists_the_steps_to_check_again_on_their_official_pages(staff_config: KioskConfig,
                                                                         tmp_path: Path) -> None:
    from kiosk.content.loader import load
    from tests.test_content import write
    from tests.test_content_freshness import OLD_SOURCE

    folder = tmp_path / "content"
    folder.mkdir()
    content = load([write(folder, OLD_SOURCE)])  # its step's page was read on 2026-05-01
    with Pilot.run(staff_config, content=content) as pilot:
        open_pin_screen(pilot)
        type_pin(pilot, PIN)
        assert pilot.screen == "staff_panel"
        panel = pilot.find("staff_to_check")
        assert panel.heading.startswith("À vérifier : 1 étape lue")
        assert "Créer une adresse: Ouvrir (2026-05-01)" in panel.body
