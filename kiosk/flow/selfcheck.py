"""The self-checks at the end of a module: tasks done on practice pages, no timer, retry allowed.

Mixed into :class:`kiosk.flow.Flow`. From the finished screen the visitor
starts the module's checks (screen ``selfcheck``, one task at a time); a wrong
move says "not yet" in easy words and counts a try; a right one says so and
shows the next task; after the last, ``selfcheck_done`` says which outcomes
were shown. Each task that ends is recorded (``CheckAnswered``: passed or
left, and the number of tries), never what was typed. Imports no Kivy.
"""

from __future__ import annotations

import kiosk.flow.effects as fx
from kiosk.content.model import Check
from kiosk.flow.core import Effects
from kiosk.flow.diagnostic import DiagnosticMoves
from kiosk.i18n import t
from kiosk.logbook import events as ev


class SelfCheckMoves(DiagnosticMoves):
    """The self-checks' moves (and the diagnostic's, whose pages answer the same way)."""

    @property
    def check(self) -> Check | None:
        """The self-check or diagnostic task on show, if any."""
        if self.screen == "diagnostic":
            return self.diagnostic_task
        procedure = self.procedure
        if procedure is None or self.screen != "selfcheck" or self.visit.check_index >= len(procedure.checks):
            return None
        return procedure.checks[self.visit.check_index]

    def start_checks(self) -> Effects:
        """"Check what I learnt": the open module's first self-check task."""
        out: Effects = []
        procedure = self.procedure
        if procedure is None or not procedure.checks:
            return out
        self.visit.check_index, self.visit.check_tries, self.visit.check_outcomes = 0, 0, []
        self.visit.leave_step()
        self._show(out, "selfcheck")
        return out

    def check_answer(self, right: bool) -> Effects:
        """The visitor used the task's page: right moves on, wrong says "not yet" (try again, no hint)."""
        if self.screen == "diagnostic":
            return self.diagnostic_answer(right)
        check, visit = self.check, self.visit
        if check is None:
            return []
        visit.check_tries += 1
        lang = visit.language
        if not right:
            return [fx.Say(t(lang, "selfcheck_not_yet"), lang, "selfcheck")]
        out = self._end_check(check, passed=True)
        visit.check_outcomes += [s for s in check.skills if s not in visit.check_outcomes]
        visit.praise = t(lang, "selfcheck_right")  # said and shown with what comes next
        return out + self._next_check()

    def skip_check(self) -> Effects:
        """The visitor leaves this task for another day: recorded as not passed, on to the next."""
        if self.screen == "diagnostic":
            return self.diagnostic_skip()
        check = self.check
        if check is None:
            return []
        return self._end_check(check, passed=False) + self._next_check()

    def _end_check(self, check: Check, *, passed: bool) -> Effects:
        out: Effects = []
        procedure = self.procedure
        if procedure is not None:
            self._record(out, ev.CheckAnswered, procedure_id=procedure.id, check_id=check.id, passed=passed,
                         tries=self.visit.check_tries, skills=frozenset(check.skills) if passed else frozenset())
        return out

    def _next_check(self) -> Effects:
        out: Effects = []
        procedure, visit = self.procedure, self.visit
        visit.leave_step()
        visit.check_tries = 0
        visit.check_index += 1
        if procedure is not None and visit.check_index < len(procedure.checks):
            self._show(out, "selfcheck")
        else:
            self._show(out, "selfcheck_done")
        return out
