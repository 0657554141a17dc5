"""The key map: defaults for a keypad and a keyboard, and overrides from the configuration."""

from __future__ import annotations

from kiosk.keymap import DEFAULT_KEYMAP, KEY_CODES, KeyMap


def test_keypad_and_keyboard_defaults() -> None:
    keys = KeyMap()
    assert keys.action(KEY_CODES["numpad8"]) == "previous"
    assert keys.action(KEY_CODES["numpad2"]) == "next"
    assert keys.action(KEY_CODES["numpad5"]) == "activate"
    assert keys.action(KEY_CODES["tab"]) == "next"
    assert keys.action(KEY_CODES["tab"], shift=True) == "previous"
    assert keys.action(KEY_CODES["escape"]) == "back"
    assert keys.action(KEY_CODES["f1"]) == "help"
    assert keys.action(ord("a")) is None


def test_every_action_has_a_key_and_no_key_does_two_things() -> None:
    seen: dict[str, str] = {}
    for action, names in DEFAULT_KEYMAP.items():
        assert names, action
        for name in names:
            assert name not in seen, f"{name} is bound to {seen.get(name)} and {action}"
            seen[name] = action


def test_the_configuration_can_move_an_action_to_another_key() -> None:
    keys = KeyMap({"help": ["f11"]})
    assert keys.action(KEY_CODES["f11"]) == "help"
    assert keys.action(KEY_CODES["f1"]) is None
