"""Cold start: ``kiosk screenshot --screen welcome`` against the floor of any Kivy app.

Run: ``python bench/startup.py``. Each sample is a fresh process, from start to
the PNG written. The peer is a bare Kivy app rendering one similar screen (a
title, a paragraph, one big button with a pictogram) the same way (offscreen
SDL, screenshot, exit): the floor of any Kivy app on this machine. Medians of 7
runs, alternating the two. Peak memory is the child's maximum resident set.
The last line is one JSON object: ``cold_start_s``, ``kivy_floor_s``, ``ratio``,
``peak_mib`` (goal: ratio <= 1.3, peak <= 220 MiB).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7

BARE_KIVY = r'''
import os, sys
os.environ.update(SDL_VIDEODRIVER="offscreen", SDL_AUDIODRIVER="dummy", KIVY_NO_ARGS="1",
                  KIVY_NO_FILELOG="1", KIVY_LOG_MODE="PYTHON", KIVY_HOME=sys.argv[2])
from kivy.config import Config
Config.set("graphics", "width", "1920"); Config.set("graphics", "height", "1080")
from kivy.app import App
from kivy.clock import Clock
from kivy.core.window import Window
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.button import Button
from kivy.uix.image import Image
from kivy.uix.label import Label

class Bare(App):
    def build(self):
        root = BoxLayout(orientation="vertical", padding=40, spacing=20)
        root.add_widget(Image(source=sys.argv[3], size_hint_y=None, height=120))
        root.add_widget(Label(text="Bienvenue", font_size=60, color=(0, 0, 0, 1)))
        root.add_widget(Label(text="Ici, vous apprenez a faire vos demarches sur internet.", font_size=40,
                              color=(0, 0, 0, 1), text_size=(1800, None)))
        root.add_widget(Button(text="Touchez ici pour commencer", font_size=40, size_hint_y=None, height=110))
        Window.clearcolor = (1, 1, 1, 1)
        Clock.schedule_once(self.shot, 0)
        return root
    def shot(self, _dt):
        written = Window.screenshot(name=sys.argv[1].replace(".png", "%(counter)s.png"))
        os.replace(written, sys.argv[1])
        self.stop()

Bare().run()
'''


def run(cmd: list[str]) -> tuple[float, float]:
    """Seconds from start to exit, and the child's peak RSS in MiB."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{err}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        script = out / "bare.py"
        script.write_text(BARE_KIVY)
        kivy_home = out / "kivy"
        kiosk_cmd = [sys.executable, "-m", "kiosk", "screenshot", "--screen", "welcome", "--out", str(out / "k.png")]
        bare_cmd = [sys.executable, str(script), str(out / "b.png"), str(kivy_home),
                    str(ROOT / "assets" / "pictograms" / "hand.png")]
        run(kiosk_cmd), run(bare_cmd)  # warm the disk cache once, like any later start
        kiosk, bare = [], []
        for _ in range(RUNS):
            kiosk.append(run(kiosk_cmd))
            bare.append(run(bare_cmd))
        assert (out / "k.png").stat().st_size > 0 and (out / "b.png").stat().st_size > 0
    cold = statistics.median(t for t, _ in kiosk)
    floor = statistics.median(t for t, _ in bare)
    result = {
        "cold_start_s": round(cold, 3),
        "kivy_floor_s": round(floor, 3),
        "ratio": round(cold / floor, 3),
        "peak_mib": round(max(m for _, m in kiosk), 1),
        "kivy_floor_peak_mib": round(max(m for _, m in bare), 1),
        "runs": RUNS,
        "goal": {"ratio": 1.3, "peak_mib": 220},
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
