"""Figures from the logbook: load one or more data folders, count, summarise.

:func:`load` reads the files of several folders (several kiosks merge into
one report; a record seen twice counts once), keeping the visits that began
between two dates, as :class:`~kiosk.logbook.reading.RecordedVisit` (only the fields
the report reads). :func:`compute` turns them into :class:`Stats`:
per procedure (started, finished, completion rate, median time, the step where
most visitors stop, help requests, how many reached each step) and per visit
(language, profile, weekday, hour, week, and the national form's duration
bands, themes and autonomy). Imports no Kivy.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from kiosk.logbook.journal import snapshots
from kiosk.logbook.national import AUTONOMY, DURATION_BANDS, THEMES
from kiosk.logbook.reading import ProcedureVisit, RecordedVisit, read_visits, to_visit
from kiosk.logbook.storage import TABLE, LogbookError, day_files, day_of, read_file

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def load(folders: list[Path], date_from: date | None = None, date_to: date | None = None,
         progress: bool = True) -> list[RecordedVisit]:
    """The visit records in ``folders`` that began from ``date_from`` to ``date_to`` (inclusive).

    Only the fields the report reads are decoded (:mod:`kiosk.logbook.reading`).
    Raises :class:`LogbookError` (one line naming the folder or file) for a
    missing folder, an unreadable file or a file of another schema version.
    """
    found = _read(folders, date_from, date_to, progress, read_visits, to_visit)
    return sorted(found.values(), key=lambda r: r.start)


def load_records(folders: list[Path], date_from: date | None = None, date_to: date | None = None,
                 progress: bool = False) -> list[dict[str, Any]]:
    """Whole visit records (every field, as saved), like :func:`load`: a learner's page reads these."""

    def whole(path: Path) -> list[dict[str, Any]]:
        return [doc for doc in read_file(path).get(TABLE, {}).values() if isinstance(doc, dict) and "id" in doc]

    found = _read(folders, date_from, date_to, progress, whole)
    return sorted(found.values(), key=lambda r: r.get("start", ""))


def select(folders: list[Path], date_from: date | None,
           date_to: date | None) -> tuple[list[Path], dict[str, dict[str, Any]]]:
    """The hour files of ``folders`` in the date range (by their names, oldest first) and the
    records still in their journals (by id, the newest snapshot, in the range).

    Visits a running kiosk has saved but not yet put into their hour file are
    in its journal. The journals are read first: a journal retired meanwhile
    has its records in the hour files by then. Raises :class:`LogbookError`.
    """
    files: list[Path] = []
    journaled: dict[str, dict[str, Any]] = {}
    for folder in folders:
        if not folder.is_dir():
            raise LogbookError(f"{folder}: no such folder")
        try:
            journaled.update(snapshots(folder))
            found = day_files(folder)
        except OSError as exc:
            raise LogbookError(f"{folder}: cannot list it ({exc.strerror or exc})") from None
        for path in found:
            day = day_of(path)
            # A visit is filed under the day it began (local time): the name says enough.
            if day is not None and (date_from is None or day >= date_from) and (date_to is None or day <= date_to):
                files.append(path)
    in_range = {}
    for record_id, record in journaled.items():
        day = _day_or_none(record["start_local"])
        if day is not None and (date_from is None or day >= date_from) and (date_to is None or day <= date_to):
            in_range[record_id] = record
    # (a folder named twice is read once; oldest first, whatever the folder)
    return sorted(set(files), key=lambda p: (p.name, str(p))), in_range


def read_files(files: list[Path], reader: Callable[[Path], list[Any]], progress: bool = False) -> dict[str, Any]:
    """Records by id from ``files``, each read by ``reader`` (a later file's copy wins)."""
    from tqdm import tqdm  # a bar on a terminal, nothing when the output is not one

    records: dict[str, Any] = {}
    for path in tqdm(files, desc="reading the logbook", unit="file", disable=None if progress else True,
                     leave=False):
        try:
            visits = reader(path)
        except OSError as exc:
            raise LogbookError(f"{path}: cannot read it ({exc.strerror or exc})") from None
        for visit in visits:
            records[visit["id"] if isinstance(visit, dict) else visit.id] = visit
    return records


