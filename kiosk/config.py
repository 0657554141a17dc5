"""The kiosk's configuration: one optional TOML file, every key optional, declared once.

Each setting is declared once, below, as a field of a frozen dataclass: its
default, the JSON schema its value must meet and one line saying what it does
(:func:`setting`). From those declarations come the schema the file is checked
against (:data:`SCHEMA`: a wrong key or value stops start-up with one line that
names the file, the key and what is expected, :class:`ConfigError`), the
reading of the file (:func:`from_mapping`) and the example of every key with
its default (:func:`example`, printed by ``python -m kiosk.config``; the README
shows it and a test keeps the two the same). Imports no Kivy.
"""

from __future__ import annotations

import dataclasses
import shlex
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import platformdirs

from kiosk import CONTENT_DIR
from kiosk.i18n import LANGUAGES
from kiosk.keymap import ACTIONS, KEY_CODES


class ConfigError(Exception):
    """A configuration problem, already worded as one line for a person."""


def setting(default: Any = dataclasses.MISSING, *, schema: dict[str, Any], doc: str,
            factory: Callable[[], Any] | None = None, key: str | None = None, shown: str | None = None) -> Any:
    """A setting: its default (or ``factory``), its value's JSON ``schema`` and what it does (``doc``).

    ``key``: where it stands in the file (``section.name``) when not where its
    dataclass puts it; ``shown``: how the example shows a default made at run
    time (the host name, the user's data folder).
    """
    metadata = {"schema": schema, "doc": doc, "key": key, "shown": shown}
    if factory is not None:
        return field(default_factory=factory, metadata=metadata)
    return field(default=default, metadata=metadata)


_POSITIVE = {"type": "number", "exclusiveMinimum": 0}
_PIXELS = {"type": "integer", "minimum": 200, "maximum": 16384}
_KEY = {"enum": sorted(KEY_CODES)}
CORNERS = ("top_left", "top_right", "bottom_left", "bottom_right")


@dataclass(frozen=True)
class ScreenConfig:
    """``[screen]``: the physical screen, its resolution and how high it is mounted."""

    width_mm: float = setting(527.0, schema=_POSITIVE, doc="visible width of the panel, millimetres")
    height_mm: float = setting(296.0, schema=_POSITIVE, doc="visible height of the panel, millimetres")
    width_px: int = setting(1920, schema=_PIXELS, doc="resolution")
    height_px: int = setting(1080, schema=_PIXELS, doc="")  # (the resolution, with width_px)
    bottom_edge_mm: float = setting(760.0, schema={"type": "number", "minimum": 0, "maximum": 2500},
                                    doc="height of the screen's bottom edge above the floor")
    obstacle: bool = setting(True, schema={"type": "boolean"},
                             doc="a desk in front: forward reach is 1120 mm, else 1220 mm")


@dataclass(frozen=True)
class StaffConfig:
    """``[staff]``: how staff get in, and the commands help calls and progress sheets run."""

    entry_key: str = setting("f11", schema=_KEY, doc="opens the staff PIN screen")
    hold_key: str = setting("numpad0", schema=_KEY, doc="... and so does this keypad key, held")
    hold_s: float = setting(3.0, schema={"type": "number", "minimum": 1, "maximum": 10},
                            doc="seconds the hold_key is held")
    corner: str = setting("top_right", schema={"enum": list(CORNERS)},
                          doc="... and three taps in this corner within 2 s")
    help_command: str = setting("", schema={"type": "string"},
                                doc="run on each help call, with the kiosk id as last argument (empty: none)")
    print_command: str = setting("", schema={"type": "string"},
                                 doc="run with a progress sheet's PDF path (empty: the PDF is only saved)")
    command_timeout_s: float = setting(10.0, schema={"type": "number", "exclusiveMinimum": 0, "maximum": 300},
                                       doc="a command still running after this is stopped")
    idle_s: float = setting(120.0, schema={"type": "number", "minimum": 30},
                            doc="staff mode returns to the visitor flow after this long unused")


_KEYS = {"type": "array", "minItems": 1, "uniqueItems": True, "items": _KEY}


