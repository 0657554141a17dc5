"""The practice model of one step: what completes it, which hint a wrong touch gets, and what it holds.

Built from a content :class:`~kiosk.content.model.Step`'s replica. It holds
what the visitor typed (memory only: never logged, never written; wiped by
:meth:`PracticeState.reset` and dropped with the step) and whether each box is
ticked. Every element kind (text, field, button...) is a :class:`Kind` in
:data:`KINDS`: a new kind of practice (a search results list, a keypad) is a
new entry here plus a drawer in :mod:`kiosk.ui.replica`. The curriculum kinds
(result, message, file, keypad, toggle, tool, document, sheet) are registered
here too; a bank keypad's digit order is shuffled each time the step opens and
held here. Imports no Kivy.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.content.model import Check, Element, Replica, Step, Text
from kiosk.i18n import t


@dataclass(frozen=True)
class Kind:
    """What an element kind does in practice.

    ``completes`` is the replica action it can be the target of (``"tap"``,
    ``"type"``, or ``""`` for what is only read); ``initial`` gives the state it
    holds (``""`` for typed text, ``False`` for a box, ``None`` for nothing);
    ``on_tap`` changes that state when it is touched (a box ticks).
    """

    name: str
    completes: str = ""
    initial: Callable[[], Any] = lambda: None
    on_tap: Callable[[Any], Any] | None = None
    masked: bool = False
    #: the state from the element itself (a switch's ``on``); wins over ``initial``
    start: Callable[[Element], Any] | None = None
    #: which typed characters it accepts (a keypad takes digits only); ``None``: all
    accepts: Callable[[str], str] | None = None

    def state_for(self, element: Element) -> Any:
        """The state ``element`` holds when the page first appears."""
        return self.start(element) if self.start is not None else self.initial()


#: Element kinds by name; :func:`register_kind` adds one.
KINDS: dict[str, Kind] = {}


def register_kind(kind: Kind) -> Kind:
    """Make ``kind`` known to the practice model (and return it)."""
    KINDS[kind.name] = kind
    return kind


register_kind(Kind("text"))
register_kind(Kind("field", completes="type", initial=str))
register_kind(Kind("password", completes="type", initial=str, masked=True))
register_kind(Kind("button", completes="tap"))
register_kind(Kind("link", completes="tap"))
register_kind(Kind("checkbox", completes="tap", initial=bool, on_tap=lambda ticked: not ticked))


def digits(text: str) -> str:
    """The decimal digits of ``text`` as ASCII (Arabic-Indic digits count too), nothing else."""
    return "".join(str(unicodedata.digit(c)) for c in text if unicodedata.digit(c, None) is not None)


def _flip(pressed: bool) -> bool:
    return not pressed


# The curriculum kinds (content/FORMAT.md, "Practice kinds of the curriculum").
register_kind(Kind("result", completes="tap"))
register_kind(Kind("message", completes="tap"))
register_kind(Kind("file", completes="tap"))
register_kind(Kind("toggle", completes="tap", on_tap=_flip, start=lambda element: element.on))
register_kind(Kind("tool", completes="tap", initial=bool, on_tap=_flip))
register_kind(Kind("document"))
register_kind(Kind("keypad", completes="type", initial=str, masked=True, accepts=digits))
register_kind(Kind("sheet", completes="type", initial=str))
# Choose by picture, and put in order (the self-checks' and the diagnostic's kinds).
register_kind(Kind("picture", completes="tap"))
#: a card holds its place in the order the visitor made (0: not placed yet)
register_kind(Kind("card", completes="order", initial=int))

#: the longest code a keypad takes (bank codes are 6 digits; room for a longer example)
KEYPAD_MAX = 12


@dataclass(frozen=True)
class Outcome:
    """What one touch or key did: ``right`` completes the step, ``hint_key`` names a hint to give.

    Neither (``right`` false, no ``hint_key``) means nothing to say (a field
    that may be typed into was chosen).
    """

    right: bool = False
    hint_key: str = ""
    target_label: Text | None = None
    #: the touched element's own hint (a refused file's message): said instead of ``hint_key``'s
    hint_text: Text | None = None
    #: the example code a keypad hint names
    code: str = ""

    @property
    def wrong(self) -> bool:
        """Whether the visitor gets a hint."""
        return bool(self.hint_key or self.hint_text)

    def hint(self, lang: str) -> str:
        """The hint in ``lang`` (names the target, or is the touched element's own), or ``""``."""
        if self.hint_text is not None:
            return self.hint_text.get(lang)
        if not self.hint_key:
            return ""
        label = self.target_label.get(lang) if self.target_label is not None else ""
        return t(lang, self.hint_key, label=label, code=self.code)

    def praise(self, lang: str) -> str:
        """The praise in ``lang`` for the right action, or ``""``."""
        return t(lang, "replica_praise") if self.right else ""


#: nothing to say
QUIET = Outcome()


class PracticeState:
    """The practice page of one step as data: its elements' state and the rules of the step."""

    def __init__(self, step_id: str, replica: Replica, seed: int | None = None) -> None:
        unknown = [e.kind for e in replica.elements if e.kind not in KINDS]
        if unknown:
            raise ValueError(f"step {step_id!r}: unknown practice element kind {unknown[0]!r}")
        self.step_id = step_id
        self.replica = replica
        self._state: dict[str, Any] = {}
        #: the field being typed into, if any
        self.focused: str | None = None
        self._complete = False
        #: shuffles the keypads' digits (a seed makes the order known, for tests)
        self._random = random.Random(seed)
        self._key_order: dict[str, tuple[str, ...]] = {}
        self.reset()

    @classmethod
    def for_step(cls, step: Step | Check, seed: int | None = None) -> PracticeState:
        """The practice state of ``step`` (which must have a replica); ``seed`` fixes the keypads' order."""
        if step.replica is None:
            raise ValueError(f"step {step.id!r} has no practice replica")
        return cls(step.id, step.replica, seed)

    # -- reading ----------------------------------------------------------------------
    @property
    def target(self) -> Element:
        """The element the visitor must use."""
        element = self.replica.element(self.replica.target)
        assert element is not None  # the loader checks every target exists
        return element

    @property
    def next_card(self) -> str | None:
        """With ``action: order``, the card to touch next (``None`` when all are placed or it is not an order)."""
        order = self.replica.order
        placed = sum(1 for card in order if self._state.get(card))
        return order[placed] if self.replica.action == "order" and placed < len(order) else None

    def place(self, card_id: str) -> int:
        """The place card ``card_id`` was given in the visitor's order (0: not placed yet)."""
        if self._element(card_id).kind != "card":
            raise ValueError(f"{card_id!r} is not a card")
        return int(self._state[card_id])

    @property
    def is_complete(self) -> bool:
        """Whether the right action was done."""
        return self._complete

    def kind(self, element_id: str) -> Kind:
        """The kind of element ``element_id``."""
        return KINDS[self._element(element_id).kind]

    def value(self, field_id: str) -> str:
        """What is typed in field ``field_id`` (memory only)."""
        if KINDS[self._element(field_id).kind].completes != "type":
            raise ValueError(f"{field_id!r} is not a field")
        return str(self._state[field_id])

    def checked(self, checkbox_id: str) -> bool:
        """Whether box ``checkbox_id`` is ticked."""
        if self._element(checkbox_id).kind != "checkbox":
            raise ValueError(f"{checkbox_id!r} is not a checkbox")
        return bool(self._state[checkbox_id])

    def held(self, element_id: str) -> Any:
        """What element ``element_id`` holds, whatever its kind (for drawers of new kinds)."""
        self._element(element_id)
        return self._state[element_id]

    def typed(self) -> dict[str, str]:
        """Every non-empty typed value by field, keypad or sheet id (memory only: for the privacy tests)."""
        return {i: v for i, v in self._state.items() if isinstance(v, str) and v}

    def key_order(self, keypad_id: str) -> tuple[str, ...]:
        """The ten digits of keypad ``keypad_id`` in the order they are shown (new at each opening)."""
        if self._element(keypad_id).kind != "keypad":
            raise ValueError(f"{keypad_id!r} is not a keypad")
        return self._key_order[keypad_id]

    def expected_code(self, keypad_id: str, lang: str) -> str:
        """The example code of keypad ``keypad_id`` in ``lang``, as ASCII digits."""
        example = self._element(keypad_id).example
        return digits(example.get(lang)) if example is not None else ""

    # -- what the visitor does ----------------------------------------------------------
    def tap(self, element_id: str | None) -> Outcome:
        """A touch on element ``element_id``, or on the page away from anything usable (``None``)."""
        if self._complete:
            return QUIET
        if element_id is None:
            return self._wrong()
        kind = self.kind(element_id)
        if kind.on_tap is not None:
            self._state[element_id] = kind.on_tap(self._state[element_id])
        if kind.completes == "tap":
            return self._judge(self.replica.action == "tap" and element_id == self.replica.target, element_id)
        if kind.completes == "order":
            return self._order(element_id)
        if kind.completes == "type":
            return self.focus(element_id)
        return self._wrong(element_id)  # text is read, not used

    def focus(self, field_id: str) -> Outcome:
        """Start typing into ``field_id``: a hint when another field is the one to fill."""
        self._field(field_id)
        self.focused = field_id
        if self.replica.action == "type" and field_id != self.replica.target:
            return self._wrong(field_id)
        return QUIET

    def toggle(self, checkbox_id: str) -> bool:
        """Tick or untick a box (without judging the step); returns whether it is now ticked."""
        ticked = self._state[checkbox_id] = not self.checked(checkbox_id)
        return ticked

    def type(self, field_id: str, text: str) -> None:
        """Add ``text`` at the end of field ``field_id`` (a keypad keeps only digits, up to :data:`KEYPAD_MAX`)."""
        accepts = KINDS[self._element(field_id).kind].accepts
        if accepts is not None:
            text = accepts(text)
        value = self._state[self._field(field_id)] + text
        self._state[field_id] = value[:KEYPAD_MAX] if self._element(field_id).kind == "keypad" else value

    def erase(self, field_id: str) -> None:
        """Remove the last character of field ``field_id``."""
        self._state[self._field(field_id)] = self._state[field_id][:-1]

    def fill(self, field_id: str, text: str) -> None:
        """Replace what field ``field_id`` holds (an example inserted)."""
        self._state[self._field(field_id)] = text

    def confirm(self, lang: str = "fr") -> Outcome:
        """Done/Enter/OK: completes a typing step when its target is chosen and holds something.

        A keypad's code must be its example code (in ``lang``'s example): a wrong code is erased
        and the hint names the example (it is an example, never a real code).
        """
        if self._complete:
            return QUIET
        if self.replica.action != "type" or self.focused != self.replica.target:
            return self._wrong()
        typed = self._state[self.focused]
        if not typed.strip():
            return Outcome(hint_key="replica_hint_empty")
        if self.target.kind == "keypad":
            expected = self.expected_code(self.focused, lang)
            if expected and typed != expected:
                self._state[self.focused] = ""
                return Outcome(hint_key="replica_hint_code", target_label=self.target.label, code=expected)
        return self._judge(True)

    def reset(self) -> None:
        """Forget everything typed and ticked: the page as it first appears (keypads shuffled anew)."""
        self._state = {e.id: KINDS[e.kind].state_for(e) for e in self.replica.elements}
        self._key_order = {}
        for element in self.replica.elements:
            if element.kind == "keypad":
                order = list("0123456789")
                self._random.shuffle(order)
                self._key_order[element.id] = tuple(order)
        self.focused = None
        self._complete = False

    # -- inside -------------------------------------------------------------------------
    def _order(self, card_id: str) -> Outcome:
        """A card touched: the next in the order takes its place; any other starts the order again."""
        expected = self.next_card
        if self._state[card_id]:  # placed already: touching it again changes nothing
            return QUIET
        if card_id != expected:
            for card in self.replica.order:
                self._state[card] = 0
            return self._wrong(card_id)
        self._state[card_id] = self.replica.order.index(card_id) + 1
        return self._judge(True) if self.next_card is None else QUIET

    def _element(self, element_id: str) -> Element:
        element = self.replica.element(element_id)
        if element is None:
            raise KeyError(f"step {self.step_id!r} has no practice element {element_id!r}")
        return element

    def _field(self, field_id: str) -> str:
        self.value(field_id)  # checks it is a field
        return field_id

    def _judge(self, right: bool, element_id: str | None = None) -> Outcome:
        if right:
            self._complete = True
            return Outcome(right=True)
        return self._wrong(element_id)

    def _wrong(self, element_id: str | None = None) -> Outcome:
        """The hint for a wrong touch: the touched element's own hint when it has one."""
        action = self.replica.action
        key = {"type": "replica_hint_type", "order": "replica_hint_order"}.get(action, "replica_hint_tap")
        own = self._element(element_id).hint if element_id is not None else None
        first = self._element(self.next_card) if self.next_card is not None else self.target
        return Outcome(hint_key=key, target_label=first.label, hint_text=own)
