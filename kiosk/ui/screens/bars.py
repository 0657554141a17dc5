"""The main buttons every screen has: Back, Repeat, Help (and Next), 30 mm, in the visit's language.

Shared by the visitor's screens, the catalogue and the staff screens; and the
cards of the path "Where do I start?" proposed (its end screen, the catalogue).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.ui.pictograms import directional, pictogram_path
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.style import follow_style
from kiosk.ui.widgets import BigButton

if TYPE_CHECKING:
    from kiosk.content.model import Procedure


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


def path_cards(screen: KioskScreen, procedures: list[Procedure], prefix: str) -> list[BigButton]:
    """The modules of a path, numbered in order, each with its picture; a touch opens it."""
    cards = []
    for n, procedure in enumerate(procedures, 1):
        card = BigButton(style=screen.style, name=f"{prefix}{procedure.id}", size_class="main",
                         icon=pictogram_path(procedure.pictogram),
                         label=screen.tr("diagnostic_step", n=n, title=procedure.title.get(screen.lang)))
        card.bind(on_release=lambda _b, pid=procedure.id: screen.nav.open_procedure(pid))
        cards.append(card)
    return cards
