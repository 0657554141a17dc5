"""One record per visit, folded from the visit's events.

:class:`VisitRecord` is pure: it takes each event with a monotonic reading
(``mono``) and builds a plain dict (:meth:`VisitRecord.to_dict`) that the writer
stores. Dates come from the events' wall clock; every duration comes from the
monotonic clock and is clamped at zero, so a wall clock set back an hour or
forward a day never yields a negative or absurd time. Imports no Kivy.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from kiosk.logbook import events as ev
from kiosk.logbook.national import autonomy, duration_band, national_theme

#: Version of the record layout (and of the files, see :mod:`kiosk.logbook.storage`).
RECORD_VERSION = 1


def iso_utc(at: float) -> str:
    """Wall-clock seconds as an ISO date-time in UTC (seconds precision)."""
    return datetime.fromtimestamp(at, UTC).replace(microsecond=0).isoformat()


def iso_local(at: float) -> str:
    """Wall-clock seconds as an ISO date-time in the kiosk's local time, with its offset."""
    return datetime.fromtimestamp(at).astimezone().replace(microsecond=0).isoformat()


@dataclass
class StepLog:
    """What happened on one step of one procedure."""

    index: int
    seconds: float = 0.0
    shown: int = 0
    repeats: int = 0
    help: int = 0
    mistakes: int = 0
    completed: bool = False


@dataclass
class ProcedureLog:
    """One procedure started during the visit (opened again: the same log goes on)."""

    id: str
    theme: str
    step_count: int
    steps: dict[int, StepLog] = field(default_factory=dict)
    finished: bool = False

    def step(self, index: int) -> StepLog:
        """The log of step ``index``, created when first needed."""
        if index not in self.steps:
            self.steps[index] = StepLog(index)
        return self.steps[index]

    def to_dict(self) -> dict[str, Any]:
        """The procedure as stored: totals, then one list per measure indexed by step (from 0)."""
        count = max(self.steps, default=-1) + 1
        steps = [self.steps.get(i) or StepLog(i) for i in range(count)]
        return {
            "id": self.id, "theme": self.theme, "national_theme": national_theme(self.id, self.theme),
            "step_count": self.step_count,
            "steps_reached": max((s.index + 1 for s in steps if s.shown), default=0),
            "seconds": round(sum(s.seconds for s in steps), 1),
            "repeats": sum(s.repeats for s in steps), "help": sum(s.help for s in steps),
            "mistakes": sum(s.mistakes for s in steps), "finished": self.finished,
            # Lists, not one object per step: a year of visits stays small enough to report on quickly.
            "steps": {
                "seconds": [round(s.seconds, 1) for s in steps],
                "shown": [s.shown for s in steps],
                "repeats": [s.repeats for s in steps],
                "help": [s.help for s in steps],
                "mistakes": [s.mistakes for s in steps],
                "completed": [s.completed for s in steps],
            },
        }


