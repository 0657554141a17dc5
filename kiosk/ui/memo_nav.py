"""The navigator's take-away memo part: whether "Take a memo" is offered, and taking one.

Mixed into :class:`kiosk.ui.navigator.Navigator`. The memo itself is made and
printed by :mod:`kiosk.staff.memo` on its own thread; the visitor hears and
sees that it is printing, staff find how the print command went in their
journal (``MemoPrintRan``), and the logbook only learns that a memo was taken.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.i18n import t
from kiosk.logbook import events as ev

if TYPE_CHECKING:
    from kiosk.staff.memo import MemoPrinter
    from kiosk.ui.navigator import Navigator


class MemoNavigation:
    """The memo's moves, for the navigator."""

    _memo_printer: MemoPrinter | None = None
    #: (procedure, language) of the memos printed in this visit
    _memos_taken: frozenset[tuple[str, str]] = frozenset()

    def memo_printer(self: Navigator) -> MemoPrinter:
        """Writes and prints memos with ``[kiosk] memo_print_command`` (built when first asked for)."""
        if self._memo_printer is None:
            from kiosk.staff.memo import MemoPrinter

            config = self.services.config
            self._memo_printer = MemoPrinter(config.memo_print_command, config.data_dir, config.kiosk_id,
                                             config.staff.command_timeout_s, report=self._memo_printed)
        return self._memo_printer

    def memo_available(self: Navigator) -> bool:
        """Whether "Take a memo" is offered: a procedure is open, a printer is configured and found."""
        return self.procedure is not None and self.memo_printer().available

    def take_memo(self: Navigator) -> None:
        """Print the open procedure's memo in the visit's language (once a visit), and say it is printing."""
        procedure, visit = self.procedure, self.services.visit
        if procedure is None or not self.memo_printer().available:
            return
        lang = visit.language
        if (procedure.id, lang) not in self._memos_taken:  # a second tap must not print a second sheet
            self._memos_taken = self._memos_taken | {(procedure.id, lang)}
            self.memo_printer().take(procedure, lang)
            self._record(ev.MemoTaken, procedure_id=procedure.id)
        self.services.speech.say(t(lang, "memo_printing"), lang, context="memo")

    def forget_memos(self) -> None:
        """The visit ended: the next visitor's first tap prints again."""
        self._memos_taken = frozenset()

    def _memo_printed(self: Navigator, outcome: str, name: str) -> None:
        """A memo's print outcome, from its thread: for staff, in their journal."""
        staff = self.services.staff
        if staff is not None:
            staff.journal.write(ev.Event(at=staff.wall()), kind="MemoPrintRan", outcome=outcome, memo=name)
