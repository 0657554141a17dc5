"""Staff's moves: in and out of staff mode, handing a visit over, exiting the kiosk.

Mixed into :class:`kiosk.flow.Flow`. Staff screens are named ``staff_*``;
while one is on show the kiosk is silent (nothing staff do is spoken to the
room) and the visit's idle timer waits; staff mode ends after ``[staff]
idle_s`` unused (:meth:`kiosk.flow.activity.Activity.tick`). Imports no Kivy.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import kiosk.flow.effects as fx
from kiosk.access.profiles import speech_rate
from kiosk.flow.core import VISITOR_SCREENS, Effects
from kiosk.flow.selfcheck import SelfCheckMoves
from kiosk.flow.visitor import VisitorMoves
from kiosk.i18n import t


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
    #: start with "Where do I start?" (instead of a procedure)
    diagnostic: bool = False


class StaffMoves(VisitorMoves, SelfCheckMoves):
    """Staff mode's moves."""

    def enter_staff(self) -> Effects:
        """Open the PIN screen (nothing if staff mode is open already); the room hears nothing of it."""
        if self.in_staff or self.services.staff is None:
            return []
        self.staff_return = self.screen
        out: Effects = []
        self._close_all(out)
        out.append(fx.StopSpeech())
        self.staff_active = self.now()
        self._show(out, "staff_pin")
        return out

    def show(self, name: str, procedure_id: str | None = None) -> Effects:
        """Screen ``name`` straight away: staff screens move between themselves, tools show any screen.

        ``procedure_id``: the procedure a tool shows the screen for (the finished screen's).
        """
        out: Effects = []
        if procedure_id is not None:
            self.visit.procedure_id = procedure_id
        self._show(out, name)
        return out

    def leave_staff(self) -> Effects:
        """Back to the visitor flow where it was, speech as the visit had it."""
        if not self.in_staff:
            return []
        self.idle.restart()
        out: Effects = []
        self._show(out, self.staff_return if self.staff_return in VISITOR_SCREENS else "welcome")
        return out

    def back(self) -> Effects:
        """The Back key or button: one step back in the flow, never out of the app."""
        out: Effects = []
        if self.overlays:
            self._close(out, self.overlays[-1])
            return out
        name = self.screen
        if name == "walkthrough":
            out.append(fx.StepBack())  # the previous page first (easy profile), then previous_step
        elif name == "finished":
            return self.learn_more()
        elif name in ("selfcheck", "selfcheck_done"):
            self.visit.leave_step()
            self._show(out, "finished")  # the module's end, where the checks began
        elif name in ("diagnostic", "diagnostic_done"):
            self.visit.leave_step()
            self._show(out, "catalogue")  # where it was offered
        elif name == "catalogue":
            self._show(out, "language" if len(self.languages) > 1 else "welcome")
        elif name == "language":
            self._show(out, "welcome")
        elif name in ("staff_pin", "staff_panel"):
            return self.leave_staff()
        elif name == "staff_learner":
            self._show(out, "staff_learners")
        elif self.in_staff:
            self._show(out, "staff_panel")
        return out

    def staff_end_visit(self) -> Effects:
        """Staff end the visit in progress: the welcome screen, ready for the next visitor."""
        return self.end_visit("staff")

    def exit_kiosk(self) -> Effects:
        """Staff's "Exit the kiosk": the only way out of kiosk mode besides the system's SIGTERM."""
        if not self.in_staff:
            return []
        out = self.end_visit("staff") if self.visit.started else []
        return [*out, fx.StopKiosk()]

    def hand_over(self, launch: Launch) -> Effects:
        """Start the visit staff set up: a welcome in the visitor's language, on the chosen procedure."""
        out = self.end_visit("staff") if self.visit.started else []
        visit = self.visit
        visit.profiles = set(launch.profiles)
        visit.text_scale = launch.text_scale
        visit.speech_on = launch.speech_on
        visit.exploring = "blind" in launch.profiles
        visit.rate = speech_rate(visit.profiles)
        out += self.set_language(launch.language)
        out.append(fx.SetVoice(visit.volume, visit.rate))
        self._begin_visit(out, "staff", learner=launch.learner, autonomy_expected=launch.autonomy_expected)
        self.idle.restart()  # the visitor's idle delay starts now, whatever staff took
        welcome = t(launch.language, "handover_welcome")
        procedure = self.services.content.get(launch.procedure_id) if launch.procedure_id else None
        if launch.diagnostic and self.diagnostic is not None:
            out += self.start_diagnostic()
            visit.praise = welcome  # shown above the first task and said before it
        elif procedure is not None:
            visit.praise = welcome  # shown above the first step and said before it
            out += self.open_procedure(procedure.id)
        else:
            self._show(out, "catalogue")
            out.append(fx.Say(welcome, launch.language, "handover"))
        return out
