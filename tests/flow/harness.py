"""The visit flow told as stories, without a window: real domain services, a fake clock.

:class:`Story` drives a :class:`kiosk.flow.Flow` the way the app does (commands
in, effects out) and carries out the domain's effects with the real
:func:`kiosk.flow.carry_out`: a real speech queue over a recording engine, a
real logbook recorder keeping its records in memory, a real staff desk in a
private folder, and a memo printer that notes what it was asked to print.
The screen's effects are kept in :attr:`Story.screen_effects`.

The real screens announce themselves when shown (``KioskScreen.announce``):
a small stand-in here does the same through the speech queue (``announce_*``
strings, a step's progress line and title), so Repeat, the warning's "still
here" and speech on and off can be heard. Imports no Kivy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pytest

import kiosk.flow.effects as fx
from kiosk.flow import Flow, carry_out
from kiosk.i18n import t
from kiosk.logbook import events as ev
from kiosk.logbook.recorder import Recorder
from kiosk.services import Services
from kiosk.session import Visit
from kiosk.speech.engines import RecordingEngine

E = TypeVar("E", bound=fx.Effect)

#: the app's clock tick (kiosk.ui.app.IDLE_TICK_S)
TICK_S = 0.25
#: the wall clock's offset over the fake monotonic clock (a date in 2023, for the records' dates)
WALL_OFFSET = 1_700_000_000.0


class FakeClock:
    """A clock that only moves when the story says so (a mutable float)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


class MemorySaver:
    """The logbook's writer, in memory: every save, as stored (plain JSON)."""

    def __init__(self) -> None:
        self.saves: list[dict[str, Any]] = []

    def save(self, record: dict[str, Any], wait: bool = False, timeout: float | None = None) -> str:
        self.saves.append(json.loads(json.dumps(record)))
        return str(record["id"])

    def latest(self) -> dict[str, dict[str, Any]]:
        """The newest save of each visit, by visit id, in the order the visits started."""
        out: dict[str, dict[str, Any]] = {}
        for record in self.saves:
            out[record["id"]] = record
        return out


class MemoPrinter:
    """The memo printer: whether it is found, and what it was asked to print."""

    def __init__(self, ready: bool) -> None:
        self.ready = ready
        #: (procedure id, language) of each memo asked for
        self.printed: list[tuple[str, str]] = []

    def __call__(self, procedure_id: str, lang: str) -> None:
        self.printed.append((procedure_id, lang))


