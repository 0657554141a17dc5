"""Day summaries: the report's figures of one closed day, kept beside its hour files.

A report over a year reads some 3,600 hour files (38 MB of JSON) and counts
36,500 visits; almost all of it is days that no longer change. Every figure of
:class:`~kiosk.logbook.stats.Stats` adds up (counters, sums, lists of times,
first and last day), so a day's figures are kept in ``summary-YYYY-MM-DD.msgpack``
with the ids of its visits and the name, size and modification time of each
hour file they came from. The report uses a summary only while those files are
exactly the ones on disk; otherwise (a file changed, appeared, went) it reads
the files as before and, for a closed day, writes the summary afresh.

The writer summarises each day once it is over (:func:`summarise_closed_days`,
at start-up and when the date changes); ``kiosk report`` writes the summaries
it finds missing (best effort: a read-only folder only makes it slower). A
summary holds counts, never a record's detail, and nothing typed. A visit
still in a journal, or one held by two folders, is counted from the records
themselves, as :func:`~kiosk.logbook.stats.load` would. Imports no Kivy.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

import msgspec

from kiosk.files import write_atomic
from kiosk.logbook.reading import RecordedVisit, read_visits, to_visit
from kiosk.logbook.stats import CheckStats, ProcedureStats, Stats, compute, load, read_files, select
from kiosk.logbook.storage import SUMMARY_TEMP_PREFIX, day_files, day_of

SUMMARY_VERSION = 2  # 2: the self-checks and the outcomes learners showed
_COUNTERS = ("kiosks", "languages", "profiles", "weekdays", "hours", "weeks", "bands", "themes", "autonomy",
             "endings", "launched_by")


class _Procedure(msgspec.Struct, array_like=True):
    id: str
    theme: str
    national_theme: str
    step_count: int
    started: int
    finished: int
    help: int
    repeats: int
    mistakes: int
    seconds: list[float]
    reached: dict[int, int]
    stopped_at: dict[int, int]


class _Summary(msgspec.Struct):
    version: int
    day: str
    sources: list[tuple[str, int, int]]  # (name, size, mtime_ns) of each hour file summarised
    ids: list[str]
    visits: int
    first: str | None
    last: str | None
    counters: dict[str, dict[str, int]]  # keys as text (hours and weeks too)
    procedures: list[_Procedure]
    checks: dict[str, tuple[int, int, int]] = {}  # procedure -> (tasks, passed, first try)
    outcome_learners: dict[str, list[str]] = {}


_DECODER = msgspec.msgpack.Decoder(_Summary)
_ENCODER = msgspec.msgpack.Encoder()


def summary_path(folder: Path, day: date) -> Path:
    """Where the summary of ``day`` lives in ``folder`` (:func:`kiosk.logbook.storage.summary_day` reads it back)."""
    return folder / f"summary-{day.isoformat()}.msgpack"


def _write_cache(path: Path, payload: bytes) -> None:
    """Replace ``path`` whole, without fsync: a summary lost in a crash is only made again."""
    write_atomic(path, payload, durable=False, prefix=SUMMARY_TEMP_PREFIX)


def _sources(files: list[Path]) -> list[tuple[str, int, int]]:
    out = []
    for path in sorted(files, key=lambda p: p.name):
        st = path.stat()
        out.append((path.name, st.st_size, st.st_mtime_ns))
    return out


def _to_plain(day: date, sources: list[tuple[str, int, int]], ids: list[str], stats: Stats) -> _Summary:
    counters = {name: {str(k.isoformat() if isinstance(k, date) else k): n for k, n in getattr(stats, name).items()}
                for name in _COUNTERS}
    procedures = [_Procedure(p.id, p.theme, p.national_theme, p.step_count, p.started, p.finished, p.help, p.repeats,
                             p.mistakes, p.seconds, dict(p.reached), dict(p.stopped_at))
                  for p in stats.procedures.values()]
    return _Summary(SUMMARY_VERSION, day.isoformat(), sources, ids, stats.visits,
                    stats.first.isoformat() if stats.first else None, stats.last.isoformat() if stats.last else None,
                    counters, procedures,
                    {pid: (c.tasks, c.passed, c.first_try) for pid, c in stats.checks.items()},
                    {outcome: sorted(codes) for outcome, codes in stats.outcome_learners.items()})


def merge(parts: list[_Summary]) -> Stats:
    """One :class:`Stats` from day parts over disjoint visits, oldest first (counted as plain dicts: fast)."""
    counters: dict[str, Counter[Any]] = {name: Counter() for name in _COUNTERS}
    procedures: dict[str, ProcedureStats] = {}
    visits, first, last = 0, "", ""
    for part in parts:
        if not part.visits:
            continue
        visits += part.visits
        first = min(first, part.first or first) if first else part.first or ""
        last = max(last, part.last or "")
        for name, raw in part.counters.items():
            if name in counters:
                counters[name].update(raw)
        for p in part.procedures:
            mine = procedures.get(p.id)
            if mine is None:
                procedures[p.id] = ProcedureStats(p.id, p.theme, p.national_theme, p.step_count, p.started,
                                                  p.finished, p.help, p.repeats, p.mistakes, list(p.seconds),
                                                  Counter(p.reached), Counter(p.stopped_at))
                continue
            mine.step_count = max(mine.step_count, p.step_count)
            mine.started += p.started
            mine.finished += p.finished
            mine.help += p.help
            mine.repeats += p.repeats
            mine.mistakes += p.mistakes
            mine.seconds += p.seconds
            mine.reached.update(p.reached)
            mine.stopped_at.update(p.stopped_at)
    stats = Stats(visits=visits, first=date.fromisoformat(first) if first else None,
                  last=date.fromisoformat(last) if last else None, procedures=procedures)
    for part in parts:
        for pid, (tasks, passed, first_try) in part.checks.items():
            figures = stats.checks.setdefault(pid, CheckStats())
            figures.tasks += tasks
            figures.passed += passed
            figures.first_try += first_try
        for outcome, codes in part.outcome_learners.items():
            stats.outcome_learners.setdefault(outcome, set()).update(codes)
    for name, counter in counters.items():
        if name == "hours":
            counter = Counter({int(k): n for k, n in counter.items()})
        elif name == "weeks":
            counter = Counter({date.fromisoformat(k): n for k, n in counter.items()})
        setattr(stats, name, counter)
    return stats


def _read_summary(folder: Path, day: date, sources: list[tuple[str, int, int]]) -> _Summary | None:
    """The summary of ``day`` if it is about exactly these files (a summary is a cache: anything else is None)."""
    try:
        plain = _DECODER.decode(summary_path(folder, day).read_bytes())
    except (OSError, msgspec.MsgspecError):
        return None
    if plain.version != SUMMARY_VERSION or plain.day != day.isoformat() or plain.sources != sources:
        return None
    return plain


def _summarise(folder: Path, day: date, files: list[Path], sources: list[tuple[str, int, int]],
               write: bool) -> _Summary:
    """The summary of one day's files, read from them; kept on disk when ``write``."""
    records: dict[str, RecordedVisit] = read_files(files, read_visits)
    ordered: list[RecordedVisit] = sorted(records.values(), key=lambda r: r.start)
    plain = _to_plain(day, sources, list(records), compute(ordered))
    if write:
        try:
            _write_cache(summary_path(folder, day), _ENCODER.encode(plain))
        except OSError:
            pass  # a read-only folder: the report is only slower
    return plain


