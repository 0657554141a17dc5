"""Faults while visits run, each in a subprocess, the outcome checked.

A kiosk on a cheap machine loses power, fills its disk, gets a broken content
file, loses its sound card or a font, is given a bad configuration, and its
clock jumps. Each test runs the real kiosk headless in a child process (visits
made by ``kiosk simulate``'s visitor), causes the fault, and checks what the
child reports (one JSON object per line) and what is left on disk.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: the child's start: a kiosk headless on its own data and content folders, visits, staff mode
PRELUDE = """
import json, random, subprocess, sys, time
from dataclasses import replace
from pathlib import Path
sys.path.insert(0, {root!r})
from kiosk.config import KioskConfig
from kiosk.content.loader import load
from kiosk.staff import pin as pins
from kiosk.ui import bootstrap
from kiosk.ui.headless import Headless
from kiosk.ui.simulate import Visitor, count_recorded

data, content_dir = Path(sys.argv[1]), Path(sys.argv[2])
config = replace(KioskConfig(), data_dir=data, content_dir=content_dir, idle_warning_s=20)
rng = random.Random(14)
PIN = "2468"
pins.set_pin(data, PIN)

def out(**fields):
    print(json.dumps(fields), flush=True)

def visits(kiosk, n):
    procedures = [p.id for p in kiosk.services.content.procedures]
    for _ in range(n):
        Visitor(kiosk, rng).visit(procedures)
        assert kiosk.screen == "welcome", kiosk.screen

def staff_page(kiosk, page):
    kiosk.press(config.staff.entry_key)
    for digit in PIN:
        kiosk.press(digit)
    kiosk.press("enter")
    assert kiosk.screen == "staff_panel", kiosk.screen
    if page != "staff_panel":
        kiosk.activate(page + "_button")
        assert kiosk.screen == page, kiosk.screen

def label(kiosk, name):
    widget = kiosk.find(name)
    return getattr(widget, "logical", None) or widget.text

def leave_staff(kiosk):
    kiosk.ui.nav.leave_staff()
    kiosk.settle()
"""


def child(script: str, tmp_path: Path, *, env: dict[str, str] | None = None, timeout: float = 400,
          content: Path | None = None) -> tuple[subprocess.CompletedProcess[str], list[dict[str, Any]]]:
    """Run ``PRELUDE + script`` in a fresh interpreter; return the process and its JSON lines."""
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    base = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    base.update(KIVY_HOME=str(tmp_path / "kivy"), SDL_AUDIODRIVER="dummy")
    base.update(env or {})
    code = PRELUDE.format(root=str(ROOT)) + script
    result = subprocess.run([sys.executable, "-c", code, str(data), str(content or ROOT / "content")],
                            capture_output=True, text=True, env=base, timeout=timeout)
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return result, lines


def recorded(data: Path) -> int:
    """Visit records in ``data``'s logbook (read as ``kiosk report`` reads them)."""
    from kiosk.ui.simulate import count_recorded

    return count_recorded(data)


