"""The visit as a pure state machine: commands in, effects out. Imports no Kivy.

:class:`Flow` owns the visitor's path (welcome, language, catalogue, a
module's steps, practice, finished), Help, the idle warning and reset, staff
entry and hand-over, the memo and speech on and off. A command (a touch on an
item, a key action, a clock tick) changes the visit and returns its effects
(:mod:`kiosk.flow.effects`): show this screen, open this overlay, say this,
record this event, print this memo. :func:`kiosk.flow.carry.carry_out` does
the domain's effects; the Kivy navigator (:mod:`kiosk.ui.navigator`) does the
screen's. Tests drive a :class:`Flow` without a window (``tests/flow``).
"""

from kiosk.flow.activity import KEY_COMMANDS, Flow
from kiosk.flow.carry import carry_out
from kiosk.flow.core import STAFF_PREFIX, VISITOR_SCREENS, Effects
from kiosk.flow.staff import Launch

__all__ = ["KEY_COMMANDS", "STAFF_PREFIX", "VISITOR_SCREENS", "Effects", "Flow", "Launch", "carry_out"]