class WatchedRecorder(Recorder):
    """The real recorder, which also keeps every event it was handed (to read their order)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.handled: list[ev.Event] = []

    def handle(self, event: ev.Event) -> None:
        self.handled.append(event)
        super().handle(event)


@dataclass
class Story:
    """One visitor's (or staff member's) story, told to a :class:`Flow` (see the module's docstring)."""

    flow: Flow
    services: Services
    clock: FakeClock
    engine: RecordingEngine
    saver: MemorySaver
    printer: MemoPrinter
    #: the screen's effects (Show, OpenOverlay, ...), in order
    screen_effects: list[fx.Effect] = field(default_factory=list)
    #: flow commands a Later effect asked for, waiting for :meth:`run_later`
    pending: list[str] = field(default_factory=list)
    #: whether the stand-in screens announce themselves when shown
    announcing: bool = True

    # -- telling the story ----------------------------------------------------------------
    def do(self, effects: list[fx.Effect]) -> list[fx.Effect]:
        """Carry out a command's effects, in order, as the navigator does; returns them."""
        for effect in effects:
            if carry_out(effect, self.services, self.printer):
                continue
            self.screen_effects.append(effect)
            if isinstance(effect, fx.Later):
                self.pending.append(effect.command)
            elif isinstance(effect, fx.Show | fx.AnnounceScreen) and self.announcing:
                self.announce()
        return effects

    def go(self, command: str, *args: Any, **kwargs: Any) -> list[fx.Effect]:
        """Run flow command ``command`` and carry out its effects."""
        return self.do(getattr(self.flow, command)(*args, **kwargs))

    def key(self, action: str) -> list[fx.Effect]:
        """A key with a flow action, as the app feeds it: key down, then its action (unless swallowed)."""
        effects = self.do(self.flow.key_down())
        if fx.Swallow() in effects:
            return effects
        return effects + self.do(self.flow.key_action(action))

    def tap(self, *, corner: bool = False, on_item: bool = True) -> list[fx.Effect]:
        """A finger comes down (in the staff corner or not, on an item or on the background)."""
        return self.do(self.flow.touch(in_staff_corner=corner, on_item=lambda: on_item))

    def run_later(self) -> list[fx.Effect]:
        """Run the commands Later effects asked for (the next frame, in the app)."""
        out: list[fx.Effect] = []
        while self.pending:
            out += self.go(self.pending.pop(0))
        return out

    def advance(self, seconds: float) -> list[fx.Effect]:
        """Let ``seconds`` pass, the clock ticking every 0.25 s as the app's does; every tick's effects."""
        out: list[fx.Effect] = []
        end = self.clock.now + seconds
        while self.clock.now + TICK_S <= end + 1e-9:
            self.clock.now += TICK_S
            out += self.do(self.flow.tick())
        self.clock.now = end
        return out

    def start(self, lang: str = "en") -> None:
        """Start a visit and choose ``lang`` (the catalogue then shows)."""
        self.go("start_visit")
        self.go("choose_language", lang)

    def to_step(self, procedure_id: str, n: int, lang: str = "en") -> None:
        """A visit in ``lang`` on step ``n`` (from 1) of ``procedure_id``, walked there with Next."""
        self.start(lang)
        self.go("open_procedure", procedure_id)
        for _ in range(n - 1):
            self.go("next_step")

    def to_screen(self, name: str, lang: str = "en", procedure_id: str = "email") -> None:
        """The visitor's way to visitor screen ``name`` (the walkthrough: step 2; finished: after the last)."""
        if name == "welcome":
            return
        self.go("start_visit")
        if name == "language":
            return
        self.go("choose_language", lang)
        if name == "walkthrough":
            self.go("open_procedure", procedure_id)
            self.go("next_step")
        elif name in ("diagnostic", "diagnostic_done"):
            self.go("start_diagnostic")
            while name == "diagnostic_done" and self.screen == "diagnostic":
                self.go("check_answer", True)
        elif name in ("finished", "selfcheck", "selfcheck_done"):
            procedure = self.services.content.get(procedure_id)
            assert procedure is not None
            self.go("open_procedure", procedure_id, len(procedure.steps) - 1)
            self.go("next_step")
            if name != "finished":
                if not procedure.checks:
                    pytest.skip(f"the module {procedure_id} has no self-checks")
                self.go("start_checks")
                while name == "selfcheck_done" and self.screen == "selfcheck":
                    self.go("check_answer", True)
        assert self.screen == name

    # -- what the visitor sees, hears, and what the logbook keeps --------------------------
    @property
    def screen(self) -> str:
        return self.flow.screen

    @property
    def in_staff(self) -> bool:
        return self.flow.in_staff

    @property
    def visit(self) -> Visit:
        return self.services.visit

    @property
    def lang(self) -> str:
        return self.services.visit.language

    @property
    def spoken(self) -> list[str]:
        """What the speech engine was asked to say, in order."""
        return self.engine.texts

    @property
    def events(self) -> list[type[ev.Event]]:
        """The kinds of the events the logbook was handed, in order."""
        return [type(event) for event in self.recorder.handled]

    @property
    def recorder(self) -> WatchedRecorder:
        recorder = self.services.recorder
        assert isinstance(recorder, WatchedRecorder)
        return recorder

    @property
    def records(self) -> list[dict[str, Any]]:
        """Each visit's newest saved record, in the order the visits started."""
        return list(self.saver.latest().values())

    @property
    def record(self) -> dict[str, Any]:
        """The newest saved record of the last visit."""
        records = self.records
        assert records, "nothing was saved to the logbook"
        return records[-1]

    @property
    def journal(self) -> list[dict[str, Any]]:
        """The staff journal's lines."""
        desk = self.services.staff
        return desk.journal.lines() if desk is not None else []

    def shown(self) -> list[str]:
        """The screens shown so far, in order."""
        return [e.screen for e in self.screen_effects if isinstance(e, fx.Show)]

    # -- the stand-in screens -------------------------------------------------------------
    def announce(self) -> None:
        """What the real screen on show says when it appears (a short version of its announcement)."""
        flow, lang = self.flow, self.lang
        text = ""
        if flow.screen in ("welcome", "language", "catalogue"):
            text = t(lang, f"announce_{flow.screen}")
        elif flow.screen == "walkthrough" and flow.procedure is not None and flow.step is not None:
            parts = [t(lang, "step_progress", n=self.visit.step_index + 1, total=len(flow.procedure.steps)),
                     flow.step.title.get(lang)]
            praise = self.visit.take_praise()
            text = ". ".join([praise, *parts] if praise else parts)
        elif flow.screen == "finished" and flow.procedure is not None:
            text = t(lang, "announce_finished", title=flow.procedure.title.get(lang))
        if text:  # staff screens say nothing aloud
            self.services.speech.announce(text, lang, context=flow.screen)


def of(effects: list[fx.Effect], kind: type[E]) -> list[E]:
    """The effects of type ``kind``, in order."""
    return [e for e in effects if isinstance(e, kind)]
