"""Overlays above any screen: Help, and the idle warning before a reset.

Both are modal: they cover the screen so a touch cannot reach what is behind.
"""

from __future__ import annotations

from pathlib import Path

from kivy.lang import Builder
from kivy.properties import NumericProperty, ObjectProperty
from kivy.uix.modalview import ModalView


class KioskOverlay(ModalView):
    """A full-screen modal panel given the shared style and the navigator."""

    style = ObjectProperty(None)
    services = ObjectProperty(None)

    def __init__(self, services: object, **kwargs: object) -> None:
        super().__init__(services=services, style=services.style, auto_dismiss=False, **kwargs)

    def on_open(self) -> None:
        self.services.nav.overlays.append(self)

    def on_dismiss(self) -> None:
        if self in self.services.nav.overlays:
            self.services.nav.overlays.remove(self)


class HelpOverlay(KioskOverlay):
    """Explains the current screen, in words and aloud (the app fills its pane)."""


class IdleWarning(KioskOverlay):
    """"Are you still there?" with a visible countdown and one big target."""

    seconds_left = NumericProperty(0)


Builder.load_file(str(Path(__file__).with_name("overlays.kv")))
