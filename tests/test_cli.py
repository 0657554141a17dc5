"""The kiosk as an installed command: it starts, stays up, and refuses to be quit."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


def test_kiosk_run_starts_headless_with_real_speech_and_keeps_running(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(SDL_AUDIODRIVER="disk", SDL_DISKAUDIOFILE=str(tmp_path / "audio.raw"),
               KIVY_HOME=str(tmp_path / "kivy"))
    proc = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--data-dir", str(tmp_path / "data")],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(6)
        assert proc.poll() is None, proc.stderr.read()  # still running: nothing made it quit
        proc.terminate()  # no quit for visitors, but the system (a shutdown, a service manager) stops it
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "running offscreen" in err
    assert "Traceback" not in err
    assert (tmp_path / "data").is_dir()
    # The welcome screen announced itself through the real engine: sound reached the device.
    audio = (tmp_path / "audio.raw").read_bytes()
    assert any(audio[i] for i in range(0, len(audio), 97)), "no sound came out"


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


def test_kiosk_audit_fast_prints_violations_then_a_summary_and_writes_sheets(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "kiosk", "audit", "--fast", "--lang", "en",
                             "--out", str(tmp_path / "sheets")], capture_output=True, text=True, timeout=300,
                            env={**os.environ, "KIVY_HOME": str(tmp_path / "kivy")})
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "120 screens checked, 0 violations", result.stdout[-2000:] + result.stderr[-2000:]
    assert result.returncode == 0
    assert (tmp_path / "sheets" / "contact-en.png").stat().st_size > 10_000