@dataclass(frozen=True)
class AccessConfig:
    """``[access]``: switch access (the switch profile): how the screen is scanned and which keys are the switches."""

    scan: str = setting("step", schema={"enum": ["step", "auto"]},
                        doc='"step": two switches, one moves, one selects; "auto": one switch selects')
    move_keys: tuple[str, ...] = setting(("spacebar",), schema=_KEYS, doc="step scanning: keys that move the highlight")
    select_keys: tuple[str, ...] = setting(("enter",), schema=_KEYS,
                                           doc="keys that select (auto scanning: any switch key selects)")
    scan_interval_s: float = setting(1.5, schema={"type": "number", "minimum": 0.5, "maximum": 5},
                                     doc="auto scanning: seconds on each item")
    scan_loops: int = setting(3, schema={"type": "integer", "minimum": 1, "maximum": 10},
                              doc="auto scanning: rounds before it rests until a press")
    accept_ms: int = setting(0, schema={"type": "integer", "minimum": 0, "maximum": 2000},
                             doc="a press shorter than this is ignored (tremor)")
    ignore_repeat_ms: int = setting(0, schema={"type": "integer", "minimum": 0, "maximum": 2000},
                                    doc="a press this soon after the last one is ignored")
    groups: bool = setting(True, schema={"type": "boolean"},
                           doc="group scanning: zones first, then the items inside")


@dataclass(frozen=True)
class KioskConfig:
    """Everything the kiosk is configured with; built-in defaults throughout.

    The fields of ``[kiosk]`` stand here directly; ``[screen]``, ``[staff]`` and
    ``[access]`` are their own dataclasses, ``[logbook] keep_days`` is ``logbook_keep_days``
    and ``[keys]`` the key names per action.
    """

    screen: ScreenConfig = field(default_factory=ScreenConfig)
    languages: tuple[str, ...] = setting(
        LANGUAGES, doc="offered, in this order; the first is the default",
        schema={"type": "array", "minItems": 1, "uniqueItems": True,
                "items": {"type": "string", "enum": list(LANGUAGES)}})
    idle_delay_s: float = setting(180.0, schema={"type": "number", "minimum": 10},
                                  doc="no touch or key for this long: the idle warning")
    idle_warning_s: float = setting(30.0, schema={"type": "number", "minimum": 20},
                                    doc="the warning's countdown (at least 20 s)")
    data_dir: Path = setting(factory=lambda: Path(platformdirs.user_data_dir("passerelle")),
                             schema={"type": "string", "minLength": 1}, shown="~/.local/share/passerelle",
                             doc="the data folder (logbook, staff files, reports); created if missing")
    content_dir: Path = setting(factory=lambda: CONTENT_DIR, schema={"type": "string", "minLength": 1},
                                shown="content", doc="procedures, glossaries, lexicons (default: the bundled content)")
    kiosk_id: str = setting(factory=lambda: socket.gethostname() or "kiosk", shown="<host name>",
                            schema={"type": "string", "minLength": 1, "maxLength": 64},
                            doc="names this kiosk in the logbook (several kiosks, one report)")
    organisation: str = setting("", schema={"type": "string", "maxLength": 120},
                                doc="the space's name, printed on the attestation de parcours (needed to make one)")
    memo_print_command: str = setting("lp", schema={"type": "string"},
                                      doc="prints the take-away memo, given its PDF path (empty or not on PATH: "
                                          "no button)")
    logbook_keep_days: int = setting(365, key="logbook.keep_days",
                                     schema={"type": "integer", "minimum": 1, "maximum": 3650},
                                     doc="visit records older than this are purged at start-up")
    staff: StaffConfig = field(default_factory=StaffConfig)
    access: AccessConfig = field(default_factory=AccessConfig)
    #: action -> key names, overriding :data:`kiosk.keymap.DEFAULT_KEYMAP` (``[keys]``)
    keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: the file it was read from (None: built-in defaults)
    source: Path | None = None

    @property
    def default_language(self) -> str:
        """The language a visit starts in: the first one offered."""
        return self.languages[0]

    def with_resolution(self, width_px: int, height_px: int) -> KioskConfig:
        """The same kiosk drawn at another resolution (same physical screen)."""
        return replace(self, screen=replace(self.screen, width_px=width_px, height_px=height_px))


#: the file's sections and the dataclass each fills (``kiosk`` and ``logbook``: KioskConfig's own fields)
SECTIONS: dict[str, type] = {"screen": ScreenConfig, "kiosk": KioskConfig, "logbook": KioskConfig,
                             "staff": StaffConfig, "access": AccessConfig}


