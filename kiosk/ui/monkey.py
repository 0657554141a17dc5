"""``kiosk monkey``: random touches and keys on the real kiosk, headless, seeded, to find crashes.

A public kiosk is touched by hundreds of hands: fingers land on buttons and
between them, slide, rest, come in twos, and keyboards (or a keypad) get
Escape, Alt+F4, the staff key followed by a guessed PIN (or, when the monkey
set the PIN itself, sometimes the right one: then the staff screens get the
same random events), and keys that mean nothing. The monkey does all of that
through :class:`kiosk.ui.headless.Headless` (real touch and key events), on
whatever screens and replica kinds the kiosk has (found at run time, never
from a fixed list), from ``random.Random(seed)`` so that any finding can be
replayed.

It fails on:

- an uncaught exception: raised by an event, reported through Kivy's
  ``ExceptionManager``, ``sys.excepthook`` / ``threading.excepthook`` (the
  logbook writer, the content loader), or logged at ERROR level;
- a screen that cannot be left: after ``stuck_after`` events without the
  welcome screen, the idle reset (the idle clock moved past the delay and
  the warning) must bring the welcome screen back;
- Alt+F4 (a window-manager close) not refused in kiosk mode;
- memory growing without bound: resident memory sampled, the end compared
  with the sample taken after warm-up.

Every failure names the seed and the event number to replay it with.
"""

from __future__ import annotations

import logging
import random
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.config import KioskConfig
from kiosk.ui.monkey_outcome import MEMORY_MIN_WARMUP, MonkeyFailure, MonkeyOutcome, check_memory, rss_mib, where

#: how often each kind of event happens (relative weights)
EVENT_WEIGHTS = {
    "tap_target": 40, "tap_anywhere": 14, "slide": 7, "long_press": 3, "multi_touch": 5,
    "key": 18, "staff_key": 1, "wait": 3, "choose": 9,
}
#: keys a visitor may hit: the kiosk's own, keys mapped to nothing, letters and digits
KEY_POOL = ("escape", "enter", "tab", "up", "down", "left", "right", "backspace", "f1", "f2", "f3", "f4",
            "f5", "f6", "f7", "f8", "f9", "f10", "f12", "numpad0", "numpad2", "numpad5", "numpad8",
            "numpadmul", "numpaddivide", "numpadenter", "pageup", "home", "space", "a", "z", "7", "0", "é")
#: how often the staff key is followed by the right PIN, when the monkey knows it
STAFF_RIGHT_PIN = 0.3


class _Catcher(logging.Handler):
    """Collects exceptions from every channel a Kivy app can report them on."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.caught: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.caught.append(f"logged error: {record.getMessage()}")

    def handle_exception(self, inst: BaseException) -> int:
        """Kivy's ExceptionManager handler: record, then let the loop go on (the monkey fails at the end)."""
        from kivy.base import ExceptionManager

        self.caught.append(f"uncaught in the Kivy loop: {type(inst).__name__}: {inst}")
        return ExceptionManager.PASS

    def install(self) -> Callable[[], None]:
        """Hook every channel; return what undoes it."""
        from kivy.base import ExceptionManager

        loggers = [logging.getLogger(), logging.getLogger("kivy")]
        for logger in loggers:
            logger.addHandler(self)
        ExceptionManager.add_handler(self)
        old_sys, old_thread = sys.excepthook, threading.excepthook

        def on_sys(kind: type[BaseException], value: BaseException, tb: Any) -> None:
            self.caught.append(f"uncaught: {kind.__name__}: {value}")
            old_sys(kind, value, tb)

        def on_thread(args: threading.ExceptHookArgs) -> None:
            name = args.thread.name if args.thread else "?"
            self.caught.append(f"uncaught in thread {name}: {args.exc_type.__name__}: {args.exc_value}")
            old_thread(args)

        sys.excepthook, threading.excepthook = on_sys, on_thread

        def undo() -> None:
            for logger in loggers:
                logger.removeHandler(self)
            ExceptionManager.remove_handler(self)
            sys.excepthook, threading.excepthook = old_sys, old_thread

        return undo


