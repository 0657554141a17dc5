"""The monkey: random touches and keys on the real kiosk find no crash, no trap, no leak (CI size)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def kiosk(*args: str, tmp_path: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``python -m kiosk ARGS`` headless, with its own Kivy home and no sound device."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(KIVY_HOME=str(tmp_path / "kivy"), SDL_AUDIODRIVER="dummy")
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


#: events in the CI run: about 35 s at 30 events/s, within the suite's 5 minutes (the full runs
#: are ``kiosk monkey --events 5000`` and ``50000``); PASSERELLE_MONKEY_EVENTS=150 for a quick look
EVENTS = int(os.environ.get("PASSERELLE_MONKEY_EVENTS", "1000"))


@pytest.mark.timeout(max(240, EVENTS))
def test_random_events_find_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = kiosk("monkey", "--events", str(EVENTS), "--seed", "14", "--data-dir", str(data), tmp_path=tmp_path,
                   timeout=max(230, EVENTS))
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert "found: nothing wrong" in result.stdout, result.stdout
    assert "Traceback" not in result.stderr
    # Kivy was set up before anything imported it: its console log is off (and frames are not paced).
    assert "[INFO" not in result.stderr, result.stderr[:2000]
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{EVENTS} events in ") and "events/s" in first, first
    # The monkey went places: more than the welcome screen, and its visits were recorded.
    screens = result.stdout.splitlines()[1]
    assert "catalogue" in screens and "language" in screens, screens
    if EVENTS >= 1000:  # (a quick look is too short for the rare staff key)
        # It set the staff PIN itself, so it opened staff mode now and then and touched staff screens too.
        assert "staff_panel" in screens, screens
        assert "staff mode opened 0 times" not in result.stdout, result.stdout
    assert any(data.rglob("*.json")), sorted(p.name for p in data.rglob("*"))


def test_a_finding_names_the_seed_and_event_to_replay(tmp_path: Path) -> None:
    """A kiosk that cannot leave a screen (idle reset broken) is reported with the replay line."""
    from dataclasses import replace

    from kiosk.config import KioskConfig
    from kiosk.ui import monkey as monkey_module

    config = replace(KioskConfig(), data_dir=tmp_path / "data")
    broken = monkey_module.Monkey.reset
    # A reset that does nothing stands for a kiosk whose idle reset is broken.
    monkey_module.Monkey.reset = lambda self: None  # type: ignore[method-assign]
    try:
        outcome = monkey_module.monkey(config, 80, seed=2, stuck_after=15, progress=False)
    finally:
        monkey_module.Monkey.reset = broken  # type: ignore[method-assign]
    assert outcome.failures, outcome.summary()
    assert "cannot leave" in outcome.failures[0] and "(replay: --seed 2 --events " in outcome.failures[0]


def test_bad_monkey_options_are_one_clear_line(tmp_path: Path) -> None:
    result = kiosk("monkey", "--events", "none", tmp_path=tmp_path, timeout=60)
    assert result.returncode == 2
    assert "--events: expected a whole number, got 'none'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_crash_is_reported_with_the_kiosk_line_it_came_from() -> None:
    from kiosk.content.model import Replica
    from kiosk.practice.model import PracticeState
    from kiosk.ui.monkey_outcome import where

    try:
        PracticeState("step", Replica.__new__(Replica)).reset()
    except Exception as exc:  # noqa: BLE001 - whatever the model raises on a broken replica
        found = where(exc)
    assert found.startswith(" at kiosk/practice/model.py:"), found


def _judge(samples: list[float], warmup: int = 500, every: int = 250):
    from kiosk.ui.monkey_outcome import MonkeyOutcome, check_memory

    outcome = MonkeyOutcome(seed=1, events=every * len(samples))
    outcome.rss = [(every * (i + 1), mib) for i, mib in enumerate(samples)]
    check_memory(outcome, warmup)
    return outcome


def test_memory_is_judged_on_its_low_points_not_on_a_passing_peak() -> None:
    # Level memory with a frame's passing buffers now and then (+60 MiB), the last sample among them.
    level = [400.0 + (60 if i % 7 == 3 else 0) for i in range(40)] + [460.0]
    outcome = _judge(level)
    assert outcome.memory_judged and not outcome.failures, outcome.summary()
    assert outcome.judged == (400.0, 400.0)
    # A leak raises the floor: 2 MiB every sample, 80 MiB by the end, whatever the peaks do.
    leaking = [400.0 + 2 * i + (60 if i % 7 == 3 else 0) for i in range(41)]
    outcome = _judge(leaking)
    assert outcome.failures, outcome.summary()
    assert "memory grew from 402 MiB (event 500) to 466 MiB" in outcome.failures[0], outcome.summary()
    assert "(replay: --seed 1 --events 10250)" in outcome.failures[0]
