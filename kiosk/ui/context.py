"""What a screen may ask of the UI: the shared style and the navigation.

Screens and overlays receive a :class:`UiContext` at construction, beside the
domain :class:`kiosk.services.Services`. :class:`Navigation` is everything a
screen may ask of the navigator; :class:`kiosk.ui.navigator.Navigator` does all
of it from the moment it is built (nothing is attached later).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from kiosk.content.model import Procedure, Step
    from kiosk.ui.style import Style


class Navigation(Protocol):
    """The visitor flow, as screens and overlays use it."""

    @property
    def screen_name(self) -> str:
        """The screen on show."""

    @property
    def procedure(self) -> Procedure | None:
        """The procedure the visitor opened, if any."""

    @property
    def step(self) -> Step | None:
        """The step on show in the walkthrough, if any."""

    def go(self, name: str) -> None:
        """Show screen ``name`` (shown again if it is already on show)."""

    def back(self) -> None:
        """One step back in the flow (closes the overlay on top first)."""

    def start_visit(self, launched_by: str = "visitor") -> None:
        """From the welcome screen: on to the language choice (or the catalogue)."""

    def choose_language(self, lang: str) -> None:
        """Switch the visit's language, then show the catalogue."""

    def set_language(self, lang: str) -> None:
        """Switch the visit's language everywhere at once."""

    def toggle_profile(self, profile: str) -> None:
        """Switch an accessibility profile for this visit."""

    def open_procedure(self, procedure_id: str, step_index: int = 0) -> None:
        """Start a walkthrough at its first (or given) step."""

    def next_step(self, praise: str = "") -> None:
        """The next step (with ``praise`` for a practice done right), or the finished screen after the last."""

    def previous_step(self) -> None:
        """The previous step, or the catalogue from the first one."""

    def learn_more(self) -> None:
        """From the finished screen: back to the catalogue."""

    def end_visit(self, how: str = "left") -> None:
        """Wipe every trace of the visit and show the welcome screen (``how`` it ended, for the logbook)."""

    def repeat(self) -> None:
        """Say the screen again (the Repeat button and key)."""

    def practice_mistake(self) -> None:
        """A wrong touch or entry on the practice page, for the logbook."""

    def show_help(self) -> None:
        """Explain the current screen, on screen and aloud."""

    def still_here(self) -> None:
        """The visitor answered the idle warning: carry on where they were."""

    def call_helper(self) -> None:
        """The visitor calls a helper (Help's button or its key): told one is coming."""

    def memo_available(self) -> bool:
        """Whether "Take a memo" is offered (kiosk.flow): a procedure open, a printer found."""

    def take_memo(self) -> None:
        """Print the open procedure's take-away memo; the visitor is told it is printing."""

    def start_checks(self) -> None:
        """The open module's self-checks, from its end."""

    def check_answer(self, right: bool) -> None:
        """A self-check task's page was used: right or not yet."""

    def skip_check(self) -> None:
        """Leave this self-check task for another day."""

    # Staff mode (kiosk.flow.staff): the staff screens use these.
    @property
    def in_staff(self) -> bool:
        """Whether a staff screen is on show."""

    def enter_staff(self) -> None:
        """Open the staff PIN screen."""

    def leave_staff(self) -> None:
        """Back to the visitor flow where it was."""

    def hand_over(self, launch: object) -> None:
        """Start the visit staff set up (a :class:`kiosk.flow.Launch`)."""

    def staff_end_visit(self) -> None:
        """Staff end the visit in progress."""

    def exit_kiosk(self) -> None:
        """Staff stop the kiosk."""


@dataclass(frozen=True)
class UiContext:
    """The shared style (size, theme, language, direction) and the navigation."""

    style: Style
    nav: Navigation
