"""The catalogue: every module on one screen, in groups, each a card with its pictogram and length.

Groups come from :mod:`kiosk.content.groups` (first steps with a computer; the
internet and email; everyday online life; administrative procedures; office
tools). Each group is a title and a grid of cards that fills the row: three
columns at 100 % text, two when the text is larger, fewer when the group is
smaller, so the width is used and at 200 % four cards are in sight on the
kiosk's panel. A module is two touches from the language screen (the language,
then its card); the scroll pane's Up/Down buttons move through a long list.

A visit that staff started for a learner (a learner code) shows which modules
that learner finished: a tick and the word "Done" on the card, never colour
alone. The marks come from the logbook, read on a worker thread
(:mod:`kiosk.staff.completed`); the catalogue is shown at once and the marks
appear when the reading ends. Layout is the ``<CatalogueScreen>`` rule of ``screens.kv``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kivy.clock import Clock
from kivy.properties import ObjectProperty
from kivy.uix.boxlayout import BoxLayout

from kiosk.content.groups import Group, grouped, minutes
from kiosk.i18n import plural
from kiosk.ui.pictograms import pictogram_path
from kiosk.ui.screens.bars import nav_button, path_cards, standard_buttons
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.style import follow_style
from kiosk.ui.widgets import BigButton, ButtonGrid, KioskLabel, MirrorBox, Pictogram

if TYPE_CHECKING:
    from kiosk.staff.completed import Marks


def columns(count: int, text_scale: float) -> int:
    """How many cards side by side: up to three at 100 % text, two when larger (a title is never cut).

    Rows are balanced (four cards make two rows of two, not three and one), and a
    group never has more columns than cards: a group of one fills its row.
    """
    most = 3 if text_scale < 1.5 else 2
    rows = -(-max(count, 1) // most)
    return -(-max(count, 1) // rows)


class CardGrid(ButtonGrid):
    """A group's cards: a grid that fills its row, right to left in Arabic, cards as tall as the tallest."""

    def _reflow(self, *_: object) -> None:
        style = self.style
        if style is None:
            return
        self.cols = columns(len(self.buttons), style.text_scale)
        self.orientation = "rl-tb" if style.rtl else "lr-tb"
        self.spacing = style.gap
        self._fit_height()


class GroupShelf(BoxLayout):
    """One group: its pictogram and name, then its cards, close together (the pane spaces the groups)."""

    style = ObjectProperty(None, allownone=True)

    def __init__(self, style: object, group: Group, cards: list[BigButton]) -> None:
        super().__init__(orientation="vertical", size_hint_y=None, style=style)
        self.group = group
        self.icon = Pictogram(source=pictogram_path(group.pictogram), size_hint=(None, None), fit_mode="contain",
                              pos_hint={"center_y": 0.5})
        # No blank above or below the name's line: the pane's gap spaces the groups (four modules
        # stay in sight at 200 %).
        self.title = KioskLabel(style=style, role="heading", name=f"group_{group.key}", line_only=True,
                                pos_hint={"center_y": 0.5})
        self.header = MirrorBox(style=style, size_hint_y=None)
        self.header.set_items([self.icon, self.title])
        self.grid = CardGrid(style=style)
        self.grid.buttons = cards
        self.add_widget(self.header)
        self.add_widget(self.grid)
        self.bind(minimum_height=self.setter("height"))
        self.title.fbind("height", self._fit)
        follow_style(self, "_restyle", "text_scale", "text", "px_per_mm")

    def _restyle(self) -> None:
        style = self.style
        if style is None:
            return
        # A group's name grows with the text up to 150 %, then stays (10.8 mm capitals): at 200 %
        # the room goes to the cards, and four modules stay in sight.
        side = style.mm(10) * min(style.text_scale, 1.5)  # as tall as a line of the name
        self.icon.size = (side, side)
        self.icon.color = style.text
        self.header.spacing = style.pad
        self.spacing = 0
        self._fit()

    def _fit(self, *_: object) -> None:
        self.header.height = max(self.title.height, self.icon.height)


