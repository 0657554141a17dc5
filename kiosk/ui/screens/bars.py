"""The main buttons every screen has: Back, Repeat, Help (and Next), 30 mm, in the visit's language.

Shared by the visitor's screens, the catalogue and the staff screens.
"""

from __future__ import annotations

from kiosk.ui.pictograms import directional, pictogram_path
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.style import follow_style
from kiosk.ui.widgets import BigButton


def nav_button(screen: KioskScreen, name: str, key: str, icon: str, action: object) -> BigButton:
    """A main (30 mm) button whose label follows the visit's language."""
    button = BigButton(style=screen.style, name=name, size_class="main")

    def follow_language(*_: object) -> None:
        button.label = screen.tr(key)
        button.icon = pictogram_path(directional(icon, screen.style.rtl))

    # Held by the button; the shared style holds the button only weakly (a closure bound to
    # the style kept every button of every well-done screen alive for ever).
    button.follow_language = follow_language
    follow_style(button, "follow_language", "lang")
    button.bind(on_release=lambda *_: action())
    return button


def standard_buttons(screen: KioskScreen, with_next: bool = False) -> list[BigButton]:
    """Back, Repeat, Help (and Next): the main actions present on every screen."""
    nav = screen.nav
    buttons = [
        nav_button(screen, "back_button", "back", "back", lambda: nav.back()),
        nav_button(screen, "repeat_button", "repeat", "repeat", lambda: screen.nav.repeat()),
        nav_button(screen, "help_button", "help", "help", lambda: nav.show_help()),
    ]
    if with_next:
        buttons.append(nav_button(screen, "next_button", "next", "next", lambda: nav.next_step()))
    return buttons
