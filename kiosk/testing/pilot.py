"""A pilot for the kiosk: the real app headless, driven and read the way a visitor would.

Modelled on Textual's ``Pilot``: tests never touch Kivy internals, they go
through this one module::

    with Pilot.run(config) as pilot:
        pilot.start_visit("fr")
        assert pilot.screen == "catalogue"
        assert "Que voulez-vous apprendre ?" in pilot.texts()
        assert pilot.spoken[-1].startswith("Que voulez-vous")
        pilot.open_procedure("email")
        pilot.go_to_step(3)

Running headless, time, taps and keys come from :mod:`kiosk.ui.headless`
(the product's own capability, which ``kiosk screenshot`` and the audit use
too); the pilot adds reading (visible texts, what was spoken) and visitor verbs
made of the taps and keys a visitor would make. Time can be moved forward with
:meth:`Pilot.advance` (the idle timer's clock is the pilot's).
"""

from __future__ import annotations

from kiosk.ui.headless import KEYS, Headless
from kiosk.ui.headless import MovableClock as FakeClock

__all__ = ["KEYS", "FakeClock", "Pilot"]


class Pilot(Headless):
    """Drives and reads one running :class:`kiosk.ui.app.KioskApp`."""

    # -- looking ----------------------------------------------------------------------
    @property
    def spoken(self) -> list[str]:
        """Everything the kiosk said so far (with the recording engine)."""
        return self.services.speech.engine.texts

    def has(self, name: str) -> bool:
        """Whether a widget called ``name`` is visible."""
        try:
            self.find(name)
        except LookupError:
            return False
        return True

    def texts(self) -> list[str]:
        """The logical text of every visible label, in tree order."""
        from kiosk.ui.widgets import KioskLabel

        out = []
        for root in self.visible_roots():
            for widget in root.walk(restrict=True):
                if isinstance(widget, KioskLabel) and widget.logical and widget.opacity > 0:
                    out.append(widget.logical)
        return out

    def text(self) -> str:
        """All visible text joined, handy for ``in`` assertions."""
        return "\n".join(self.texts())

    # -- a visitor's verbs ------------------------------------------------------------
    def activate(self, name: str) -> None:
        """Touch ``name`` so that it acts: once, or twice in speech mode.

        In speech mode (explore by touch) the first touch on an item only says
        what it is; a visitor touches it again to use it.
        """
        widget = self.find(name)
        if self.services.visit.explore_by_touch and not getattr(widget, "focused", False):
            self.tap_widget(widget)
        self.tap_widget(widget)

    def start_visit(self, lang: str) -> None:
        """From the welcome screen: touch Start, then the language ``lang``.

        A kiosk that offers one language skips the language screen; ``lang``
        must then be that language.
        """
        self._expect("welcome", "start a visit")
        self.activate("start_button")
        if self.screen == "language":
            self.activate(f"language_{lang}")
        elif lang != self.services.visit.language:
            raise AssertionError(f"this kiosk offers only {self.services.visit.language!r}, not {lang!r}")
        self._expect("catalogue", f"choose {lang!r}")

    def open_procedure(self, procedure_id: str) -> None:
        """From the catalogue: touch the procedure's button (scrolling to it as a visitor would)."""
        self._expect("catalogue", f"open {procedure_id!r}")
        self.activate(f"procedure_{procedure_id}")
        self._expect("walkthrough", f"open {procedure_id!r}")

    def go_to_step(self, number: int) -> None:
        """In a walkthrough: touch Next (or Back) until step ``number`` (from 1) is on show."""
        self._expect("walkthrough", f"go to step {number}")
        steps = len(self.ui.nav.procedure.steps)
        if not 1 <= number <= steps:
            raise ValueError(f"step {number}: the procedure has steps 1 to {steps}")
        visit = self.services.visit
        for _ in range(2 * steps):  # bounded: one touch per step, with room to spare
            if visit.step_index + 1 == number:
                return
            self.activate("next_button" if visit.step_index + 1 < number else "back_button")
            self._expect("walkthrough", f"go to step {number}")
        raise AssertionError(f"step {number} never came: the visit is at step {visit.step_index + 1}")

    def toggle_profile(self, profile: str) -> None:
        """Touch the profile's toggle (on the welcome and language screens)."""
        self.activate(f"profile_{profile}")

    def focus_on(self, name: str) -> None:
        """Press Tab until the keyboard focus is on ``name`` (at most one round of the screen)."""
        from kiosk.ui.focus import actionable

        widget = self.find(name)
        for _ in range(len(actionable(self.app.root.current_screen, self.ui.style.rtl)) + 1):
            if self.app.focus.current is widget:
                return
            self.press("tab")
        raise AssertionError(f"Tab never reached {name!r} on {self.screen!r}")

    def end_visit(self) -> None:
        """End the visit as a visitor does: "I have finished" on the last screen, else walk away.

        Walking away lets the idle delay, then the warning's countdown, run out;
        the kiosk wipes the visit and shows the welcome screen. On the welcome
        screen there is nothing to end (its idle timer never runs).
        """
        if self.screen == "welcome" and self.overlay is None:
            raise AssertionError("no visit to end on the welcome screen: start one first")
        if self.screen == "finished" and self.overlay is None:
            self.activate("end_button")
        else:
            config = self.services.config
            self.advance(config.idle_delay_s + 1)
            self.advance(config.idle_warning_s + 1)
        self._expect("welcome", "end the visit")

    def _expect(self, screen: str, doing: str) -> None:
        """Fail with a clear message unless ``screen`` is on show with nothing over it."""
        if self.screen != screen or self.overlay is not None:
            where = self.screen + (f" under {self.overlay}" if self.overlay else "")
            raise AssertionError(f"cannot {doing}: expected the {screen} screen, the kiosk shows {where}")
