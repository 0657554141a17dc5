"""The "Take a memo" button on a procedure's first step and on the finished screen.

Shown only when a printer is configured and found (``nav.memo_available()``).
A tap hands the memo to the navigator (:meth:`kiosk.flow.Flow.take_memo`),
which says "Your memo is printing"; the same words then appear under the button.
"""

from __future__ import annotations

from kivy.uix.widget import Widget

from kiosk.ui.pictograms import pictogram_path
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.widgets import BigButton, KioskLabel


class MemoOffer:
    """One screen's memo button and the line that says it is printing (built once, reused)."""

    def __init__(self, screen: KioskScreen) -> None:
        self.screen = screen
        self.button = BigButton(style=screen.style, name="memo_button", size_class="main",
                                icon=pictogram_path("document"))
        self.button.bind(on_release=lambda *_: self.take())
        self.status = KioskLabel(style=screen.style, name="memo_status")

    def widgets(self) -> tuple[Widget, ...]:
        """What to add to the screen's pane now: the button, or nothing without a printer."""
        if self.status.parent is not None:
            self.status.parent.remove_widget(self.status)
        if not self.screen.nav.memo_available():
            return ()
        self.button.label = self.screen.tr("memo_button")
        return (self.button,)

    def take(self) -> None:
        """The visitor tapped: print (the navigator says so), and show it under the button."""
        self.screen.nav.take_memo()
        self.status.logical = self.screen.tr("memo_printing")
        box = self.button.parent
        if box is not None and self.status.parent is None:
            box.add_widget(self.status, index=box.children.index(self.button))  # just below the button


def memo_widgets(screen: KioskScreen) -> tuple[Widget, ...]:
    """The memo button for ``screen``'s pane (empty without a printer)."""
    offer = getattr(screen, "_memo_offer", None)
    if offer is None:
        offer = screen._memo_offer = MemoOffer(screen)
    return offer.widgets()
