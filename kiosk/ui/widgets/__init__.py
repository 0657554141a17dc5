"""Kiosk widgets: text that handles right-to-left, big buttons, rows, panes, the reach layout.

Each widget takes the shared :class:`kiosk.ui.style.Style` as ``style``; sizes and
colours come from it, so text size, theme and language change everywhere at
once. One module per family, each with its kv rules beside it (loaded once, when
the module is first imported; importing this package loads them all):

- :mod:`.text`: :class:`KioskLabel`
- :mod:`.pictogram`: :class:`Pictogram`
- :mod:`.layout`: :class:`MirrorBox`, :class:`TouchArea`, :class:`ReachLayout`
- :mod:`.buttons`: :class:`BigButton`, :class:`NavBar`, :class:`ButtonGrid`, :func:`equal_heights`
- :mod:`.panes`: :class:`ScrollPane`, :class:`Panel`
"""

from __future__ import annotations

from kiosk.ui.pictograms import pictogram_path
from kiosk.ui.widgets.buttons import BigButton, ButtonGrid, NavBar, equal_heights
from kiosk.ui.widgets.layout import MirrorBox, ReachLayout, TouchArea
from kiosk.ui.widgets.panes import Panel, ScrollPane
from kiosk.ui.widgets.pictogram import Pictogram

# In this order, the kv rules load as they did from the one file they came from.
from kiosk.ui.widgets.text import KioskLabel

__all__ = [
    "BigButton",
    "ButtonGrid",
    "KioskLabel",
    "MirrorBox",
    "NavBar",
    "Panel",
    "Pictogram",
    "ReachLayout",
    "ScrollPane",
    "TouchArea",
    "equal_heights",
    "pictogram_path",
]
