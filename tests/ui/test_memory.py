"""Visits do not pile up widgets: what a screen drops is gone, whatever the visitor did.

A few hundred screen changes once grew the kiosk's memory without end: buttons
rebuilt on every well-done screen stayed bound to the shared style for ever.
This counts the kiosk's live widgets (through the garbage collector, not
resident memory, which ``bench/memory.py`` measures) at the same point of
every visit: back on the welcome screen. After the first visit has built every
screen, the counts must not grow.
"""

from __future__ import annotations

import gc
import time
import weakref
from dataclasses import replace

import pytest

from kiosk.config import KioskConfig
from kiosk.testing.pilot import Pilot

LANGS = ("fr", "en", "ar")
#: screen changes in all: enough for a leak of a few widgets a visit to show clearly
CHANGES = 60


def live_widgets() -> dict[str, int]:
    """Live KioskScreen, BigButton and Label instances (Kivy's weak proxies not counted)."""
    from kivy.uix.label import Label

    from kiosk.ui.screens.base import KioskScreen
    from kiosk.ui.widgets import BigButton

    classes = {"KioskScreen": KioskScreen, "BigButton": BigButton, "Label": Label}
    gc.unfreeze()  # the kiosk freezes survivors at welcome (kiosk.ui.heap): frozen ones count too
    gc.collect()
    counts = dict.fromkeys(classes, 0)
    for obj in gc.get_objects():
        for name, cls in classes.items():
            if issubclass(type(obj), cls):
                counts[name] += 1
    return counts


