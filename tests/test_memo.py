"""The take-away memo's page (every procedure, every language, one sheet; Arabic read as on the sites),
its printer check and configuration key, and the progress sheet that shares its PDF set-up."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from kiosk.config import ConfigError, load
from kiosk.i18n import LANGUAGES
from kiosk.staff.memo import build_memo, memo_path, printer_ready, write_memo
from kiosk.staff.progress import Practised, Progress
from kiosk.staff.sheet import write_sheet

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
                                   reason="poppler-utils missing")


def words_left_to_right(pdf: Path, line_with: str) -> list[str]:
    """The words poppler finds on the line holding ``line_with``, in their order on the page, left to right."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, timeout=60,
                          check=True).stdout
    words = [(float(y), float(x), w.strip("\u2066\u2069\u202a\u202b\u202c"))
             for x, y, w in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', html)]
    y = next(y for y, _, w in words if w == line_with)
    return [w for wy, _, w in sorted(words, key=lambda item: item[1]) if abs(wy - y) < 3 and w]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_memo_is_one_sheet_with_its_steps(shipped_content, tmp_path: Path, lang: str) -> None:
    from pypdf import PdfReader

    for procedure in shipped_content.procedures:  # drawn (not saved): one page, nothing below its margin
        page = build_memo(procedure, lang, today=date(2026, 11, 30)).pdf
        assert page.page == 1 and page.get_y() <= page.h - page.b_margin, f"{procedure.id}-{lang} runs off the sheet"
    longest = max(shipped_content.procedures, key=lambda p: len(p.steps) + len(p.bring))
    path = write_memo(longest, lang, tmp_path, today=date(2026, 11, 30))  # the longest, saved: one sheet
    assert path == memo_path(tmp_path, longest.id, lang) == tmp_path / "memos" / f"{longest.id}-{lang}.pdf"
    assert len(PdfReader(path).pages) == 1
    assert not list((tmp_path / "memos").glob(".*.tmp"))  # written atomically: no temporary file left


@needs_poppler
def test_arabic_keeps_french_labels_and_number_groups_as_on_the_sites(shipped_content, tmp_path: Path) -> None:
    quarterly = write_memo(shipped_content.get("caf_quarterly"), "ar", tmp_path)
    # « Mon Compte » reads left to right, guillemets on the outside as on caf.fr (not » Mon Compte «)
    line = words_left_to_right(quarterly, "Compte")
    assert line[line.index("Mon") - 1:line.index("Compte") + 2] == ["«", "Mon", "Compte", "»"]
    safety = write_memo(shipped_content.get("safety"), "ar", tmp_path)
    assert words_left_to_right(safety, "817") == ["0", "805", "805", "817"]  # not 817 805 805 0


def test_the_safety_memo_gives_the_scam_line_and_17cyber(shipped_content, tmp_path: Path) -> None:
    from pypdf import PdfReader

    for lang in LANGUAGES:
        text = PdfReader(write_memo(shipped_content.get("safety"), lang, tmp_path)).pages[0].extract_text()
        assert "17cyber.gouv.fr" in text and "805" in text, lang


def test_a_printer_is_a_command_that_can_be_found() -> None:
    assert printer_ready("sh -c true")
    assert not printer_ready("")
    assert not printer_ready(None)
    assert not printer_ready("no-such-printer-command-here -P desk")
    assert not printer_ready("lp -d 'unclosed")


@pytest.mark.parametrize(("text", "expected"), [
    ("[kiosk]\nmemo_print_command = 3\n", "kiosk.memo_print_command: expected text, got 3"),
    ("[kiosk]\nmemo_print_command = \"lp -d 'desk\"\n", "kiosk.memo_print_command: not a command line"),
])
def test_a_bad_memo_print_command_names_the_key_and_the_file(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load(path)
    assert str(caught.value).startswith(f"{path}: {expected}")


def test_the_memo_print_command_is_lp_unless_set(tmp_path: Path) -> None:
    assert load(None).memo_print_command == "lp"
    path = tmp_path / "kiosk.toml"
    path.write_text('[kiosk]\nmemo_print_command = ""\n', encoding="utf-8")
    assert load(path).memo_print_command == ""


@needs_poppler
@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_progress_sheet_still_prints_with_the_shared_set_up(tmp_path: Path, lang: str) -> None:
    progress = Progress(code="K7P2Q9", visits=2, last_visit="2026-11-30",
                        procedures=[Practised(procedure_id="email", finished=True, times=2,
                                              last_visit="2026-11-30", help_steps={3})])
    path = write_sheet(progress, lang, {"email": "E-mail"}, tmp_path, today=date(2026, 11, 30))
    assert path.name == "progress-K7P2Q9-2026-11-30.pdf"
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "K7P2Q9" in text and "E-mail" in text