class Monkey:
    """Random events on one running headless kiosk."""

    def __init__(self, kiosk: Any, rng: random.Random, outcome: MonkeyOutcome, pin: str | None = None) -> None:
        self.kiosk = kiosk
        self.rng = rng
        self.outcome = outcome
        #: the staff PIN if the monkey set it (then it sometimes opens staff mode as staff would)
        self.pin = pin
        #: whether the staff screens on show were opened with the right PIN
        self.staff_open = False

    # -- where fingers land --------------------------------------------------------
    def targets(self) -> list[Any]:
        """What a finger can activate on the visible screen or overlay (found now, not listed)."""
        from kiosk.ui.focus import actionable

        found = []
        for root in self.kiosk.visible_roots():
            found += actionable(root, self.kiosk.ui.style.rtl, pagers=True)
        return found

    def point(self) -> tuple[float, float]:
        """Anywhere in the window (between targets, on edges, in the staff corner)."""
        from kivy.core.window import Window

        return self.rng.uniform(0, Window.width - 1), self.rng.uniform(0, Window.height - 1)

    def target_point(self, widget: Any) -> tuple[float, float]:
        """A point inside ``widget``, not always its centre (fingers are imprecise)."""
        x, y = widget.to_window(*widget.center)
        return x + self.rng.uniform(-0.4, 0.4) * widget.width, y + self.rng.uniform(-0.4, 0.4) * widget.height

    # -- events --------------------------------------------------------------------
    def step(self) -> str:
        """One random event; returns its kind."""
        kind = self.rng.choices(list(EVENT_WEIGHTS), weights=list(EVENT_WEIGHTS.values()))[0]
        getattr(self, f"do_{kind}")()
        return kind

    def do_tap_target(self) -> None:
        targets = self.targets()
        if not targets:
            return self.do_tap_anywhere()
        self.kiosk.tap_at(*self.target_point(self.rng.choice(targets)))

    def do_tap_anywhere(self) -> None:
        self.kiosk.tap_at(*self.point())

    def do_choose(self) -> None:
        """A language or profile button if one is on show (so every one is visited), else a target."""
        names = [w for w in self.targets() if str(getattr(w, "name", "")).startswith(("language_", "profile_"))]
        if not names:
            return self.do_tap_target()
        widget = self.rng.choice(names)
        x, y = widget.to_window(*widget.center)
        self.kiosk.tap_at(x, y)

    def do_slide(self) -> None:
        self.kiosk.slide_at([self.point() for _ in range(self.rng.randint(2, 5))])

    def do_long_press(self) -> None:
        """A finger resting on the glass for a second (the kiosk's clock moves; frames run)."""
        from kiosk.ui.fingers import Finger

        targets = self.targets()
        x, y = self.target_point(self.rng.choice(targets)) if targets and self.rng.random() < 0.7 else self.point()
        finger = Finger(x, y)
        finger.down()
        self.kiosk.clock.offset += self.rng.uniform(0.8, 3.0)
        self.kiosk.wait(0.05)
        finger.up()
        self.kiosk.settle()

    def do_multi_touch(self) -> None:
        """Two or three fingers down together, lifted in another order."""
        from kiosk.ui.fingers import Finger

        fingers = [Finger(*self.point()) for _ in range(self.rng.randint(2, 3))]
        for finger in fingers:
            finger.down()
        self.kiosk.settle(1)
        self.rng.shuffle(fingers)
        for finger in fingers:
            finger.up()
        self.kiosk.settle()

    def do_key(self) -> None:
        """A key: the kiosk's, one mapped to nothing, or Alt+F4 (which the kiosk must refuse)."""
        from kivy.core.window import Window

        if self.rng.random() < 0.1:
            self.kiosk.press("f4", ["alt"])
            if not self.kiosk.app.windowed and not Window.dispatch("on_request_close"):
                raise MonkeyFailure("Alt+F4: the window-manager close was not refused in kiosk mode")
            return
        key = self.rng.choice(KEY_POOL)
        self.kiosk.press(key, ["shift"] if self.rng.random() < 0.05 else None)

    def do_staff_key(self) -> None:
        """The staff key (or the staff corner), then a PIN: guessed, or now and then the right one if known."""
        kiosk, config = self.kiosk, self.kiosk.services.config
        if self.rng.random() < 0.5:
            key = config.staff.entry_key
            kiosk.press(key.removeprefix("shift+"), ["shift"] if key.startswith("shift+") else None)
        else:
            from kivy.core.window import Window

            size = kiosk.ui.style.target / 2
            corner = config.staff.corner
            x = size if corner.endswith("left") else Window.width - size
            y = Window.height - size if corner.startswith("top") else size
            for _ in range(3):
                kiosk.tap_at(x, y)
            kiosk.settle()
        if kiosk.screen != "staff_pin":
            return
        if self.pin is not None and self.rng.random() < STAFF_RIGHT_PIN:
            locked = kiosk.services.staff.lockout.locked_for() > 0  # after five wrong PINs
            for _ in range(12):  # digits typed earlier on the pad (a key event) go first
                kiosk.press("backspace")
            for digit in self.pin:
                kiosk.press(digit)
            kiosk.press("enter")
            if locked:
                if kiosk.screen != "staff_pin":
                    raise MonkeyFailure(f"a PIN opened staff mode during the lockout ({kiosk.screen})")
                return
            if kiosk.screen != "staff_panel":
                raise MonkeyFailure(f"the right PIN did not open the staff panel ({kiosk.screen})")
            self.staff_open = True
            self.outcome.staff_entries += 1
            return
        for _ in range(self.rng.randint(1, 6)):
            kiosk.press(self.rng.choice("0123456789"))
        kiosk.press("enter")
        if kiosk.screen not in ("staff_pin",) and kiosk.screen.startswith("staff_"):
            raise MonkeyFailure(f"a guessed PIN opened staff mode ({kiosk.screen})")

    def check_staff(self) -> None:
        """Staff screens beyond the PIN pad only after the right PIN, in this stretch of staff mode."""
        kiosk = self.kiosk
        if not kiosk.ui.nav.in_staff:
            self.staff_open = False
        elif kiosk.screen != "staff_pin" and not self.staff_open:
            raise MonkeyFailure(f"staff mode reached without the PIN ({kiosk.screen})")

    def do_wait(self) -> None:
        """The visitor reads, or walks away mid-visit (the idle warning, sometimes the reset)."""
        config = self.kiosk.services.config
        if self.rng.random() < 0.5:
            self.kiosk.advance(self.rng.uniform(1, config.idle_delay_s * 0.9))
        else:
            self.reset()

    def reset(self) -> None:
        """Let the visitor walk away: staff mode times out, then the visit's idle delay and warning."""
        kiosk, config = self.kiosk, self.kiosk.services.config
        if kiosk.ui.nav.in_staff:
            kiosk.advance(config.staff.idle_s + 1)
        kiosk.advance(config.idle_delay_s + 1)
        kiosk.advance(config.idle_warning_s + 1)
        self.outcome.idle_resets += 1


