"""How long the logbook takes to save a visit, and to report on a year of visits.

Run: ``python bench/logbook.py``. The last line is one JSON object:

- ``append_empty_p50_ms`` / ``append_empty_p99_ms``: one save of the visit's
  record, as at each step change, the writer's own time to make it durable
  (its line appended to the journal and ``fdatasync``), into an empty data
  folder: 100 visits x 6 saves, the last of each visit with the visit ended;
- ``append_1y_p50_ms`` / ``append_1y_p99_ms``: the same with one year of history
  (365 days x 100 visits, generated in this run; today already holds 100);
- ``append_p50_ms`` / ``append_p99_ms``: the worse of the two histories;
- ``report_1y_s``: ``kiosk report`` over that year (table, CSV and HTML page
  with charts, matplotlib's first import included), and its phases
  (``report_load_s``: reading and counting, from the day summaries the
  writer keeps for closed days, and today's files; ``report_csv_s``,
  ``report_html_s`` with matplotlib's import, ``report_text_s``), and
  ``mpl_import_s``, the import alone in a fresh interpreter;
- ``checkpoint_empty_*`` / ``checkpoint_1y_*`` (p50, p99): the ended visit's
  record put into its TinyDB hour file (atomic rewrite), once per visit, after
  its last save has returned (not part of a save's time);
- ``atomic_floor_empty_*`` / ``atomic_floor_1y_*`` (p50, p99): the bare
  atomic protocol (write a 1 KB temporary file, fsync, rename, fsync the
  folder) in the same folder, interleaved with each history's saves (after each
  visit's saves, as many bare writes): what the old design's disk part costs
  at that moment; ``datasync_floor_*``: likewise a bare 1.5 KB ``pwrite`` and
  ``fdatasync`` into a zero-filled file, the floor under the journal's saves;
- references, the same saves through TinyDB's default ``JSONStorage`` into one
  growing file (``tinydb_json_*``; a few saves only with a year in it: each
  rewrites the whole year) and through sqlite3 in WAL mode with
  ``synchronous=FULL`` (``sqlite_wal_*``).

Goal: ``append_p99_ms`` <= 10 whatever the history, ``report_1y_s`` <= 3.
The machine's load average is printed too: on a shared machine every figure
grows with it; compare the saves with the floor measured beside them.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tinydb import Query, TinyDB  # noqa: E402
from tinydb.storages import JSONStorage  # noqa: E402

from kiosk.files import write_atomic  # noqa: E402
from kiosk.logbook import report, sample  # noqa: E402
from kiosk.logbook.storage import day_files, read_file  # noqa: E402
from kiosk.logbook.writer import LogWriter  # noqa: E402

VISITS, SAVES_PER_VISIT = 100, 6
DAYS, PER_DAY = 365, 100


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank) of ``values``, in milliseconds."""
    ordered = sorted(values)
    return round(1000 * ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))], 3)


def saves(n_visits: int, seed: int) -> Iterator[dict]:
    """Each visit's record, saved ``SAVES_PER_VISIT`` times (fresh ids: new visits today); as the
    recorder does, only the last save says the visit ended."""
    for n, record in enumerate(sample.visits(1, n_visits, seed=seed)):
        record = {**record, "id": f"bench-{seed}-{n}"}
        for k in range(SAVES_PER_VISIT):
            yield record if k == SAVES_PER_VISIT - 1 else {**record, "ended": None}


def through_writer(folder: Path, seed: int, floor: list[float], datasync: list[float],
                   checkpoints: list[float]) -> list[float]:
    """The writer's own time for each save; ``floor`` and ``datasync`` get as many bare writes, interleaved;
    ``checkpoints`` each record's upsert into its hour file."""
    times: list[float] = []
    writer = LogWriter(folder, timing=times.append, checkpoint_timing=checkpoints.append)
    writer.ready.wait(60)
    bare = folder / "bench-floor.bin"
    payload = os.urandom(1024)
    line = os.urandom(768).hex().encode()[:1499] + b"\n"
    fd = os.open(folder / "bench-datasync.bin", os.O_RDWR | os.O_CREAT, 0o644)
    os.pwrite(fd, bytes(1 << 20), 0)
    os.fsync(fd)
    offset = 0
    for n, record in enumerate(saves(VISITS, seed), 1):
        writer.save(record, wait=True)
        if n % SAVES_PER_VISIT == 0:
            writer.flush(60)  # the writer is idle (its checkpoint done): the same disk, the same moment
            for _ in range(SAVES_PER_VISIT):
                started = time.perf_counter()
                write_atomic(bare, payload)
                floor.append(time.perf_counter() - started)
                started = time.perf_counter()
                os.pwrite(fd, line, offset)
                os.fdatasync(fd)
                datasync.append(time.perf_counter() - started)
                offset += len(line)
    writer.close()
    os.close(fd)
    (folder / "bench-datasync.bin").unlink()
    bare.unlink()
    return times


def timed_each(records: Iterator[dict], save: Callable[[dict], None]) -> list[float]:
    times = []
    for record in records:
        started = time.perf_counter()
        save(record)
        times.append(time.perf_counter() - started)
    return times


