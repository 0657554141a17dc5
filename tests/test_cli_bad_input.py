"""Bad input, everywhere: every command given a bad value, a path it cannot use, or Ctrl+C.

Each answers with one clear line on stderr (naming the option, file or
folder), a non-zero exit status, never a traceback, and leaves nothing
half-written.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def env_for(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(KIVY_HOME=str(tmp_path / "kivy"), SDL_AUDIODRIVER="dummy")
    return env


def kiosk(args: list[str], tmp_path: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True,
                          env=env_for(tmp_path), timeout=timeout, cwd=ROOT)


def said(stderr: str) -> list[str]:
    """What the kiosk said (Kivy's own start-up log lines, ``[INFO ] ...``, left out)."""
    return [line.strip() for line in stderr.splitlines() if line.strip() and not line.startswith("[")]


#: (arguments, a piece of the one line expected); ``{file}`` is a plain file, ``{missing}`` a path
#: that does not exist, ``{data}`` a data folder with visits in it
CASES = [
    (["run", "--lang", "xx"], "--lang: invalid choice: 'xx'"),
    (["run", "--config", "{missing}"], "cannot read the configuration"),
    (["run", "--config", "{folder}"], "cannot read the configuration"),
    (["run", "--profile", "pilot"], "--profile: invalid choice"),
    (["screenshot", "--screen", "nowhere", "--out", "x.png"], "--screen: invalid choice"),
    (["screenshot", "--screen", "welcome", "--out", "x.png", "--size", "10x10"], "at least 200x200"),
    (["screenshot", "--screen", "welcome", "--out", "x.png", "--step", "two"], "--step: invalid int value"),
    (["screenshot", "--screen", "welcome", "--out", "{file}/x.png"], "is a file, not a folder"),
    (["screenshot", "--screen", "welcome", "--out", "{missing}/x.png"], "does not exist"),
    (["audit", "--jobs", "many"], "--jobs: invalid int value"),
    (["audit", "--out", "{file}/sheets", "--fast"], "cannot create the folder"),
    (["content", "check", "{missing}"], "no such file or folder"),
    (["content", "list", "--config", "{missing}"], "cannot read the configuration"),
    (["content", "nothing"], "invalid choice: 'nothing'"),
    (["simulate", "--sessions", "0"], "--sessions: expected a number of at least 1, got 0"),
    (["simulate", "--sessions", "2", "--data-dir", "{file}/data"], "the data folder cannot be written"),
    (["report", "--data-dir", "{missing}"], "no such folder"),
    (["report", "--data-dir", "{data}", "--from", "2026-13-01"], "--from 2026-13-01: not a date"),
    (["report", "--data-dir", "{data}", "--csv", "{file}/r.csv"], "cannot write it"),
    (["report", "--data-dir", "{data}", "--html", "{folder}"], "cannot write it"),
    (["monkey", "--events", "-5"], "--events: expected a number of at least 1, got -5"),
    (["monkey", "--seed", "abc"], "--seed: invalid int value"),
    (["monkey", "--events", "3", "--data-dir", "{file}/data"], "the data folder cannot be written"),
    (["staff", "set-pin", "--pin-stdin", "--data-dir", "{data}"], "set-pin: a staff PIN is 4 to 12 digits"),
    (["staff", "learner", "new", "--data-dir", "{file}/data"], "cannot write the learner file"),
    (["staff", "learner", "delete"], "invalid choice: 'delete'"),
    (["say", "--lang", "xx", "Bonjour"], "--lang: invalid choice: 'xx'"),
    (["say", "--lang", "fr", "--out", "{missing}/x.wav", "Bonjour"], "does not exist"),
    (["say", "--lang", "fr", "--out", "{folder}", "Bonjour"], "is a folder"),
    (["nothing"], "invalid choice: 'nothing'"),
]


@pytest.mark.parametrize("args, says", CASES, ids=[" ".join(a) for a, _ in CASES])
def test_bad_input_is_one_clear_line_and_a_non_zero_exit(tmp_path: Path, args: list[str], says: str) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("not a folder\n", encoding="utf-8")
    data = tmp_path / "data"
    (data / "logbook").mkdir(parents=True)
    folder = tmp_path / "a-folder"
    folder.mkdir()
    places = {"file": str(plain), "missing": str(tmp_path / "missing"), "data": str(data), "folder": str(folder)}
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if "kivy" not in p.parts)
    result = kiosk([a.format(**places) for a in args], tmp_path)
    lines = said(result.stderr)
    assert result.returncode != 0, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert len(lines) == 1 and says in lines[0], lines
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if "kivy" not in p.parts)
    assert after == before  # nothing written, half or whole


def wait_for(proc: subprocess.Popen[str], folder: Path, timeout: float) -> None:
    """Wait until ``folder``'s logbook has a file (the visits are under way), at most ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if any(folder.glob("visits-*.json")):
            return
        time.sleep(0.2)
    raise AssertionError(f"nothing written in {folder} within {timeout} s")


@pytest.mark.timeout(400)
@pytest.mark.parametrize("command", [["simulate", "--sessions", "500"], ["monkey", "--events", "100000"]])
def test_ctrl_c_stops_with_one_line_and_leaves_whole_files(tmp_path: Path, command: list[str]) -> None:
    data = tmp_path / "data"
    proc = subprocess.Popen([sys.executable, "-m", "kiosk", *command, "--data-dir", str(data)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env_for(tmp_path),
                            cwd=ROOT)
    try:
        wait_for(proc, data, 300)
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
    lines = said(err)
    assert proc.returncode == 130, err[-2000:]
    assert "Traceback" not in err
    assert lines[-1] == f"kiosk: {command[0]}: interrupted; work finished before it is kept", lines
    from kiosk.logbook.startup import start_up

    found = start_up(data, 365, time.time())  # what the next start does: every file opens
    assert not found.problems and not found.set_aside, found
    assert not [p for p in data.rglob("*") if p.name.endswith((".tmp", ".part"))]
