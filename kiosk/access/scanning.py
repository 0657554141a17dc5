"""Switch access: the screen's items scanned with one or two switches, in groups (as Grid 3 does).

A visitor who cannot point uses switches: big buttons wired to an interface
that sends a key. The kiosk highlights one thing at a time; one switch moves
the highlight (two-switch *step* scanning, no time limit), or the highlight
moves by itself every ``interval_s`` and the one switch selects (*auto*
scanning, which rests after ``loops`` rounds until the switch is pressed).

**Group scanning.** The screen's items form a tree (:func:`build_tree`): first
the zones (the content, the practice page, its keyboard, the bottom bar), then
the items inside the chosen zone; a zone of many items is split into smaller
groups so no item is far. Every group ends with a "back" stop that returns to
the level above. :func:`steps_to` counts the switch presses an item needs.

**For tremor.** A press shorter than ``accept_ms`` is ignored (acceptance time),
and a press within ``ignore_repeat_ms`` of the last one too (repeat filter).

Everything here is plain data and time: the UI (:mod:`kiosk.ui.scanning`)
gives the items and draws the highlight. Imports no Kivy.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

#: a zone with more items than this is split into groups
FLAT_MAX = 6
#: the audit's goal: no item more than this many presses away (group scanning)
GOAL_STEPS = 12
MODES = ("step", "auto")


@dataclass(frozen=True)
class ScanSettings:
    """How the switches work (the configuration's ``[access]`` section)."""

    mode: str = "step"
    move_keys: tuple[str, ...] = ("spacebar",)
    select_keys: tuple[str, ...] = ("enter",)
    interval_s: float = 1.5
    loops: int = 3
    accept_ms: int = 0
    ignore_repeat_ms: int = 0
    groups: bool = True


@dataclass(eq=False)
class Node:
    """A group (its ``children``, and the zone it is, if any) or an item (``item``: what the UI activates)."""

    children: list[Node] = field(default_factory=list)
    item: Any = None
    zone: str = ""
    parent: Node | None = field(default=None, repr=False)

    @property
    def is_item(self) -> bool:
        return self.item is not None

    def leaves(self) -> Iterator[Any]:
        """The items under this node, in order."""
        if self.is_item:
            yield self.item
        for child in self.children:
            yield from child.leaves()


def _group(nodes: list[Node], zone: str = "") -> Node:
    group = Node(children=nodes, zone=zone)
    for node in nodes:
        node.parent = group
    return group


def _fan(n: int) -> int:
    """How many groups to split ``n`` items into: the fewest presses to the farthest item."""
    best, best_cost = 2, math.inf
    for fan in range(2, FLAT_MAX + 1):
        cost = _worst(n, fan)
        if cost < best_cost:
            best, best_cost = fan, cost
    return best


def _worst(n: int, fan: int) -> float:
    """Presses to the farthest of ``n`` items split ``fan`` ways at each level (moves plus one select a level)."""
    if n <= FLAT_MAX:
        return n  # n - 1 moves and the select
    size = math.ceil(n / fan)
    return fan + _worst(size, fan)


def _split(items: Sequence[Any]) -> list[Node]:
    """Items as nodes: as they are up to :data:`FLAT_MAX`, else in consecutive groups (recursively)."""
    if len(items) <= FLAT_MAX:
        return [Node(item=item) for item in items]
    fan = _fan(len(items))
    size = math.ceil(len(items) / fan)
    return [_group(_split(items[i:i + size])) for i in range(0, len(items), size)]


def build_tree(zones: Sequence[tuple[str, Sequence[Any]]], groups: bool = True) -> Node:
    """The scan tree of a screen: its zones (named, in scanning order), each with its items in reading order.

    Empty zones are left out; with one zone left (or ``groups`` off) the items
    are the first level. Without ``groups`` every item is one flat list.
    """
    kept = [(name, list(items)) for name, items in zones if items]
    if not groups:
        return _group([Node(item=item) for _name, items in kept for item in items])
    if len(kept) == 1:
        return _group(_split(kept[0][1]), kept[0][0])
    return _group([_group(_split(items), name) for name, items in kept])


def steps_to(root: Node, item: Any) -> int | None:
    """Switch presses (moves and selects, step scanning) from the first highlight to activating ``item``."""
    def walk(node: Node) -> int | None:
        for index, child in enumerate(node.children):
            if child.is_item and child.item is item:
                return index + 1
            if not child.is_item:
                below = walk(child)
                if below is not None:
                    return index + 1 + below
        return None

    return walk(root)


def max_steps(root: Node) -> int:
    """Presses to the farthest item of the tree (0 when it has none)."""
    return max((steps_to(root, item) or 0 for item in root.leaves()), default=0)


#: the "back" stop at the end of every group below the top: it returns to the level above
BACK = Node()


class Scanner:
    """Where the highlight is in the tree, and what each switch press does; the clock for auto scanning."""

    def __init__(self, settings: ScanSettings) -> None:
        self.settings = settings
        self.root = _group([])
        self.group = self.root
        self.index = 0
        #: auto scanning: full rounds of the current group made without a press, and resting after ``loops``
        self.rounds = 0
        self.resting = False
        self._last_step = 0.0
        self._last_press = -math.inf
        self._down: dict[str, float] = {}

    # -- the tree -------------------------------------------------------------------
    def load(self, root: Node, now: float = 0.0) -> None:
        """A new screen (or the same one changed): highlight its first stop."""
        self.root = root
        self.reset(now)

    def reset(self, now: float = 0.0) -> None:
        self.group, self.index, self.rounds, self.resting = self.root, 0, 0, False
        self._last_step = now

    def stops(self, group: Node | None = None) -> list[Node]:
        """The stops of ``group`` (the current one): its children, then "back" below the top."""
        group = group or self.group
        return list(group.children) + ([BACK] if group is not self.root else [])

    @property
    def current(self) -> Node | None:
        """The stop highlighted (an item, a group, or :data:`BACK`), if the screen has any."""
        stops = self.stops()
        return stops[self.index % len(stops)] if stops else None

    # -- what a press does ------------------------------------------------------------
    def move(self, now: float = 0.0) -> Node | None:
        """The highlight to the next stop (round to the first after the last)."""
        stops = self.stops()
        if not stops:
            return None
        self.index = (self.index + 1) % len(stops)
        if self.index == 0:
            self.rounds += 1
        self._last_step = now
        return self.current

    def select(self, now: float = 0.0) -> Any:
        """Select the highlighted stop: into a group, back out of one, or an item (returned, to activate)."""
        current = self.current
        self._last_step, self.rounds, self.resting = now, 0, False
        if current is None:
            return None
        if current is BACK:
            left = self.group
            self.group = left.parent or self.root
            self.index = self.group.children.index(left) if left in self.group.children else 0
            return None
        if current.is_item:
            self.reset(now)  # after a choice, the scan starts again from the top (the screen may change)
            return current.item
        self.group, self.index = current, 0
        return None

    def tick(self, now: float) -> Node | None:
        """Auto scanning: move when ``interval_s`` passed; rest after ``loops`` rounds. The stop moved to."""
        if self.settings.mode != "auto" or self.resting:
            return None
        if now - self._last_step < self.settings.interval_s:
            return None
        if self.rounds >= self.settings.loops:
            self.resting = True
            return None
        moved = self.move(now)
        if self.rounds >= self.settings.loops:
            self.resting = True  # back on the first stop after the last round: it rests there
        return moved

    # -- the switches ------------------------------------------------------------------
    def key_down(self, key: str, now: float) -> str | None:
        """A switch goes down: ``"move"``, ``"select"``, ``"wake"`` (auto scanning at rest), or None (filtered).

        With an acceptance time the press counts only when released (:meth:`key_up`).
        """
        if key in self._down:
            return None  # the key repeating while held: one press
        self._down[key] = now
        if self.settings.accept_ms > 0:
            return None
        return self._press(key, now)

    def key_up(self, key: str, now: float) -> str | None:
        """A switch comes up: with an acceptance time, the press counts if it was held long enough."""
        started = self._down.pop(key, None)
        if started is None or self.settings.accept_ms <= 0:
            return None
        if (now - started) * 1000 < self.settings.accept_ms:
            return None  # too short: a tremor, not a press
        return self._press(key, now)

    def _press(self, key: str, now: float) -> str | None:
        if (now - self._last_press) * 1000 < self.settings.ignore_repeat_ms:
            return None  # too soon after the last press: a bounce
        self._last_press = now
        settings = self.settings
        if settings.mode == "auto":
            if self.resting:
                self.reset(now)
                return "wake"
            return "select"
        return "move" if key in settings.move_keys else "select"

    def is_switch(self, key: str) -> bool:
        """Whether ``key`` (a key name) is one of the switches."""
        return key in self.settings.move_keys or key in self.settings.select_keys
