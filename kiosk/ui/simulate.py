"""``kiosk simulate``: many visits through the real kiosk, headless, recorded like real ones.

Each simulated visitor touches the screen as a person would (through
:class:`kiosk.ui.headless.Headless`'s taps and keys): a language, sometimes a
profile, one or two procedures, the practice pages with a wrong touch now and
then, Help and Repeat, and then they finish, go back and leave, or walk away
(the idle reset). Nothing is written by this module: the kiosk's own logbook
records each visit through the same path as a real one. Visits are spread
over the last ``days`` days, in opening hours, by moving the kiosk's clocks,
so reports over the result look like a real history. Used for demonstrations,
reports and the soak test.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.config import KioskConfig
from kiosk.ui.headless import VisitorStuck

#: how visitors share the languages (the first configured language is the most common)
LANGUAGE_WEIGHTS = (0.6, 0.15, 0.25)
#: profiles a visitor may switch on at the welcome screen
PROFILES = ("low_vision", "blind", "seated", "easy")
#: opening hours of the digital space, local time
OPENING = (9, 18)


@dataclass
class SimulationOutcome:
    """What a simulation did: visits made and how they ended."""

    visits: int = 0
    finished: int = 0
    left: int = 0
    idle: int = 0
    seconds: float = 0.0
    #: visits where the simulated visitor could not do what they meant to (with the seed to replay)
    stuck: list[str] = field(default_factory=list)


class WallClock:
    """The logbook's wall clock during a simulation: a chosen start, then the kiosk's own time."""

    def __init__(self, monotonic: Callable[[], float]) -> None:
        self.monotonic = monotonic
        self.base_wall = time.time()
        self.base_mono = 0.0

    def start_at(self, wall: float) -> None:
        """The visit about to begin starts at ``wall`` (seconds since the epoch)."""
        self.base_wall, self.base_mono = wall, self.monotonic()

    def __call__(self) -> float:
        return self.base_wall + (self.monotonic() - self.base_mono)


def start_times(rng: random.Random, sessions: int, days: int, today: datetime) -> list[float]:
    """``sessions`` visit start times over the last ``days`` days (today included), in opening hours, in order."""
    first = (today - timedelta(days=max(days, 1) - 1)).replace(hour=0, minute=0, second=0, microsecond=0)
    times = []
    for _ in range(sessions):
        day = first + timedelta(days=rng.randrange(max(days, 1)))
        moment = day + timedelta(hours=rng.uniform(*OPENING))
        times.append(min(moment, today).timestamp())
    return sorted(times)


class Visitor:
    """One simulated visitor's choices, drawn from a seeded random generator."""

    def __init__(self, kiosk: Any, rng: random.Random, learners: list[str] | None = None) -> None:
        self.kiosk = kiosk
        self.rng = rng
        #: learner codes staff hand visits over to (``kiosk simulate --learners N``)
        self.learners = learners or []

    def think(self, low: float = 8.0, high: float = 75.0) -> None:
        """Time passes while the visitor reads (below the idle delay: they are still there)."""
        limit = self.kiosk.services.config.idle_delay_s * 0.8
        self.kiosk.clock.offset += min(self.rng.uniform(low, high), limit)

    def visit(self, procedures: list[str]) -> str:
        """One whole visit; returns how it ended (finished, left or idle)."""
        kiosk, rng = self.kiosk, self.rng
        languages = kiosk.services.config.languages
        if rng.random() < 0.2:
            kiosk.toggle_profile(rng.choice(PROFILES))
        lang = rng.choices(languages, weights=LANGUAGE_WEIGHTS[:len(languages)] or None)[0]
        learner = rng.choice(self.learners) if self.learners and rng.random() < 0.7 else None
        path: tuple[str, ...] = ()
        if learner is not None:  # staff hand the kiosk over to a learner they follow
            from kiosk.flow import Launch

            diagnostic = kiosk.ui.nav.flow.diagnostic is not None and rng.random() < 0.3
            kiosk.ui.nav.hand_over(Launch(language=lang, learner=learner, diagnostic=diagnostic))
            kiosk.settle()
            path = self.diagnose() if diagnostic else ()
        else:
            kiosk.start_visit(lang)
        for round_ in range(2):
            self.think(3, 20)
            if round_ == 0 and path:
                kiosk.activate(f"path_{path[0]}")  # the path's first module, from the end of the diagnostic
            else:
                kiosk.open_procedure(rng.choice(procedures))
            ending = self.walk()
            if ending != "finished":
                return ending
            if learner is not None and kiosk.ui.nav.procedure.checks and rng.random() < 0.7:
                self.check()
                if kiosk.screen == "selfcheck_done":
                    kiosk.activate("end_button")  # "End the visit", from what they showed
                    return "finished"
            if round_ == 0 and rng.random() < 0.25:
                kiosk.activate("again_button")  # one more procedure
                continue
            break
        if rng.random() < 0.8:
            kiosk.end_visit()  # "I have finished"
            return "finished"
        return self.walk_away()

    def walk(self) -> str:
        """Through the open procedure's steps; ``finished`` at its end, else how the visitor left."""
        kiosk, rng = self.kiosk, self.rng
        steps = kiosk.ui.nav.procedure.steps
        gives_up_at = rng.randrange(len(steps)) if rng.random() < 0.35 else None
        for index, step in enumerate(steps):
            self.think()
            if rng.random() < 0.08:
                kiosk.activate("help_button")
                self.think(5, 20)
                kiosk.press("escape")  # Back closes Help
            if rng.random() < 0.08:
                kiosk.activate("repeat_button")
            if index == gives_up_at:
                return self.walk_away() if rng.random() < 0.6 else self.go_back_and_leave()
            self.read_pages()
            if step.replica is not None:
                self.practise(step.replica)
            else:
                kiosk.activate("next_button")
        return "finished"

    def check(self) -> None:
        """The module's self-checks: now and then a wrong move ("not yet") or a task left, else the right moves."""
        kiosk, rng = self.kiosk, self.rng
        kiosk.activate("selfcheck_button")
        while kiosk.screen == "selfcheck":
            task = kiosk.ui.nav.flow.check
            self.think(5, 30)
            if rng.random() < 0.1:
                kiosk.activate("skip_button")
                continue
            if rng.random() < 0.3:
                kiosk.activate("practice_banner")  # the page, not the answer: "not yet"
            for name in right_moves(task.replica, kiosk.services.visit.language):
                kiosk.activate(name)

    def diagnose(self) -> tuple[str, ...]:
        """"Where do I start?": right moves mostly; now and then two wrong ones or "I don't know" (hard)."""
        kiosk, rng = self.kiosk, self.rng
        while kiosk.screen == "diagnostic":
            task = kiosk.ui.nav.flow.check
            self.think(5, 30)
            roll = rng.random()
            if roll < 0.12:
                kiosk.activate("skip_button")
            elif roll < 0.25:
                kiosk.activate("practice_banner")  # not yet...
                kiosk.activate("practice_banner")  # ...and again: on to the next task
            else:
                for name in right_moves(task.replica, kiosk.services.visit.language):
                    kiosk.activate(name)
        return kiosk.services.visit.diagnostic_path

    def read_pages(self) -> None:
        """The easy profile shows a step page by page: Next up to its last page (its practice)."""
        kiosk = self.kiosk
        screen = kiosk.app.root.current_screen
        for _ in range(len(screen.pages()) if screen.easy else 0):
            if screen.page_index + 1 >= len(screen.pages()):
                break
            kiosk.activate("next_button")

    def practise(self, replica: Any) -> None:
        """A wrong touch now and then, then what the step asks (the example values, never real ones)."""
        kiosk, rng = self.kiosk, self.rng
        if rng.random() < 0.3:
            kiosk.activate("practice_banner")  # the page, not the target: a hint and a mistake
        for name in right_moves(replica, kiosk.services.visit.language):
            kiosk.activate(name)

    def walk_away(self) -> str:
        """The visitor leaves the kiosk: the idle warning, then the privacy reset (on any screen)."""
        kiosk, config = self.kiosk, self.kiosk.services.config
        kiosk.advance(config.idle_delay_s + 1)
        kiosk.advance(config.idle_warning_s + 1)
        if kiosk.screen != "welcome":
            raise VisitorStuck(f"the idle reset did not bring the welcome screen back (on {kiosk.screen!r})")
        return "idle"

    def go_back_and_leave(self) -> str:
        """Back to the welcome screen by the Back button; the next visit closes this one as left."""
        kiosk = self.kiosk
        for _ in range(60):
            if kiosk.screen == "welcome":
                return "left"
            kiosk.activate("back_button")
        return self.walk_away()


