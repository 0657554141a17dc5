"""Soak: many visits in one process; does anything grow? (memory, open files, threads, textures, sounds)

Run: ``python bench/soak.py [--visits 1000] [--first 100] [--monkey-events 300]``. The real
kiosk runs headless (``kiosk simulate``'s visitors, recorded in a private logbook),
and after the first ``--first`` visits and at the end it samples: resident memory
(``/proc/self/statm``), open files (``/proc/self/fd``), threads, the textures in
Kivy's caches and the live sound objects. Then the logbook is read back: it must
hold exactly the visits simulated. Last, a short monkey run gives its events per
second. The last line is one JSON object: ``visits_per_min``, ``rss_mib_at_first``,
``rss_mib_at_end``, ``growth_ratio`` (end over first, minus one; goal <= 0.10),
``fds_*`` (font files apart: ``font_files_*``), ``threads_*``, ``textures_*``, ``sounds_*``, ``recorded``, ``lost``,
``monkey_events_per_s``. Exit 1 if a goal is missed. ``--short`` (the test's few
visits) does not judge memory: on a short run the warm-up (screens, fonts and
replica kinds built the first time they show) is most of the growth.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.config import KioskConfig  # noqa: E402
from kiosk.ui.monkey_outcome import rss_mib  # noqa: E402

#: growth allowed between the two samples (the issue's goal)
GROWTH_GOAL = 0.10


def textures() -> int:
    """Textures held in Kivy's caches (label, image, texture categories)."""
    from kivy.cache import Cache

    return sum(len(objects) for category, objects in Cache._objects.items()  # noqa: SLF001 - no public count
               if category.startswith("kv.") and category in ("kv.texture", "kv.image", "kv.label", "kv.atlas"))


def sounds() -> int:
    """Live Kivy sound objects (speech clips, the chime)."""
    from kivy.core.audio import Sound

    gc.collect()
    count = 0
    for obj in gc.get_objects():
        try:
            count += isinstance(obj, Sound)
        except ReferenceError:  # a dead weak proxy Kivy keeps
            continue
    return count


def open_files() -> tuple[int, int]:
    """Open file descriptors: (all but fonts, font files).

    SDL_ttf keeps a font file open for each size in use, so a text size first
    chosen late in the run (200 %) opens one more: bounded by fonts x sizes,
    reported apart from the rest, which must not grow at all.
    """
    others = fonts = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:  # the listing's own descriptor, already closed
            continue
        if target.endswith((".ttf", ".otf")):
            fonts += 1
        else:
            others += 1
    return others, fonts


def sample() -> dict[str, float]:
    """Everything that must not grow, now."""
    gc.collect()
    fds, fonts = open_files()
    return {"rss": rss_mib(), "fds": fds, "font_files": fonts, "threads": threading.active_count(),
            "textures": textures(), "sounds": sounds()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=1000, help="visits in all (default: %(default)s)")
    parser.add_argument("--first", type=int, default=100, help="visits before the first sample (default: %(default)s)")
    parser.add_argument("--monkey-events", type=int, default=300, help="monkey events for its speed (0: skip)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--short", action="store_true",
                        help="a short run (the test): memory growth reported, not judged (warm-up dominates)")
    args = parser.parse_args()
    if args.visits <= args.first:
        parser.error(f"--visits must be more than --first ({args.first})")
    from kiosk.ui.simulate import count_recorded, simulate

    data = Path(tempfile.mkdtemp(prefix="passerelle-soak-"))  # these visits are not real ones
    config = replace(KioskConfig(), data_dir=data)
    samples: dict[str, dict[str, float]] = {}

    def on_visit(number: int, kiosk: Any) -> None:
        if number in (args.first, args.visits) and kiosk.app.logbook is not None:
            kiosk.app.logbook.flush(30)  # no hour file open mid-write while the files are counted
        if number == args.first:
            samples["first"] = sample()
            samples["first_fds"] = {"names": sorted(os.listdir("/proc/self/fd"))}
        if number == args.visits:  # the kiosk still running, as at the first sample
            samples["end"] = sample()
            grown = [os.path.realpath(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd")
                     if fd not in samples["first_fds"]["names"] and os.path.exists(f"/proc/self/fd/{fd}")]
            if grown:
                print(f"soak: files opened since visit {args.first}: {grown}", file=sys.stderr)

    outcome = simulate(config, args.visits, seed=args.seed, on_visit=on_visit, progress=False)
    recorded = count_recorded(data)
    for finding in outcome.stuck:  # a simulated visitor who could not go on (the seed replays it)
        print(f"soak: stuck: {finding}", file=sys.stderr)
    monkey_rate = None
    if args.monkey_events:
        from kiosk.ui.monkey import monkey

        mconfig = replace(config, data_dir=Path(tempfile.mkdtemp(prefix="passerelle-soak-monkey-")))
        m = monkey(mconfig, args.monkey_events, seed=args.seed, progress=False)
        monkey_rate = round(m.events_per_s, 2)
        for failure in m.failures:
            print(f"soak: monkey: {failure}", file=sys.stderr)
    first, end = samples["first"], samples["end"]
    result: dict[str, Any] = {
        "visits": outcome.visits,
        "seconds": round(outcome.seconds, 1),
        "visits_per_min": round(outcome.visits / max(outcome.seconds, 1e-9) * 60, 1),
        "first": args.first,
        "rss_mib_at_first": round(first["rss"], 1),
        "rss_mib_at_end": round(end["rss"], 1),
        "growth_ratio": round(end["rss"] / first["rss"] - 1, 3),
        **{f"{key}_{when}": int(samples[label][key]) for key in ("fds", "font_files", "threads", "textures", "sounds")
           for when, label in (("at_first", "first"), ("at_end", "end"))},
        "recorded": recorded,
        "lost": outcome.visits - recorded,
        "stuck": len(outcome.stuck),
        "monkey_events_per_s": monkey_rate,
    }
    ok = ((args.short or result["growth_ratio"] <= GROWTH_GOAL) and result["lost"] == 0 and not outcome.stuck
          and all(end[k] <= first[k] for k in ("fds", "threads", "sounds"))
          and end["textures"] <= first["textures"] * 1.1 + 5)
    print(json.dumps(result))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
