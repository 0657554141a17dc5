"""Keys: which key does what, for a keyboard and a USB numeric keypad (EZ Access model).

A numeric keypad stands in for the tactile EZ Access pad: 8 and 2 move the
focus up and down, 5 or Enter activates, 0 is Back, * is Help, / repeats,
- and + set the volume, 4 and 6 the speed. A keyboard works too: arrows,
Tab/Shift+Tab, Enter, Escape (Back), F1 (Help). The map can be changed in the
configuration's ``[keys]`` table. Imports no Kivy: key names are Kivy's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

#: Kivy key names -> key codes (the subset a kiosk pad or keyboard sends).
KEY_CODES: dict[str, int] = {
    "backspace": 8, "tab": 9, "enter": 13, "escape": 27, "spacebar": 32,
    "up": 273, "down": 274, "right": 275, "left": 276, "home": 278, "end": 279, "pageup": 280, "pagedown": 281,
    **{f"numpad{i}": 256 + i for i in range(10)},
    "numpaddecimal": 266, "numpaddivide": 267, "numpadmul": 268, "numpadsubstract": 269, "numpadadd": 270,
    "numpadenter": 271,
    **{f"f{i}": 281 + i for i in range(1, 16)},
}

#: Keys the kiosk handles by code, outside the configurable map.
ESCAPE = KEY_CODES["escape"]
BACKSPACE = KEY_CODES["backspace"]
#: Enter on the keyboard and on the numeric keypad (confirm a practice entry)
ENTER_KEYS = frozenset({KEY_CODES["enter"], KEY_CODES["numpadenter"]})

ACTIONS = ("next", "previous", "activate", "back", "help", "repeat",
           "volume_down", "volume_up", "slower", "faster", "speech", "call_helper", "staff")

DEFAULT_KEYMAP: dict[str, tuple[str, ...]] = {
    "next": ("down", "tab", "numpad2"),
    "previous": ("up", "shift+tab", "numpad8"),
    "activate": ("enter", "numpadenter", "numpad5"),
    "back": ("escape", "numpad0"),
    "help": ("f1", "numpadmul"),
    "repeat": ("f2", "numpaddivide"),
    "volume_down": ("f3", "numpadsubstract"),
    "volume_up": ("f4", "numpadadd"),
    "slower": ("f5", "numpad4"),
    "faster": ("f6", "numpad6"),
    "speech": ("f12", "numpad7"),
    # A helper is also called by the Help key pressed while Help is open (keypad * twice).
    "call_helper": ("shift+f1",),
    # Staff entry ([staff] entry_key; a keypad key held, [staff] hold_key, is handled by the app).
    "staff": ("f11",),
}


def parse_key(name: str) -> tuple[int, bool]:
    """``"shift+tab"`` -> ``(9, True)``; raises ``KeyError`` for an unknown name."""
    shift = name.startswith("shift+")
    return KEY_CODES[name.removeprefix("shift+")], shift


class KeyMap:
    """Looks up the action of a key press."""

    def __init__(self, overrides: Mapping[str, Iterable[str]] | None = None) -> None:
        overrides = {k: tuple(v) for k, v in (overrides or {}).items()}
        # Defaults first, configured keys last: a key moved to another action takes it from its default one.
        mapping = [*((a, n) for a, n in DEFAULT_KEYMAP.items() if a not in overrides), *overrides.items()]
        self._by_key: dict[tuple[int, bool], str] = {}
        for action, names in mapping:
            for name in names:
                self._by_key[parse_key(name)] = action

    def action(self, code: int, shift: bool = False) -> str | None:
        """The action bound to key ``code`` (with or without Shift), if any."""
        return self._by_key.get((code, shift))