def figures(folders: list[Path], date_from: date | None = None, date_to: date | None = None,
            progress: bool = True, today: date | None = None) -> Stats:
    """The report's figures: ``compute(load(...))``, from day summaries where they hold.

    Raises :class:`~kiosk.logbook.storage.LogbookError` like :func:`~kiosk.logbook.stats.load`.
    """
    files, journaled = select(folders, date_from, date_to)
    today = today or datetime.now().date()
    by_day: dict[tuple[date, str], list[Path]] = defaultdict(list)
    for path in files:
        by_day[(day_of(path) or today, str(path.parent))].append(path)
    journal_days = {d for d in (_day(r) for r in journaled.values()) if d is not None}
    from tqdm import tqdm  # a bar on a terminal, nothing when the output is not one

    parts: list[_Summary] = []
    counted = 0
    seen: set[str] = set()
    try:
        for (day, folder_name), group in tqdm(sorted(by_day.items()), desc="reading the logbook", unit="day",
                                              disable=None if progress else True, leave=False):
            folder = Path(folder_name)
            if day in journal_days:  # a visit of that day may be newer in a journal: from the records
                return compute(load(folders, date_from, date_to, progress=False))
            sources = _sources(group)
            plain = _read_summary(folder, day, sources)
            if plain is None:
                plain = _summarise(folder, day, group, sources, write=day < today)
            parts.append(plain)
            counted += len(plain.ids)
            seen.update(plain.ids)
    except OSError:  # a file went while it was read (the writer replaced it): read the records instead
        return compute(load(folders, date_from, date_to, progress=False))
    if journaled:
        visits: list[RecordedVisit] = [v for v in map(to_visit, journaled.values()) if v is not None]
        visits.sort(key=lambda v: v.start)
        parts.append(_to_plain(today, [], [], compute(visits)))
        counted += len(journaled)
        seen.update(journaled)
    if len(seen) != counted:  # one visit in two folders (a copy): count it once, from the records
        return compute(load(folders, date_from, date_to, progress=False))
    return merge(parts)


def _day(record: dict[str, Any]) -> date | None:
    try:
        return date.fromisoformat(str(record.get("start_local", ""))[:10])
    except ValueError:
        return None


def summarise_closed_days(folder: Path, today: date) -> int:
    """Write the summary of every day before ``today`` that has none or a stale one; how many were written."""
    by_day: dict[date, list[Path]] = defaultdict(list)
    for path in day_files(folder):
        day = day_of(path)
        if day is not None and day < today:
            by_day[day].append(path)
    written = 0
    for day, group in sorted(by_day.items()):
        sources = _sources(group)
        if _read_summary(folder, day, sources) is None:
            _summarise(folder, day, group, sources, write=True)
            written += 1
    return written



