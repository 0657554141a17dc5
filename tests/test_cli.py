"""The kiosk as an installed command: it starts, stays up, and refuses to be quit."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.testing.waiting import wait_until


def test_kiosk_run_starts_headless_with_real_speech_and_keeps_running(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(SDL_AUDIODRIVER="disk", SDL_DISKAUDIOFILE=str(tmp_path / "audio.raw"),
               KIVY_HOME=str(tmp_path / "kivy"))
    audio, log = tmp_path / "audio.raw", tmp_path / "stderr.txt"

    def sound_came_out() -> bool:  # SDL's disk driver writes silence as zeros: a non-zero byte is speech
        data = audio.read_bytes() if audio.exists() else b""
        return any(data[i] for i in range(0, len(data), 97))

    with log.open("w", encoding="utf-8") as err_file:
        proc = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--data-dir", str(tmp_path / "data")],
                                env=env, stdout=subprocess.DEVNULL, stderr=err_file, text=True)
        try:
            # The welcome screen announces itself through the real engine once it is drawn: wait for its
            # sound to reach the device (or for the kiosk to die), then check it is still running.
            wait_until(lambda: sound_came_out() or proc.poll() is not None, timeout=60, interval=0.1,
                       message="the welcome announcement's sound")
            assert proc.poll() is None, log.read_text(encoding="utf-8")  # still running: nothing made it quit
            assert sound_came_out(), "no sound came out"
            proc.terminate()  # no quit for visitors, but the system (a shutdown, a service manager) stops it
            proc.wait(timeout=20)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    err = log.read_text(encoding="utf-8")
    assert proc.returncode == 0, err
    assert "running offscreen" in err
    assert "Traceback" not in err
    assert (tmp_path / "data").is_dir()


def test_a_reach_band_too_small_for_the_seated_profile_stops_start_up(tmp_path: Path) -> None:
    from kiosk.cli import main

    config = tmp_path / "kiosk.toml"
    config.write_text("[screen]\nbottom_edge_mm = 1050\n")
    for command in ("run", "audit"):
        result = subprocess.run([sys.executable, "-m", "kiosk", command, "--config", str(config)],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 2, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"kiosk: {config}: screen.bottom_edge_mm = 1050")
        assert "screen.height_mm" in lines[0] and "screen.obstacle" in lines[0]
    assert main(["audit", "--config", str(tmp_path / "missing.toml")]) == 2


def fast_audit_screens(content) -> int:
    """How many screens ``kiosk audit --fast --lang ar`` checks, worked out from the content and themes.

    One language; 100 % and 200 %; each theme, the seated and the easy profile. At
    each setting: welcome, language, catalogue, help, a glossary word's
    explanation, idle warning, every step of the first procedure (in the easy
    profile, every page of it), finished, its first self-check task and their
    end, the diagnostic's first and order tasks and its path, the staff screens.
    """
    from kiosk.access.themes import THEMES
    from kiosk.content.easy import easy_pages
    from kiosk.ui.audit import settings
    from kiosk.ui.audit.runner import STAFF_SCREENS

    procedure = content.procedures[0]
    more_pages = sum(len(easy_pages(procedure, i, "ar")) - 1 for i in range(len(procedure.steps)))
    checks = 2 if procedure.checks else 0  # the first task's page and the end
    diagnostic = 3 if content.skills.diagnostic else 0  # its first task, its order task and its path
    return sum(6 + len(procedure.steps) + 1 + checks + diagnostic + len(STAFF_SCREENS) + (more_pages if s.easy else 0)
               for s in settings(["ar"], list(THEMES), fast=True))


@pytest.mark.timeout(400)  # the fast audit of one language: about 300 screens, in two processes
def test_kiosk_audit_fast_prints_violations_then_a_summary_and_writes_sheets(tmp_path: Path,
                                                                              shipped_content) -> None:
    """The suite's fast audit: Arabic, right to left, every theme, size and profile on the first module.

    French and Arabic have every step of every module at 200 % (tests/test_audit.py); English,
    the shortest, is left to ``kiosk audit``.
    """
    result = subprocess.run([sys.executable, "-m", "kiosk", "audit", "--fast", "--lang", "ar",
                             "--out", str(tmp_path / "sheets")], capture_output=True, text=True, timeout=300,
                            env={**os.environ, "KIVY_HOME": str(tmp_path / "kivy")})
    lines = result.stdout.strip().splitlines()
    expected = f"{fast_audit_screens(shipped_content)} screens checked, 0 violations"
    assert lines[-1] == expected, result.stdout[-2000:] + result.stderr[-2000:]
    assert result.returncode == 0
    sheet = tmp_path / "sheets" / "contact-ar.png"
    header = sheet.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    assert width > 8 * 320 and height > 8 * 180  # a thumbnail of each screen, in each setting
