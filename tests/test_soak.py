"""A short soak: visits in one process leave no file, thread or sound behind, and every visit is recorded.

The full soak (1,000 visits, memory judged) is ``python bench/soak.py``; this one
runs its ``--short`` form with a few visits (PASSERELLE_SOAK_VISITS, default 6: about
a minute on a loaded two-core machine; 100 on a CI machine).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VISITS = int(os.environ.get("PASSERELLE_SOAK_VISITS", "6"))


@pytest.mark.timeout(max(300, VISITS * 12))
def test_a_short_soak_grows_nothing_and_loses_no_visit(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(KIVY_HOME=str(tmp_path / "kivy"), SDL_AUDIODRIVER="dummy", TMPDIR=str(tmp_path))
    first = max(2, VISITS // 3)
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "soak.py"), "--visits", str(VISITS),
                             "--first", str(first), "--monkey-events", "0", "--short"],
                            capture_output=True, text=True, env=env, timeout=max(290, VISITS * 11))
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert result.returncode == 0, (figures, result.stderr[-2000:])
    assert figures["recorded"] == VISITS and figures["lost"] == 0, figures
    assert figures["stuck"] == 0, figures
    assert figures["fds_at_end"] <= figures["fds_at_first"], (figures, result.stderr[-2000:])
    assert figures["threads_at_end"] <= figures["threads_at_first"], figures
    assert figures["sounds_at_end"] <= figures["sounds_at_first"], figures
