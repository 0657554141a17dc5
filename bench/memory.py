"""Does memory level off over a few hundred visitor-like screen changes?

Run: ``python bench/memory.py [--changes N] [--trace]``. The real app runs headless,
driven by the Pilot as a visitor would: start, a language (fr, en, ar in turn),
the text size (100 % or 200 %, by the low-vision toggle), the catalogue, a
procedure (each in turn), a few steps forward, back, help and close, on to the
well-done screen, then a new visit. Every tap that changes the screen, the step
or the overlay counts as one screen change.

Resident memory (``/proc/self/statm``) is sampled after the first 100 changes and
at the end, with Python's objects counted by type (``gc.get_objects()``) at both
points. The last line is one JSON object: ``rss_mib_at_100``, ``rss_mib_at_end``,
``growth_ratio`` (end over 100, minus one; the goal is < 0.10), the live kiosk
widgets at both points and the ten types that grew most. ``--trace`` also prints
the lines that allocated most between the two points (tracemalloc; slower).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.config import KioskConfig  # noqa: E402
from kiosk.testing.pilot import Pilot  # noqa: E402

LANGS = ("fr", "en", "ar")
#: widget classes whose live count shows a leak at once
WATCHED = ("KioskScreen", "BigButton", "KioskLabel", "Label", "Panel", "ScrollPane")


def rss_mib() -> float:
    """Resident memory of this process, MiB (Linux ``/proc/self/statm``)."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def type_counts() -> Counter[str]:
    """Live objects tracked by the garbage collector, by type name (after a full collection)."""
    gc.collect()
    return Counter(type(obj).__name__ for obj in gc.get_objects())


def live_widgets() -> dict[str, int]:
    """Live instances of the watched kiosk widget classes (subclasses included)."""
    from kivy.uix.label import Label

    from kiosk.ui.screens.base import KioskScreen
    from kiosk.ui.widgets import BigButton, KioskLabel, Panel, ScrollPane

    classes = {"KioskScreen": KioskScreen, "BigButton": BigButton, "KioskLabel": KioskLabel, "Label": Label,
               "Panel": Panel, "ScrollPane": ScrollPane}
    gc.collect()
    counts = dict.fromkeys(WATCHED, 0)
    for obj in gc.get_objects():
        for name, cls in classes.items():
            if issubclass(type(obj), cls):  # not the weak proxies Kivy keeps
                counts[name] += 1
    return counts


class Tour:
    """Visitor rounds through the kiosk, counting screen changes."""

    def __init__(self, pilot: Pilot, procedures: list[str], on_change: Any = None) -> None:
        self.pilot = pilot
        self.procedures = procedures
        self.changes = 0
        self.rounds = 0
        self.lost_taps = 0
        self.on_change = on_change

    def where(self) -> tuple[str, int, str | None]:
        return self.pilot.screen, self.pilot.services.visit.step_index, self.pilot.overlay

    def tap(self, name: str) -> None:
        """Tap ``name``; count a screen change if the screen, step or overlay changed.

        A tap that changed nothing is logged (stderr) and counted in ``lost_taps``,
        then tried again once the layout has settled: the figures are about memory.
        """
        before = self.where()
        for _attempt in range(3):
            widget = self.pilot.find(name)
            box = (widget.to_window(*widget.pos), tuple(widget.size))
            self.pilot.tap(name)
            if self.where() != before:
                break
            self.lost_taps += 1
            after = (widget.to_window(*widget.pos), tuple(widget.size))
            visit = self.pilot.services.visit
            print(f"lost tap on {name!r} at {before}: box before {box}, after {after}; exploring "
                  f"{visit.explore_by_touch}, idle {self.pilot.app.idle.state}, state {widget.state}, "
                  f"disabled {widget.disabled}", file=sys.stderr)
            self.pilot.settle(20)
        else:
            raise AssertionError(f"tapping {name!r} three times changed nothing on {before}")
        self.changes += 1
        if self.on_change is not None:
            self.on_change(self.changes)

    def round(self) -> None:
        """One visit: language and text size in turn, a procedure from start to well done."""
        pilot = self.pilot
        lang = LANGS[self.rounds % len(LANGS)]
        large = (self.rounds // len(LANGS)) % 2 == 1
        procedure = self.procedures[self.rounds % len(self.procedures)]
        self.rounds += 1
        assert pilot.screen == "welcome", pilot.screen
        if large:
            pilot.tap("profile_low_vision")  # 150 %
            pilot.tap("profile_low_vision")  # 200 %
        self.tap("start_button")
        self.tap(f"language_{lang}")
        self.tap("help_button")
        self.tap("close_button")
        self.tap(f"procedure_{procedure}")
        steps = len(pilot.services.content.get(procedure).steps)
        if steps > 1:
            self.tap("next_button")
            self.tap("back_button")
        self.tap("help_button")
        self.tap("close_button")
        for _ in range(steps):
            self.tap("next_button")
        assert pilot.screen == "finished", pilot.screen
        self.tap("again_button")  # back to the catalogue
        self.tap("back_button")  # the language screen
        self.tap(f"language_{lang}")
        self.tap(f"procedure_{procedure}")
        for _ in range(steps):
            self.tap("next_button")
        self.tap("end_button")  # a new visit: the welcome screen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=400, help="screen changes in all (at least 200)")
    parser.add_argument("--trace", action="store_true", help="also print tracemalloc's top growing lines")
    args = parser.parse_args()
    from kiosk.content.loader import load

    content = load([ROOT / "content"])
    procedures = sorted(p.id for p in content.procedures)
    samples: dict[str, Any] = {}
    first = 100

    def sample(label: str) -> None:
        samples[label] = {"rss": rss_mib(), "types": type_counts(), "widgets": live_widgets()}
        if args.trace:
            samples[label]["trace"] = tracemalloc.take_snapshot()

    if args.trace:
        tracemalloc.start(12)
    # A private data folder: the visits a benchmark makes are not real ones for the logbook.
    config = replace(KioskConfig(), data_dir=Path(tempfile.mkdtemp(prefix="passerelle-bench-")))
    start = time.monotonic()
    with Pilot.run(config, content=content) as pilot:
        tour = Tour(pilot, procedures, on_change=lambda n: sample("first") if n == first else None)
        while tour.changes < max(args.changes, first * 2):
            tour.round()
        sample("end")
        changes, rounds, lost = tour.changes, tour.rounds, tour.lost_taps
    seconds = time.monotonic() - start
    at_first, at_end = samples["first"], samples["end"]
    growth = at_end["types"] - at_first["types"]
    if args.trace:
        stats = at_end["trace"].compare_to(at_first["trace"], "traceback")
        for stat in stats[:15]:
            print(f"{stat.size_diff / 1024:+.0f} KiB {stat.count_diff:+d} objects", file=sys.stderr)
            for line in stat.traceback.format()[-8:]:
                print("    " + line, file=sys.stderr)
    result = {
        "changes": changes,
        "rounds": rounds,
        "lost_taps": lost,
        "seconds": round(seconds, 1),
        "rss_mib_at_100": round(at_first["rss"], 1),
        "rss_mib_at_end": round(at_end["rss"], 1),
        "growth_ratio": round(at_end["rss"] / at_first["rss"] - 1, 3),
        "widgets_at_100": at_first["widgets"],
        "widgets_at_end": at_end["widgets"],
        "top_growing_types": dict(growth.most_common(10)),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
