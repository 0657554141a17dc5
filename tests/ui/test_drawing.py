"""What a frame costs: no drawing pass that covers the window for nothing.

Kiosks often draw in software (Mesa llvmpipe here). There, a stencil pass or a
blended rectangle over the whole window costs several milliseconds at every
frame (``python bench/frame.py``). These tests walk what the window would draw
and find the passes Kivy adds silently: a stencil (Kivy's ScreenManager and
Image rules clip with one), and a line wider than 1 px drawn in a colour that is
not opaque (Kivy draws it through a stencil pass).
"""

from __future__ import annotations

from kiosk.testing.pilot import Pilot


def passes(canvas: object) -> tuple[int, list[str]]:
    """Stencil pushes, and thick lines with transparency, in drawing order under ``canvas``."""
    from kivy.graphics import Color, Line, StencilPush

    stencils, lines, alpha = 0, [], 1.0

    def walk(group: object) -> None:
        nonlocal stencils, alpha
        for instruction in getattr(group, "children", []):
            if isinstance(instruction, StencilPush):
                stencils += 1
            elif isinstance(instruction, Color):
                alpha = instruction.a
            elif isinstance(instruction, Line) and instruction.width > 1 and alpha < 1:
                lines.append(f"width {instruction.width:.1f} alpha {alpha}")
            walk(instruction)

    walk(canvas)
    return stencils, lines


def window_passes() -> tuple[int, list[str]]:
    from kivy.core.window import Window

    return passes(Window.canvas)


def test_the_welcome_screen_draws_no_stencil_and_no_hidden_thick_line(pilot: Pilot) -> None:
    assert pilot.screen == "welcome"
    assert window_passes() == (0, [])
    pilot.press("tab")  # a focus ring shows: opaque, so still no stencil
    assert pilot.app.focus.current is not None and pilot.app.focus.current.focused
    assert window_passes() == (0, [])


def test_practice_page_and_help_overlay_clip_only_their_scroll_panes(pilot: Pilot) -> None:
    pilot.tap("start_button")
    pilot.tap("language_fr")
    pilot.tap("procedure_email")
    pilot.tap("next_button")
    assert pilot.has("practice_banner")
    stencils, lines = window_passes()
    assert lines == []
    assert stencils == 1  # the step's scroll pane clips its content; nothing else does
    pilot.tap("help_button")
    assert pilot.overlay == "HelpOverlay"
    assert window_passes() == (2, [])  # and the help text's own scroll pane


def test_a_kiosk_stopped_with_help_open_leaves_nothing_behind(config, shipped_content) -> None:
    # Kivy's App.stop skips every other window child: an overlay left open would stay on the
    # window, drawn (a stencil) and taking the touches of the next kiosk in this process.
    from kivy.core.window import Window

    with Pilot.run(config, content=shipped_content) as pilot:
        pilot.tap("start_button")
        pilot.tap("help_button")
        assert pilot.overlay == "HelpOverlay" and len(Window.children) == 2
    assert Window.children == []
    with Pilot.run(config, content=shipped_content) as pilot:
        assert Window.children == [pilot.app.root]
        assert window_passes() == (0, [])


def test_an_overlay_hides_the_screen_behind_and_gives_it_back(pilot: Pilot) -> None:
    # Help draws its panel alone (no whole screen under a see-through layer); the margin
    # around the panel is dark, and closing Help shows the screen as it was.
    def corner() -> tuple[int, ...]:
        width, height, rgba = pilot.thumbnail(64)
        top_left = ((height - 1) * width) * 4  # rows run from the bottom up
        return tuple(rgba[top_left:top_left + 3])

    pilot.tap("start_button")
    pilot.tap("language_fr")
    light = corner()
    pilot.tap("help_button")
    assert pilot.overlay == "HelpOverlay" and pilot.app.root.opacity == 0
    dark = corner()
    assert max(dark) < 80 < min(light), (dark, light)
    pilot.tap("close_button")
    assert pilot.overlay is None and pilot.app.root.opacity == 1
    assert corner() == light and "Que voulez-vous apprendre ?" in pilot.texts()
