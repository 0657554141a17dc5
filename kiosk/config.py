"""The kiosk's configuration: one optional TOML file, every key optional.

Read with the standard library's ``tomllib`` and checked with a JSON schema, so a
wrong key or value stops start-up with one line that names the file, the key
and what is expected (:class:`ConfigError`). Imports no Kivy.

Example (every key shown with its default)::

    [screen]
    width_mm = 527          # visible width of the panel, millimetres
    height_mm = 296         # visible height of the panel, millimetres
    width_px = 1920         # resolution
    height_px = 1080
    bottom_edge_mm = 760    # height of the screen's bottom edge above the floor
    obstacle = true         # a desk in front: forward reach is 1120 mm, else 1220 mm

    [kiosk]
    languages = ["fr", "en", "ar"]   # offered, in this order; the first is the default
    idle_delay_s = 180      # no touch or key for this long -> the idle warning
    idle_warning_s = 30     # the warning's countdown (at least 20 s)
    data_dir = "~/.local/share/passerelle"   # data folder (content problem reports); created if missing
    content_dir = "content"  # procedures (default: the bundled content)
    kiosk_id = "<host name>"  # names this kiosk in the logbook (several kiosks, one report)
    memo_print_command = "lp"  # prints the take-away memo, given its PDF path (empty or not on PATH: no button)

    [logbook]
    keep_days = 365         # visit records older than this are purged at start-up

    [staff]                 # staff mode (PIN set with `kiosk staff set-pin`)
    entry_key = "f11"       # opens the staff PIN screen
    hold_key = "numpad0"    # ... and so does this keypad key held for 3 s
    corner = "top_right"    # ... and three taps in this corner within 2 s
    help_command = ""       # run on each help call, with the kiosk id as last argument (empty: none)
    print_command = ""      # run with a progress sheet's PDF path (empty: the PDF is only saved)
    command_timeout_s = 10  # a command still running after this is stopped

    [keys]                  # optional: key names per action (see kiosk/keymap.py)
    help = ["f1", "numpadmul"]
"""

from __future__ import annotations

import shlex
import socket
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import platformdirs

from kiosk import CONTENT_DIR
from kiosk.i18n import LANGUAGES
from kiosk.keymap import ACTIONS, KEY_CODES


class ConfigError(Exception):
    """A configuration problem, already worded as one line for a person."""


@dataclass(frozen=True)
class ScreenConfig:
    """The physical screen: size, resolution and how high it is mounted."""

    width_mm: float = 527.0
    height_mm: float = 296.0
    width_px: int = 1920
    height_px: int = 1080
    bottom_edge_mm: float = 760.0
    obstacle: bool = True


CORNERS = ("top_left", "top_right", "bottom_left", "bottom_right")


@dataclass(frozen=True)
class StaffConfig:
    """How staff get in, and the commands help calls and progress sheets run."""

    entry_key: str = "f11"
    hold_key: str = "numpad0"
    hold_s: float = 3.0
    corner: str = "top_right"
    help_command: str = ""
    print_command: str = ""
    command_timeout_s: float = 10.0
    #: staff mode returns to the visitor flow after this long unused
    idle_s: float = 120.0


@dataclass(frozen=True)
class KioskConfig:
    """Everything the kiosk is configured with; built-in defaults throughout."""

    screen: ScreenConfig = field(default_factory=ScreenConfig)
    languages: tuple[str, ...] = LANGUAGES
    idle_delay_s: float = 180.0
    idle_warning_s: float = 30.0
    data_dir: Path = field(default_factory=lambda: Path(platformdirs.user_data_dir("passerelle")))
    content_dir: Path = field(default_factory=lambda: CONTENT_DIR)
    #: action -> key names, overriding :data:`kiosk.keymap.DEFAULT_KEYMAP`
    keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: names this kiosk in the logbook: several kiosks merge into one report
    kiosk_id: str = field(default_factory=lambda: socket.gethostname() or "kiosk")
    logbook_keep_days: int = 365
    #: prints the take-away memo (its PDF path as last argument); empty, or not on PATH: no memo button
    memo_print_command: str = "lp"
    staff: StaffConfig = field(default_factory=StaffConfig)
    source: Path | None = None

    @property
    def default_language(self) -> str:
        """The language a visit starts in: the first one offered."""
        return self.languages[0]

    def with_resolution(self, width_px: int, height_px: int) -> KioskConfig:
        """The same kiosk drawn at another resolution (same physical screen)."""
        return replace(self, screen=replace(self.screen, width_px=width_px, height_px=height_px))