def kiosk_command(*args: str, tmp_path: Path, timeout: float = 120) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(KIVY_HOME=str(tmp_path / "kivy"), SDL_AUDIODRIVER="dummy")
    return subprocess.Popen([sys.executable, "-m", "kiosk", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)


# -- power loss ---------------------------------------------------------------------------------


@pytest.mark.timeout(600)
def test_sigkill_during_visits_then_restart_keeps_every_saved_visit(tmp_path: Path) -> None:
    data = tmp_path / "data"
    proc = kiosk_command("simulate", "--sessions", "40", "--seed", "5", "--data-dir", str(data), tmp_path=tmp_path)
    deadline = time.monotonic() + 400
    before = 0
    try:
        while time.monotonic() < deadline and proc.poll() is None:  # wait for two visits on disk
            time.sleep(0.5)
            before = recorded(data) if data.exists() else 0
            if before >= 2:
                break
        assert before >= 2, "no visit was saved before the deadline"
    finally:
        proc.send_signal(signal.SIGKILL)  # the plug pulled, mid-visit
        proc.communicate(timeout=30)
    saved = recorded(data)
    assert saved >= before
    again = kiosk_command("simulate", "--sessions", "1", "--seed", "6", "--data-dir", str(data), tmp_path=tmp_path)
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err[-2000:]
    assert "Traceback" not in err and "set aside" not in err, err[-2000:]
    assert recorded(data) >= saved + 1  # every file opens; nothing saved before the kill is gone


# -- a read-only data folder, then a full disk ---------------------------------------------------


def can_mount(folder: Path) -> bool:
    """Whether a small tmpfs can be mounted here (root, Linux, a sandbox that allows it)."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    folder.mkdir(parents=True, exist_ok=True)
    ok = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)],
                        capture_output=True).returncode == 0
    return ok


DISK = """
def remount(mode):
    # The kernel refuses to make a tmpfs read-only while a file on it is open for writing
    # ("busy"): the kiosk keeps its day journal open, so that phase is reported as refused.
    return subprocess.run(["mount", "-o", "remount," + mode, str(data)], capture_output=True).returncode == 0

with Headless.run(config, content=load([content_dir])) as kiosk:
    kiosk.draw = False
    visits(kiosk, 2)
    assert kiosk.app.logbook.flush(30)
    out(phase="before", count=count_recorded(data), status=kiosk.app.logbook.status())
    if remount("ro"):
        visits(kiosk, 1)  # the visitor is served all the same
        kiosk.app.logbook.flush(10)
        staff_page(kiosk, "staff_today")
        out(phase="read-only", status=kiosk.app.logbook.status(), staff=label(kiosk, "staff_logbook_status"),
            count=count_recorded(data))
        leave_staff(kiosk)
        assert remount("rw")
    else:
        visits(kiosk, 1)  # no read-only phase: the same number of visits all the same
        out(phase="read-only", refused=True)
    filler = data / "filler"
    with open(filler, "wb") as f:  # the disk fills up
        try:
            while True:
                f.write(b"x" * 65536)
                f.flush()
        except OSError:
            pass
    visits(kiosk, 1)
    kiosk.app.logbook.flush(10)
    out(phase="full", status=kiosk.app.logbook.status())
    filler.unlink()  # space comes back
    out(phase="space", flushed=kiosk.app.logbook.flush(30), status=kiosk.app.logbook.status(),
        count=count_recorded(data))
"""


@pytest.mark.timeout(600)
def test_read_only_then_full_disk_serves_visitors_tells_staff_and_resumes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    if not can_mount(data):
        pytest.skip("no tmpfs mount here (needs root in a sandbox that allows mount)")
    try:
        result, lines = child(DISK, tmp_path)
    finally:
        subprocess.run(["umount", str(data)], capture_output=True)
    assert result.returncode == 0, result.stderr[-3000:]
    phases = {line["phase"]: line for line in lines}
    assert phases["before"]["count"] == 2 and phases["before"]["status"] == "ok"
    read_only = phases["read-only"]
    if not read_only.get("refused"):  # the kernel made the folder read-only under the running kiosk
        assert read_only["status"].startswith("waiting: "), read_only
        assert "waiting" in read_only["staff"], read_only  # staff see it on the Today page
        assert read_only["count"] == 2, read_only  # nothing earlier lost
    assert phases["full"]["status"].startswith("waiting: "), phases["full"]
    assert "space" in phases["full"]["status"].lower(), phases["full"]
    space = phases["space"]
    assert space["flushed"] and space["status"] == "ok", space
    assert space["count"] == 4, space  # recording resumed: the visits made meanwhile are all there


# -- a content file broken while the kiosk runs -------------------------------------------------


CONTENT = """
broken = content_dir / sys.argv[3]
with Headless.run(config, content=load([content_dir])) as kiosk:
    kiosk.draw = False
    before = sorted(p.id for p in kiosk.services.content.procedures)
    visits(kiosk, 1)
    broken.write_text("id: [this is not YAML\\n", encoding="utf-8")  # staff edit a file and break it
    staff_page(kiosk, "staff_panel")
    kiosk.activate("staff_reload_button")
    screen = kiosk.app.root.current_screen
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not kiosk.services.content.errors:
        kiosk.wait(0.2)
    kiosk.wait(0.5)
    after = sorted(p.id for p in kiosk.services.content.procedures)
    out(before=before, after=after, errors=[str(e) for e in kiosk.services.content.errors], status=screen.status)
    leave_staff(kiosk)
    visits(kiosk, 1)
    out(served=True, screen=kiosk.screen)
"""


@pytest.mark.timeout(600)
def test_a_content_file_broken_while_running_is_left_out_after_reload_with_a_clear_problem(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    broken = sorted(content.glob("*.yaml"))[0]
    data = tmp_path / "data"
    data.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(KIVY_HOME=str(tmp_path / "kivy"), SDL_AUDIODRIVER="dummy")
    result = subprocess.run([sys.executable, "-c", PRELUDE.format(root=str(ROOT)) + CONTENT, str(data), str(content),
                             broken.name], capture_output=True, text=True, env=env, timeout=500)
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert result.returncode == 0, result.stderr[-3000:]
    reload, served = lines
    assert len(reload["after"]) == len(reload["before"]) - 1, reload
    assert any(broken.name in error for error in reload["errors"]), reload
    assert broken.name in reload["status"], reload  # the staff panel names the file
    problems = (data / "content-problems.txt").read_text(encoding="utf-8")
    assert broken.name in problems
    assert served == {"served": True, "screen": "welcome"}


# -- no speech engine, no audio device, a missing font -------------------------------------------


HEALTH = """
import os
if os.environ.get("FAULT") == "font":
    sys.modules["fontpkg_noto_sans_arabic"] = None  # the Arabic font package is gone
if os.environ.get("FAULT") == "speech":
    sys.modules["pyttsx3"] = None  # the speech engine is gone
if os.environ.get("FAULT") == "diacritizer":
    sys.modules["text2tashkeel"] = None  # the Arabic model is gone: speech goes on, staff are told
bootstrap.prepare(config, windowed=True, headless=True)
from kiosk.speech.factory import make_engine
engine = make_engine("real")
with Headless.run(config, content=load([content_dir]), engine=engine) as kiosk:
    kiosk.draw = False
    visits(kiosk, 1)
    staff_page(kiosk, "staff_today")
    lines = [label(kiosk, "staff_speech_status")]
    try:
        lines.append(label(kiosk, "staff_fonts_missing"))
    except LookupError:
        pass
    out(reason=engine.reason, staff=lines)
"""


@pytest.mark.timeout(400)
@pytest.mark.parametrize("fault, env, says", [
    ("speech", {}, "espeak-ng"),
    ("audio", {"SDL_AUDIODRIVER": "no-such-device"}, "no audio output"),
    ("font", {}, "Noto Sans Arabic"),
    ("diacritizer", {}, "l'arabe est lu sans ses voyelles"),
])
def test_the_kiosk_runs_without_speech_audio_or_a_font_and_staff_see_what_is_missing(
        tmp_path: Path, fault: str, env: dict[str, str], says: str) -> None:
    result, lines = child(HEALTH, tmp_path, env={"FAULT": fault, **env})
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    (report,) = lines
    assert any(says in line for line in report["staff"]), report


# -- a bad configuration -----------------------------------------------------------------------


@pytest.mark.parametrize("command", [["run"], ["simulate", "--sessions", "1"], ["monkey", "--events", "5"]])
def test_a_bad_configuration_is_one_line_exit_2_and_nothing_written(tmp_path: Path, command: list[str]) -> None:
    bad = tmp_path / "kiosk.toml"
    bad.write_text("[kiosk]\nidle_delay_s = \"soon\"\n", encoding="utf-8")
    data = tmp_path / "data"
    proc = kiosk_command(*command, "--config", str(bad), "--data-dir", str(data), tmp_path=tmp_path)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 2, err
    lines = [line for line in err.splitlines() if not line.startswith("[")]
    assert len(lines) == 1 and str(bad) in lines[0] and "idle_delay_s" in lines[0], err
    assert not data.exists()


# -- the clock jumps during a visit ---------------------------------------------------------------


CLOCK = """
wall = {"offset": 0.0}
with Headless.run(config, content=load([content_dir]), wall=lambda: time.time() + wall["offset"]) as kiosk:
    kiosk.draw = False
    procedure = kiosk.services.content.procedures[0]
    kiosk.start_visit("fr")
    kiosk.open_procedure(procedure.id)
    wall["offset"] = -3600.0  # the clock goes back an hour (a time server corrects it)
    kiosk.activate("help_button")
    kiosk.press("escape")
    kiosk.go_to_step(min(2, len(procedure.steps)))
    wall["offset"] = 86400.0  # and forward a day
    kiosk.end_visit()
    visits(kiosk, 1)
    assert kiosk.app.logbook.flush(30)
out(done=True)
"""


@pytest.mark.timeout(400)
def test_clock_jumps_during_a_visit_keep_records_ordered_and_durations_positive(tmp_path: Path) -> None:
    result, lines = child(CLOCK, tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert lines == [{"done": True}]
    from kiosk.logbook.stats import load_records

    records = load_records([tmp_path / "data"])
    assert len(records) == 2
    for record in records:
        assert record["end"] is not None and record["start"] <= record["end"], record  # ordered
        assert all(value >= 0 for value in numbers(record)), record  # no negative duration


def numbers(value: Any, key: str = "") -> list[float]:
    """Every duration in a record (keys with ``seconds`` or ``duration``), however deep."""
    if isinstance(value, dict):
        return [n for k, v in value.items() for n in numbers(v, k)]
    if isinstance(value, list):
        return [n for v in value for n in numbers(v, key)]
    if isinstance(value, (int, float)) and not isinstance(value, bool) and ("seconds" in key or "duration" in key):
        return [value]
    return []
