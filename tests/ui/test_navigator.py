"""The navigator: where each of its moves takes the visitor, what they then see and hear.

These tests are about the navigator itself, so they call it directly; they check
what the visitor gets on screen (the screen, its progress line, its announcement),
not how the navigator is built. It is reached in one place, :func:`navigator`.
Where each move takes the visit, as a rule, is told in ``tests/flow``.
"""

from __future__ import annotations

from typing import Any

from kiosk.i18n import t
from kiosk.testing.pilot import Pilot


def navigator(pilot: Pilot) -> Any:
    """The kiosk's navigator (the one place these tests reach it)."""
    return pilot.ui.nav


def go(pilot: Pilot, move: str, *args: object) -> None:
    """Call one of the navigator's moves, then let the screen settle as a frame would."""
    getattr(navigator(pilot), move)(*args)
    pilot.settle()


def on_step(pilot: Pilot, lang: str, n: int, total: int) -> bool:
    """Whether the walkthrough shows step ``n`` of ``total`` (its progress line ends with it)."""
    return pilot.screen == "walkthrough" and pilot.find("progress_label").logical.endswith(
        t(lang, "step_progress", n=n, total=total))


def first_procedure(pilot: Pilot) -> Any:
    return pilot.services.content.procedures[0]


def test_open_procedure_shows_its_first_or_given_step(pilot: Pilot) -> None:
    procedure = first_procedure(pilot)
    total = len(procedure.steps)
    go(pilot, "set_language", "en")
    go(pilot, "open_procedure", procedure.id)
    assert on_step(pilot, "en", 1, total)
    assert procedure.steps[0].title.get("en") in pilot.texts()
    last = total - 1
    go(pilot, "open_procedure", procedure.id, last)
    assert on_step(pilot, "en", total, total)
    assert pilot.spoken[-1].startswith(t("en", "step_progress", n=total, total=total))
    assert procedure.steps[last].title.get("en") in pilot.spoken[-1]




def test_back_retraces_the_visit_and_never_leaves_the_kiosk(pilot: Pilot) -> None:
    procedure = first_procedure(pilot)
    go(pilot, "set_language", "en")
    go(pilot, "open_procedure", procedure.id, len(procedure.steps) - 1)
    go(pilot, "next_step")
    assert pilot.screen == "finished"
    screens = []
    for _ in range(4):
        go(pilot, "back")
        screens.append(pilot.screen)
    assert screens == ["catalogue", "language", "welcome", "welcome"]


def test_back_closes_an_overlay_first(pilot: Pilot) -> None:
    go(pilot, "set_language", "en")
    go(pilot, "go", "catalogue")
    pilot.tap("help_button")
    assert pilot.overlay == "HelpOverlay"
    go(pilot, "back")
    assert pilot.overlay is None and pilot.screen == "catalogue"


def test_going_to_the_screen_on_show_announces_it_again(pilot: Pilot) -> None:
    go(pilot, "set_language", "en")
    go(pilot, "go", "catalogue")
    said = len(pilot.spoken)
    go(pilot, "go", "catalogue")
    assert pilot.screen == "catalogue"
    assert pilot.spoken[said:] == [t("en", "announce_catalogue")]


def test_end_visit_closes_everything_and_welcomes_the_next_visitor(pilot: Pilot) -> None:
    procedure = first_procedure(pilot)
    go(pilot, "set_language", "ar")
    go(pilot, "open_procedure", procedure.id, 1)
    pilot.tap("help_button")
    assert pilot.overlay == "HelpOverlay"
    go(pilot, "end_visit")
    assert pilot.overlay is None and pilot.screen == "welcome"
    visit = pilot.services.visit
    assert (visit.language, visit.procedure_id, visit.step_index) == (pilot.services.config.default_language, None, 0)
    assert pilot.spoken[-1].startswith(t(visit.language, "welcome_title"))
    go(pilot, "back")  # nothing of the last visit to go back to
    assert pilot.screen == "welcome"
