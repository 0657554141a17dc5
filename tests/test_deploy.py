"""The shipped service unit passes ``systemd-analyze verify``; the X session script is sound."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
UNIT = DEPLOY / "passerelle-kiosk.service"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed here")
def test_the_service_unit_verifies(tmp_path: Path) -> None:
    unit = tmp_path / UNIT.name
    shutil.copy(UNIT, unit)
    result = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60)
    messages = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    # The unit names the X server's starter; on a test machine without X it is simply not installed.
    # Any other message (a misspelt key, a bad value, a wrong section) is a failure.
    absent = {m for m in messages if re.search(r"Command (\S+) is not executable: No such file", m)
              and shutil.which(re.search(r"Command (\S+)", m).group(1)) is None}
    assert not [m for m in messages if m not in absent], messages
    assert result.returncode == 0 or absent, messages


def test_the_unit_restarts_the_kiosk_and_keeps_its_data_folder() -> None:
    text = UNIT.read_text(encoding="utf-8")
    assert re.search(r"^Restart=always$", text, re.M)
    assert re.search(r"^StateDirectory=passerelle$", text, re.M)  # /var/lib/passerelle
    session = DEPLOY / "kiosk-session.sh"
    assert session.stat().st_mode & 0o111, "the session script must be executable"
    assert str(session).replace(str(DEPLOY.parent), "/opt/passerelle") in text


@pytest.mark.skipif(shutil.which("sh") is None, reason="no POSIX shell")
def test_the_session_script_parses() -> None:
    assert subprocess.run(["sh", "-n", str(DEPLOY / "kiosk-session.sh")]).returncode == 0
