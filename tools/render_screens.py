"""Render every visitor screen x language x text size to PNG, for looking and comparing.

    python tools/render_screens.py OUT_DIR [--compare OTHER_DIR]

Each render is one ``kiosk screenshot`` (a fresh headless kiosk). With
``--compare`` the new renders are compared pixel by pixel (Pillow) with the
same files in OTHER_DIR, and the ones that differ are listed with the share
of pixels that changed. Exit status 1 if any differ.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

SCREENS = {
    "welcome": [],
    "language": [],
    "catalogue": [],
    "walkthrough": ["--procedure", "email", "--step", "1"],
    "practice": ["--procedure", "email", "--step", "3"],
    "finished": [],
    "help": [],
    "idle": [],
}
LANGS = ("fr", "en", "ar")
SCALES = ("1.0", "2.0")


def render(out: Path, screen: str, lang: str, scale: str) -> Path:
    """One screen to ``out/SCREEN-LANG-SCALE.png`` through the kiosk's own screenshot command."""
    path = out / f"{screen}-{lang}-{scale}.png"
    kind = "walkthrough" if screen == "practice" else screen
    cmd = [sys.executable, "-m", "kiosk", "screenshot", "--screen", kind, "--lang", lang,
           "--text-scale", scale, "--out", str(path), *SCREENS[screen]]
    subprocess.run(cmd, check=True, capture_output=True)
    return path


def differing(a: Path, b: Path) -> float:
    """Share of pixels that differ between two PNGs (1.0 when the sizes differ)."""
    from PIL import Image, ImageChops

    with Image.open(a) as ia, Image.open(b) as ib:
        if ia.size != ib.size:
            return 1.0
        diff = ImageChops.difference(ia.convert("RGB"), ib.convert("RGB")).convert("L")
        changed = sum(diff.point(lambda v: 255 if v else 0).histogram()[255:])
        return changed / (ia.size[0] * ia.size[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    jobs = [(s, lang, scale) for s in SCREENS for lang in LANGS for scale in SCALES]
    with ThreadPoolExecutor(args.jobs) as pool:
        paths = list(pool.map(lambda job: render(args.out, *job), jobs))
    print(f"{len(paths)} screens rendered to {args.out}")
    if not args.compare:
        return 0
    bad = 0
    for path in paths:
        share = differing(path, args.compare / path.name)
        if share:
            bad += 1
            print(f"differs: {path.name}: {share:.2%} of pixels")
    print(f"{len(paths) - bad} identical, {bad} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
