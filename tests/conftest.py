"""Test set-up: a headless, private Kivy and a small kiosk configuration.

Kivy reads its environment at import, so it is set here, before any test
imports it: no display needed (SDL offscreen), no sound card (dummy audio), a
private KIVY_HOME, logs through Python logging, Escape never quits.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest

os.environ.setdefault("KIVY_HOME", tempfile.mkdtemp(prefix="passerelle-test-kivy-"))
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.pop("DISPLAY", None) if os.environ.get("CI") else None

from kiosk.config import KioskConfig  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
#: A smaller window than the real 1920x1080 panel (same physical size) keeps tests quick.
TEST_RESOLUTION = (1280, 720)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto``: three workers for two cores. A kiosk test waits for frames, subprocesses and
    files about a quarter of its time (1.5 cores busy out of 2 with two workers)."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # xdist reads it
    return max(1, len(os.sched_getaffinity(0)) * 3 // 2)


@pytest.fixture
def config(tmp_path: Path) -> KioskConfig:
    """The built-in defaults at test resolution, with a private data folder."""
    return replace(KioskConfig().with_resolution(*TEST_RESOLUTION), data_dir=tmp_path / "data")


@pytest.fixture(scope="session")
def shipped_content():
    """The bundled procedures, loaded once for the whole session."""
    from kiosk.content.loader import load

    content = load([ROOT / "content"])
    assert not content.errors, [str(p) for p in content.errors]
    return content


@pytest.fixture
def pilot(config: KioskConfig, shipped_content):
    """The real kiosk, running headless in this process, driven like a visitor would."""
    from kiosk.testing.pilot import Pilot

    with Pilot.run(config, content=shipped_content) as p:
        yield p
