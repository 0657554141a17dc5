"""Key focus order: what a keypad user reaches, in which order, and that it stays in view.

The order is checked against the screen as drawn: rows from top to bottom, and
within a row left to right (right to left in Arabic), so these tests do not
repeat how :mod:`kiosk.ui.focus` walks the widget tree.
"""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.testing.pilot import Pilot


def name(widget: Any) -> str:
    return getattr(widget, "name", "") or type(widget).__name__


def tab_through(pilot: Pilot, key: str = "tab", modifiers: list[str] | None = None, limit: int = 60) -> list[str]:
    """Press ``key`` until the focus comes back round to where it started; the names reached, in order."""
    reached: list[Any] = []
    for _ in range(limit):
        pilot.press(key, modifiers)
        current = pilot.app.focus.current
        assert current is not None and current.focused
        if reached and current is reached[0]:
            return [name(w) for w in reached]
        reached.append(current)
    raise AssertionError(f"the focus did not come round after {limit} presses: {[name(w) for w in reached]}")


def reading_order(widgets: list[Any], rtl: bool) -> list[str]:
    """Widgets as a reader meets them on screen: rows top to bottom, then across in the text direction."""
    boxes = []
    for widget in widgets:
        x, y = widget.to_window(widget.x, widget.y)
        boxes.append((widget, x, y, y + widget.height))
    boxes.sort(key=lambda b: -b[3])  # highest top first
    rows: list[list[tuple[Any, float, float, float]]] = []
    for box in boxes:
        row = rows[-1] if rows else None
        if row and box[3] > min(b[2] for b in row) + 1:  # overlaps the row's height: same row
            row.append(box)
        else:
            rows.append([box])
    out = []
    for row in rows:
        row.sort(key=lambda b: -b[1] if rtl else b[1])
        out += [name(b[0]) for b in row]
    return out


def visible_named(pilot: Pilot, names: list[str]) -> list[Any]:
    return [pilot.find(n) for n in names]


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_keys_follow_the_welcome_screen_as_read(pilot: Pilot, lang: str) -> None:
    if lang != "fr":
        pilot.tap("start_button")
        pilot.tap(f"language_{lang}")
        pilot.press("escape")
        pilot.press("escape")
    assert pilot.screen == "welcome" and pilot.ui.style.lang == lang
    order = tab_through(pilot)
    assert "start_button" in order and "help_button" in order
    assert order == reading_order(visible_named(pilot, order), rtl=lang == "ar")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_step_is_read_before_its_buttons_and_arabic_reverses_the_bar(pilot: Pilot, lang: str) -> None:
    pilot.tap("start_button")
    pilot.tap(f"language_{lang}")
    pilot.tap("procedure_email")
    pilot.tap("next_button")
    assert pilot.has("practice_banner")
    order = tab_through(pilot)
    bar = ["back_button", "repeat_button", "help_button", "next_button"]
    assert order[-len(bar):] == bar  # the same logical order in every language: Back first
    assert order[0].startswith("replica_")  # the practice page comes first
    buttons = visible_named(pilot, bar)
    xs = [b.to_window(*b.center)[0] for b in buttons]
    assert xs == sorted(xs, reverse=lang == "ar")  # so in Arabic it runs right to left on screen
    assert reading_order(buttons, rtl=lang == "ar") == bar


def test_shift_tab_goes_backwards_from_the_last_item(pilot: Pilot) -> None:
    forwards = tab_through(pilot)
    pilot.app.focus.clear()
    backwards = tab_through(pilot, "tab", ["shift"])
    assert backwards == list(reversed(forwards))  # starting from the last item


def test_an_open_overlay_keeps_the_focus_to_itself(pilot: Pilot) -> None:
    pilot.tap("start_button")
    pilot.tap("language_en")
    screen_items = tab_through(pilot)
    pilot.tap("help_button")
    assert pilot.overlay == "HelpOverlay"
    order = tab_through(pilot)
    assert "close_button" in order
    assert not set(order) & set(screen_items)  # nothing behind the overlay is reachable
    pilot.press("escape")
    assert pilot.overlay is None
    assert tab_through(pilot) == screen_items


def test_the_focused_item_is_scrolled_into_view(pilot: Pilot) -> None:
    pilot.tap("start_button")
    pilot.tap("language_en")
    pilot.ui.style.text_scale = 2.0  # the lessons no longer fit: the list scrolls
    pilot.settle()
    pane = pilot.find("catalogue_pane")
    assert pane.overflowing
    scroller = pane.ids.scroller
    _, view_bottom = scroller.to_window(scroller.x, scroller.y)
    _, view_top = scroller.to_window(scroller.x, scroller.top)
    lessons = [n for n in tab_through(pilot) if n.startswith("procedure_")]
    assert len(lessons) == len(pilot.services.content.procedures)
    pilot.app.focus.clear()
    for _ in range(len(lessons)):
        pilot.press("tab")
        item = pilot.app.focus.current
        _, bottom = item.to_window(item.x, item.y)
        _, top = item.to_window(item.x, item.top)
        assert bottom >= view_bottom - 1 and top <= view_top + 1, name(item)