def through_tinydb_json(path: Path, history: list[dict], limit: int | None) -> list[float]:
    db = TinyDB(path, storage=JSONStorage)
    table = db.table("visits")
    if history:
        table.insert_multiple(history)
    records = list(saves(VISITS, 7))[:limit]
    times = timed_each(iter(records), lambda r: table.upsert(r, Query().id == r["id"]))
    db.close()
    return times


def through_sqlite(path: Path, history: list[dict]) -> list[float]:
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE visits (id TEXT PRIMARY KEY, day TEXT, record TEXT)")
    db.executemany("INSERT INTO visits VALUES (?, ?, ?)",
                   ((r["id"], r["start_local"][:10], json.dumps(r)) for r in history))
    db.commit()

    def save(record: dict) -> None:
        db.execute("INSERT OR REPLACE INTO visits VALUES (?, ?, ?)",
                   (record["id"], record["start_local"][:10], json.dumps(record)))
        db.commit()

    times = timed_each(saves(VISITS, 8), save)
    db.close()
    return times


def history_records(folder: Path) -> list[dict]:
    """Every record of the folder, whole (as the references store them)."""
    return [doc for path in day_files(folder) for doc in read_file(path)["visits"].values()]


def mpl_import_s() -> float:
    """Seconds to import what the charts use, in a fresh interpreter."""
    code = ("import time; t = time.perf_counter(); import matplotlib.figure, matplotlib.backends.backend_svg; "
            "print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    return round(float(out.stdout), 3)


def main() -> None:
    out: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="bench-logbook-", dir=os.environ.get("BENCH_TMP")) as tmp:
        base = Path(tmp)
        floor_empty: list[float] = []
        sync_empty: list[float] = []
        ckpt_empty: list[float] = []
        empty = through_writer(base / "empty", seed=1, floor=floor_empty, datasync=sync_empty,
                               checkpoints=ckpt_empty)
        year = base / "year"
        started = time.perf_counter()
        sample.write_history(year, DAYS, PER_DAY, seed=2, last_day=datetime.now())
        print(f"bench: a year of history ({DAYS * PER_DAY} visits) generated in "
              f"{time.perf_counter() - started:.1f} s", file=sys.stderr)
        phases: dict[str, float] = {}
        started = time.perf_counter()
        report.run([year], csv_path=base / "r.csv", html_path=base / "r.html", progress=False, phases=phases)
        out["report_1y_s"] = round(time.perf_counter() - started, 3)
        out.update({f"report_{name}_s": round(seconds, 3) for name, seconds in phases.items()})
        out["mpl_import_s"] = mpl_import_s()
        floor_1y: list[float] = []
        sync_1y: list[float] = []
        ckpt_1y: list[float] = []
        one_year = through_writer(year, seed=3, floor=floor_1y, datasync=sync_1y, checkpoints=ckpt_1y)
        out.update(append_empty_p50_ms=pct(empty, 50), append_empty_p99_ms=pct(empty, 99),
                   append_1y_p50_ms=pct(one_year, 50), append_1y_p99_ms=pct(one_year, 99),
                   append_saves=len(empty) + len(one_year),
                   atomic_floor_empty_p50_ms=pct(floor_empty, 50), atomic_floor_empty_p99_ms=pct(floor_empty, 99),
                   atomic_floor_1y_p50_ms=pct(floor_1y, 50), atomic_floor_1y_p99_ms=pct(floor_1y, 99),
                   datasync_floor_empty_p50_ms=pct(sync_empty, 50), datasync_floor_empty_p99_ms=pct(sync_empty, 99),
                   datasync_floor_1y_p50_ms=pct(sync_1y, 50), datasync_floor_1y_p99_ms=pct(sync_1y, 99),
                   checkpoint_empty_p50_ms=pct(ckpt_empty, 50), checkpoint_empty_p99_ms=pct(ckpt_empty, 99),
                   checkpoint_1y_p50_ms=pct(ckpt_1y, 50), checkpoint_1y_p99_ms=pct(ckpt_1y, 99))
        out["append_p50_ms"] = max(out["append_empty_p50_ms"], out["append_1y_p50_ms"])
        out["append_p99_ms"] = max(out["append_empty_p99_ms"], out["append_1y_p99_ms"])
        history = history_records(year)
        ref_empty = through_tinydb_json(base / "tiny-empty.json", [], None)
        ref_year = through_tinydb_json(base / "tiny-year.json", history, 3)
        out.update(tinydb_json_empty_p50_ms=pct(ref_empty, 50), tinydb_json_empty_p99_ms=pct(ref_empty, 99),
                   tinydb_json_1y_p50_ms=pct(ref_year, 50), tinydb_json_1y_max_ms=pct(ref_year, 100),
                   tinydb_json_1y_saves=len(ref_year))
        sq_empty = through_sqlite(base / "empty.sqlite", [])
        sq_year = through_sqlite(base / "year.sqlite", history)
        out.update(sqlite_wal_empty_p50_ms=pct(sq_empty, 50), sqlite_wal_empty_p99_ms=pct(sq_empty, 99),
                   sqlite_wal_1y_p50_ms=pct(sq_year, 50), sqlite_wal_1y_p99_ms=pct(sq_year, 99))
    out.update(goal_append_p99_ms=10, goal_report_1y_s=3, load_average=round(os.getloadavg()[0], 2))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
