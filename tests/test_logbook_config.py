"""The logbook's configuration keys: [kiosk] kiosk_id and [logbook] keep_days."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from kiosk.config import ConfigError, load


def test_defaults_and_values(tmp_path: Path) -> None:
    assert load(None).kiosk_id == (socket.gethostname() or "kiosk") and load(None).logbook_keep_days == 365
    path = tmp_path / "kiosk.toml"
    path.write_text('[kiosk]\nkiosk_id = "mediatheque-1"\n[logbook]\nkeep_days = 90\n')
    config = load(path)
    assert (config.kiosk_id, config.logbook_keep_days) == ("mediatheque-1", 90)


def test_a_bad_keep_days_names_the_file_and_key(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("[logbook]\nkeep_days = 0\n")
    with pytest.raises(ConfigError, match=rf"^{path}: logbook.keep_days"):
        load(path)
