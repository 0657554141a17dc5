"""The practice in sight as a step opens, and a ticked practice box that looks ticked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from kiosk.i18n import t
from kiosk.testing.pilot import Pilot


def in_sight(pilot: Pilot, name: str) -> bool:
    """Whether the widget ``name`` lies whole inside the window and inside its pane's visible part."""
    from kivy.core.window import Window

    widget, scroller = pilot.find(name), pilot.find("step_pane").ids.scroller
    left, bottom = widget.to_window(widget.x, widget.y)
    right, top = widget.to_window(widget.right, widget.top)
    _, view_bottom = scroller.to_window(scroller.x, scroller.y)
    _, view_top = scroller.to_window(scroller.x, scroller.top)
    return (0 <= left and right <= Window.width and 0 <= bottom and top <= Window.height
            and bottom >= view_bottom - 1 and top <= view_top + 1)


@pytest.fixture
def full_hd(config, shipped_content):
    """The kiosk on its real 1920x1080 panel."""
    with Pilot.run(config.with_resolution(1920, 1080), content=shipped_content) as pilot:
        yield pilot


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_practice_target_is_in_sight_without_scrolling_at_100_percent(full_hd: Pilot, lang: str) -> None:
    from kivy.core.window import Window

    assert tuple(Window.size) == (1920, 1080)
    full_hd.start_visit(lang)
    full_hd.open_procedure("email")
    full_hd.settle_layout()
    assert in_sight(full_hd, "replica_create_button")  # no Down press
    assert in_sight(full_hd, "step_text")  # the instruction too, beside it
    assert t(lang, "bring_title") in full_hd.text()  # what to bring: on the procedure's first step only
    full_hd.tap("next_button")
    assert t(lang, "bring_title") not in full_hd.text()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_at_200_percent_one_down_press_brings_the_practice_and_the_kiosk_says_so(full_hd: Pilot, lang: str) -> None:
    full_hd.tap("profile_low_vision")
    full_hd.tap("profile_low_vision")
    assert full_hd.ui.style.text_scale == 2.0
    full_hd.start_visit(lang)
    full_hd.open_procedure("email")
    full_hd.settle_layout()
    below = t(lang, "practice_below")
    assert below in full_hd.text() and full_hd.spoken[-1].endswith(below)
    assert not in_sight(full_hd, "replica_create_button")
    full_hd.tap("step_pane_down")  # once
    full_hd.settle_layout()
    assert in_sight(full_hd, "replica_create_button")
    # The press stopped at the practice page: its top (the address bar) at the top of the view, or
    # a little above when the view cannot hold both it and the target (Arabic lines are taller).
    replica, scroller = full_hd.app.root.current_screen.replica, full_hd.find("step_pane").ids.scroller
    replica_top, view_top = replica.to_window(replica.x, replica.top)[1], scroller.to_window(0, scroller.top)[1]
    assert replica_top >= view_top - 2
    assert replica_top - view_top < replica.height / 2  # the practice is brought up, not scrolled past


def box_pixels(pilot: Pilot, box, path: Path) -> tuple[int, int]:
    """(pixels in the ink colour, pixels in the face colour) inside the drawn box, from a screenshot."""
    from kivy.core.window import Window

    image = Image.open(pilot.screenshot(path)).convert("RGB")
    scale = image.width / Window.width
    x, y, side, _ = box.box_rect()
    left, bottom = box.to_window(x, y)
    ink = tuple(round(c * 255) for c in box.ink_colour[:3])
    face = tuple(round(c * 255) for c in box.face_colour[:3])
    counts = [0, 0]
    inset = side * 0.15  # inside the box's outline
    for px in range(int((left + inset) * scale), int((left + side - inset) * scale)):
        for py in range(int((bottom + inset) * scale), int((bottom + side - inset) * scale)):
            colour = image.getpixel((px, image.height - 1 - py))
            for i, wanted in enumerate((ink, face)):
                if all(abs(a - b) <= 40 for a, b in zip(colour, wanted, strict=False)):
                    counts[i] += 1
    return counts[0], counts[1]


def test_a_ticked_practice_box_is_drawn_ticked(pilot: Pilot, tmp_path: Path) -> None:
    procedure, index, box = next(
        (p, i, e) for p in pilot.services.content.procedures for i, s in enumerate(p.steps) if s.replica
        for e in s.replica.elements if e.kind == "checkbox" and e.id != s.replica.target)
    pilot.start_visit("fr")
    pilot.ui.nav.open_procedure(procedure.id, index)
    pilot.settle_layout()
    widget = pilot.find(f"replica_{box.id}")
    pilot.scroll_into_view(widget)
    ink, face = box_pixels(pilot, widget, tmp_path / "empty.png")
    assert ink < face / 4  # an empty box: the face shows inside its outline
    pilot.tap(f"replica_{box.id}")
    assert widget.checked
    ink, face = box_pixels(pilot, widget, tmp_path / "ticked.png")
    assert ink > face  # filled with the ink, the tick in the face colour across it
    assert face > 0
