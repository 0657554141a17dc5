"""Cold start: ``kiosk screenshot --screen welcome`` against the floor of any Kivy app.

Run: ``python bench/startup.py``. Each sample is a fresh process, from start to
the PNG written and the process gone. The peer is a bare Kivy app rendering one
similar screen (a pictogram, a title, a paragraph, one big button) the same way:
offscreen SDL, a screenshot once the first frame is drawn, exit. It is the floor
of any Kivy app on this machine. Both screenshots are checked to hold a drawn
screen, not a frame read before drawing. 11 pairs, each run back to back in
alternating order; ``ratio`` is the median of the pairs' ratios (a slow spell of
the machine lands on both sides of a pair), ``ratio_of_medians`` and
``ratio_of_fastest`` are given beside it. Peak memory is the child's maximum
resident set. The last line is one JSON object: ``cold_start_s``,
``kivy_floor_s``, ``ratio``, ``peak_mib`` (goal: ratio <= 1.3, peak <= 220 MiB).
"""

from __future__ import annotations

import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 11

BARE_KIVY = r'''
import os, sys
os.environ.update(SDL_VIDEODRIVER="offscreen", SDL_AUDIODRIVER="dummy", KIVY_NO_ARGS="1",
                  KIVY_NO_FILELOG="1", KIVY_LOG_MODE="PYTHON", KIVY_HOME=sys.argv[2])
from kivy.config import Config
Config.set("graphics", "width", "1920"); Config.set("graphics", "height", "1080")
from kivy.app import App
from kivy.core.window import Window
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.button import Button
from kivy.uix.image import Image
from kivy.uix.label import Label

class Bare(App):
    def build(self):
        root = BoxLayout(orientation="vertical", padding=40, spacing=20)
        # a white pictogram, tinted
        root.add_widget(Image(source=sys.argv[3], size_hint_y=None, height=120, color=(0, 0, 0, 1)))
        root.add_widget(Label(text="Bienvenue", font_size=60, color=(0, 0, 0, 1)))
        root.add_widget(Label(text="Ici, vous apprenez a faire vos demarches sur internet.", font_size=40,
                              color=(0, 0, 0, 1), text_size=(1800, None)))
        root.add_widget(Button(text="Touchez ici pour commencer", font_size=40, size_hint_y=None, height=110))
        Window.clearcolor = (1, 1, 1, 1)
        Window.bind(on_flip=self.shot)  # after the first frame is drawn, as the kiosk does
        return root
    def shot(self, *_):
        Window.unbind(on_flip=self.shot)
        written = Window.screenshot(name=sys.argv[1].replace(".png", "%(counter)s.png"))
        os.replace(written, sys.argv[1])
        self.stop()

Bare().run()
'''


def drawn(png: Path) -> bool:
    """Whether a PNG holds a drawn screen, not one flat colour (a frame read before drawing)."""
    data, pos, pixels = png.read_bytes(), 8, b""
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        if data[pos + 4:pos + 8] == b"IDAT":
            pixels += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return len(set(zlib.decompress(pixels))) > 16


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
    # Installed packages are byte-compiled (pip does it, Kivy's are); an editable
    # install is not, and this machine sets PYTHONDONTWRITEBYTECODE. Compile the
    # kiosk as ./passerelle does, so both sides start from compiled code.
    compileall.compile_dir(ROOT / "kiosk", quiet=1)
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
        for i in range(RUNS):
            # Each pair runs back to back, in alternating order, so a slow spell of
            # the machine lands on both sides of the same pair.
            if i % 2:
                bare.append(run(bare_cmd))
                kiosk.append(run(kiosk_cmd))
            else:
                kiosk.append(run(kiosk_cmd))
                bare.append(run(bare_cmd))
        for png in (out / "k.png", out / "b.png"):
            if not drawn(png):
                raise SystemExit(f"{png.name}: the screenshot is one flat colour; the screen was not drawn")
    cold = statistics.median(t for t, _ in kiosk)
    floor = statistics.median(t for t, _ in bare)
    result = {
        "cold_start_s": round(cold, 3),
        "kivy_floor_s": round(floor, 3),
        "ratio": round(statistics.median(k / b for (k, _), (b, _) in zip(kiosk, bare, strict=True)), 3),
        "ratio_of_medians": round(cold / floor, 3),
        "ratio_of_fastest": round(min(t for t, _ in kiosk) / min(t for t, _ in bare), 3),
        "peak_mib": round(max(m for _, m in kiosk), 1),
        "kivy_floor_peak_mib": round(max(m for _, m in bare), 1),
        "runs": RUNS,
        "goal": {"ratio": 1.3, "peak_mib": 220},
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
