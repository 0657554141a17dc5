"""The staff desk: everything staff mode does that is not drawing, in one object the screens share.

Checks the PIN (with the lockout), records every try and help call in the staff
journal, keeps the help calls waiting for staff (the badge), runs the
configured commands, makes learner codes, reads a learner's progress and
today's figures. Imports no Kivy; UI-thread methods only, except the commands'
outcomes, which arrive on their own threads and only touch the journal.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from kiosk.logbook import events as ev
from kiosk.staff import pin as pins
from kiosk.staff.helpcall import BackgroundCommand
from kiosk.staff.learners import Learners
from kiosk.staff.staff_journal import StaffJournal

Verdict = Literal["ok", "wrong", "locked", "no_pin"]


class StaffDesk:
    """Staff mode's state and actions for one kiosk."""

    def __init__(self, data_dir: Path, kiosk_id: str, *, help_command: str | None = None,
                 print_command: str | None = None, command_timeout_s: float = 10.0,
                 now: Callable[[], float] = time.monotonic, wall: Callable[[], float] = time.time) -> None:
        self.data_dir = Path(data_dir)
        self.kiosk_id = kiosk_id
        self.wall = wall
        self.journal = StaffJournal(self.data_dir)
        self.lockout = pins.Lockout(now=now)
        self.learners = Learners(self.data_dir)
        self.help_command = BackgroundCommand(help_command, kiosk_id, command_timeout_s, on_done=self._help_done)
        self.print_command = BackgroundCommand(print_command, kiosk_id, command_timeout_s, on_done=self._print_done)
        #: help calls staff have not acknowledged yet (the badge shows while there are any)
        self.calls_waiting = 0
        self._listeners: list[Callable[[], None]] = []

    # -- the PIN ---------------------------------------------------------------------------
    def has_pin(self) -> bool:
        """Whether a PIN is set (no PIN: staff mode stays closed)."""
        return pins.has_pin(self.data_dir)

    def try_pin(self, pin: str) -> Verdict:
        """Check ``pin`` (the caller then drops it); every try is journalled without its digits."""
        if not self.has_pin():
            return "no_pin"
        if self.lockout.locked_for() > 0:
            self.journal.write(ev.StaffEntryTried(ok=False, locked=True, at=self.wall()))
            return "locked"
        ok = pins.verify(self.data_dir, pin)
        self.journal.write(ev.StaffEntryTried(ok=ok, at=self.wall()))
        if ok:
            self.lockout.succeeded()
            return "ok"
        self.lockout.failed()
        return "locked" if self.lockout.locked_for() > 0 else "wrong"

    # -- help calls ------------------------------------------------------------------------
    def on_change(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` (no arguments) whenever :attr:`calls_waiting` changes."""
        self._listeners.append(callback)

    def _changed(self) -> None:
        for callback in list(self._listeners):
            callback()

    def call_helper(self, procedure_id: str | None = None, step_index: int | None = None) -> ev.HelpCalled:
        """A visitor called a helper: journal it, keep it waiting for staff, run the command."""
        event = ev.HelpCalled(procedure_id=procedure_id, step_index=step_index, at=self.wall())
        self.journal.write(event)
        self.calls_waiting += 1
        self._changed()
        self.help_command.run()
        return event

    def acknowledge(self) -> None:
        """Staff saw the calls: the badge goes."""
        self.calls_waiting = 0
        self._changed()

    def _help_done(self, outcome: str) -> None:
        self.journal.write(ev.Event(at=self.wall()), kind="HelpCommandRan", outcome=outcome)

    def memo_printed(self, outcome: str, name: str) -> None:
        """A take-away memo's print outcome, from its thread: for staff, in their journal."""
        self.journal.write(ev.Event(at=self.wall()), kind="MemoPrintRan", outcome=outcome, memo=name)

    def _print_done(self, outcome: str) -> None:
        self.journal.write(ev.Event(at=self.wall()), kind="PrintCommandRan", outcome=outcome)
