"""How long the full accessibility audit takes, and how many screens it checks per second.

Run: ``python bench/audit.py [--jobs N] [--fast]``. Runs ``kiosk audit`` as a fresh
process (as CI and staff run it), with the contact sheets written to a temporary
folder, and reads its summary line. The last line is one JSON object:
``screens_checked``, ``audit_s`` (wall time, start-up and sheets included),
``screens_per_s``, ``violations``, ``jobs``, ``cores``. Goal: the full audit under
5 minutes (300 s) on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_S = 300


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--fast", action="store_true", help="time the CI subset instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "kiosk", "audit", "--out", str(Path(tmp) / "sheets"),
                   "--jobs", str(args.jobs)] + (["--fast"] if args.fast else [])
        env = {**os.environ, "KIVY_HOME": str(Path(tmp) / "kivy")}
        start = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        sheets = sorted(p.name for p in (Path(tmp) / "sheets").glob("*.png"))
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    match = re.fullmatch(r"(\d+) screens checked, (\d+) violations", summary)
    if done.returncode not in (0, 1) or not match:
        raise SystemExit(f"kiosk audit failed (status {done.returncode}):\n{done.stderr[-3000:]}")
    screens, violations = int(match[1]), int(match[2])
    print(f"{summary} in {elapsed:.1f} s with {args.jobs} job(s); sheets: {', '.join(sheets)}", file=sys.stderr)
    print(json.dumps({"screens_checked": screens, "audit_s": round(elapsed, 1),
                      "screens_per_s": round(screens / elapsed, 1), "violations": violations,
                      "fast": args.fast, "jobs": args.jobs, "cores": os.cpu_count(), "goal_s": GOAL_S}))


if __name__ == "__main__":
    main()
