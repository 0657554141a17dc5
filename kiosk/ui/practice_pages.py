"""Practice pages kept and built ahead, so that a step change does not wait for one.

Building a step's practice page (a :class:`~kiosk.ui.replica.ReplicaView`: a
dozen widgets and some 200 kv bindings) was most of the Python work of a step
change (``bench/latency.py``: 55-90 ms of ``next_practice``, ``back`` and
``open_procedure`` under load). The walkthrough keeps the last few pages it
showed, by step and language, and once a step is on the glass it builds the
next step's page in the following frame, while the visitor reads. A page shown
again is given the visit's practice state (:meth:`ReplicaView.show`) and
looks as if just built. What a visitor typed lives only in that state, which
the visit drops when the step is left: a kept page holds none of it.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from kivy.clock import Clock
from kivy.core.window import Window

from kiosk.practice.model import PracticeState
from kiosk.ui import replica_kinds  # noqa: F401  # the curriculum's kinds (keypad, inbox...) register their drawers
from kiosk.ui.replica import ReplicaView

if TYPE_CHECKING:
    from kiosk.content.model import Step
    from kiosk.ui.screens.base import KioskScreen

#: pages kept: the previous step's, this one's, the next one's, and one more
KEPT = 4


class PracticePages:
    """One screen's practice pages, kept by step and language, least recently shown dropped."""

    def __init__(self, screen: KioskScreen, kept: int = KEPT) -> None:
        self.screen = screen
        self.kept = kept
        self._pages: OrderedDict[tuple[int, str], tuple[Any, ReplicaView]] = OrderedDict()
        self._ahead: Step | None = None

    def __len__(self) -> int:
        return len(self._pages)

    def _key(self, step: Step) -> tuple[int, str]:
        return id(step.replica), self.screen.lang

    def _kept(self, step: Step) -> ReplicaView | None:
        entry = self._pages.get(self._key(step))
        # The replica is kept beside its page: its id cannot be reused while the entry lives.
        if entry is None or entry[0] is not step.replica:
            return None
        self._pages.move_to_end(self._key(step))
        return entry[1]

    def _keep(self, step: Step, page: ReplicaView) -> None:
        self._pages[self._key(step)] = (step.replica, page)
        self._pages.move_to_end(self._key(step))
        while len(self._pages) > self.kept:
            self._pages.popitem(last=False)

    def page_for(self, step: Step) -> ReplicaView:
        """``step``'s page, drawing the visit's practice state: a kept one if any, else built now."""
        state = self.screen.services.visit.practice_for(step)
        page = self._kept(step)
        if page is None:
            page = ReplicaView(self.screen, step, state)
            self._keep(step, page)
        else:
            if page.parent is not None:
                page.parent.remove_widget(page)
            page.show(state)
        return page

    def build_ahead(self, step: Step | None) -> None:
        """Build ``step``'s page once the frame on its way is drawn (nothing if it has no practice)."""
        if step is None or step.replica is None or self._kept(step) is not None:
            return
        self._ahead = step
        Window.unbind(on_flip=self._after_frame)  # one page ahead at most
        Window.bind(on_flip=self._after_frame)

    def _after_frame(self, *_: object) -> None:
        Window.unbind(on_flip=self._after_frame)
        Clock.schedule_once(self._build_ahead, 0)  # the next frame's work, not this one's

    def _build_ahead(self, _dt: float) -> None:
        step, self._ahead = self._ahead, None
        if step is None or self._kept(step) is not None:
            return
        # A state of its own: the visit's belongs to the step on show.
        page = ReplicaView(self.screen, step, PracticeState.for_step(step))
        page.width = self._page_width()  # its texts laid out now at the width they will have
        self._keep(step, page)

    def _page_width(self) -> float:
        """The width a page takes in the screen's scroll pane."""
        box = self.screen.ids.pane.ids.content_box
        return box.width - box.padding[0] - box.padding[2]

    def forget(self) -> None:
        """Drop every kept page and any page planned (the visit ended)."""
        Window.unbind(on_flip=self._after_frame)
        self._ahead = None
        self._pages.clear()