def settings() -> Iterator[tuple[str, str, dataclasses.Field[Any]]]:
    """Every setting as (section, key, field), in the file's order."""
    for section, cls in SECTIONS.items():
        for f in dataclasses.fields(cls):
            if "schema" not in f.metadata:
                continue
            where = f.metadata["key"] or ("kiosk." + f.name if cls is KioskConfig else f"{section}.{f.name}")
            if where.split(".")[0] == section:
                yield section, where.split(".")[1], f


def _schema() -> dict[str, Any]:
    sections: dict[str, dict[str, Any]] = {}
    for section, key, f in settings():
        sections.setdefault(section, {})[key] = f.metadata["schema"]
    properties: dict[str, Any] = {name: {"type": "object", "additionalProperties": False, "properties": props}
                                  for name, props in sections.items()}
    keys = {"enum": sorted(KEY_CODES) + sorted(f"shift+{k}" for k in KEY_CODES)}
    properties["keys"] = {"type": "object", "additionalProperties": False,
                          "properties": {action: {"type": "array", "items": keys} for action in ACTIONS}}
    return {"type": "object", "additionalProperties": False, "properties": properties}


#: the JSON schema a configuration file is checked against, made from the declarations above
SCHEMA: dict[str, Any] = _schema()


def _default(f: dataclasses.Field[Any]) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    factory = f.default_factory
    assert factory is not dataclasses.MISSING  # every setting has a default or a factory
    return factory()


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    return '"' + str(value) + '"'


def example() -> str:
    """Every key with its default and what it does, as a TOML file."""
    lines: list[str] = []
    current = ""
    for section, key, f in settings():
        if section != current:
            lines += ["", f"[{section}]"] if lines else [f"[{section}]"]
            current = section
        shown = f.metadata["shown"]
        line = f"{key} = {_toml(shown) if shown else _toml(_default(f))}"
        doc = f.metadata["doc"]
        lines.append(f"{line:<32} # {doc}" if doc else line)
    lines += ["", "[keys]                           # optional: key names per action (see kiosk/keymap.py)",
              'help = ["f1", "numpadmul"]']
    return "\n".join(lines) + "\n"


def _path(value: str, base: Path) -> Path:
    p = Path(value).expanduser()
    return p if p.is_absolute() else (base / p)


def _value(f: dataclasses.Field[Any], raw: Any, base: Path) -> Any:
    """A TOML value as the field holds it: paths from the file's folder, lists as tuples, numbers as floats."""
    kind = str(f.type)
    if kind == "Path":
        return _path(raw, base)
    if kind.startswith("tuple"):
        return tuple(raw)
    if kind == "float":
        return float(raw)
    return raw


def from_mapping(data: dict[str, Any], source: Path | None = None) -> KioskConfig:
    """Build a configuration from parsed TOML, raising :class:`ConfigError`."""
    from kiosk.validation import dotted, schema_errors  # only a configuration file needs checking

    name = str(source) if source else "configuration"
    for path, message in schema_errors(data, SCHEMA):
        raise ConfigError(f"{name}: {dotted(path) or '(top level)'}: {message}")
    try:
        shlex.split(data.get("kiosk", {}).get("memo_print_command", ""))
    except ValueError as exc:  # an unclosed quote: say so now, not at the first memo
        raise ConfigError(f"{name}: kiosk.memo_print_command: not a command line ({exc})") from None
    access = data.get("access", {})
    both = set(access.get("move_keys", ("spacebar",))) & set(access.get("select_keys", ("enter",)))
    if both:
        raise ConfigError(f"{name}: access.select_keys: {', '.join(sorted(both))} is also in access.move_keys "
                          "(one key, one switch)")
    base = source.parent if source else Path.cwd()
    given: dict[type, dict[str, Any]] = {cls: {} for cls in SECTIONS.values()}
    for section, key, f in settings():
        if key in data.get(section, {}):
            given[SECTIONS[section]][f.name] = _value(f, data[section][key], base)
    return KioskConfig(
        screen=ScreenConfig(**given[ScreenConfig]),
        staff=StaffConfig(**given[StaffConfig]),
        access=AccessConfig(**given[AccessConfig]),
        keys={action: tuple(names) for action, names in data.get("keys", {}).items()},
        source=source,
        **given[KioskConfig],
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


if __name__ == "__main__":
    print(example(), end="")