def monkey(config: KioskConfig, events: int, *, seed: int, progress: bool | None = None,
           stuck_after: int = 150, sample_every: int = 250, warmup: int | None = None,
           draw_every: int = 20) -> MonkeyOutcome:
    """Run ``events`` random events on the real kiosk headless; raises :class:`MonkeyFailure` on a finding.

    Visits are recorded in ``config.data_dir`` as real ones would be. A staff
    PIN is set there if none is (a random one), so the PIN pad exists: the monkey
    guesses wrong ones and, now and then, types that one to reach the staff
    screens. A PIN already there is only guessed. Frames are drawn every
    ``draw_every`` events (layout runs after every one).
    """
    from tqdm import tqdm

    from kiosk.content.loader import load
    from kiosk.interrupt import deferred_interrupt
    from kiosk.speech.engines import RecordingEngine
    from kiosk.staff import pin as pins
    from kiosk.ui.headless import Headless

    rng = random.Random(seed)
    pin = None  # a PIN already in the data folder is not known: the monkey only guesses it
    if not pins.has_pin(config.data_dir):
        pin = "".join(random.SystemRandom().choice("123456789") for _ in range(10))
        pins.set_pin(config.data_dir, pin)
    content = load([config.content_dir])
    outcome = MonkeyOutcome(seed=seed)
    # Screens, fonts and replica kinds are built the first time they show: memory is judged
    # only after a warm-up long enough for that, and only on runs long enough to have one.
    warmup = warmup if warmup is not None else min(max(events // 4, MEMORY_MIN_WARMUP), 5000)
    catcher = _Catcher()
    Headless.prepare(config)  # before the catcher imports Kivy, or Kivy would pace frames at 60 a second
    undo = catcher.install()
    began = time.monotonic()
    number = 0
    try:
        # What is said is recorded (nothing is heard): the last thousand utterances are enough.
        with Headless.run(config, content=content, windowed=False, engine=RecordingEngine(keep=1000)) as kiosk:
            chimp = Monkey(kiosk, rng, outcome, pin)

            def exit_asked() -> None:
                outcome.exits_asked += 1

            kiosk.ui.nav.stop_kiosk = exit_asked  # staff's "Exit the kiosk" would end the run
            since_welcome = 0
            shown: set[str | None] = set()  # screens and overlays seen
            modules = len(sys.modules)
            bar = tqdm(total=events, desc="events", unit="ev", file=sys.stderr,
                       disable=None if progress is None else not progress)
            with bar, deferred_interrupt() as check_interrupt:
                for number in range(1, events + 1):
                    check_interrupt()
                    kiosk.draw = number % draw_every == 0
                    try:
                        kind = chimp.step()
                        chimp.check_staff()
                        if kiosk.screen == "welcome":
                            since_welcome = 0
                        else:
                            since_welcome += 1
                        if since_welcome >= stuck_after:
                            was = kiosk.screen
                            chimp.reset()
                            if kiosk.screen != "welcome" or kiosk.overlay is not None:
                                raise MonkeyFailure(f"cannot leave {was!r}: the idle reset left the kiosk on "
                                                    f"{kiosk.screen!r} (overlay {kiosk.overlay})")
                            since_welcome = 0
                    except MonkeyFailure:
                        raise
                    except Exception as exc:  # noqa: BLE001 - every crash is a finding, with where to replay it
                        raise MonkeyFailure(f"event {number}: {type(exc).__name__}: {exc}{where(exc)}") from exc
                    if catcher.caught:
                        raise MonkeyFailure(f"event {number}: {catcher.caught[0]}")
                    if not {kiosk.screen, kiosk.overlay} <= shown or len(sys.modules) != modules:
                        shown |= {kiosk.screen, kiosk.overlay}
                        modules = len(sys.modules)
                        outcome.last_first_time = number
                    outcome.kinds[kind] += 1
                    outcome.screens[kiosk.screen] += 1
                    outcome.languages.add(kiosk.services.visit.language)
                    outcome.profiles.update(kiosk.services.visit.profiles)
                    outcome.events = number
                    if number % sample_every == 0 or number in (warmup, events):
                        outcome.rss.append((number, rss_mib()))
                    bar.update(1)
            kiosk.draw = True
    except MonkeyFailure as exc:
        outcome.failures.append(f"{exc} (replay: --seed {seed} --events {number})")
    finally:
        undo()
        outcome.seconds = time.monotonic() - began
    if catcher.caught and not outcome.failures:
        outcome.failures.append(f"after the run: {catcher.caught[0]} (replay: --seed {seed} --events {number})")
    check_memory(outcome, warmup)
    return outcome


def default_data_dir() -> Path:
    """A fresh temporary data folder (the monkey's visits are not real ones)."""
    import tempfile

    return Path(tempfile.mkdtemp(prefix="kiosk-monkey-"))
