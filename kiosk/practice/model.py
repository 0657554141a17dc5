"""The practice model of one step: what completes it, which hint a wrong touch gets, and what it holds.

Built from a content :class:`~kiosk.content.model.Step`'s replica. It holds
what the visitor typed (memory only: never logged, never written; wiped by
:meth:`PracticeState.reset` and dropped with the step) and whether each box is
ticked. Every element kind (text, field, button...) is a :class:`Kind` in
:data:`KINDS`: a new kind of practice (a search results list, a keypad) is a
new entry here plus a drawer in :mod:`kiosk.ui.replica`. Imports no Kivy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.content.model import Element, Replica, Step, Text
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


@dataclass(frozen=True)
class Outcome:
    """What one touch or key did: ``right`` completes the step, ``hint_key`` names a hint to give.

    Neither (``right`` false, no ``hint_key``) means nothing to say (a field
    that may be typed into was chosen).
    """

    right: bool = False
    hint_key: str = ""
    target_label: Text | None = None

    @property
    def wrong(self) -> bool:
        """Whether the visitor gets a hint."""
        return bool(self.hint_key)

    def hint(self, lang: str) -> str:
        """The hint in ``lang`` (names the target), or ``""``."""
        if not self.hint_key:
            return ""
        label = self.target_label.get(lang) if self.target_label is not None else ""
        return t(lang, self.hint_key, label=label)

    def praise(self, lang: str) -> str:
        """The praise in ``lang`` for the right action, or ``""``."""
        return t(lang, "replica_praise") if self.right else ""


#: nothing to say
QUIET = Outcome()


class PracticeState:
    """The practice page of one step as data: its elements' state and the rules of the step."""

    def __init__(self, step_id: str, replica: Replica) -> None:
        unknown = [e.kind for e in replica.elements if e.kind not in KINDS]
        if unknown:
            raise ValueError(f"step {step_id!r}: unknown practice element kind {unknown[0]!r}")
        self.step_id = step_id
        self.replica = replica
        self._state: dict[str, Any] = {}
        #: the field being typed into, if any
        self.focused: str | None = None
        self._complete = False
        self.reset()

    @classmethod
    def for_step(cls, step: Step) -> PracticeState:
        """The practice state of ``step`` (which must have a replica)."""
        if step.replica is None:
            raise ValueError(f"step {step.id!r} has no practice replica")
        return cls(step.id, step.replica)

    # -- reading ----------------------------------------------------------------------
    @property
    def target(self) -> Element:
        """The element the visitor must use."""
        element = self.replica.element(self.replica.target)
        assert element is not None  # the loader checks every target exists
        return element

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
        return self._state[field_id]

    def checked(self, checkbox_id: str) -> bool:
        """Whether box ``checkbox_id`` is ticked."""
        if self._element(checkbox_id).kind != "checkbox":
            raise ValueError(f"{checkbox_id!r} is not a checkbox")
        return self._state[checkbox_id]

    def held(self, element_id: str) -> Any:
        """What element ``element_id`` holds, whatever its kind (for drawers of new kinds)."""
        self._element(element_id)
        return self._state[element_id]

    def typed(self) -> dict[str, str]:
        """Every non-empty typed value by field id (memory only: for the privacy tests and nothing else)."""
        return {i: v for i, v in self._state.items() if isinstance(v, str) and v}

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
            return self._judge(self.replica.action == "tap" and element_id == self.replica.target)
        if kind.completes == "type":
            return self.focus(element_id)
        return self._wrong()  # text is read, not used

    def focus(self, field_id: str) -> Outcome:
        """Start typing into ``field_id``: a hint when another field is the one to fill."""
        self._field(field_id)
        self.focused = field_id
        if self.replica.action == "type" and field_id != self.replica.target:
            return self._wrong()
        return QUIET

    def toggle(self, checkbox_id: str) -> bool:
        """Tick or untick a box (without judging the step); returns whether it is now ticked."""
        self._state[checkbox_id] = not self.checked(checkbox_id)
        return self._state[checkbox_id]

    def type(self, field_id: str, text: str) -> None:
        """Add ``text`` at the end of field ``field_id``."""
        self._state[self._field(field_id)] += text

    def erase(self, field_id: str) -> None:
        """Remove the last character of field ``field_id``."""
        self._state[self._field(field_id)] = self._state[field_id][:-1]

    def fill(self, field_id: str, text: str) -> None:
        """Replace what field ``field_id`` holds (an example inserted)."""
        self._state[self._field(field_id)] = text

    def confirm(self) -> Outcome:
        """Done/Enter: completes a typing step when its target field is chosen and holds something."""
        if self._complete:
            return QUIET
        if self.replica.action != "type" or self.focused != self.replica.target:
            return self._wrong()
        if not self._state[self.focused].strip():
            return Outcome(hint_key="replica_hint_empty")
        return self._judge(True)

    def reset(self) -> None:
        """Forget everything typed and ticked: the page as it first appears."""
        self._state = {e.id: KINDS[e.kind].initial() for e in self.replica.elements}
        self.focused = None
        self._complete = False

    # -- inside -------------------------------------------------------------------------
    def _element(self, element_id: str) -> Element:
        element = self.replica.element(element_id)
        if element is None:
            raise KeyError(f"step {self.step_id!r} has no practice element {element_id!r}")
        return element

    def _field(self, field_id: str) -> str:
        self.value(field_id)  # checks it is a field
        return field_id

    def _judge(self, right: bool) -> Outcome:
        if right:
            self._complete = True
            return Outcome(right=True)
        return self._wrong()

    def _wrong(self) -> Outcome:
        key = "replica_hint_type" if self.replica.action == "type" else "replica_hint_tap"
        return Outcome(hint_key=key, target_label=self.target.label)