def right_moves(replica: Any, lang: str) -> list[str]:
    """The widgets to use, in order, to do what a practice page asks (example values, never real ones).

    A tap target is touched; a keypad gets the example code's digits then OK; a field
    or a sheet cell is chosen, gets its example (or one letter) and OK.
    """
    from kiosk.practice.model import digits

    target = replica.element(replica.target)
    if replica.action == "tap":
        return [f"replica_{target.id}"]
    if replica.action == "order":
        return [f"replica_{card}" for card in replica.order]
    if target.kind == "keypad":
        return [f"keypad_{target.id}_{d}" for d in digits(target.example.get(lang))] + [f"keypad_{target.id}_ok"]
    return [f"replica_{target.id}", f"example_{target.id}" if target.example is not None else "key_a", "key_ok"]


def simulate(config: KioskConfig, sessions: int, *, seed: int | None = None, days: int = 1,
             progress: bool | None = None, today: datetime | None = None,
             on_visit: Callable[[int, Any], None] | None = None, learners: int = 0) -> SimulationOutcome:
    """Make ``sessions`` visits through the real kiosk headless; they are recorded in ``config.data_dir``.

    ``on_visit(number, kiosk)``, if given, runs after each visit (the soak benchmark samples memory there).
    ``learners``: that many learner codes are made, and most visits are handed over to one of them by
    staff; some start with "Where do I start?" and follow its path; they do the self-checks at a
    module's end, so the skills grid, the attestation and the report have data.
    """
    from tqdm import tqdm

    from kiosk.content.loader import load
    from kiosk.interrupt import deferred_interrupt
    from kiosk.speech.engines import RecordingEngine
    from kiosk.ui.headless import Headless

    rng = random.Random(seed)
    content = load([config.content_dir])
    procedures = [p.id for p in content.procedures]
    if not procedures:
        raise ValueError(f"{config.content_dir}: no procedure to visit")
    # No idle warning longer than needed: the simulated visitor who walks away is not waited for.
    config = replace(config, idle_warning_s=max(20, min(config.idle_warning_s, 30)))
    times = start_times(rng, sessions, days, today or datetime.now())
    outcome = SimulationOutcome()
    began = time.monotonic()
    holder: dict[str, WallClock] = {}
    # What is said is recorded, not heard: the last thousand utterances are enough for a soak.
    with Headless.run(config, content=content, wall=lambda: holder["wall"](),
                      engine=RecordingEngine(keep=1000)) as kiosk:
        holder["wall"] = WallClock(kiosk.clock)
        kiosk.draw = False  # the logbook opened with the first frame; nobody looks at the pixels
        codes: list[str] = []
        if learners:
            from kiosk.staff.learners import Learners

            book = Learners(config.data_dir)
            codes = [book.create().code for _ in range(learners)]
        visitor = Visitor(kiosk, rng, codes)
        bar = tqdm(total=sessions, desc="visits", unit="visit", file=sys.stderr,
                   disable=None if progress is None else not progress)
        with bar, deferred_interrupt() as check_interrupt:
            for number, start in enumerate(times, 1):
                check_interrupt()
                holder["wall"].start_at(start)
                try:
                    ending = visitor.visit(procedures)
                except (VisitorStuck, LookupError) as exc:
                    # A visitor who cannot go on is a finding, not a crash: say where, let the
                    # idle reset end the visit as it would for a person, and go on.
                    outcome.stuck.append(f"visit {number} (seed {seed}): {exc}")
                    ending = visitor.walk_away() if kiosk.screen != "welcome" else "left"
                setattr(outcome, ending, getattr(outcome, ending) + 1)
                outcome.visits += 1
                if on_visit is not None:
                    on_visit(number, kiosk)
                bar.update(1)
        app = kiosk.app
        # The last visit that went back to the welcome screen is closed as "left" when the kiosk stops.
    if app.logbook is not None and app.logbook.problems:
        for problem in app.logbook.problems:
            print(f"kiosk: logbook: {problem}", file=sys.stderr)
    outcome.seconds = time.monotonic() - began
    return outcome


def count_recorded(data_dir: Path) -> int:
    """Visit records in the data folder's logbook."""
    from kiosk.logbook.stats import load

    return len(load([data_dir], progress=False))
