"""Fixtures of the flow's stories: a :class:`~tests.flow.harness.Story` over real domain services. No Kivy."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from kiosk.config import KioskConfig
from kiosk.content.contentset import ContentSet
from kiosk.flow import Flow
from kiosk.idle import IdleTimer
from kiosk.services import Services
from kiosk.session import Visit
from kiosk.speech.engines import RecordingEngine
from kiosk.speech.queue import SpeechQueue
from kiosk.staff.desk import StaffDesk
from tests.flow.harness import WALL_OFFSET, FakeClock, MemoPrinter, MemorySaver, Story, WatchedRecorder

StoryMaker = Callable[..., Story]


@pytest.fixture
def make_story(config: KioskConfig, shipped_content: ContentSet) -> StoryMaker:
    """Builds a :class:`Story` over real services; keyword arguments change the configuration.

    ``staff=False``: a kiosk without staff mode (no staff desk); ``printer=False``: no memo printer;
    ``content``: another content set than the bundled one.
    """
    def make(*, staff: bool = True, printer: bool = True, content: ContentSet | None = None,
             **changes: Any) -> Story:
        cfg = replace(config, kiosk_id="kiosk-test", **changes)
        clock = FakeClock()
        engine = RecordingEngine()
        saver = MemorySaver()
        recorder = WatchedRecorder(saver, kiosk_id=cfg.kiosk_id, now=lambda: WALL_OFFSET + clock(), monotonic=clock)
        desk = StaffDesk(cfg.data_dir, cfg.kiosk_id, now=clock, wall=lambda: WALL_OFFSET + clock()) \
            if staff else None
        services = Services(config=cfg, content=content or shipped_content,
                            visit=Visit(default_language=cfg.default_language),
                            speech=SpeechQueue(engine), recorder=recorder, staff=desk)
        idle = IdleTimer(cfg.idle_delay_s, cfg.idle_warning_s, now=clock)
        memo = MemoPrinter(printer)
        flow = Flow(services, idle, now=clock, memo_ready=lambda: memo.ready)
        story = Story(flow=flow, services=services, clock=clock, engine=engine, saver=saver, printer=memo)
        story.announce()  # the kiosk starts on the welcome screen, which says itself
        return story

    return make


@pytest.fixture
def story(make_story: StoryMaker) -> Story:
    """A kiosk offering French, English and Arabic, with staff mode and a memo printer."""
    return make_story()