def _read(folders: list[Path], date_from: date | None, date_to: date | None, progress: bool,
          reader: Callable[[Path], list[Any]],
          reader_of_record: Callable[[dict[str, Any]], Any] | None = None) -> dict[str, Any]:
    """Records by id from ``folders`` in the date range: hour files, then journals (see :func:`select`)."""
    files, journaled = select(folders, date_from, date_to)
    records = read_files(files, reader, progress)
    for record_id, record in journaled.items():
        visit = reader_of_record(record) if reader_of_record else record
        if visit is not None:
            records[record_id] = visit
    return records


def _day_or_none(start_local: str) -> date | None:
    try:
        return date.fromisoformat(start_local[:10])
    except ValueError:
        return None


@dataclass
class ProcedureStats:
    """One procedure's figures."""

    id: str
    theme: str
    national_theme: str
    step_count: int = 0
    started: int = 0
    finished: int = 0
    help: int = 0
    repeats: int = 0
    mistakes: int = 0
    seconds: list[float] = field(default_factory=list)  # time spent by those who finished
    reached: Counter[int] = field(default_factory=Counter)  # steps reached -> visitors
    stopped_at: Counter[int] = field(default_factory=Counter)  # last step (1-based) of those who did not finish

    @property
    def completion(self) -> float:
        """Share of the visitors who started it and finished it (0..1)."""
        return self.finished / self.started if self.started else 0.0

    @property
    def median_s(self) -> float | None:
        """Median time of those who finished, in seconds."""
        return statistics.median(self.seconds) if self.seconds else None

    @property
    def stop_step(self) -> tuple[int, int] | None:
        """(step number from 1, visitors) where most of those who did not finish stopped."""
        return max(self.stopped_at.items(), key=lambda kv: (kv[1], -kv[0])) if self.stopped_at else None

    def reaching(self) -> list[int]:
        """How many visitors reached step 1, 2, ... N (the drop-off curve)."""
        count = max([self.step_count, *self.reached.keys()], default=0)
        return [sum(n for k, n in self.reached.items() if k >= step) for step in range(1, count + 1)]


@dataclass
class CheckStats:
    """One module's self-checks: tasks that ended, passed, and passed at the first try."""

    tasks: int = 0
    passed: int = 0
    first_try: int = 0

    @property
    def first_try_rate(self) -> float:
        """Share of the tasks passed at the first try (0..1)."""
        return self.first_try / self.tasks if self.tasks else 0.0


@dataclass
class Stats:
    """Everything ``kiosk report`` shows."""

    visits: int = 0
    first: date | None = None
    last: date | None = None
    kiosks: Counter[str] = field(default_factory=Counter)
    procedures: dict[str, ProcedureStats] = field(default_factory=dict)
    languages: Counter[str] = field(default_factory=Counter)
    profiles: Counter[str] = field(default_factory=Counter)
    weekdays: Counter[str] = field(default_factory=Counter)
    hours: Counter[int] = field(default_factory=Counter)
    weeks: Counter[date] = field(default_factory=Counter)  # Monday of the week -> visits
    bands: Counter[str] = field(default_factory=Counter)
    themes: Counter[str] = field(default_factory=Counter)
    autonomy: Counter[str] = field(default_factory=Counter)
    endings: Counter[str] = field(default_factory=Counter)
    launched_by: Counter[str] = field(default_factory=Counter)
    #: procedure id -> its French title, when the report was given the content (else ids are shown)
    titles: dict[str, str] = field(default_factory=dict)
    #: procedure id -> its self-checks' figures
    checks: dict[str, CheckStats] = field(default_factory=dict)
    #: outcome id -> the learner codes who showed it in a self-check
    outcome_learners: dict[str, set[str]] = field(default_factory=dict)
    #: outcome id -> its French wording, when the report was given the content (else ids are shown)
    outcome_titles: dict[str, str] = field(default_factory=dict)

    def name(self, procedure_id: str) -> str:
        """What the report calls a procedure: its title and id, or its id alone."""
        title = self.titles.get(procedure_id)
        return f"{title} ({procedure_id})" if title else procedure_id

    def ordered_bands(self) -> list[tuple[str, int]]:
        """Duration bands in the form's order, zeros included."""
        return [(band, self.bands[band]) for band, _ in DURATION_BANDS]

    def ordered_themes(self) -> list[tuple[str, str, int]]:
        """(key, form label, visits) for the form's themes, in its order, zeros included."""
        return [(key, labels[0], self.themes[key]) for key, labels in THEMES.items()]

    def ordered_autonomy(self) -> list[tuple[str, int]]:
        """Autonomy levels in the form's order."""
        return [(level, self.autonomy[level]) for level in AUTONOMY]