class Visitor:
    """Taps through whole visits, counting the taps that change the screen, step or overlay."""

    def __init__(self, pilot: Pilot) -> None:
        self.pilot = pilot
        self.changes = 0
        self.visits = 0
        # the shortest procedures, from the content, so a visit is quick whatever it holds
        procedures = sorted(pilot.services.content.procedures, key=lambda p: (len(p.steps), p.id))
        self.procedures = [p.id for p in procedures[:2]]

    def tap(self, name: str) -> None:
        """Tap ``name`` until the screen, step or overlay changes (a lost tap is not this test's subject)."""
        pilot = self.pilot
        before = (pilot.screen, pilot.services.visit.step_index, pilot.overlay)
        for _attempt in range(3):
            pilot.tap(name)
            if (pilot.screen, pilot.services.visit.step_index, pilot.overlay) != before:
                break
            pilot.settle(20)
        else:
            raise AssertionError(f"tapping {name!r} three times changed nothing on {before}")
        self.changes += 1

    def visit(self) -> None:
        """Language and text size in turn; a procedure to the end; help; the other way out too."""
        pilot = self.pilot
        lang = LANGS[self.visits % len(LANGS)]
        large = (self.visits // len(LANGS)) % 2 == 1
        procedure = self.procedures[self.visits % len(self.procedures)]
        self.visits += 1
        assert pilot.screen == "welcome"
        if large:
            pilot.tap("profile_low_vision")  # 150 %
            pilot.tap("profile_low_vision")  # 200 %
            assert pilot.ui.style.text_scale == 2.0
        self.tap("start_button")
        self.tap(f"language_{lang}")
        self.tap("help_button")
        self.tap("close_button")
        self.tap(f"procedure_{procedure}")
        for _ in pilot.services.content.get(procedure).steps:
            self.tap("next_button")
        assert pilot.screen == "finished"
        self.tap("again_button")
        self.tap(f"procedure_{procedure}")
        self.tap("next_button")
        self.tap("back_button")
        self.tap("back_button")  # the catalogue
        self.tap(self.pilot.find("procedure_" + procedure).name)
        while pilot.screen != "finished":
            self.tap("next_button")
        self.tap("end_button")
        assert pilot.screen == "welcome" and pilot.ui.style.text_scale == 1.0


@pytest.mark.timeout(600)
def test_live_widgets_stay_bounded_over_many_visits(pilot: Pilot) -> None:
    visitor = Visitor(pilot)
    visitor.visit()  # every screen and overlay built once
    settled = live_widgets()  # (an earlier test's kiosk may still be counted: only growth matters)
    assert settled["KioskScreen"] >= len(pilot.app.root.screens)
    while visitor.changes < CHANGES:
        visitor.visit()
    final = live_widgets()
    assert final["KioskScreen"] <= settled["KioskScreen"]
    # A visit that left even one button behind would add one per visit (about six here).
    assert final["BigButton"] <= settled["BigButton"] + 2, (settled, final, visitor.visits)
    assert final["Label"] <= settled["Label"] + 4, (settled, final, visitor.visits)


def _visited_kiosk(config: KioskConfig, content) -> weakref.ref:
    """A kiosk that showed a screen after welcome and its idle warning, then stopped; a weak reference to it."""
    with Pilot.run(config, content=content) as pilot:
        pilot.tap("start_button")
        # every overlay's kv: the idle warning's own rule once kept its kiosk
        pilot.ui.nav.run(pilot.ui.nav.flow.warn_idle())
        pilot.settle()
        assert pilot.overlay == "IdleWarning"
        return weakref.ref(pilot.app)


def test_a_stopped_kiosk_leaves_nothing_behind(config: KioskConfig, shipped_content, tmp_path) -> None:
    # A kv rule that bound through a widget's ``ids`` kept the whole kiosk (about 150,000
    # objects) for the life of the process: every test and every restart added one.
    first = _visited_kiosk(config, shipped_content)
    _visited_kiosk(replace(config, data_dir=tmp_path / "second"), shipped_content)
    # A scroll bar that starts fading out as a kiosk stops (half a second after its last move)
    # holds it until the fade ends, half a second more (Kivy's Animation class keeps running
    # animations): that is not a leak.
    from kivy.base import EventLoop

    end = time.monotonic() + 1.5
    while time.monotonic() < end:
        EventLoop.idle()
    gc.unfreeze()
    gc.collect()
    assert first() is None, "the first kiosk is still alive after the second one ran"


def test_no_kv_rule_binds_through_ids() -> None:
    # What the test above catches at run time, for every rule: Kivy keeps a kv binding on
    # ``x.ids.name.prop`` in a module-level table under a strong reference to the ids dict,
    # which holds its widget. Name the widget by its id instead (``name.prop``).
    import re
    from pathlib import Path

    import kiosk

    through_ids = re.compile(r"\bids\.\w+\.\w+")
    found = [f"{path.name}:{number}: {line.strip()}"
             for path in sorted(Path(kiosk.__file__).parent.rglob("*.kv"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if through_ids.search(line.split("#", 1)[0])]
    assert not found, found


def test_opening_help_again_and_again_adds_no_binding(pilot: Pilot) -> None:
    # Kivy's ModalView binds its centring at every opening: a kiosk open all day had
    # thousands of copies on Help, each run at every size change.
    pilot.tap("start_button")
    pilot.tap("help_button")
    pilot.tap("close_button")
    overlay = pilot.ui.nav.help_overlay
    first = {prop: len(overlay.get_property_observers(prop)) for prop in ("size", "center")}
    for _ in range(5):
        pilot.tap("help_button")
        assert pilot.overlay == "HelpOverlay"
        pilot.tap("close_button")
    assert pilot.overlay is None
    assert {prop: len(overlay.get_property_observers(prop)) for prop in ("size", "center")} == first


def c_heap_mib() -> float:
    """Bytes in use in the C heap (glibc's ``mallinfo2``), MiB: where the renderer keeps its buffers."""
    import ctypes

    class MallInfo2(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in
                    ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
                     "keepcost")]

    try:
        mallinfo2 = ctypes.CDLL("libc.so.6").mallinfo2
    except (OSError, AttributeError):
        pytest.skip("not glibc 2.33 or newer: no mallinfo2")
    mallinfo2.restype = MallInfo2
    return mallinfo2().uordblks / 2**20


def test_frames_drawn_off_screen_are_finished_not_kept(pilot: Pilot) -> None:
    """Off screen nothing shows a frame, so nothing made Mesa's renderer finish one: it kept
    every frame's buffers (1 GB after a long monkey run). The kiosk now finishes each frame."""
    def back_and_forth(times: int) -> None:
        for _ in range(times):
            pilot.tap("start_button")
            assert pilot.screen == "language"
            pilot.press("escape")
            assert pilot.screen == "welcome"

    back_and_forth(10)  # both screens built and drawn once
    before = c_heap_mib()
    back_and_forth(30)
    grown = c_heap_mib() - before
    # Without the finish this grew by 24 MiB over 160 changes (and on, to about 2 GB); with it, by 0.2.
    # (20 back-and-forths were too few: Mesa's growth had not started; 30 without the finish: 23 MiB.)
    assert grown < 2.5, f"the C heap grew by {grown:.1f} MiB over 60 screen changes"
