"""Keys and explore by touch: a focus that moves through every actionable item.

- **Focus** (keypad or keyboard): Up/Down (Tab/Shift+Tab) move through the
  actionable items of what is on top (an overlay, else the screen) in reading
  order, right to left in Arabic; Enter activates. The focused item wears a
  ring at least 1.5 mm thick and, in speech mode, is spoken when it gets focus.
- **Explore by touch** (speech mode): the first touch on an item speaks it
  without activating it; touching the same item again activates it; sliding a
  finger speaks each item it enters. Outside speech mode a tap activates.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from kivy.uix.scrollview import ScrollView

from kiosk.speech import describe
from kiosk.speech.sequence import Speech, as_speech
from kiosk.ui.widgets import BigButton, MirrorBox, ScrollPane

if TYPE_CHECKING:
    from kiosk.services import Services
    from kiosk.ui.style import Style


def _shown(widget: Any) -> bool:
    """Visible and usable: not hidden, not disabled, not zero-sized, nor inside such a parent."""
    node = widget
    while node is not None:
        if node.opacity == 0 or getattr(node, "disabled", False):
            return False
        parent = node.parent
        node = parent if parent is not node else None
    return widget.width > 0 and widget.height > 0


def _children_in_reading_order(widget: Any, rtl: bool) -> list[Any]:
    children = list(reversed(widget.children))  # Kivy keeps the last added first
    if isinstance(widget, MirrorBox) and rtl:
        children.reverse()  # a mirrored row is laid left to right; Arabic reads it right to left
    return children


def _practice_field() -> type | tuple[()]:
    """The practice field class, once the walkthrough has loaded it (no field exists before)."""
    replica = sys.modules.get("kiosk.ui.replica")
    return replica.ReplicaField if replica is not None else ()


def actionable(root: Any, rtl: bool, pagers: bool = False) -> list[Any]:
    """Every item a visitor can activate under ``root``, in reading order.

    The scroll panes' Up/Down buttons are left out of the key order (moving the
    focus scrolls) unless ``pagers``: a finger exploring the screen finds them.
    """
    found: list[Any] = []
    targets = (BigButton, _practice_field())

    def visit(widget: Any) -> None:
        if isinstance(widget, ScrollPane):
            visit(widget.ids.scroller)
            if pagers:
                visit(widget.ids.pager)
            return
        if isinstance(widget, targets):
            if _shown(widget):
                found.append(widget)
            return
        for child in _children_in_reading_order(widget, rtl):
            visit(child)

    visit(root)
    return found


def describe_widget(widget: Any, lang: str) -> Speech:
    """What to say about an actionable widget (a practice kind's part says it itself).

    A widget with ``speaks_privately`` (a key of the practice keyboard or keypad: the
    keys a visitor touches spell what they type) is described in private speech.
    """
    private = bool(getattr(widget, "speaks_privately", False))
    own = getattr(widget, "describe", None)
    if callable(own):
        said = as_speech(own(lang), lang)
        return said.as_private() if private else said
    if isinstance(widget, _practice_field()):
        element = widget.element
        return describe.control(lang, element.kind, widget.label, value=widget.value, masked=element.masked,
                                private=private)
    kind = getattr(widget, "spoken_kind", "button")
    checked = bool(getattr(widget, "checked", False)) if kind == "checkbox" else None  # from the practice model
    label = getattr(widget, "spoken_label", "") or widget.label  # "« French », translation" on a replica
    return describe.control(lang, kind, label, checked=checked, private=private)


def activate(widget: Any) -> None:
    """Do what a tap would do."""
    widget.dispatch("on_press")
    widget.dispatch("on_release")


class Focus:
    """The key focus and the explore-by-touch state of the kiosk."""

    def __init__(self, services: Services, style: Style, top: Any) -> None:
        self.services = services
        self.style = style
        self.top = top  # callable: the widget on top (overlay or current screen)
        self.current: Any = None
        self.armed: Any = None  # explore by touch: the item last spoken under the finger

    # -- keys -------------------------------------------------------------------------
    def items(self) -> list[Any]:
        """Actionable items on top, in reading order."""
        return actionable(self.top(), self.style.rtl)

    def move(self, delta: int) -> None:
        """Next (+1) or previous (-1) item, wrapping round."""
        items = self.items()
        if not items:
            return
        if self.current in items:
            index = (items.index(self.current) + delta) % len(items)
        else:
            index = 0 if delta > 0 else len(items) - 1
        self.set(items[index])

    def set(self, widget: Any, speak: bool = True, scroll: bool = True) -> None:
        """Put the focus ring on ``widget``, bring it into view, and say what it is.

        A finger exploring the screen never scrolls it: the page must not move
        under the finger.
        """
        if self.current is not None and self.current is not widget:
            self.current.focused = False
        self.current = widget
        widget.focused = True
        if scroll:
            self._scroll_to(widget)
        if speak:
            self.say(widget)

    def clear(self) -> None:
        """No focus (a new screen, the end of a visit)."""
        if self.current is not None:
            self.current.focused = False
        self.current = None
        self.armed = None

    def activate_current(self) -> bool:
        """Enter: activate the focused item. False when nothing has the focus."""
        widget = self.current
        if widget is None or widget not in self.items():
            return False
        activate(widget)
        return True

    def say(self, widget: Any) -> None:
        """Say what ``widget`` is, in the visit's language."""
        lang = self.services.visit.language
        self.services.speech.say(describe_widget(widget, lang), lang, context=f"focus:{id(widget)}")

    @staticmethod
    def _scroll_to(widget: Any) -> None:
        parent = widget.parent
        while parent is not None and parent is not parent.parent:
            if isinstance(parent, ScrollView):
                parent.scroll_to(widget, padding=10, animate=False)
                return
            parent = parent.parent

    # -- explore by touch -----------------------------------------------------------
    def item_at(self, x: float, y: float) -> Any:
        """The actionable item under window point ``(x, y)``, if any."""
        for widget in actionable(self.top(), self.style.rtl, pagers=True):
            if widget.collide_point(*widget.to_widget(x, y)) and self._inside_view(widget, x, y):
                return widget
        return None

    @staticmethod
    def _inside_view(widget: Any, x: float, y: float) -> bool:
        """A point inside a scroll view's content is only 'on' an item where the view shows it."""
        parent = widget.parent
        while parent is not None and parent is not parent.parent:
            if isinstance(parent, ScrollView):
                return parent.collide_point(*parent.to_parent(*parent.to_widget(x, y)))
            parent = parent.parent
        return True

    def explore(self, x: float, y: float) -> bool:
        """A touch in explore mode. True when the touch must not activate anything."""
        widget = self.item_at(x, y)
        if widget is None:
            return True  # nothing there: say nothing, do nothing
        if widget is self.armed:
            self.armed = None
            return False  # the second touch on the same item activates it
        self.armed = widget
        self.set(widget, scroll=False)
        return True

    def slide(self, x: float, y: float) -> None:
        """A finger sliding in explore mode: speak each item it enters."""
        widget = self.item_at(x, y)
        if widget is not None and widget is not self.armed:
            self.armed = widget
            self.set(widget, scroll=False)
