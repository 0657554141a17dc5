"""The idle reset, on an injected clock: warn after the delay, reset after the countdown, a touch cancels."""

from __future__ import annotations

import pytest

from kiosk.idle import IdleState, IdleTimer

DELAY, WARNING = 180.0, 30.0


class Clock:
    """A clock that only moves when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def pass_(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def timer(clock: Clock) -> IdleTimer:
    return IdleTimer(DELAY, WARNING, now=clock)


def test_nothing_happens_before_the_delay(timer: IdleTimer, clock: Clock) -> None:
    clock.pass_(DELAY - 0.1)
    assert timer.tick() is None
    assert timer.state is IdleState.ACTIVE


def test_the_warning_comes_once_at_the_delay_then_the_visit_expires(timer: IdleTimer, clock: Clock) -> None:
    clock.pass_(DELAY)
    assert timer.tick() is IdleState.WARNING
    assert timer.tick() is None  # said once, not at every tick
    assert timer.seconds_left() == WARNING
    clock.pass_(WARNING - 0.5)
    assert timer.tick() is None and timer.state is IdleState.WARNING
    assert timer.seconds_left() == 1  # rounded up: the countdown never shows 0 while time is left
    clock.pass_(0.5)
    assert timer.tick() is IdleState.EXPIRED
    assert timer.seconds_left() == 0
    assert timer.tick() is None


def test_the_countdown_goes_down_a_second_at_a_time(timer: IdleTimer, clock: Clock) -> None:
    clock.pass_(DELAY)
    timer.tick()
    shown = []
    for _ in range(int(WARNING)):
        shown.append(timer.seconds_left())
        clock.pass_(1)
    assert shown == list(range(int(WARNING), 0, -1))


def test_a_touch_restarts_the_delay(timer: IdleTimer, clock: Clock) -> None:
    clock.pass_(DELAY - 1)
    assert timer.activity() is False  # no warning was on show
    clock.pass_(DELAY - 1)
    assert timer.tick() is None  # the delay counts from the touch, not from the start
    clock.pass_(1)
    assert timer.tick() is IdleState.WARNING


def test_a_touch_during_the_warning_cancels_it(timer: IdleTimer, clock: Clock) -> None:
    clock.pass_(DELAY + 5)
    assert timer.tick() is IdleState.WARNING
    assert timer.activity() is True  # it answered the warning
    assert timer.state is IdleState.ACTIVE
    clock.pass_(WARNING)  # the old countdown's end passes: nothing, the visit goes on
    assert timer.tick() is None
    clock.pass_(DELAY - WARNING)
    assert timer.tick() is IdleState.WARNING  # a full delay after the touch


def test_a_slow_tick_still_warns_before_it_resets(timer: IdleTimer, clock: Clock) -> None:
    # A frame held up past both deadlines: the visitor still gets the warning first.
    clock.pass_(DELAY + WARNING + 10)
    assert timer.tick() is IdleState.WARNING
    assert timer.tick() is IdleState.EXPIRED


def test_restart_after_a_reset_starts_a_fresh_delay(timer: IdleTimer, clock: Clock) -> None:
    clock.pass_(DELAY)
    timer.tick()
    clock.pass_(WARNING)
    assert timer.tick() is IdleState.EXPIRED
    timer.restart()
    assert timer.state is IdleState.ACTIVE
    clock.pass_(DELAY - 1)
    assert timer.tick() is None
    clock.pass_(1)
    assert timer.tick() is IdleState.WARNING
