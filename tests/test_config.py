"""Configuration: defaults, and one clear line for every kind of mistake."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import ConfigError, KioskConfig, load


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file() -> None:
    config = load(None)
    assert config.languages == ("fr", "en", "ar")
    assert config.default_language == "fr"
    assert config.idle_delay_s == 180
    assert config.idle_warning_s >= 20
    assert config.screen.width_px == 1920


def test_every_key_can_be_set(tmp_path: Path) -> None:
    path = write(tmp_path, """
[screen]
width_mm = 477
height_mm = 268
width_px = 1366
height_px = 768
bottom_edge_mm = 700
obstacle = false
[kiosk]
languages = ["ar", "fr"]
idle_delay_s = 60
idle_warning_s = 25
data_dir = "logs"
content_dir = "procedures"
""")
    config = load(path)
    assert config.screen.width_mm == 477 and config.screen.obstacle is False
    assert config.languages == ("ar", "fr") and config.default_language == "ar"
    assert config.idle_delay_s == 60 and config.idle_warning_s == 25
    assert config.data_dir == tmp_path / "logs"
    assert config.content_dir == tmp_path / "procedures"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[screen]\nwidht_mm = 500\n", "screen.widht_mm: unknown key (expected one of: bottom_edge_mm"),
        ("[screen]\nwidth_mm = \"big\"\n", "screen.width_mm: expected a number, got 'big'"),
        ("[screen]\nwidth_mm = -3\n", "screen.width_mm: expected a value > 0, got -3"),
        ("[kiosk]\nlanguages = [\"fr\", \"de\"]\n", "kiosk.languages[1]: expected one of 'fr', 'en', 'ar', got 'de'"),
        ("[kiosk]\nlanguages = []\n", "kiosk.languages: expected at least 1 item(s)"),
        ("[kiosk]\nidle_warning_s = 5\n", "kiosk.idle_warning_s: expected a value >= 20, got 5"),
        ("[colour]\nx = 1\n", "colour: unknown key"),
        ("[screen\n", "not valid TOML"),
    ],
)
def test_a_wrong_value_names_the_file_and_the_key(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load(path)
    message = str(caught.value)
    assert message.startswith(str(path) + ": ")
    assert expected in message


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load(tmp_path / "absent.toml")


def run_kiosk(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, timeout=60,
                          cwd=cwd)


def test_the_command_prints_one_line_and_exits_2_on_a_bad_config(tmp_path: Path) -> None:
    path = write(tmp_path, "[screen]\nheight_mm = 0\n")
    result = run_kiosk("run", "--config", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"kiosk: {path}: screen.height_mm: expected a value > 0, got 0"]


def test_a_language_the_config_does_not_offer_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "[kiosk]\nlanguages = [\"fr\", \"en\"]\n")
    result = run_kiosk("screenshot", "--config", str(path), "--lang", "ar", "--screen", "welcome",
                       "--out", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "--lang ar: not offered by" in result.stderr and "Traceback" not in result.stderr


def test_a_data_folder_that_cannot_be_created_is_reported_and_the_kiosk_goes_on(tmp_path: Path) -> None:
    from kiosk.cli import prepare_data_dir

    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    from dataclasses import replace

    config = replace(KioskConfig(), data_dir=blocker / "data")
    import io
    from contextlib import redirect_stderr

    err = io.StringIO()
    with redirect_stderr(err):
        assert prepare_data_dir(config) is False
    assert "cannot create it" in err.getvalue() and str(blocker / "data") in err.getvalue()


def test_a_missing_data_folder_is_created(tmp_path: Path) -> None:
    from dataclasses import replace

    from kiosk.cli import prepare_data_dir

    config = replace(KioskConfig(), data_dir=tmp_path / "new" / "data")
    assert prepare_data_dir(config) is True
    assert (tmp_path / "new" / "data").is_dir()


def test_the_example_of_every_key_is_made_from_the_declarations_and_reads_back_as_the_defaults(
        tmp_path: Path) -> None:
    from kiosk.config import SCHEMA, example

    text = example()
    for placeholder in ('"<host name>"', '"~/.local/share/passerelle"', '"content"'):
        assert placeholder in text  # what is made at run time is shown as such
    written = write(tmp_path, text.replace('"<host name>"', '"kiosk-1"').replace('"content"', '"c"'))
    config = load(written)
    defaults = KioskConfig()
    assert config.screen == defaults.screen and config.staff == defaults.staff
    assert (config.languages, config.idle_delay_s, config.idle_warning_s, config.logbook_keep_days,
            config.memo_print_command) == (defaults.languages, defaults.idle_delay_s, defaults.idle_warning_s,
                                           defaults.logbook_keep_days, defaults.memo_print_command)
    sections = set(SCHEMA["properties"])
    assert sections == {"screen", "kiosk", "logbook", "staff", "access", "keys"}


def test_the_readmes_configuration_example_names_only_declared_keys() -> None:
    import re
    import tomllib

    from kiosk.config import SCHEMA

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    blocks = [tomllib.loads(b) for b in re.findall(r"```toml\n(.*?)```", readme, re.S)]
    assert blocks, "the README shows a configuration"
    for block in blocks:
        for section, keys in block.items():
            assert section in SCHEMA["properties"], section
            for key in keys:
                assert key in SCHEMA["properties"][section]["properties"], f"{section}.{key}"


@pytest.mark.parametrize(("text", "says"), [
    ('[access]\nscan = "sometimes"\n', "access.scan"),
    ("[access]\nscan_interval_s = 0.1\n", "access.scan_interval_s"),
    ('[access]\nmove_keys = ["enter"]\n', "access.select_keys: enter is also in access.move_keys"),
    ('[access]\nselect_keys = ["joystick"]\n', "access.select_keys"),
])
def test_a_wrong_switch_setting_names_the_key_and_the_file(tmp_path: Path, text: str, says: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load(path)
    assert str(caught.value).startswith(f"{path}: ") and says in str(caught.value)


def test_the_switch_settings_are_read_with_their_defaults_kept() -> None:
    config = load(None)
    assert (config.access.scan, config.access.move_keys, config.access.select_keys) == ("step", ("spacebar",),
                                                                                        ("enter",))
