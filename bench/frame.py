"""How long one redraw of each visitor screen takes, headless (Mesa llvmpipe).

Run: ``python bench/frame.py``. The real app is driven by the Pilot to each
screen (welcome, language, catalogue, a walkthrough step with its practice
page, the help overlay), then the whole window is redrawn 30 times; each sample
is one ``on_draw`` plus ``glFinish`` (the raster threads' work counts). The peer
is a bare Kivy window with a pictogram, two labels and one button, redrawn the
same way in the same process. The last line is one JSON object: median
milliseconds per screen and for the peer. A touch is answered within a frame:
these figures are what a tap waits for before the screen changes.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.config import KioskConfig  # noqa: E402
from kiosk.testing.pilot import Pilot  # noqa: E402
from kiosk.ui import bootstrap  # noqa: E402

SAMPLES = 30


def redraw_ms() -> float:
    """Median milliseconds to draw the whole window once, GL work included."""
    from kivy.core.window import Window
    from kivy.graphics.opengl import glFinish

    glFinish()
    times = []
    for _ in range(SAMPLES):
        start = time.perf_counter()
        Window.dispatch("on_draw")
        glFinish()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 2)


def bare_peer() -> float:
    """A bare Kivy screen like the welcome screen, on the same window."""
    from kivy.core.window import Window
    from kivy.uix.boxlayout import BoxLayout
    from kivy.uix.button import Button
    from kivy.uix.image import Image
    from kivy.uix.label import Label

    root = BoxLayout(orientation="vertical", padding=40, spacing=20)
    root.add_widget(Image(source=str(ROOT / "assets" / "pictograms" / "hand.png"), size_hint_y=None, height=120,
                          color=(0, 0, 0, 1)))
    root.add_widget(Label(text="Bienvenue", font_size=60, color=(0, 0, 0, 1)))
    root.add_widget(Label(text="Ici, vous apprenez a faire vos demarches sur internet.", font_size=40,
                          color=(0, 0, 0, 1)))
    root.add_widget(Button(text="Touchez ici pour commencer", font_size=40, size_hint_y=None, height=110))
    for child in list(Window.children):
        Window.remove_widget(child)
    Window.add_widget(root)
    Window.size = Window.size  # lay out at the window's size
    from kivy.base import EventLoop

    for _ in range(4):
        EventLoop.idle()
    return redraw_ms()


def main() -> None:
    # A private data folder: the visits a benchmark makes are not real ones for the logbook.
    config = replace(KioskConfig(), data_dir=Path(tempfile.mkdtemp(prefix="passerelle-bench-")))
    bootstrap.prepare(config, windowed=True, headless=True)
    bootstrap.quiet_kivy_logging()
    figures: dict[str, float] = {}
    with Pilot.run(config) as pilot:
        figures["welcome_ms"] = redraw_ms()
        pilot.tap("start_button")
        figures["language_ms"] = redraw_ms()
        pilot.tap("language_fr")
        figures["catalogue_ms"] = redraw_ms()
        pilot.tap("procedure_email")
        pilot.tap("next_button")
        assert pilot.has("practice_banner"), "the email procedure's second step shows a practice page"
        figures["walkthrough_practice_ms"] = redraw_ms()
        pilot.tap("help_button")
        figures["help_overlay_ms"] = redraw_ms()
        pilot.tap("close_button")
    figures["kivy_bare_ms"] = bare_peer()
    figures["samples"] = SAMPLES
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
