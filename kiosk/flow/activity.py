"""Touches, keys and the clock: what any activity does, and the idle reset that protects privacy.

:class:`Flow` is the whole visit flow. The app hands it every touch (with
whether it landed in the staff corner), every key, and a clock tick four times
a second; key actions go through :data:`KEY_COMMANDS`. Imports no Kivy.
"""

from __future__ import annotations

from collections.abc import Callable

import kiosk.flow.effects as fx
from kiosk.flow.core import Effects
from kiosk.flow.staff import StaffMoves
from kiosk.i18n import t
from kiosk.idle import IdleState

#: three taps in the staff corner within this many seconds open the staff PIN screen
STAFF_TAPS_S = 2.0
#: two touches on the welcome background within this many seconds start speech mode
DOUBLE_TOUCH_S = 1.5


class Flow(StaffMoves):
    """The visit as a state machine: commands in, effects out (see :mod:`kiosk.flow`)."""

    # -- touches ----------------------------------------------------------------------
    def touch(self, *, in_staff_corner: bool = False, on_item: Callable[[], bool] = lambda: True) -> Effects:
        """A finger comes down: speech stops, the idle delay restarts, the warning is answered.

        ``on_item`` says whether the touch landed on an item (asked only on the
        welcome screen, where two touches on the background start speech mode).
        """
        out: Effects = [fx.StopSpeech()]
        self.staff_active = self.now()
        if self.idle.state is IdleState.WARNING and not self.in_staff:
            return out + self.still_here() + [fx.Swallow()]
        self.idle.activity()
        out += self._staff_tap(in_staff_corner)
        if self.in_staff:
            return out  # staff screens: a touch acts at once, silently
        if self.visit.explore_by_touch:
            return [*out, fx.Explore()]
        if in_staff_corner:
            self.welcome_touches.clear()
            return out  # staff's corner taps are not the double touch that starts speech mode
        return out + self._welcome_touch(on_item)

    def touch_move(self) -> Effects:
        """A finger slides: in speech mode it says each item it enters."""
        if not self.visit.explore_by_touch:
            return []
        self.idle.activity()
        return [fx.Explore()]

    def _staff_tap(self, in_corner: bool) -> Effects:
        """Three taps in the staff corner within 2 s open the staff PIN screen (after this touch acts)."""
        if not in_corner:
            self.staff_taps.clear()
            return []
        now = self.now()
        self.staff_taps = [t0 for t0 in self.staff_taps if now - t0 < STAFF_TAPS_S] + [now]
        if len(self.staff_taps) < 3:
            return []
        self.staff_taps.clear()
        return [fx.Later("enter_staff")]

    def _welcome_touch(self, on_item: Callable[[], bool]) -> Effects:
        """Two touches on the welcome screen's background switch speech mode on."""
        if self.screen != "welcome" or self.overlays or on_item():
            self.welcome_touches.clear()
            return []
        now = self.now()
        self.welcome_touches = [t0 for t0 in self.welcome_touches if now - t0 < DOUBLE_TOUCH_S] + [now]
        if len(self.welcome_touches) < 2:
            return []
        self.welcome_touches.clear()
        return self.start_exploring()

    # -- keys -------------------------------------------------------------------------
    def key_down(self, *, staff_key: bool = False) -> Effects:
        """A key comes down (before its action): speech stops, the idle delay restarts.

        ``staff_key``: the key that, held ``[staff] hold_s``, opens staff mode.
        """
        self.staff_active = self.now()
        if staff_key:
            self.hold_repeat = self.hold_started is not None
            if self.hold_started is None:
                self.hold_started = self.now()
        out: Effects = [fx.StopSpeech()]
        if self.in_staff:
            return out
        if self.idle.state is IdleState.WARNING:
            return out + self.still_here() + [fx.Swallow()]
        self.idle.activity()
        return out

    def key_up(self, *, staff_key: bool = False) -> Effects:
        if staff_key:
            self.hold_started, self.hold_repeat, self.hold_opened = None, False, False
        return []

    def key_action(self, action: str) -> Effects:
        """A key-map action that is the flow's (see :data:`KEY_COMMANDS`)."""
        return KEY_COMMANDS[action](self)

    # -- the clock and the idle reset ---------------------------------------------------
    def tick(self) -> Effects:
        """The clock, four times a second: the held staff key, staff walking away, the idle reset."""
        now, staff = self.now(), self.services.config.staff
        out: Effects = []
        if self.hold_started is not None and not self.hold_opened and now - self.hold_started >= staff.hold_s:
            self.hold_opened = True  # once: the key counts as held (its repeats do nothing) until it is released
            out += self.enter_staff()
        if self.in_staff:
            if now - self.staff_active >= staff.idle_s:
                out += self.leave_staff()  # staff walked away: back to the visitor flow
            return out
        if self.screen == "welcome" and not self.overlays:
            self.idle.restart()  # nothing to protect yet
            return out
        change = self.idle.tick()
        if not self.idle_prepared:  # built ahead, while the visitor reads a screen after welcome
            self.idle_prepared = True
            out.append(fx.PrepareOverlay(fx.IDLE))
        if change is IdleState.WARNING:
            out += self.warn_idle()
        elif change is IdleState.EXPIRED:
            out += self.end_visit("idle")
            self.idle.restart()
        elif self.idle.state is IdleState.WARNING:
            out.append(fx.Countdown(self.idle.seconds_left()))
        return out

    def warn_idle(self) -> Effects:
        """"Are you still there?": open the warning with its countdown and say it."""
        out: Effects = []
        seconds_left = self.idle.seconds_left()
        self._open(out, fx.IDLE, seconds_left=seconds_left)
        lang = self.visit.language
        out.append(fx.Say(" ".join([t(lang, "idle_title"), t(lang, "idle_body"),
                                    t(lang, "idle_countdown", s=int(seconds_left)), t(lang, "idle_continue")]),
                          lang, "idle"))
        return out

    def still_here(self) -> Effects:
        """The visitor answered the idle warning: carry on where they were."""
        self.idle.activity()
        out: Effects = []
        self._close(out, fx.IDLE)
        out.append(fx.AnnounceScreen())
        return out


#: Key-map actions that are the flow's; the others (next, previous, activate) move the focus.
KEY_COMMANDS: dict[str, Callable[[Flow], Effects]] = {
    "staff": Flow.enter_staff,
    "help": Flow.help_key,
    "call_helper": Flow.call_helper,
    "back": Flow.back,
    "repeat": Flow.repeat,
    "speech": Flow.speech_key,
    "volume_down": lambda flow: flow.change_volume(-1),
    "volume_up": lambda flow: flow.change_volume(+1),
    "slower": lambda flow: flow.change_rate(-1),
    "faster": lambda flow: flow.change_rate(+1),
}
