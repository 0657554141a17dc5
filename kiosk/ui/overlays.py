"""Overlays above any screen: Help, a glossary word's explanation, and the idle warning before a reset.

Both are modal: they cover the screen so a touch cannot reach what is behind.
The navigator builds them (given the UI context) and keeps track of which are
open (:class:`kiosk.ui.navigator.Navigator`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kivy.lang import Builder
from kivy.properties import NumericProperty, ObjectProperty, StringProperty
from kivy.uix.modalview import ModalView

from kiosk.ui.context import UiContext
from kiosk.ui.pictograms import pictogram_path
from kiosk.ui.widgets import KioskLabel

if TYPE_CHECKING:
    from kiosk.content.glossary import Entry


class KioskOverlay(ModalView):
    """A full-screen modal panel given the shared style and the navigation."""

    style = ObjectProperty(None)
    nav = ObjectProperty(None)

    def __init__(self, ui: UiContext, **kwargs: object) -> None:
        super().__init__(style=ui.style, nav=ui.nav, auto_dismiss=False, **kwargs)

    # No fade in or out, as screens switch without sliding: motion can disorient, a
    # fading panel still takes the touches meant for the screen, and a panel opened
    # again while it fades out was removed by the end of the fade, unseen.
    def open(self, *args: object, **kwargs: object) -> None:
        """Show the overlay at once."""
        kwargs.setdefault("animation", False)
        if not self._is_open:
            # Kivy 2.3 binds centring to the panel's size and centre at every opening and
            # never unbinds it: one more call per size change for each time Help was opened.
            self.funbind("center", self._align_center)
            self.funbind("size", self._align_center)
        super().open(*args, **kwargs)

    def dismiss(self, *args: object, **kwargs: object) -> None:
        """Close the overlay at once."""
        kwargs.setdefault("animation", False)
        super().dismiss(*args, **kwargs)


class HelpOverlay(KioskOverlay):
    """Explains the current screen, in words and aloud."""

    _text: KioskLabel | None = None

    def show(self, text: str) -> None:
        """Put ``text`` (the screen's help) in the overlay's pane, back at its top.

        One label, built with the first help and given each new text: a new label at every
        opening was most of the Python work of opening Help.
        """
        if self._text is None:
            self._text = KioskLabel(style=self.style, name="help_text")
        self._text.logical = text
        pane = self.ids.pane
        pane.clear_content()
        pane.add_content(self._text)


class GlossaryOverlay(KioskOverlay):
    """One hard word explained: the term as a title, its pictogram, the explanation and an example."""

    #: the term on show (its title)
    term = StringProperty("")
    #: its pictogram's path ("" for the help sign)
    icon = StringProperty("")

    def show(self, entry: Entry, example_title: str) -> None:
        """Put ``entry``'s term, explanation and example in the overlay."""
        self.term = entry.term
        self.icon = pictogram_path(entry.pictogram or "help")
        pane = self.ids.pane
        pane.clear_content()
        pane.add_content(KioskLabel(style=self.style, logical=entry.explain, name="glossary_explanation"))
        if entry.example:
            pane.add_content(KioskLabel(style=self.style, logical=f"{example_title} {entry.example}",
                                        name="glossary_example"))


class IdleWarning(KioskOverlay):
    """"Are you still there?" with a visible countdown and one big target."""

    seconds_left = NumericProperty(0)


Builder.load_file(str(Path(__file__).with_name("overlays.kv")))