def _when(start_local: str, days: dict[str, tuple[date, str, date] | None]) -> tuple[date, str, date, int] | None:
    """(day, weekday, Monday of its week, hour) of an ISO local time; ``None`` if it is not one."""
    day_text = start_local[:10]
    if day_text not in days:  # a year has 365 days and 36,500 visits: parse each day once
        known: tuple[date, str, date] | None
        try:
            day = date.fromisoformat(day_text)
            known = (day, WEEKDAYS[day.weekday()], day - timedelta(days=day.weekday()))
        except ValueError:
            known = None
        days[day_text] = known
    known = days[day_text]
    hour = start_local[11:13]
    if known is None or start_local[10:11] != "T" or not hour.isdigit() or int(hour) > 23:
        return None
    return (*known, int(hour))


def compute(records: Iterable[RecordedVisit | dict[str, Any]]) -> Stats:
    """Count and summarise ``records`` (see the module docstring); records as saved (dicts) are read too."""
    stats = Stats()
    days: dict[str, tuple[date, str, date] | None] = {}
    # Lists first, counted once at the end: Counter counts a list in C, several times faster than += per visit.
    seen: list[tuple[date, str, date, int]] = []
    kiosks: list[str] = []
    languages: list[str] = []
    profiles: list[str] = []
    bands: list[str] = []
    themes: list[str] = []
    autonomy: list[str] = []
    endings: list[str] = []
    launched_by: list[str] = []
    procedures: list[ProcedureVisit] = []
    for rec in records:
        if isinstance(rec, dict):
            converted = to_visit(rec)
            if converted is None:
                continue
            rec = converted
        when = _when(rec.start_local, days)
        if when is None:
            continue
        seen.append(when)
        kiosks.append(rec.kiosk_id or "?")
        if rec.languages:
            languages += rec.languages
        profiles += rec.profiles or ("standard",)
        bands.append(rec.duration_band)
        if rec.national_themes:
            themes += rec.national_themes
        autonomy.append(rec.autonomy)
        endings.append(rec.ended or "in progress")
        launched_by.append(rec.launched_by)
        if rec.procedures:
            procedures += rec.procedures
        for check in rec.checks or ():
            figures = stats.checks.setdefault(check.procedure, CheckStats())
            figures.tasks += 1
            figures.passed += check.passed
            figures.first_try += check.passed and check.tries == 1
        if rec.learner:
            for outcome in rec.skills_checked or ():
                stats.outcome_learners.setdefault(outcome, set()).add(rec.learner)
    stats.visits = len(seen)
    if seen:
        stats.first, stats.last = min(w[0] for w in seen), max(w[0] for w in seen)
    stats.weekdays, stats.hours = Counter(w[1] for w in seen), Counter(w[3] for w in seen)
    stats.weeks = Counter(w[2] for w in seen)
    stats.kiosks, stats.languages, stats.profiles = Counter(kiosks), Counter(languages), Counter(profiles)
    stats.bands, stats.themes, stats.autonomy = Counter(bands), Counter(themes), Counter(autonomy)
    stats.endings, stats.launched_by = Counter(endings), Counter(launched_by)
    for proc in procedures:
        p = stats.procedures.get(proc.id)
        if p is None:
            p = stats.procedures[proc.id] = ProcedureStats(proc.id, proc.theme, proc.national_theme)
        if proc.step_count > p.step_count:
            p.step_count = proc.step_count
        p.started += 1
        p.help += proc.help
        p.repeats += proc.repeats
        p.mistakes += proc.mistakes
        reached = proc.steps_reached
        p.reached[reached] += 1
        if proc.finished:
            p.finished += 1
            p.seconds.append(proc.seconds)
        elif reached:
            p.stopped_at[reached] += 1
    return stats
