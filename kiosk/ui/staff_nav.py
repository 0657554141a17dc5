"""The navigator's staff part: in and out of staff mode, handing a visit over, help calls.

Mixed into :class:`kiosk.ui.navigator.Navigator`. Staff screens are named
``staff_*``; while one is on show the kiosk is silent (nothing staff do is
spoken to the room) and the visit's idle timer waits; staff mode ends after
``[staff] idle_s`` unused (the app's idle tick calls :meth:`leave_staff`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kiosk.i18n import t
from kiosk.logbook import events as ev

if TYPE_CHECKING:
    from kiosk.ui.navigator import Navigator

STAFF_PREFIX = "staff_"


@dataclass
class Launch:
    """What staff set up for a visitor before handing the kiosk over."""

    language: str
    profiles: set[str] = field(default_factory=set)
    text_scale: float = 1.0
    speech_on: bool = True
    procedure_id: str | None = None
    learner: str | None = None
    autonomy_expected: str | None = None


class StaffNavigation:
    """Staff mode's moves, for the navigator."""

    #: the visitor screen staff mode was opened from (shown again when it closes)
    _staff_return: str = "welcome"
    #: set by the navigator's constructor: the app's stop, and what follows an overlay opening
    stop_kiosk: Callable[[], object] | None
    on_overlay_open: Callable[[], object] | None

    @property
    def in_staff(self: Navigator) -> bool:
        """Whether a staff screen is on show."""
        return self.manager.current.startswith(STAFF_PREFIX)

    def enter_staff(self: Navigator) -> None:
        """Open the PIN screen (nothing if staff mode is open already); the room hears nothing of it."""
        if self.in_staff or self.services.staff is None:
            return
        self._staff_return = self.manager.current
        self.close_overlays()
        self.services.speech.stop()
        self.services.speech.enabled = False
        self.go("staff_pin")

    def leave_staff(self: Navigator) -> None:
        """Back to the visitor flow where it was, speech as the visit had it."""
        if not self.in_staff:
            return
        self.services.speech.enabled = self.services.visit.speech_on
        self.idle.restart()
        self.go(self._staff_return if self.manager.has_screen(self._staff_return) else "welcome")

    def staff_end_visit(self: Navigator) -> None:
        """Staff end the visit in progress: the welcome screen, ready for the next visitor."""
        self.services.speech.enabled = self.services.visit.speech_on
        self.end_visit("staff")

    def exit_kiosk(self: Navigator) -> None:
        """Staff's "Exit the kiosk": the only way out of kiosk mode besides the system's SIGTERM."""
        if self.in_staff and self.stop_kiosk is not None:
            if self.services.visit.started:
                self.end_visit("staff")
            self.stop_kiosk()

    def hand_over(self: Navigator, launch: Launch) -> None:
        """Start the visit staff set up: a welcome in the visitor's language, on the chosen procedure."""
        services = self.services
        if services.visit.started:
            self.end_visit("staff")
        visit = services.visit
        visit.profiles = set(launch.profiles)
        visit.text_scale = launch.text_scale
        visit.speech_on = launch.speech_on
        visit.exploring = "blind" in launch.profiles
        services.speech.enabled = launch.speech_on
        self.set_language(launch.language)
        self.apply_profiles()
        self._begin_visit("staff", learner=launch.learner, autonomy_expected=launch.autonomy_expected)
        welcome = t(launch.language, "handover_welcome")
        procedure = services.content.get(launch.procedure_id) if launch.procedure_id else None
        if procedure is not None:
            visit.praise = welcome  # shown above the first step and said before it
            self.open_procedure(procedure.id)
        else:
            self.go("catalogue")
            services.speech.say(welcome, launch.language, context="handover")

    def call_helper(self: Navigator) -> None:
        """A visitor calls a helper: they are told one is coming; staff see the badge; recorded."""
        visit, desk = self.services.visit, self.services.staff
        where = ({"procedure_id": visit.procedure_id, "step_index": visit.step_index}
                 if visit.procedure_id and self.manager.current == "walkthrough" else {})
        if desk is not None:
            desk.call_helper(**where)
        self._record(ev.HelpCalled, **where)
        self.chime.play()  # staff hear it across the room
        lang = visit.language
        text = t(lang, "helper_coming")
        overlay = self.help_overlay
        overlay.show(text)
        overlay.open()
        self.services.speech.say(text, lang, context="help_call")
