"""``kiosk simulate`` makes visits through the real kiosk; ``kiosk report`` then counts them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def kiosk(*args: str, tmp_path: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(KIVY_HOME=str(tmp_path / "kivy"), SDL_AUDIODRIVER="dummy")
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


@pytest.mark.timeout(400)
def test_simulated_visits_and_learners_are_recorded_and_reported(tmp_path: Path) -> None:
    """Visits spread over past days, most handed over to two learners who do the self-checks."""
    data = tmp_path / "data"
    result = kiosk("simulate", "--sessions", "10", "--learners", "2", "--seed", "5", "--days", "5",
                   "--data-dir", str(data), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("10 visits recorded in "), result.stdout
    assert "stuck" not in result.stderr and "Traceback" not in result.stderr
    listed = kiosk("staff", "learner", "list", "--data-dir", str(data), tmp_path=tmp_path, timeout=60)
    codes = [line.split()[0] for line in listed.stdout.splitlines()]
    assert len(codes) == 2
    report = kiosk("report", "--data-dir", str(data), "--csv", str(tmp_path / "r.csv"), tmp_path=tmp_path)
    assert report.returncode == 0, report.stderr
    assert "10 visits" in report.stdout, report.stdout
    assert "Self-checks" in (tmp_path / "r.csv").read_text(encoding="utf-8")
    lines = report.stdout.splitlines()
    checks = lines[lines.index("Self-checks") + 3:]
    assert checks and checks[0].split()[-2].isdigit(), report.stdout  # a module, with its first-try rate
    grids = [kiosk("staff", "learner", "show", code, "--data-dir", str(data), tmp_path=tmp_path, timeout=60).stdout
             for code in codes]
    assert any(" 0 checked" not in grid.splitlines()[0] for grid in grids), [g.splitlines()[0] for g in grids]


@pytest.mark.parametrize("args, says", [
    (["--sessions", "0"], "--sessions: expected a number of at least 1, got 0"),
    (["--sessions", "many"], "--sessions: expected a whole number, got 'many'"),
    (["--sessions", "2", "--days", "-3"], "--days: expected a number of at least 1, got -3"),
])
def test_bad_input_is_one_clear_line(tmp_path: Path, args: list[str], says: str) -> None:
    result = kiosk("simulate", *args, "--data-dir", str(tmp_path / "data"), tmp_path=tmp_path, timeout=60)
    assert result.returncode == 2
    assert says in result.stderr and "Traceback" not in result.stderr
