"""What a visitor waits for: from lifting a finger to the next screen fully drawn.

Run: ``python bench/latency.py [--runs N] [--profile]``. The real kiosk runs
headless (software rendering: Mesa llvmpipe here) and is tapped with real touch
events, as the Pilot sends them (a :class:`kiosk.ui.fingers.Finger` down, frames, then up).
Each sample starts when the finger lifts (buttons act on release) and ends with
the last frame that changed the screen (after it, frames in a row draw nothing
and nothing is due: no layout, text or kv update, no fade), with ``glFinish``
after each frame so the rasteriser's work counts.

Transitions of one visitor flow, in order: ``start`` (welcome -> language),
``language`` (-> catalogue), ``open_procedure`` (-> the email lesson's first
step), ``next_practice`` (-> the first step with a practice page), ``wrong_tap``
(a tap beside the target -> the written and spoken hint), ``help`` (the help
overlay), ``close_help``, ``back`` (one step back), ``selfcheck_answer`` (at the
lesson's end, "Check what I learnt", then the right tap on a self-check task's
page -> praise and the next task's page), ``diagnostic_answer`` (on the catalogue,
"Where do I start?", then the right tap on its first task -> praise and the second
task's page), ``scan_step`` (the switch profile on the catalogue: Space moves the
highlight to the next stop, said and drawn). Steps are found from the content, not
written in.

The peer, measured in the same process on the same window: a bare Kivy app (a
ScreenManager without transition) switching between two screens with the same
number of widgets as the kiosk's screen after that transition, by a tap on a
button. Runs are paired and alternated (kiosk flow then peer, then peer then
kiosk), so a slow spell of the shared machine lands on both sides. Figures are
milliseconds; p50 and p95 over the runs (the first, warm-up run, is dropped).
In the real kiosk, 60 fps pacing adds up to one frame (16.7 ms) to each.

The last line is one JSON object: per transition p50/p95 and the peer's,
the worst p95 and the goal (p95 <= 100 ms), and the load average at the end. ``--profile`` then runs the flow
under cProfile and prints, for each transition over the goal, where its time
goes (cumulative, top functions).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.config import KioskConfig  # noqa: E402
from kiosk.testing.pilot import Pilot  # noqa: E402
from kiosk.ui import bootstrap  # noqa: E402

RUNS = 20
GOAL_P95_MS = 100.0
MAX_FRAMES = 60
PROCEDURE = "email"
TRANSITIONS = ("start", "language", "open_procedure", "next_practice", "wrong_tap", "help", "close_help", "back",
               "selfcheck_answer", "diagnostic_answer", "scan_step")


# -- timing one touch ---------------------------------------------------------------------
QUIET_FRAMES = 3


def _due_now() -> bool:
    """Whether something (a layout, a text or kv update) waits for the next frame."""
    from kivy.clock import Clock

    return any(event.timeout <= 0 and not event.loop for event in Clock.get_events())


def _frames_until_drawn() -> tuple[float, int]:
    """Run frames until the screen stops changing; (the end of the last frame that drew, frames drawn).

    The screen is fully drawn once a few frames in a row have nothing to draw
    and nothing due: a fade (ModalView's) draws at every frame until it ends, so
    it counts; an animation that changes nothing on screen (a scroll bar's
    colour set to itself) draws nothing and does not.
    """
    from kivy.base import EventLoop
    from kivy.core.window import Window
    from kivy.graphics.opengl import glFinish

    drawn = [0]

    def count(*_: object) -> None:
        drawn[0] += 1

    Window.bind(on_flip=count)
    try:
        end, quiet, frames = time.perf_counter(), 0, 0
        while quiet < QUIET_FRAMES and frames < MAX_FRAMES:
            before = drawn[0]
            EventLoop.idle()
            if drawn[0] > before:
                glFinish()
                end, quiet, frames = time.perf_counter(), 0, frames + 1
            elif not _due_now():
                quiet += 1
        return end, frames
    finally:
        Window.unbind(on_flip=count)


def timed_tap(x: float, y: float) -> tuple[float, int]:
    """Touch at window point ``(x, y)``: milliseconds from the lift to the screen drawn, and frames."""
    from kiosk.ui.fingers import Finger

    finger = Finger(x, y)
    finger.down()
    _frames_until_drawn()  # the finger is down: the pressed look is drawn
    start = time.perf_counter()
    finger.up()
    end, frames = _frames_until_drawn()
    return (end - start) * 1000, frames


def timed_key(name: str) -> tuple[float, int]:
    """A key pressed and released (as a switch interface sends it): milliseconds to the screen drawn, and frames."""
    from kivy.core.window import Window

    from kiosk.keymap import KEY_CODES

    code = KEY_CODES[name]
    start = time.perf_counter()
    Window.dispatch("on_key_down", code, 0, None, [])
    Window.dispatch("on_keyboard", code, 0, None, [])
    Window.dispatch("on_key_up", code, 0)
    end, frames = _frames_until_drawn()
    return (end - start) * 1000, frames


def centre(widget: Any) -> tuple[float, float]:
    return widget.to_window(*widget.center)


def widget_count() -> int:
    """Widgets on the window now: the screen on show and any overlay."""
    from kivy.core.window import Window

    return sum(1 for root in Window.children for _ in root.walk(restrict=True))


# -- the kiosk ----------------------------------------------------------------------------
class KioskFlow:
    """One visitor flow through the real kiosk, each transition timed."""

    def __init__(self, pilot: Pilot) -> None:
        self.pilot = pilot
        procedure = pilot.services.content.get(PROCEDURE)
        self.practice_index = next(i for i, s in enumerate(procedure.steps) if i > 0 and s.replica is not None)
        replica = procedure.steps[self.practice_index].replica
        others = [e for e in replica.elements if e.id != replica.target and e.kind != "text"]
        self.wrong_name = f"replica_{others[0].id}" if others else "practice_banner"
        #: the first self-check task answered by a tap, and the tasks before it (answered untimed)
        self.check_index = next(i for i, c in enumerate(procedure.checks) if c.replica.action == "tap")
        self.check_target = f"replica_{procedure.checks[self.check_index].replica.target}"
        self.last_step = len(procedure.steps) - 1
        self.widgets: dict[str, int] = {}

    def tap(self, name: str) -> tuple[float, int]:
        widget = self.pilot.find(name)
        self.pilot.scroll_into_view(widget)
        return timed_tap(*centre(widget))

    def run(self, record: Callable[[str, float, int], None],
            around: Callable[[str, Callable[[], tuple[float, int]]], tuple[float, int]] | None = None) -> None:
        """Walk the flow once from the welcome screen and back to it; ``record`` each transition."""
        pilot = self.pilot
        assert pilot.screen == "welcome", pilot.screen
        around = around or (lambda _name, act: act())
        steps: list[tuple[str, str, Callable[[], bool]]] = [
            ("start", "start_button", lambda: pilot.screen == "language"),
            ("language", "language_fr", lambda: pilot.screen == "catalogue"),
            ("open_procedure", f"procedure_{PROCEDURE}", lambda: pilot.services.visit.step_index == 0),
        ]
        for name, target, check in steps:
            record(name, *around(name, lambda t=target: self.tap(t)))
            assert check(), (name, pilot.screen)
            self.widgets[name] = widget_count()
        for _ in range(self.practice_index - 1):
            pilot.tap("next_button")
        record("next_practice", *around("next_practice", lambda: self.tap("next_button")))
        assert pilot.has("practice_banner") and pilot.services.visit.step_index == self.practice_index
        self.widgets["next_practice"] = widget_count()
        record("wrong_tap", *around("wrong_tap", lambda: self.tap(self.wrong_name)))
        assert pilot.find("hint_panel").heading, "the wrong tap showed no hint"
        self.widgets["wrong_tap"] = widget_count()
        record("help", *around("help", lambda: self.tap("help_button")))
        assert pilot.overlay == "HelpOverlay"
        self.widgets["help"] = widget_count()
        record("close_help", *around("close_help", lambda: self.tap("close_button")))
        assert pilot.overlay is None
        self.widgets["close_help"] = widget_count()
        record("back", *around("back", lambda: self.tap("back_button")))
        visit = pilot.services.visit
        assert visit.step_index == self.practice_index - 1, (pilot.screen, visit.step_index, pilot.overlay)
        self.widgets["back"] = widget_count()
        while pilot.screen != "welcome":  # back to the start (not timed)
            pilot.tap("back_button")
        # A second visit, to the lesson's end and its self-checks (not timed until the answer).
        pilot.tap("start_button")
        pilot.tap("language_fr")
        pilot.ui.nav.open_procedure(PROCEDURE, self.last_step)
        pilot.settle()
        pilot.tap("next_button")
        pilot.tap("selfcheck_button")
        for _ in range(self.check_index):
            pilot.ui.nav.check_answer(True)
        pilot.settle()
        record("selfcheck_answer", *around("selfcheck_answer", lambda: self.tap(self.check_target)))
        assert visit.check_index == self.check_index + 1, (pilot.screen, visit.check_index)
        self.widgets["selfcheck_answer"] = widget_count()
        pilot.ui.nav.go("catalogue")  # "Where do I start?" from the catalogue (not timed until the answer)
        pilot.settle()
        pilot.tap("diagnostic_button")
        first = pilot.ui.nav.flow.check
        target = f"replica_{first.replica.target}"
        record("diagnostic_answer", *around("diagnostic_answer", lambda: self.tap(target)))
        assert pilot.screen == "diagnostic" and visit.check_index == 1, (pilot.screen, visit.check_index)
        self.widgets["diagnostic_answer"] = widget_count()
        pilot.ui.nav.go("catalogue")  # switch access on the catalogue, its longest screen (not timed until Space)
        pilot.ui.nav.toggle_profile("switch")
        pilot.settle()
        record("scan_step", *around("scan_step", lambda: timed_key("spacebar")))
        assert pilot.app.scan.scanner.index == 1, pilot.app.scan.scanner.index
        self.widgets["scan_step"] = widget_count()
        pilot.ui.nav.toggle_profile("switch")
        pilot.settle()
        while pilot.screen != "welcome":  # back to the start for the next run (not timed): the Back key
            pilot.press("escape")


# -- the peer -----------------------------------------------------------------------------
class Peer:
    """A bare Kivy ScreenManager switching between two screens of ``count`` widgets by a tap."""

    def __init__(self, count: int) -> None:
        from kivy.uix.button import Button
        from kivy.uix.gridlayout import GridLayout
        from kivy.uix.label import Label
        from kivy.uix.screenmanager import NoTransition, Screen, ScreenManager

        self.manager = ScreenManager(transition=NoTransition())
        self.buttons = []
        for side in ("a", "b"):
            screen = Screen(name=side)
            grid = GridLayout(cols=4, padding=20, spacing=10)
            leaves = max(1, count - 3)  # manager, screen and grid count too
            button = Button(text="Suivant", font_size=28)
            button.bind(on_release=lambda _b, to="b" if side == "a" else "a": setattr(self.manager, "current", to))
            grid.add_widget(button)
            for i in range(leaves - 1):
                grid.add_widget(Label(text=f"Texte {side} {i}", font_size=24, color=(0, 0, 0, 1)))
            screen.add_widget(grid)
            self.manager.add_widget(screen)
            self.buttons.append(button)

    def switch(self) -> tuple[float, int]:
        button = self.buttons[0] if self.manager.current == "a" else self.buttons[1]
        return timed_tap(*centre(button))


class PeerStage:
    """Puts a peer on the window in place of the kiosk, and the kiosk back."""

    def __init__(self, pilot: Pilot) -> None:
        self.app = pilot.app
        self.pilot = pilot

    def _kiosk_listeners(self) -> dict[str, Any]:
        # The kiosk listens to every touch on the window (activity, explore by touch);
        # the peer is measured without them.
        names = {"on_touch_down": "_on_activity", "on_touch_move": "_on_touch_move"}
        return {event: getattr(self.app, method) for event, method in names.items() if hasattr(self.app, method)}

    def run(self, peers: dict[str, Peer], record: Callable[[str, float, int], None]) -> None:
        from kivy.base import EventLoop
        from kivy.core.window import Window

        kiosk_root = self.app.root
        Window.remove_widget(kiosk_root)
        Window.unbind(**self._kiosk_listeners())
        try:
            for name, peer in peers.items():
                Window.add_widget(peer.manager)
                for _ in range(4):
                    EventLoop.idle()
                record(name, *peer.switch())
                Window.remove_widget(peer.manager)
        finally:
            Window.bind(**self._kiosk_listeners())
            Window.add_widget(kiosk_root)
            self.pilot.settle()


# -- figures ------------------------------------------------------------------------------
def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) by linear interpolation, as numpy's default."""
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def profile(pilot: Pilot, flow: KioskFlow, names: list[str]) -> dict[str, list[str]]:
    """Where the time of each transition in ``names`` goes: top cumulative entries under cProfile."""
    out: dict[str, list[str]] = {}

    def around(name: str, act: Callable[[], tuple[float, int]]) -> tuple[float, int]:
        if name not in names:
            return act()
        profiler = cProfile.Profile()
        profiler.enable()
        try:
            return act()
        finally:
            profiler.disable()
            text = io.StringIO()
            pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(25)
            out[name] = [line for line in text.getvalue().splitlines() if line.strip()]

    flow.run(lambda *_: None, around)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--profile", action="store_true", help="profile the transitions over the goal")
    args = parser.parse_args()
    # A private data folder: the visits a benchmark makes are not real ones for the logbook.
    config = replace(KioskConfig(), data_dir=Path(tempfile.mkdtemp(prefix="passerelle-bench-")))
    bootstrap.prepare(config, windowed=True, headless=True)
    bootstrap.quiet_kivy_logging()
    kiosk: dict[str, list[float]] = {name: [] for name in TRANSITIONS}
    frames: dict[str, list[int]] = {name: [] for name in TRANSITIONS}
    peer: dict[str, list[float]] = {name: [] for name in TRANSITIONS}
    with Pilot.run(config) as pilot:
        assert pilot.services.content.finished(timeout=60), "the content did not load"
        flow = KioskFlow(pilot)
        flow.run(lambda *_: None)  # warm-up: every screen built and drawn once
        peers = {name: Peer(flow.widgets[name]) for name in TRANSITIONS}
        stage = PeerStage(pilot)
        stage.run(peers, lambda *_: None)  # warm-up for the peers too

        def keep_kiosk(name: str, ms: float, n: int) -> None:
            kiosk[name].append(ms)
            frames[name].append(n)

        def keep_peer(name: str, ms: float, _n: int) -> None:
            peer[name].append(ms)

        for run in range(args.runs):
            # Pairs in alternating order, so a slow spell lands on both sides.
            if run % 2:
                stage.run(peers, keep_peer)
                flow.run(keep_kiosk)
            else:
                flow.run(keep_kiosk)
                stage.run(peers, keep_peer)
        result: dict[str, Any] = {"transitions": {}}
        for name in TRANSITIONS:
            result["transitions"][name] = {
                "p50_ms": round(percentile(kiosk[name], 0.5), 1),
                "p95_ms": round(percentile(kiosk[name], 0.95), 1),
                "peer_p50_ms": round(percentile(peer[name], 0.5), 1),
                "peer_p95_ms": round(percentile(peer[name], 0.95), 1),
                "widgets": flow.widgets[name],
                "frames": statistics.median(frames[name]),
            }
        worst = max(TRANSITIONS, key=lambda n: result["transitions"][n]["p95_ms"])
        over = [n for n in TRANSITIONS if result["transitions"][n]["p95_ms"] > GOAL_P95_MS]
        result.update(worst_p95_ms=result["transitions"][worst]["p95_ms"], worst=worst,
                      peer_worst_p95_ms=max(t["peer_p95_ms"] for t in result["transitions"].values()),
                      over_goal=over, goal_p95_ms=GOAL_P95_MS, runs=args.runs,
                      # a shared machine: figures taken under load are not comparable with quiet ones
                      load_average=[round(x, 2) for x in os.getloadavg()])
        if args.profile and over:
            for name, lines in profile(pilot, flow, over).items():
                print(f"--- {name}: cProfile, cumulative ---")
                print("\n".join(lines[:40]))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
