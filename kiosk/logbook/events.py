"""What the kiosk tells the logbook: small, frozen, past-tense events.

The screens already go through these moments (a visit starts, a language is
chosen, a step is shown...); the app hands each one to
:meth:`kiosk.logbook.recorder.Recorder.handle`. Events carry only what the
kiosk itself knows (ids, indexes, settings): never anything a visitor typed,
never free text. ``at`` is the wall clock (``time.time()``), used only for
dates; durations come from the recorder's monotonic clock. Imports no Kivy.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Literal

Launcher = Literal["visitor", "staff"]
Ending = Literal["finished", "left", "idle", "staff"]
LAUNCHERS: tuple[str, ...] = ("visitor", "staff")
ENDINGS: tuple[str, ...] = ("finished", "left", "idle", "staff")
#: the autonomy staff expect of a visit they launch (the national form's levels)
AUTONOMY_LEVELS: tuple[str, ...] = ("accompanied", "partly_autonomous", "autonomous")


def _now() -> float:
    return time.time()


@dataclass(frozen=True, kw_only=True)
class Event:
    """Base of every logbook event: when it happened (wall clock, seconds since the epoch)."""

    at: float = field(default_factory=_now)


@dataclass(frozen=True, kw_only=True)
class VisitStarted(Event):
    """A visit began (a touch on the welcome screen, or staff started one)."""

    launched_by: Launcher = "visitor"
    language: str
    profiles: frozenset[str] = frozenset()
    text_scale: float = 1.0
    speech_on: bool = True
    theme: str = "light"
    kiosk_id: str | None = None
    #: the learner code staff attached (never a name), for a learner's progress page
    learner: str | None = None
    #: the autonomy staff expect (a staff-launched visit): one of AUTONOMY_LEVELS
    autonomy_expected: str | None = None

    def __post_init__(self) -> None:
        if self.launched_by not in LAUNCHERS:
            raise ValueError(f"launched_by must be one of {LAUNCHERS}, got {self.launched_by!r}")
        if self.autonomy_expected is not None and self.autonomy_expected not in AUTONOMY_LEVELS:
            raise ValueError(f"autonomy_expected must be one of {AUTONOMY_LEVELS}, got {self.autonomy_expected!r}")


@dataclass(frozen=True, kw_only=True)
class LanguageChosen(Event):
    """The visitor switched language."""

    language: str


@dataclass(frozen=True, kw_only=True)
class ProfileChanged(Event):
    """The visitor changed their profile or settings (the state after the change)."""

    profiles: frozenset[str]
    text_scale: float = 1.0
    speech_on: bool = True
    theme: str = "light"


@dataclass(frozen=True, kw_only=True)
class ProcedureOpened(Event):
    """A procedure's walkthrough was opened."""

    procedure_id: str
    theme: str
    step_count: int


@dataclass(frozen=True, kw_only=True)
class StepShown(Event):
    """A step of the open procedure appeared (index from 0)."""

    procedure_id: str
    step_index: int


@dataclass(frozen=True, kw_only=True)
class RepeatAsked(Event):
    """The visitor asked to hear or see the step again."""

    procedure_id: str | None = None
    step_index: int | None = None


@dataclass(frozen=True, kw_only=True)
class HelpAsked(Event):
    """The visitor opened help (inside a procedure or not)."""

    procedure_id: str | None = None
    step_index: int | None = None


@dataclass(frozen=True, kw_only=True)
class PracticeMistake(Event):
    """A practice replica told the visitor something was not right (what they typed is not carried)."""

    procedure_id: str
    step_index: int


@dataclass(frozen=True, kw_only=True)
class StepCompleted(Event):
    """The visitor did what the step asked."""

    procedure_id: str
    step_index: int


@dataclass(frozen=True, kw_only=True)
class ProcedureFinished(Event):
    """The visitor reached the end of a procedure."""

    procedure_id: str


@dataclass(frozen=True, kw_only=True)
class CheckAnswered(Event):
    """A self-check task ended: passed (after ``tries`` attempts) or left; never what was typed.

    ``skills``: the outcomes of the skills catalogue a pass shows.
    """

    procedure_id: str
    check_id: str
    passed: bool
    tries: int
    skills: frozenset[str] = frozenset()


@dataclass(frozen=True, kw_only=True)
class DiagnosticDone(Event):
    """"Where do I start?" ended: the tasks done, the ones found hard, and the modules proposed (no score)."""

    done: tuple[str, ...]
    hard: tuple[str, ...]
    path: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class MemoTaken(Event):
    """The visitor asked for the procedure's take-away memo (a printed page; nothing about them is on it)."""

    procedure_id: str


@dataclass(frozen=True, kw_only=True)
class VisitEnded(Event):
    """The visit is over: finished, left half-way, idle reset, or ended by staff."""

    how: Ending

    def __post_init__(self) -> None:
        if self.how not in ENDINGS:
            raise ValueError(f"how must be one of {ENDINGS}, got {self.how!r}")


@dataclass(frozen=True, kw_only=True)
class HelpCalled(Event):
    """The visitor called a helper (Help's "Call a helper", or its key); counted in the visit."""

    procedure_id: str | None = None
    step_index: int | None = None


@dataclass(frozen=True, kw_only=True)
class StaffEntryTried(Event):
    """Someone tried the staff PIN: right or wrong (never the digits), or refused while locked."""

    ok: bool
    locked: bool = False
