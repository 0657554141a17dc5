"""Switch access on screen: the scan tree of what is on top, the highlight, and the switches' keys.

The rules are :mod:`kiosk.access.scanning`'s; here the screen's actionable
items (the ones the key focus reaches, :func:`kiosk.ui.focus.actionable`) are
sorted into zones (the keyboard being typed on first, then the page, the
practice page and the bottom bar), the highlight is drawn around the stop
(an item, a group, or a group's "back" stop, which carries its word), the
stop is said briefly when speech is on, and a selected item is activated as
a tap would. Active only in the switch profile; switch presses reach the flow
as key presses first, so they count as activity for the idle reset.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kivy.clock import Clock
from kivy.core.text import Label as CoreLabel
from kivy.core.window import Window
from kivy.graphics import Color, InstructionGroup, Rectangle

from kiosk.access.scanning import BACK, Node, Scanner, ScanSettings, build_tree
from kiosk.i18n import is_rtl, t
from kiosk.i18n.bidi import LTR_FONT_OPTIONS, RTL_FONT_OPTIONS, display_line
from kiosk.keymap import KEY_CODES
from kiosk.ui.focus import actionable, activate, describe_widget
from kiosk.ui.style import font_for
from kiosk.ui.widgets import NavBar

if TYPE_CHECKING:
    from kiosk.config import AccessConfig
    from kiosk.services import Services
    from kiosk.ui.style import Style

#: key code -> key name (the configuration names switches by Kivy key name)
KEY_NAMES = {code: name for name, code in KEY_CODES.items()}
#: the zones, in scanning order
ZONES = ("keyboard", "content", "practice", "bar")


def settings_from(config: AccessConfig) -> ScanSettings:
    return ScanSettings(mode=config.scan, move_keys=tuple(config.move_keys), select_keys=tuple(config.select_keys),
                        interval_s=config.scan_interval_s, loops=config.scan_loops, accept_ms=config.accept_ms,
                        ignore_repeat_ms=config.ignore_repeat_ms, groups=config.groups)


def _zone(widget: Any) -> str:
    """Which zone an item belongs to, from its ancestors."""
    replica = sys.modules.get("kiosk.ui.replica")
    keyboard = sys.modules.get("kiosk.ui.keyboard")
    kinds = sys.modules.get("kiosk.ui.replica_kinds")
    node = widget.parent
    while node is not None and node is not node.parent:
        if keyboard is not None and isinstance(node, keyboard.OnScreenKeyboard):
            return "keyboard"
        if kinds is not None and isinstance(node, kinds.Keypad):
            return "keyboard"
        if replica is not None and isinstance(node, replica.ReplicaView):
            return "practice"
        if isinstance(node, NavBar):
            return "bar"
        node = node.parent
    return "content"


def scan_tree(top: Any, rtl: bool, groups: bool = True) -> Node:
    """The scan tree of widget ``top`` (an overlay or a screen): zones, then their items in reading order."""
    by_zone: dict[str, list[Any]] = {zone: [] for zone in ZONES}
    for widget in actionable(top, rtl):
        by_zone[_zone(widget)].append(widget)
    return build_tree([(zone, by_zone[zone]) for zone in ZONES], groups)


def _box(widget: Any) -> tuple[float, float, float, float]:
    """The part of ``widget`` in sight, in window pixels (clipped to the scroll view it is in)."""
    x, y = widget.to_window(*widget.pos)
    right, top = x + widget.width, y + widget.height
    node = widget.parent
    while node is not None and node is not node.parent:
        if hasattr(node, "scroll_y") and hasattr(node, "viewport_size"):  # a ScrollView
            vx, vy = node.to_window(*node.pos)
            x, y, right, top = max(x, vx), max(y, vy), min(right, vx + node.width), min(top, vy + node.height)
        node = node.parent
    return x, y, max(right, x), max(top, y)


def node_box(node: Node) -> tuple[float, float, float, float] | None:
    """The window box around every item of ``node`` that is in sight (None: nothing in sight)."""
    boxes = [b for b in (_box(w) for w in node.leaves()) if b[2] > b[0] and b[3] > b[1]]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


class ScanControl:
    """Switch scanning of the kiosk, while the visit's profiles include ``switch``."""

    def __init__(self, services: Services, style: Style, top: Callable[[], Any], now: Callable[[], float],
                 settings: ScanSettings, in_staff: Callable[[], bool] = lambda: False) -> None:
        self.services = services
        #: staff screens are staff's: their keys (the PIN's Enter) are never a visitor's switch
        self.in_staff = in_staff
        self.style = style
        self.top = top
        self.now = now
        self.scanner = Scanner(settings)
        self._shown: tuple[int, ...] | None = None
        self._frame = InstructionGroup()
        self._drawn = False
        self._last: tuple[Any, ...] = ()
        self._watch = None

    @property
    def active(self) -> bool:
        """The visit's profiles include ``switch``, on a visitor's screen."""
        return "switch" in self.services.visit.profiles and not self.in_staff()

    # -- the screen -----------------------------------------------------------------
    def check(self) -> bool:
        """Build the tree again if what is on top changed (a new screen, an overlay, a field's keyboard).

        True when it did (the highlight is back on the first stop).
        """
        top = self.top()
        items = actionable(top, self.style.rtl)
        key = (id(top), *map(id, items))
        if key == self._shown:
            return False
        self._shown = key
        self.scanner.load(scan_tree(top, self.style.rtl, self.scanner.settings.groups), self.now())
        return True

    def follow(self) -> None:
        """Start or stop with the profile: a watch of the screen (the highlight follows layout and scrolling)."""
        if self.active and self._watch is None:
            self._shown = None
            self._watch = Clock.schedule_interval(self._on_frame, 0.1)
            self._on_frame(0)
        elif not self.active and self._watch is not None:
            self._watch.cancel()
            self._watch = None
            self._erase()

    def soon(self) -> None:
        """A new screen: its first stop framed on the next frame (not a tenth of a second later)."""
        if self._watch is not None:
            Clock.schedule_once(self._on_frame, 0)

    def _on_frame(self, _dt: float) -> None:
        if not self.active:
            self.follow()
            return
        self.check()
        self.draw()

    # -- the switches ------------------------------------------------------------------
    def key_down(self, code: int) -> bool:
        """A key came down: True when it is a switch (it does nothing else then)."""
        name = KEY_NAMES.get(code, "")
        if not self.active or not self.scanner.is_switch(name):
            return False
        self.check()
        self._do(self.scanner.key_down(name, self.now()))
        return True

    def key_up(self, code: int) -> bool:
        name = KEY_NAMES.get(code, "")
        if not self.active or not self.scanner.is_switch(name):
            return False
        self._do(self.scanner.key_up(name, self.now()))
        return True

    def tick(self) -> None:
        """The kiosk's clock: scanning starts again after staff mode; auto scanning moves the highlight."""
        self.follow()
        if not self.active or self.scanner.settings.mode != "auto":
            return
        self.check()
        if self.scanner.tick(self.now()) is not None:
            self.show()

    def _do(self, action: str | None) -> None:
        scanner, now = self.scanner, self.now()
        if action == "move":
            scanner.move(now)
            self.show()
        elif action == "select":
            item = scanner.select(now)
            if item is not None:
                self._erase()
                activate(item)
                self._shown = None  # the screen may have changed: the tree is built again, from the top
                self.check()
                self.draw()
            else:
                self.show()
        elif action == "wake":
            self.show()

    # -- the highlight -------------------------------------------------------------------
    def show(self) -> None:
        """Draw the highlight on the current stop, bring it into view, and say it."""
        current = self.scanner.current
        if current is None:
            return
        first = next(iter((self.scanner.group if current is BACK else current).leaves()), None)
        if first is not None:
            self._scroll_to(first)
        self.draw()
        if self.services.visit.speech_on:
            lang = self.services.visit.language
            self.services.speech.say(self.words(current, lang), lang, context="scan")

    def words(self, stop: Node, lang: str) -> Any:
        """What is said for a stop: an item as the focus says it; a group by its zone or first item."""
        if stop is BACK:
            return t(lang, "scan_back")
        if stop.is_item:
            return describe_widget(stop.item, lang)
        leaves = list(stop.leaves())
        if stop.zone:
            return t(lang, f"scan_zone_{stop.zone}", n=len(leaves))
        first = leaves[0] if leaves else None
        label = (getattr(first, "spoken_label", "") or getattr(first, "label", "")) if first is not None else ""
        return t(lang, "scan_group", first=label.replace("\n", " "), n=len(leaves))

    @staticmethod
    def _scroll_to(widget: Any) -> None:
        node = widget.parent
        while node is not None and node is not node.parent:
            if hasattr(node, "scroll_to") and hasattr(node, "viewport_size"):
                node.scroll_to(widget, padding=10, animate=False)
                return
            node = node.parent

    def draw(self) -> None:
        """The two-band frame around the current stop (and the word "back" on a group's back stop)."""
        current = self.scanner.current
        box = None
        if current is not None:
            box = node_box(self.scanner.group if current is BACK else current)
        style = self.style
        drawn = (id(current), box, tuple(style.scan), tuple(style.scan_inner), style.scan_band, style.lang)
        if drawn == self._last and self._drawn:
            return  # the same frame in the same place: nothing to draw again
        self._last = drawn
        self._frame.clear()
        if box is None:
            self._erase()
            return
        band = style.scan_band
        x0, y0, x1, y1 = box[0] - 2 * band, box[1] - 2 * band, box[2] + 2 * band, box[3] + 2 * band
        for colour, inset in ((style.scan, 0.0), (style.scan_inner, band)):
            self._frame.add(Color(*colour))
            left, bottom, right, top = x0 + inset, y0 + inset, x1 - inset, y1 - inset
            for rect in ((left, bottom, right - left, band), (left, top - band, right - left, band),
                         (left, bottom, band, top - bottom), (right - band, bottom, band, top - bottom)):
                self._frame.add(Rectangle(pos=rect[:2], size=rect[2:]))
        if current is BACK:
            self._back_tag(x0, x1, y1)
        if not self._drawn:
            Window.canvas.after.add(self._frame)
            self._drawn = True

    def _back_tag(self, left: float, right: float, top: float) -> None:
        """The back stop's word, on the frame's top edge at the reading side, in the highlight's colours."""
        style = self.style
        lang = self.services.visit.language
        words = t(lang, "scan_back")
        options = RTL_FONT_OPTIONS if is_rtl(lang) else LTR_FONT_OPTIONS  # shaped as the kiosk's labels are
        label = CoreLabel(text=display_line(words) if is_rtl(lang) else words, font_size=style.body,
                          font_name=font_for(lang), color=style.scan_inner, **options)
        label.refresh()
        texture = label.texture
        pad = style.scan_band
        x = right - texture.width - 2 * pad if is_rtl(lang) else left
        y = min(top, Window.height - texture.height - 2 * pad)
        self._frame.add(Color(*style.scan))
        self._frame.add(Rectangle(pos=(x, y), size=(texture.width + 2 * pad, texture.height + 2 * pad)))
        self._frame.add(Color(1, 1, 1, 1))
        self._frame.add(Rectangle(texture=texture, pos=(x + pad, y + pad), size=texture.size))

    def stop(self) -> None:
        """The kiosk stops: no watch left, no frame left on the window."""
        if self._watch is not None:
            self._watch.cancel()
            self._watch = None
        self._erase()

    def _erase(self) -> None:
        if self._drawn:
            Window.canvas.after.remove(self._frame)
            self._drawn = False
