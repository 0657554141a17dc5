"""The visit flow, and these stories' harness, load without Kivy."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT

PROBE = """
import json, sys
import kiosk.flow, kiosk.flow.carry, kiosk.services, kiosk.speech.engines, kiosk.staff.desk
import tests.flow.harness
print(json.dumps(sorted(m for m in sys.modules if m == "kivy" or m.startswith("kivy."))))
print(json.dumps("kiosk.flow.activity" in sys.modules))
"""


def test_importing_the_flow_loads_no_kivy() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    kivy, flow_loaded = (json.loads(line) for line in done.stdout.splitlines()[-2:])
    assert flow_loaded  # the probe did import the flow
    assert kivy == []