class VisitRecord:
    """Folds one visit's events into its record."""

    def __init__(self, started: ev.VisitStarted, mono: float, kiosk_id: str, visit_id: str | None = None) -> None:
        self.id = visit_id or uuid.uuid4().hex
        self.kiosk_id = started.kiosk_id or kiosk_id
        self.launched_by = started.launched_by
        self.start_at = started.at
        self.start_mono = mono
        self.end_at: float | None = None
        self.end_mono: float | None = None
        self.how: str | None = None
        self.languages: list[str] = []
        self.profiles: set[str] = set()
        self.text_scales: set[float] = set()
        self.themes: set[str] = set()
        self.speech = False
        self.help_outside = 0
        self.learner = started.learner
        self.autonomy_expected = started.autonomy_expected
        self.help_calls: list[tuple[str, int] | None] = []  # where each call was made (None: outside a step)
        self.procedures: dict[str, ProcedureLog] = {}
        self.memos: list[str] = []  # the procedure of each take-away memo asked for
        self.checks: list[dict[str, Any]] = []  # each self-check task that ended: passed or not, tries
        self.skills_checked: set[str] = set()  # the outcomes a passed self-check showed
        self.diagnostic: dict[str, list[str]] | None = None  # "Where do I start?": tasks done, hard, path
        self._open: tuple[str, int] | None = None  # (procedure id, step index) being shown
        self._open_since = mono
        self._current: str | None = None  # procedure open on screen
        self._language(started.language)
        self._settings(started.profiles, started.text_scale, started.speech_on, started.theme)

    @property
    def ended(self) -> bool:
        """Whether the visit is over."""
        return self.how is not None

    def _language(self, language: str) -> None:
        if not language or language in self.languages:
            return
        if not self.procedures:
            # Chosen on the language screen, before anything was read: the visit's language
            # replaces the welcome screen's default, which the visitor did not use.
            self.languages = [language]
        else:
            self.languages.append(language)

    def _settings(self, profiles: frozenset[str], text_scale: float, speech_on: bool, theme: str) -> None:
        self.profiles |= set(profiles) - {"standard"}
        self.text_scales.add(float(text_scale))
        if theme:
            self.themes.add(theme)
        self.speech = self.speech or bool(speech_on)

    def _close_step(self, mono: float) -> None:
        """Add the time since the open step appeared to that step (never negative)."""
        if self._open is not None:
            pid, index = self._open
            self.procedures[pid].step(index).seconds += max(0.0, mono - self._open_since)
        self._open = None
        self._open_since = mono

    def _target(self, procedure_id: str | None, step_index: int | None) -> StepLog | None:
        """The step an event is about: the one named, else the one on screen."""
        pid = procedure_id or (self._open[0] if self._open else self._current)
        if pid is None or pid not in self.procedures:
            return None
        if step_index is None:
            step_index = self._open[1] if self._open and self._open[0] == pid else 0
        return self.procedures[pid].step(step_index)

    def apply(self, event: ev.Event, mono: float) -> bool:
        """Fold one event in; return True when the record should be saved now."""
        if self.ended:
            return False
        if isinstance(event, ev.LanguageChosen):
            self._language(event.language)
        elif isinstance(event, ev.ProfileChanged):
            self._settings(event.profiles, event.text_scale, event.speech_on, event.theme)
        elif isinstance(event, ev.ProcedureOpened):
            self._close_step(mono)
            if event.procedure_id not in self.procedures:
                self.procedures[event.procedure_id] = ProcedureLog(event.procedure_id, event.theme, event.step_count)
            self._current = event.procedure_id
            return True
        elif isinstance(event, ev.StepShown):
            self._close_step(mono)
            if event.procedure_id not in self.procedures:  # opened without its event: still counted
                self.procedures[event.procedure_id] = ProcedureLog(event.procedure_id, "", 0)
            self._current = event.procedure_id
            self.procedures[event.procedure_id].step(event.step_index).shown += 1
            self._open = (event.procedure_id, event.step_index)
            return True
        elif isinstance(event, (ev.RepeatAsked, ev.HelpAsked)):
            step = self._target(event.procedure_id, event.step_index)
            if step is None:
                self.help_outside += isinstance(event, ev.HelpAsked)
            elif isinstance(event, ev.HelpAsked):
                step.help += 1
            else:
                step.repeats += 1
        elif isinstance(event, ev.HelpCalled):
            pid = event.procedure_id or (self._open[0] if self._open else None)
            index = event.step_index if event.step_index is not None else (self._open[1] if self._open else None)
            self.help_calls.append((pid, index) if pid is not None and index is not None else None)
            return True  # staff may look at the learner's page straight away
        elif isinstance(event, ev.CheckAnswered):
            self.checks.append({"procedure": event.procedure_id, "check": event.check_id,
                                "passed": event.passed, "tries": event.tries})
            if event.passed:
                self.skills_checked |= set(event.skills)
            return True  # a learner's grid shows it at once
        elif isinstance(event, ev.DiagnosticDone):
            self.diagnostic = {"done": list(event.done), "hard": list(event.hard), "path": list(event.path)}
            return True  # kept with a learner's code: the catalogue and staff show the path at once
        elif isinstance(event, ev.MemoTaken):
            self.memos.append(event.procedure_id)
            return True  # rare, and the visitor may walk away with it: on disk now
        elif isinstance(event, ev.PracticeMistake):
            step = self._target(event.procedure_id, event.step_index)
            if step is not None:
                step.mistakes += 1
        elif isinstance(event, ev.StepCompleted):
            step = self._target(event.procedure_id, event.step_index)
            if step is not None:
                step.completed = True
        elif isinstance(event, ev.ProcedureFinished):
            self._close_step(mono)
            if event.procedure_id in self.procedures:
                self.procedures[event.procedure_id].finished = True
            self._current = None
            return True
        elif isinstance(event, ev.VisitEnded):
            self._close_step(mono)
            self.how = event.how
            self.end_at = event.at
            self.end_mono = mono
            return True
        return False

    def duration_s(self, mono: float | None = None) -> float:
        """How long the visit lasted (or has lasted at ``mono``), from the monotonic clock."""
        end = self.end_mono if self.end_mono is not None else (mono if mono is not None else self._open_since)
        return max(0.0, end - self.start_mono)

    def to_dict(self, mono: float | None = None) -> dict[str, Any]:
        """The record as stored: plain JSON types, a fresh dict each call."""
        procedures = [p.to_dict() for p in self.procedures.values()]
        help_total = self.help_outside + sum(p["help"] for p in procedures)
        duration = self.duration_s(mono)
        # The end date: the wall clock at the end, unless it jumped behind the start;
        # then start + measured duration is the better estimate.
        end_at = self.end_at if self.end_at is not None else None
        if end_at is not None and end_at < self.start_at:
            end_at = self.start_at + duration
        return {
            "version": RECORD_VERSION,
            "id": self.id,
            "kiosk_id": self.kiosk_id,
            "start": iso_utc(self.start_at),
            "start_local": iso_local(self.start_at),
            "end": iso_utc(end_at) if end_at is not None else None,
            "end_local": iso_local(end_at) if end_at is not None else None,
            "duration_s": round(duration, 1),
            "duration_band": duration_band(duration),
            "ended": self.how,
            "launched_by": self.launched_by,
            "languages": list(self.languages),
            "profiles": sorted(self.profiles),
            "settings": {
                "speech": self.speech,
                "text_scales": sorted(self.text_scales),
                "themes": sorted(self.themes),
                "seated": "seated" in self.profiles,
                "easy": "easy" in self.profiles,
            },
            "help": help_total,
            "help_calls": len(self.help_calls),
            "help_call_steps": [list(where) for where in self.help_calls if where is not None],
            "learner": self.learner,
            "autonomy_expected": self.autonomy_expected,
            "autonomy": self.autonomy_expected or autonomy(self.launched_by, help_total + len(self.help_calls)),
            "national_themes": sorted({p["national_theme"] for p in procedures}),
            "procedures": procedures,
            "memos": list(self.memos),
            "checks": [dict(check) for check in self.checks],
            "skills_checked": sorted(self.skills_checked),
            "diagnostic": self.diagnostic,
        }