_POSITIVE = {"type": "number", "exclusiveMinimum": 0}
_PIXELS = {"type": "integer", "minimum": 200, "maximum": 16384}

SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "screen": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "width_mm": _POSITIVE,
                "height_mm": _POSITIVE,
                "width_px": _PIXELS,
                "height_px": _PIXELS,
                "bottom_edge_mm": {"type": "number", "minimum": 0, "maximum": 2500},
                "obstacle": {"type": "boolean"},
            },
        },
        "kiosk": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "languages": {
                    "type": "array",
                    "minItems": 1,
                    "uniqueItems": True,
                    "items": {"type": "string", "enum": list(LANGUAGES)},
                },
                "idle_delay_s": {"type": "number", "minimum": 10},
                "idle_warning_s": {"type": "number", "minimum": 20},
                "data_dir": {"type": "string", "minLength": 1},
                "content_dir": {"type": "string", "minLength": 1},
                "kiosk_id": {"type": "string", "minLength": 1, "maxLength": 64},
                "memo_print_command": {"type": "string"},
            },
        },
        "logbook": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"keep_days": {"type": "integer", "minimum": 1, "maximum": 3650}},
        },
        "staff": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "entry_key": {"enum": sorted(KEY_CODES)},
                "hold_key": {"enum": sorted(KEY_CODES)},
                "hold_s": {"type": "number", "minimum": 1, "maximum": 10},
                "corner": {"enum": list(CORNERS)},
                "help_command": {"type": "string"},
                "print_command": {"type": "string"},
                "command_timeout_s": {"type": "number", "exclusiveMinimum": 0, "maximum": 300},
                "idle_s": {"type": "number", "minimum": 30},
            },
        },
        "keys": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                action: {
                    "type": "array",
                    "items": {"enum": sorted(KEY_CODES) + sorted(f"shift+{k}" for k in KEY_CODES)},
                }
                for action in ACTIONS
            },
        },
    },
}


def _path(value: str, base: Path) -> Path:
    p = Path(value).expanduser()
    return p if p.is_absolute() else (base / p)


def from_mapping(data: dict[str, Any], source: Path | None = None) -> KioskConfig:
    """Build a configuration from parsed TOML, raising :class:`ConfigError`."""
    from kiosk.validation import dotted, schema_errors  # only a configuration file needs checking

    name = str(source) if source else "configuration"
    for path, message in schema_errors(data, SCHEMA):
        raise ConfigError(f"{name}: {dotted(path) or '(top level)'}: {message}")
    base = source.parent if source else Path.cwd()
    defaults = KioskConfig()
    screen = ScreenConfig(**data.get("screen", {}))
    kiosk = data.get("kiosk", {})
    try:
        shlex.split(kiosk.get("memo_print_command", ""))
    except ValueError as exc:  # an unclosed quote: say so now, not at the first memo
        raise ConfigError(f"{name}: kiosk.memo_print_command: not a command line ({exc})") from None
    return KioskConfig(
        screen=screen,
        languages=tuple(kiosk.get("languages", defaults.languages)),
        idle_delay_s=float(kiosk.get("idle_delay_s", defaults.idle_delay_s)),
        idle_warning_s=float(kiosk.get("idle_warning_s", defaults.idle_warning_s)),
        data_dir=_path(kiosk["data_dir"], base) if "data_dir" in kiosk else defaults.data_dir,
        content_dir=_path(kiosk["content_dir"], base) if "content_dir" in kiosk else defaults.content_dir,
        keys={action: tuple(names) for action, names in data.get("keys", {}).items()},
        kiosk_id=kiosk.get("kiosk_id", defaults.kiosk_id),
        logbook_keep_days=data.get("logbook", {}).get("keep_days", defaults.logbook_keep_days),
        memo_print_command=kiosk.get("memo_print_command", defaults.memo_print_command),
        staff=StaffConfig(**data.get("staff", {})),
        source=source,
    )


def load(path: Path | None) -> KioskConfig:
    """Read the TOML file at ``path`` (``None``: built-in defaults)."""
    if path is None:
        return KioskConfig()
    import tomllib  # the built-in defaults need no parser

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: cannot read the configuration: no such file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc.strerror or exc}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: the configuration is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    return from_mapping(data, path)
