"""Practice pages kept and built ahead look as if just built, and keep nothing a visitor did."""

from __future__ import annotations

import gc
import weakref

from kiosk.testing.pilot import Pilot
from kiosk.ui import heap


def typing_step(pilot: Pilot) -> tuple[int, object]:
    """The email lesson's first step whose practice is typing into a field (index, step)."""
    procedure = pilot.services.content.get("email")
    return next((i, s) for i, s in enumerate(procedure.steps) if s.replica and s.replica.action == "type")


def test_a_page_shown_again_holds_nothing_of_the_last_time(pilot: Pilot) -> None:
    index, step = typing_step(pilot)
    target = step.replica.target
    pilot.start_visit("fr")
    pilot.open_procedure("email")
    pilot.go_to_step(index + 1)
    page = pilot.app.root.current_screen.replica
    pilot.tap(f"replica_{target}")
    pilot.tap("key_m")
    others = [e for e in step.replica.elements if e.id != target and e.kind not in ("text", "field", "password")]
    pilot.tap(f"replica_{others[0].id}" if others else "practice_banner")  # a wrong tap: a hint
    assert pilot.find(f"replica_{target}").value == "m" and pilot.find("hint_panel").heading
    assert pilot.has("key_a")  # the keyboard is up
    pilot.tap("back_button")
    pilot.tap("next_button")
    assert pilot.app.root.current_screen.replica is page  # the same page, kept
    assert pilot.find(f"replica_{target}").value == ""  # what was typed is gone with the step
    assert not pilot.find(f"replica_{target}").editing
    assert pilot.find("hint_panel").heading == ""
    assert not pilot.has("key_a")  # no keyboard until a field is tapped again
    assert pilot.find(f"replica_{target}").highlighted


def test_the_next_practice_page_is_built_while_the_visitor_reads(pilot: Pilot) -> None:
    procedure = pilot.services.content.get("email")
    index = next(i for i, s in enumerate(procedure.steps) if i > 0 and s.replica is not None)
    pilot.start_visit("en")
    pilot.open_procedure("email")
    pilot.go_to_step(index)  # the step before the first practice page (numbers start at 1)
    screen = pilot.app.root.current_screen
    pages = screen._practice_pages()
    ahead = pages._kept(procedure.steps[index])
    assert ahead is not None and ahead.parent is None  # built, not on show
    pilot.tap("next_button")
    assert screen.replica is ahead and ahead.state is pilot.services.visit.practice
    pilot.ui.nav.end_visit()
    pilot.settle()
    assert len(pages) == 0  # the visit ended: no page kept


def test_a_full_collection_runs_once_the_welcome_screen_is_back(pilot: Pilot) -> None:
    pilot.start_visit("fr")
    gc.unfreeze()
    while pilot.screen != "welcome":  # back, screen by screen
        pilot.tap("back_button")
        assert gc.get_freeze_count() == 0 or pilot.screen == "welcome"  # nothing before it
    pilot.settle()
    assert gc.get_freeze_count() > 0  # collected, and the survivors frozen


def test_what_died_after_a_tidy_is_collected_by_the_next() -> None:
    class Node:
        pass

    node = Node()
    node.cycle = node  # only the cycle collector can free it
    alive = weakref.ref(node)
    try:
        heap.tidy()  # node survives it: frozen
        del node
        gc.collect()
        assert alive() is not None  # frozen objects are skipped by ordinary collections
        heap.tidy()
        assert alive() is None  # the next tidy hands them back first: nothing is kept for ever
    finally:
        gc.unfreeze()
