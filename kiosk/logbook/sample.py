"""Made-up visits for benchmarks, tests and demos, folded by the real recorder code.

Each visit is a stream of :mod:`kiosk.logbook.events` fed to
:class:`~kiosk.logbook.visit_record.VisitRecord`, with seeded randomness: languages,
profiles, procedures, help, mistakes, visits finished or left half-way. It
never touches a screen (``kiosk simulate`` drives the real app instead).
Imports no Kivy.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, time, timedelta
from typing import Any

from kiosk.logbook import events as ev
from kiosk.logbook.visit_record import VisitRecord

#: (id, theme, steps) of the bundled procedures (content/*.yaml).
CATALOGUE: tuple[tuple[str, str, int], ...] = (
    ("ameli", "health", 9), ("ants", "papers", 8), ("caf_housing", "housing", 9), ("caf_quarterly", "family", 8),
    ("cv", "job", 9), ("email", "email", 9), ("first_steps", "first_steps", 9),
    ("france_travail_registration", "job", 9), ("france_travail_update", "job", 8),
    ("franceconnect", "identity", 9), ("impots", "taxes", 8), ("safety", "safety", 8),
)


def visit_events(rng: random.Random, start: float) -> Iterator[tuple[ev.Event, float]]:
    """One visit's events with their monotonic readings (seconds since the visit began)."""
    t = 0.0
    lang = rng.choices(("fr", "en", "ar"), (6, 2, 2))[0]
    profiles = frozenset(rng.sample(("low_vision", "blind", "seated", "easy"), rng.choice((0, 0, 0, 1, 1, 2))))
    yield ev.VisitStarted(at=start, language=lang, profiles=profiles, launched_by=rng.choices(
        ("visitor", "staff"), (9, 1))[0], text_scale=1.5 if "low_vision" in profiles else 1.0), t
    if rng.random() < 0.15:
        t += rng.uniform(2, 10)
        yield ev.LanguageChosen(at=start + t, language=rng.choice(("fr", "en", "ar"))), t
    for _ in range(rng.choice((1, 1, 1, 2))):
        pid, theme, count = rng.choice(CATALOGUE)
        t += rng.uniform(5, 30)
        yield ev.ProcedureOpened(at=start + t, procedure_id=pid, theme=theme, step_count=count), t
        stop = count if rng.random() < 0.6 else rng.randint(1, count)
        for i in range(stop):
            yield ev.StepShown(at=start + t, procedure_id=pid, step_index=i), t
            if rng.random() < 0.1:
                yield ev.RepeatAsked(at=start + t), t
            if rng.random() < 0.05:
                yield ev.HelpAsked(at=start + t), t
            if rng.random() < 0.08:
                yield ev.PracticeMistake(at=start + t, procedure_id=pid, step_index=i), t
            t += rng.uniform(10, 120)
            yield ev.StepCompleted(at=start + t, procedure_id=pid, step_index=i), t
        if stop == count:
            yield ev.ProcedureFinished(at=start + t, procedure_id=pid), t
        else:
            break
    yield ev.VisitEnded(at=start + t + 5, how="finished" if stop == count else rng.choice(("left", "idle"))), t + 5


def visits(days: int, per_day: int, seed: int = 0, last_day: datetime | None = None,
           kiosk_id: str = "sample") -> Iterator[dict[str, Any]]:
    """``per_day`` visit records for each of ``days`` days ending ``last_day`` (default today)."""
    rng = random.Random(seed)
    last = (last_day or datetime.now()).date()
    for d in range(days - 1, -1, -1):
        day = last - timedelta(days=d)
        opening = datetime.combine(day, time(9, 30)).timestamp()
        for _ in range(per_day):
            start = opening + rng.uniform(0, 9 * 3600)
            record: VisitRecord | None = None
            for event, mono in visit_events(rng, start):
                if record is None:
                    assert isinstance(event, ev.VisitStarted)  # a visit's first event
                    record = VisitRecord(event, mono, kiosk_id, visit_id=f"{rng.getrandbits(128):032x}")
                else:
                    record.apply(event, mono)
            assert record is not None
            yield record.to_dict()


def write_history(folder: Any, days: int, per_day: int, seed: int = 0, last_day: datetime | None = None,
                  kinds: int = 2000) -> int:
    """Write ``days`` x ``per_day`` visits in ``folder`` as the writer files them (one file per hour).

    ``kinds`` distinct visits are folded through the recorder's code, then
    reused with fresh ids and start times (a year of history in seconds, not
    minutes). Plain writes, no fsync: made-up data for benchmarks and demos is
    not worth two fsyncs per file. The days before ``last_day`` get their
    summaries, as the writer makes them once a day is over. Returns how many
    visits were written.
    """
    import copy
    import json
    from pathlib import Path

    from kiosk.logbook.storage import SCHEMA_VERSION, TABLE, file_name
    from kiosk.logbook.visit_record import iso_local, iso_utc

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    templates = list(visits(1, kinds, seed, last_day))
    last = (last_day or datetime.now()).date()
    written = 0
    for d in range(days - 1, -1, -1):
        day = last - timedelta(days=d)
        opening = datetime.combine(day, time(9, 30)).timestamp()
        files: dict[str, dict[str, Any]] = {}
        for _ in range(per_day):
            rec = copy.copy(rng.choice(templates))
            start = opening + rng.uniform(0, 9 * 3600)
            end = start + rec["duration_s"]
            rec.update(id=f"{rng.getrandbits(128):032x}", start=iso_utc(start), start_local=iso_local(start),
                       end=iso_utc(end), end_local=iso_local(end))
            docs = files.setdefault(file_name(rec["start_local"]), {})
            docs[str(len(docs) + 1)] = rec
        for name, docs in files.items():
            payload = {"schema": SCHEMA_VERSION, "tables": {TABLE: docs}}
            (folder / name).write_bytes(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        written += per_day
    from kiosk.logbook.summary import summarise_closed_days

    summarise_closed_days(folder, last)  # as the writer does once each day is over
    return written
