"""Keeping the content true: steps read on their official pages too long ago, and hard words with no entry."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from kiosk.content.freshness import STALE_AFTER_DAYS, source_lines, to_check
from kiosk.content.loader import load, load_file
from tests.test_content import GOOD, write
from tests.test_glossary import GOOD as GLOSSARY
from tests.test_glossary import glossary_dir
from tests.test_glossary import write as write_glossary

TODAY = date(2026, 12, 7)
OLD_SOURCE = GOOD.replace('''      action: tap
''', '''      action: tap
    sources:
      - {url: "https://www.service-public.gouv.fr/x", title: "Une fiche (service-public.gouv.fr)", checked: 2026-05-01}
''')


def test_a_step_whose_sources_were_read_over_180_days_ago_is_a_warning_to_check(tmp_path: Path) -> None:
    procedure, problems = load_file(write(tmp_path, OLD_SOURCE), TODAY)
    assert procedure is not None  # a warning: the module still shows
    assert [(p.field, p.severity) for p in problems] == [("steps[0].sources", "warning")]
    assert f"last read on 2026-05-01, over {STALE_AFTER_DAYS} days ago" in problems[0].message
    _, fresh = load_file(write(tmp_path, OLD_SOURCE.replace("2026-05-01", "2026-06-10")), TODAY)
    assert fresh == []  # 180 days exactly: not yet


def test_content_sources_lists_each_module_and_step_page_with_its_date_and_marks_what_to_check(tmp_path) -> None:
    content = load([write(tmp_path, OLD_SOURCE)])
    lines = list(source_lines(content.procedures, TODAY))
    assert lines[0] == "sample (steps compared on 2026-11-01)"
    assert "  module  2026-11-01  Aide  https://messagerie.exemple.fr/aide" in lines
    assert ("  open  2026-05-01  Une fiche (service-public.gouv.fr)  https://www.service-public.gouv.fr/x"
            "  TO CHECK") in lines
    assert [(s.procedure.id, s.step.id) for s in to_check(content.procedures, TODAY)] == [("sample", "open")]
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\ncontent_dir = "{tmp_path}"\n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kiosk", "content", "sources", "--config", str(config)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Une fiche (service-public.gouv.fr)" in result.stdout and "TO CHECK" in result.stdout


def test_content_check_fails_on_a_listed_hard_word_with_no_glossary_entry(tmp_path: Path) -> None:
    write_glossary(glossary_dir(tmp_path), "fr.yaml", GLOSSARY)
    write(tmp_path, GOOD.replace("Touchez le bouton.", "Touchez le bouton. Prenez votre RIB."))
    result = subprocess.run([sys.executable, "-m", "kiosk", "content", "check", str(tmp_path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stdout
    assert "hard word 'RIB' has no entry in the fr glossary" in result.stdout
    assert result.stdout.strip().endswith("(1 hard words with no glossary entry)")
