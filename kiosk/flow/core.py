"""The visit flow's state: which screen, which overlays, and the helpers every move uses.

One place owns each piece of the visit's state: the screen on show and the
open overlays are the flow's; the visitor's choices and position are the
:class:`kiosk.session.Visit`'s, which only the flow changes; whether the kiosk
may speak is worked out here (the visit's choice, never in staff mode) and
handed to the speech queue as an effect. Imports no Kivy.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import kiosk.flow.effects as fx
from kiosk.access.profiles import Settings, settings_for
from kiosk.idle import IdleTimer
from kiosk.logbook import events as ev

if TYPE_CHECKING:
    from kiosk.content.model import Procedure, Step
    from kiosk.services import Services
    from kiosk.session import Visit

#: Staff screens are named ``staff_*``.
STAFF_PREFIX = "staff_"
#: The visitor's screens.
VISITOR_SCREENS = ("welcome", "language", "catalogue", "walkthrough", "finished", "selfcheck", "selfcheck_done",
                   "diagnostic", "diagnostic_done")

Effects = list[fx.Effect]


class FlowCore:
    """The flow's state and the helpers its moves share (see :class:`kiosk.flow.Flow`)."""

    def __init__(self, services: Services, idle: IdleTimer | None = None, *,
                 now: Callable[[], float] = time.monotonic,
                 memo_ready: Callable[[], bool] = lambda: False) -> None:
        self.services = services
        config = services.config
        self.now = now
        #: the visit's idle timer (the privacy reset)
        self.idle = idle or IdleTimer(config.idle_delay_s, config.idle_warning_s, now=now)
        #: whether a memo printer is configured and found (asked when "Take a memo" is drawn)
        self.memo_ready = memo_ready
        #: the screen on show
        self.screen = "welcome"
        #: open overlays, bottom to top
        self.overlays: list[str] = []
        #: the visitor screen staff mode was opened from (shown again when it closes)
        self.staff_return = "welcome"
        #: (procedure, language) of the memos printed in this visit
        self.memos_taken: frozenset[tuple[str, str]] = frozenset()
        #: whether the speech queue was last told it may speak
        self.speech_enabled = services.visit.speech_on
        #: staff's last touch or key (staff mode closes after ``[staff] idle_s`` without one)
        self.staff_active = now()
        #: when the staff key was pressed down (held ``hold_s`` it opens staff mode), and whether it repeats
        self.hold_started: float | None = None
        self.hold_repeat = False
        self.hold_opened = False
        self.staff_taps: list[float] = []
        self.welcome_touches: list[float] = []
        self.idle_prepared = False

    # -- where we are ---------------------------------------------------------------
    @property
    def visit(self) -> Visit:
        """The visitor's choices and position (changed by the flow alone)."""
        return self.services.visit

    @property
    def in_staff(self) -> bool:
        """Whether a staff screen is on show."""
        return self.screen.startswith(STAFF_PREFIX)

    @property
    def top(self) -> str:
        """What the visitor sees on top: the last overlay opened, else the screen."""
        return self.overlays[-1] if self.overlays else self.screen

    @property
    def procedure(self) -> Procedure | None:
        """The procedure the visitor opened, if any."""
        visit = self.visit
        return self.services.content.get(visit.procedure_id) if visit.procedure_id else None

    @property
    def step(self) -> Step | None:
        """The step on show in the walkthrough, if any."""
        procedure = self.procedure
        return procedure.steps[self.visit.step_index] if procedure is not None else None

    @property
    def settings(self) -> Settings:
        """Text size, theme and layout the visit's profiles ask for."""
        return settings_for(self.visit.profiles, self.visit.text_scale)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.services.config.languages)

    def where(self) -> dict[str, Any]:
        """The step on show, for an event about it (empty outside a walkthrough)."""
        visit = self.visit
        if visit.procedure_id and self.screen == "walkthrough":
            return {"procedure_id": visit.procedure_id, "step_index": visit.step_index}
        return {}

    # -- helpers ----------------------------------------------------------------------
    def _show(self, out: Effects, screen: str) -> None:
        """Show ``screen``: speech is allowed or not before it announces itself."""
        self.screen = screen
        self._sync_speech(out)
        out.append(fx.Show(screen))

    def _sync_speech(self, out: Effects) -> None:
        """Tell the speech queue whether it may speak, when that changed."""
        enabled = self.visit.speech_on and not self.in_staff
        if enabled != self.speech_enabled:
            self.speech_enabled = enabled
            out.append(fx.SpeechEnabled(enabled))

    def _record(self, out: Effects, kind: type[ev.Event], **fields: Any) -> None:
        """Tell the logbook (only during a visit: the welcome screen's choices come with its start)."""
        if self.visit.started:
            out.append(fx.Record(kind, fields))

    def _open(self, out: Effects, kind: str, **what: Any) -> None:
        """Open overlay ``kind`` (nothing more if it is open already: its words change)."""
        if kind not in self.overlays:
            self.overlays.append(kind)
        out.append(fx.OpenOverlay(kind, **what))

    def _close(self, out: Effects, kind: str) -> None:
        if kind in self.overlays:
            self.overlays.remove(kind)
            out.append(fx.CloseOverlay(kind))

    def _close_all(self, out: Effects) -> None:
        if self.overlays:
            self.overlays.clear()
            out.append(fx.CloseOverlays())

    def _style(self, out: Effects, *, reset: bool = False) -> None:
        out.append(fx.ApplyStyle(self.visit.language, self.settings, reset=reset))

    def overlay_closed(self, kind: str) -> Effects:
        """An overlay was closed on screen (its own Close button): the flow forgets it."""
        if kind in self.overlays:
            self.overlays.remove(kind)
        return []
