"""Boxes that hold content: :class:`ScrollPane` (paged by big buttons) and :class:`Panel` (a framed note).

Layout and drawing are in ``panes.kv`` beside this module.
"""

from __future__ import annotations

from pathlib import Path

from kivy.lang import Builder
from kivy.properties import BooleanProperty, ObjectProperty, OptionProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.scrollview import ScrollView

from kiosk.ui.widgets.buttons import BigButton  # noqa: F401  (the pane's Up/Down buttons, in kv)
from kiosk.ui.widgets.layout import MirrorBox
from kiosk.ui.widgets.pictogram import Pictogram  # noqa: F401  (a panel's pictogram, in kv)
from kiosk.ui.widgets.text import KioskLabel  # noqa: F401  (a panel's heading and body, in kv)


class PaneScroller(ScrollView):
    """Kivy's ScrollView without its binding leak (Kivy 2.3).

    Each scroll update binds ``bar_color`` again and the half-second trigger that
    follows unbinds it once: every update after the first in that half second
    left one binding behind, for the life of the pane (about 600 per thousand
    monkey events). Unbinding first keeps exactly one.
    """

    def update_from_scroll(self, *largs: object) -> None:
        self.funbind("bar_color", self._change_bar_color)
        super().update_from_scroll(*largs)


class ScrollPane(MirrorBox):
    """Scrolling content with big Up and Down buttons: no swipe is ever needed.

    The buttons sit at the end of the reading direction: on the right, or on
    the left in a right-to-left language.
    """

    overflowing = BooleanProperty(False)
    name = StringProperty("")
    #: a widget of the content where paging down stops first (a step's practice): one Down
    #: press brings its top to the top of the view when it starts inside the view
    stop_at = ObjectProperty(None, allownone=True)
    #: a widget inside :attr:`stop_at` that the stop must bring into view too (the practice target):
    #: when the view cannot hold both tops, the stop goes a little further, down to it
    stop_shows = ObjectProperty(None, allownone=True)

    def add_content(self, widget: object) -> None:
        """Put ``widget`` (with ``size_hint_y`` None) inside the scrolling area."""
        self.ids.content_box.add_widget(widget)

    def clear_content(self) -> None:
        """Remove everything from the scrolling area and go back to the top."""
        self.ids.content_box.clear_widgets()
        self.ids.scroller.scroll_y = 1
        self.stop_at = self.stop_shows = None

    def update_overflow(self, *_: object) -> None:
        """Show the Up/Down buttons only when the content is taller than the view."""
        scroller: ScrollView = self.ids.scroller
        self.overflowing = self.ids.content_box.height > scroller.height + 1

    def page(self, direction: int) -> None:
        """Scroll up (+1) or down (-1): to show whole the item the view's edge cuts, else most of a view.

        Down brings the top of an item cut off at the bottom of the view to the
        top; Up brings the bottom of one cut off at the top to the bottom. So a
        card or a paragraph the view can hold is seen whole, and nothing is
        skipped. With no such item (a text taller than the view), the view moves
        by four fifths of its height, keeping a little of what was read.
        """
        scroller: ScrollView = self.ids.scroller
        extra = self.ids.content_box.height - scroller.height
        if extra <= 0:
            return
        stop = self._stop_below(extra) if direction < 0 else None
        if stop is None:
            stop = self._whole_item(direction, extra)
        if stop is not None:
            scroller.scroll_y = min(1.0, max(0.0, stop))
            return
        step = scroller.height * 0.8 / extra
        scroller.scroll_y = min(1.0, max(0.0, scroller.scroll_y + direction * step))

    def _whole_item(self, direction: int, extra: float) -> float | None:
        """The scroll position that shows whole the item cut by the view's edge toward ``direction``, if any."""
        box, scroller = self.ids.content_box, self.ids.scroller
        view = scroller.height
        content_top = box.to_window(box.x, box.top)[1]
        view_top = (1 - scroller.scroll_y) * extra  # from the top of the content, downward
        view_bottom = view_top + view
        tops: list[float] = []
        for widget in box.walk(restrict=True):
            if widget is box or not 0 < widget.height <= view:
                continue
            top = content_top - widget.to_window(widget.x, widget.top)[1]
            bottom = top + widget.height
            if direction < 0 and view_top + 1 < top < view_bottom - 1 and bottom > view_bottom + 1:
                tops.append(top)  # cut off at the bottom: its top goes to the top
            elif direction > 0 and top < view_top - 1 and view_top + 1 < bottom < view_bottom - 1:
                tops.append(bottom - view)  # cut off at the top: its bottom goes to the bottom
        # An item that nearly fills the view is nearly whole already: a move that small would look
        # like a press that did nothing.
        tops = [top for top in tops if abs(top - view_top) >= view / 5]
        if not tops:
            return None
        new_top = min(tops) if direction < 0 else max(tops)
        return 1 - new_top / extra

    def _stop_below(self, extra: float) -> float | None:
        """The scroll position that puts :attr:`stop_at` at the top (and :attr:`stop_shows` in view),
        if the stop starts inside the view, below its top."""
        stop, box, scroller = self.stop_at, self.ids.content_box, self.ids.scroller
        if stop is None or not any(widget is stop for widget in box.walk(restrict=True)):
            return None  # (ids are weak proxies: the stop is looked for among the real widgets)
        # From the top of the content down to a point, in window coordinates (the scroll view
        # moves its content, so the widgets' own coordinates do not compare).
        content_top = box.to_window(box.x, box.top)[1]
        offset = content_top - stop.to_window(stop.x, stop.top)[1]
        view_top = (1 - scroller.scroll_y) * extra
        if not view_top + 1 < offset <= view_top + scroller.height:
            return None
        shows = self.stop_shows
        if shows is not None:
            bottom = content_top - shows.to_window(shows.x, shows.y)[1] + (self.style.gap if self.style else 0)
            offset = max(offset, bottom - scroller.height)
        return max(0.0, 1 - offset / extra)


class Panel(BoxLayout):
    """A framed box with a heading: a tip, a warning, what to bring, a message.

    Meaning is never carried by colour alone: each kind has a heading word and a
    pictogram as well as its colours.
    """

    style = ObjectProperty(None, allownone=True)
    kind = OptionProperty("tip", options=["tip", "warning", "info"])
    heading = StringProperty("")
    body = StringProperty("")
    icon = StringProperty("")
    name = StringProperty("")


Builder.load_file(str(Path(__file__).with_name("panes.kv")))
