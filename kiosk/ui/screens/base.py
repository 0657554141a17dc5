"""What every kiosk screen shares: its services, translation, announcing itself."""

from __future__ import annotations

from kivy.properties import ObjectProperty
from kivy.uix.screenmanager import Screen

from kiosk.i18n import t
from kiosk.services import Services
from kiosk.ui.context import UiContext


class KioskScreen(Screen):
    """A screen that is given its services and UI context, and speaks when it appears.

    ``services`` are the domain (configuration, content, visit, speech);
    ``style`` and ``nav`` come from the UI context. Subclasses provide
    :meth:`announcement` (said on entry, and by Repeat), :meth:`help_text`
    (said and shown by Help), and may rebuild their content in :meth:`refresh`
    (called before each entry) and drop visit data in :meth:`forget` (end of
    visit). Entering comes from the screen manager (``on_pre_enter``,
    ``on_enter``); :meth:`show_again` is the navigator's when the screen on
    show has something new to show (the next step).
    """

    services = ObjectProperty(None)
    style = ObjectProperty(None)
    nav = ObjectProperty(None)

    def __init__(self, services: Services, ui: UiContext, **kwargs: object) -> None:
        super().__init__(services=services, style=ui.style, nav=ui.nav, **kwargs)

    @property
    def lang(self) -> str:
        """The visit's language."""
        return self.services.visit.language

    def tr(self, key: str, lang: str | None = None, **values: object) -> str:
        """Interface string ``key``; kv passes ``root.style.lang`` so it rebinds."""
        return t(lang or self.lang, key, **values)

    def on_pre_enter(self, *args: object) -> None:
        self.refresh()

    def on_enter(self, *args: object) -> None:
        self.announce()

    def show_again(self) -> None:
        """Already on show: rebuild from the visit and announce, as on entry."""
        self.refresh()
        self.announce()

    def announce(self) -> None:
        """Say the announcement now, and keep it for Repeat."""
        self.services.speech.announce(self.announcement(), self.lang, context=self.name)

    def refresh(self) -> None:
        """Rebuild what depends on the visit (called before each entry)."""

    def forget(self) -> None:
        """Drop anything the visit left on this screen."""

    def announcement(self) -> str:
        """What the kiosk says when this screen appears."""
        return self.tr(f"announce_{self.name}")

    def help_text(self) -> str:
        """What Help says and shows about this screen."""
        return self.tr(f"help_{self.name}")
