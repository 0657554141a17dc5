"""The take-away memo through the Pilot: a real print command (a script), the memo cache, the logbook.

The print command is a small shell script written here, which copies the PDF
it is given into a folder: what a printer would get is checked with
``pdftotext`` (poppler-utils), as a person would read the page.
"""

from __future__ import annotations

import json
import re
import shutil
import stat
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.config import KioskConfig
from kiosk.i18n import t
from kiosk.testing.pilot import Pilot
from kiosk.testing.waiting import wait_until
from tests.ui.test_logbook_visits import flushed, records_on_disk

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")
#: what poppler's reading adds or moves that a person does not read: spaces it puts between shaped
#: Arabic letters, line breaks, the bidi marks and isolates of the text layer, and Arabic's vowel
#: marks (poppler puts a tanween before or after its letter, depending on the font)
NOISE = re.compile(r"[\s\u200e\u200f\u202a-\u202e\u2066-\u2069\u064b-\u065f\u0670]")


def readable(text: str) -> str:
    """``text`` without spaces, bidi marks and vowel marks, to compare words in reading order."""
    return NOISE.sub("", text)


def pdf_text(path: Path) -> str:
    """The text a person reads on the PDF's pages (poppler's reading), see :func:`readable`."""
    return readable(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, timeout=60,
                                   check=True).stdout)


@pytest.fixture
def printed(tmp_path: Path) -> Path:
    """Where the print script puts what it is given."""
    folder = tmp_path / "printed"
    folder.mkdir()
    return folder


@pytest.fixture
def memo_config(config: KioskConfig, tmp_path: Path, printed: Path) -> KioskConfig:
    script = tmp_path / "print-memo.sh"
    script.write_text(f'#!/bin/sh\ncp "$1" "{printed}/"\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return replace(config, memo_print_command=str(script))


def to_finished(pilot: Pilot, lang: str, procedure_id: str) -> None:
    pilot.start_visit(lang)
    pilot.open_procedure(procedure_id)
    pilot.go_to_step(len(pilot.ui.nav.procedure.steps))
    pilot.activate("next_button")
    assert pilot.screen == "finished"


@needs_pdftotext
@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_take_a_memo_on_the_finished_screen_prints_and_caches_it(memo_config: KioskConfig, shipped_content,
                                                                  printed: Path, lang: str) -> None:
    procedure = shipped_content.get("safety")  # the one with a useful phone number and a warning pictogram
    with Pilot.run(memo_config, content=shipped_content) as pilot:
        to_finished(pilot, lang, "safety")
        pilot.tap("memo_button")
        copy = printed / f"safety-{lang}.pdf"
        wait_until(lambda: copy.exists() and copy.stat().st_size > 0, step=pilot.settle, timeout=60,
                   message="the print command to get the memo")
        assert t(lang, "memo_printing") in pilot.text()
        assert pilot.spoken[-1] == t(lang, "memo_printing")
        pilot.tap("memo_button")  # a second tap says it again, and prints no second sheet
        assert pilot.spoken[-1] == t(lang, "memo_printing")
        record = records_on_disk(flushed(pilot))[-1]
    cached = memo_config.data_dir / "memos" / f"safety-{lang}.pdf"
    assert cached.read_bytes() == copy.read_bytes()
    text = pdf_text(copy)
    assert readable(procedure.title.get(lang)) in text
    assert readable(procedure.help_phone.number) in text  # its groups in order, in Arabic too (not 817 805...)
    # the reminder's words (poppler reads some Arabic lines, and a lam-alef, out of order: word by word)
    assert all(readable(word) in text for word in t(lang, "memo_never_codes").split()[2:])
    assert record["memos"] == ["safety"]
    journal = [json.loads(line) for line in (memo_config.data_dir / "staff-journal.jsonl").read_text().splitlines()]
    assert [(j["kind"], j["outcome"]) for j in journal] == [("MemoPrintRan", "ok")]


def test_the_first_step_offers_the_memo_too(memo_config: KioskConfig, shipped_content, printed: Path) -> None:
    with Pilot.run(memo_config, content=shipped_content) as pilot:
        pilot.start_visit("fr")
        pilot.open_procedure("email")
        assert pilot.has("memo_button")
        pilot.go_to_step(2)
        assert not pilot.has("memo_button")  # the first screen and the last only


@pytest.mark.parametrize("command", ["", "no-such-printer-command-here -P kiosk"])
def test_without_a_printer_there_is_no_button(config: KioskConfig, shipped_content, command: str) -> None:
    with Pilot.run(replace(config, memo_print_command=command), content=shipped_content) as pilot:
        pilot.start_visit("en")
        pilot.open_procedure("email")
        assert not pilot.has("memo_button")
        to_finished_from_walkthrough(pilot)
        assert not pilot.has("memo_button")
    assert not (config.data_dir / "memos").exists()


def to_finished_from_walkthrough(pilot: Pilot) -> None:
    pilot.go_to_step(len(pilot.ui.nav.procedure.steps))
    pilot.activate("next_button")
    assert pilot.screen == "finished"


def test_a_failing_print_command_is_for_staff_not_the_visitor(config: KioskConfig, shipped_content) -> None:
    config = replace(config, memo_print_command="false")
    with Pilot.run(config, content=shipped_content) as pilot:
        to_finished(pilot, "fr", "email")
        pilot.tap("memo_button")
        journal = config.data_dir / "staff-journal.jsonl"
        wait_until(lambda: journal.exists() and "MemoPrintRan" in journal.read_text(), step=pilot.settle,
                   timeout=60, message="the print command's outcome")
        assert pilot.screen == "finished"
    line = json.loads(journal.read_text().splitlines()[-1])
    assert (line["outcome"], line["memo"]) == ("exit 1", "email-fr.pdf")
    assert (config.data_dir / "memos" / "email-fr.pdf").exists()  # staff can still reprint it
