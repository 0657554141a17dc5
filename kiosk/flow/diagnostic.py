"""The diagnostic "Where do I start?": short tasks, no score, and a path of modules at the end.

Mixed into :class:`kiosk.flow.Flow`. Offered on the catalogue and by staff's
launch; the tasks (:mod:`kiosk.content.diagnostic`) come one at a time on
screen ``diagnostic``, easiest first, on practice pages like the self-checks'.
A wrong move says "not yet"; after two, or "I don't know", the task counts as
hard and the next one comes with a kind word. Two hard tasks end it early.
``diagnostic_done`` proposes 3 to 5 modules; the visit keeps them (the
catalogue shows them first) and the logbook gets the tasks done, the hard
ones and the path (kept with a learner's code), never what was typed.
Imports no Kivy.
"""

from __future__ import annotations

import kiosk.flow.effects as fx
from kiosk.content.diagnostic import HARD_AFTER, STOP_AFTER, Diagnostic
from kiosk.content.model import Check
from kiosk.flow.core import Effects, FlowCore
from kiosk.i18n import t
from kiosk.logbook import events as ev


class DiagnosticMoves(FlowCore):
    """The diagnostic's moves."""

    @property
    def diagnostic(self) -> Diagnostic | None:
        """The content's diagnostic, if it has one that loaded."""
        skills = self.services.content.skills
        return skills.diagnostic if skills is not None else None

    @property
    def diagnostic_task(self) -> Check | None:
        """The diagnostic task on show, if any."""
        diagnostic = self.diagnostic
        if diagnostic is None or self.screen != "diagnostic" or self.visit.check_index >= len(diagnostic.tasks):
            return None
        return diagnostic.tasks[self.visit.check_index]

    def start_diagnostic(self) -> Effects:
        """"Where do I start?": the first task (nothing when the content has no diagnostic)."""
        out: Effects = []
        if self.diagnostic is None:
            return out
        visit = self.visit
        visit.procedure_id = None
        visit.check_index, visit.check_tries, visit.diagnostic_hard = 0, 0, []
        visit.leave_step()
        self._close_all(out)
        self._show(out, "diagnostic")
        return out

    def diagnostic_answer(self, right: bool) -> Effects:
        """The visitor used the task's page: right moves on; wrong says "not yet", twice moves on too."""
        if self.diagnostic_task is None:
            return []
        visit = self.visit
        visit.check_tries += 1
        lang = visit.language
        if right:
            visit.praise = t(lang, "selfcheck_right")
        elif visit.check_tries < HARD_AFTER:
            return [fx.Say(t(lang, "selfcheck_not_yet"), lang, "diagnostic")]
        else:
            visit.diagnostic_hard.append(visit.check_index)
            visit.praise = t(lang, "diagnostic_move_on")
        return self._next_task()

    def diagnostic_skip(self) -> Effects:
        """"I don't know": this task counts as hard, with no blame; on to the next."""
        if self.diagnostic_task is None:
            return []
        visit = self.visit
        visit.diagnostic_hard.append(visit.check_index)
        visit.praise = t(visit.language, "diagnostic_move_on")
        return self._next_task()

    def _next_task(self) -> Effects:
        out: Effects = []
        diagnostic, visit = self.diagnostic, self.visit
        assert diagnostic is not None
        visit.leave_step()
        visit.check_tries = 0
        if len(visit.diagnostic_hard) >= STOP_AFTER or visit.check_index + 1 >= len(diagnostic.tasks):
            return self._diagnostic_done(diagnostic)
        visit.check_index += 1
        self._show(out, "diagnostic")
        return out

    def _diagnostic_done(self, diagnostic: Diagnostic) -> Effects:
        out: Effects = []
        visit = self.visit
        known = [p.id for p in self.services.content.procedures]
        visit.diagnostic_path = diagnostic.path_for(visit.diagnostic_hard, known)
        shown = diagnostic.tasks[:visit.check_index + 1]
        hard = {diagnostic.tasks[i].id for i in visit.diagnostic_hard}
        self._record(out, ev.DiagnosticDone, done=tuple(task.id for task in shown if task.id not in hard),
                     hard=tuple(task.id for task in shown if task.id in hard), path=visit.diagnostic_path)
        visit.praise = ""  # the end screen thanks the visitor; no score, no last "well done"
        self._show(out, "diagnostic_done")
        return out
