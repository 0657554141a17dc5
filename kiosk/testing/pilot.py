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
too), with the visitor verbs made of the taps and keys a visitor would make
(``start_visit``, ``open_procedure``, ``go_to_step``...); the pilot adds
reading (visible texts, what was spoken). Time can be moved forward with
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