class CatalogueScreen(KioskScreen):
    """Procedures grouped for the passport and daily life, each a card with a pictogram and a length.

    While the procedures are still loading it says so, and fills itself in
    (and says it is ready) when loading ends.
    """

    #: told the content set to call back when loaded (once per screen)
    _waiting = False
    #: the learner whose finished modules are marked, and those modules (empty: no learner, or not read yet)
    _marks_for: str | None = None
    _finished: frozenset[str] = frozenset()
    #: the learner's last path of "Where do I start?" (this visit's own wins)
    _learner_path: tuple[str, ...] = ()

    def on_kv_post(self, base_widget: object) -> None:
        self._standard = standard_buttons(self)
        self.ids.nav_bar.buttons = self._standard

    def _offer_diagnostic(self, offered: bool) -> None:
        """"Where do I start?" beside Help, in the bar (the groups keep the room: four modules in sight at 200 %)."""
        buttons = list(self._standard)
        if offered:
            if getattr(self, "_diagnostic", None) is None:
                self._diagnostic = nav_button(self, "diagnostic_button", "diagnostic_start", "search",
                                              lambda: self.nav.start_diagnostic())
                self._diagnostic.size_hint_x = 1.8  # its words on one line, as the others', up to 200 %
            buttons.append(self._diagnostic)
        if list(self.ids.nav_bar.buttons) != buttons:
            self.ids.nav_bar.buttons = buttons

    def _loaded(self, _dt: float) -> None:
        """Loading ended (on the Kivy clock): show the procedures if the catalogue is on show."""
        self._waiting = False
        if self.manager is not None and self.manager.current == self.name:
            self.refresh()
            if not self.nav.overlays:  # Help on top keeps talking; Repeat says the new announcement
                self.on_enter()

    def announcement(self) -> str:
        if not self.services.content.finished():
            return f"{self.tr('announce_catalogue')} {self.tr('catalogue_loading')}"
        return super().announcement()

    def refresh(self) -> None:
        pane = self.ids.pane
        pane.clear_content()
        content = self.services.content
        if not content.finished():  # never wait on the loading thread: say so, and come back when it is done
            pane.add_content(KioskLabel(style=self.style, logical=self.tr("catalogue_loading"), name="loading_label"))
            if not self._waiting:
                self._waiting = True
                content.when_loaded(lambda _content: Clock.schedule_once(self._loaded, 0))
            content.start()
            return
        procedures = content.procedures
        if not procedures:
            pane.add_content(KioskLabel(style=self.style, logical=self.tr("catalogue_empty")))
            return
        self._ask_for_marks()
        self._fill()

    def _fill(self) -> None:
        """The loaded catalogue: "Where do I start?" in the bar, the visitor's path first, then the groups."""
        pane, content = self.ids.pane, self.services.content
        pane.clear_content()
        self._offer_diagnostic(content.skills is not None and content.skills.diagnostic is not None)
        path = self._path_shelf()
        if path is not None:
            pane.add_content(path)
        for shelf in self._shelves(content.procedures):
            shelf.title.logical = self.tr(f"group_{shelf.group.key}")
            pane.add_content(shelf)
        self._label_cards()

    def _path_shelf(self) -> GroupShelf | None:
        """"Your path": the modules "Where do I start?" proposed (in this visit, else the learner's last)."""
        ids = self.services.visit.diagnostic_path or self._learner_path
        content = self.services.content
        procedures = [p for p in (content.get(i) for i in ids) if p is not None]
        if not procedures:
            return None
        shelf = GroupShelf(self.style, Group("path", (), "check"), path_cards(self, procedures, "path_card_"))
        shelf.title.logical = self.tr("catalogue_path")
        return shelf

    def _label_cards(self) -> None:
        """Each card's words in the visit's language: title, length, and "Done" for a learner's finished module."""
        done = self.tr("catalogue_done")
        # A learner's visit keeps room for the "done" tick on every card, so cards line up;
        # any other visit gives that room to the titles (fewer lines at 200 %).
        marks = self._marks_for is not None
        for procedure in self.services.content.procedures:
            button = self._procedure_buttons.get(procedure.id)
            if button is None:
                continue
            finished = procedure.id in self._finished
            lines = [procedure.title.get(self.lang), plural(self.lang, "minutes_about", minutes(procedure))]
            if finished:
                lines.append(done)
            button.label = "\n".join(lines)
            button.icon = pictogram_path(procedure.pictogram)
            button.toggle = marks
            button.selected = finished  # a tick and an inner frame: the mark is a shape and a word

    def _shelves(self, procedures: list) -> list[GroupShelf]:
        """Each group's shelf (name and cards), built once for the loaded procedures.

        Built again only when the procedures change: building a dozen big buttons
        at every visit was most of the wait for the catalogue.
        """
        key = tuple((p.id, p.theme) for p in procedures)
        if getattr(self, "_shelves_key", None) == key:
            return self._shelf_widgets
        shelves = []
        self._procedure_buttons: dict[str, BigButton] = {}
        for group, members in grouped(procedures):
            cards = []
            for procedure in members:
                button = BigButton(style=self.style, name=f"procedure_{procedure.id}", size_class="main")
                button.bind(on_release=lambda _b, pid=procedure.id: self.nav.open_procedure(pid))
                cards.append(button)
                self._procedure_buttons[procedure.id] = button
            shelves.append(GroupShelf(self.style, group, cards))
        self._shelves_key, self._shelf_widgets = key, shelves
        return shelves

    # -- a learner's finished modules ---------------------------------------------------
    def learner(self) -> str | None:
        """The learner code staff attached to the visit in progress, if any."""
        recorder = self.services.recorder
        return recorder.visit.learner if recorder is not None and recorder.in_visit else None

    def _ask_for_marks(self) -> None:
        """Read the learner's finished modules off the UI thread; marks from another visit are dropped now."""
        code = self.learner()
        if code != self._marks_for:
            self._marks_for, self._finished, self._learner_path = code, frozenset(), ()
        if code is None:
            return
        from kiosk.staff.completed import load_in_background

        load_in_background(self.services.config.data_dir, code, self.services.recorder.record(),
                           lambda c, marks: Clock.schedule_once(lambda _dt: self._marks_read(c, marks), 0))

    def _marks_read(self, code: str, marks: Marks) -> None:
        """The logbook was read (on the Kivy clock): mark the cards, if that learner's visit is still on."""
        if code != self.learner() or code != self._marks_for:
            return
        new_path = marks.path != self._learner_path and not self.services.visit.diagnostic_path
        if marks.finished == self._finished and not new_path:
            return
        self._finished, self._learner_path = marks.finished, marks.path
        if self.manager is not None and self.manager.current == self.name:
            if new_path:
                self._fill()  # the path's shelf comes first (the marks are read: not again)
            else:
                self._label_cards()

    def forget(self) -> None:
        """The visit ended: no learner's marks may stay for the next visitor."""
        self._marks_for, self._finished, self._learner_path = None, frozenset(), ()
        if getattr(self, "_procedure_buttons", None):
            self._label_cards()
