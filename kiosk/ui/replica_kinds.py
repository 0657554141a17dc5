"""Drawers of the curriculum's practice kinds: result, message, file, keypad, toggle, tool, document, sheet,
picture (choose by picture) and card (put in order).

Each kind is drawn simply, as it looks on a real site (content/FORMAT.md,
"Practice kinds of the curriculum"), from the step's content and the practice
model (:mod:`kiosk.practice.model`), which holds every state: a switch's
position, a pressed tool, the digits typed on a bank keypad (shown as dots,
never spoken) and the shuffled order of its keys. Every touchable part is a
:class:`KindButton` (a :class:`~kiosk.ui.widgets.BigButton`, 20 mm or more, in
the theme's colours), found by the key focus and explore by touch, which ask
it what to say (:meth:`KindButton.describe`). Registered in
:data:`kiosk.ui.replica.DRAWERS` when :mod:`kiosk.ui.replica` is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kivy.lang import Builder
from kivy.properties import BooleanProperty, NumericProperty, ObjectProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.gridlayout import GridLayout
from kivy.uix.widget import Widget

from kiosk.content.model import Element
from kiosk.i18n import t
from kiosk.practice.model import PracticeState
from kiosk.ui.pictograms import directional, pictogram_path
from kiosk.ui.replica import MASK, draw_field, drawer, site_words
from kiosk.ui.widgets import BigButton, KioskLabel

if TYPE_CHECKING:
    from kiosk.ui.replica import ReplicaView

#: the pictogram of a tool, by its ``icon``; bold and italic are drawn as the site's letter
TOOL_PICTOGRAMS = {"save_pdf": "document", "attach": "file", "spelling": "check", "sum": "spreadsheet",
                   "align_left": "document", "align_center": "document", "align_right": "document"}
#: the letter a word processor shows for bold and italic, by visit language (the sites are French)
TOOL_LETTERS = {"bold": {"fr": "G", "ar": "G", "en": "G"}, "italic": {"fr": "I", "ar": "I", "en": "I"}}


def comma(lang: str) -> str:
    """The list separator of ``lang`` (Arabic has its own comma)."""
    return "، " if lang == "ar" else ", "


class KindButton(BigButton):
    """A touchable part of a curriculum kind: a big button that says what it is and its state.

    ``describer(button, lang)`` gives the words (the model's state included);
    ``pressed`` shows a pressed tool or a switched-on switch: face and ink
    swapped, plus the thick inner frame and tick of a selected button (shape,
    never colour alone).
    """

    element = ObjectProperty(None, allownone=True)
    describer = ObjectProperty(None, allownone=True)
    pressed = BooleanProperty(False)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.fbind("pressed", self._paint)

    def _paint(self, *_: object) -> None:
        super()._paint()
        style = self.style
        if style is None:
            return
        # A selected button (a switch that is on) is inverted by BigButton already: swapping again
        # drew its words in the face's own colour (the audit found "Micro : activé" invisible).
        if getattr(self, "pressed", False) and not self.selected:
            self.face_colour, self.ink_colour = self.ink_colour, self.face_colour
            self.tick_colour = self.ink_colour
        if "text_label" in self.ids:
            inverted = list(self.face_colour) == list(style.button_text)
            self.ids.text_label.colour_role = "button" if inverted else "button_text"

    def describe(self, lang: str) -> str:
        """What to say when the finger or the key focus finds it."""
        return self.describer(self, lang) if self.describer is not None else self.label


def _button(view: ReplicaView, element: Element, name: str, label: str, describer: Callable[[Any, str], str],
            **kwargs: Any) -> KindButton:
    button = KindButton(style=view.style, name=name, label=label, element=element, describer=describer, **kwargs)
    return button


def _tap(view: ReplicaView, button: KindButton, element: Element) -> KindButton:
    """Make ``button`` the element's touchable part: a tap goes to the model."""
    button.bind(on_release=lambda _b, e=element: view.tapped(e))
    view.widgets[element.id] = button
    return button


# -- a search result ----------------------------------------------------------------
class Framed(BoxLayout):
    """A box with a thin frame (an ad's "Sponsorisé" badge, a document's page, a sheet cell)."""

    style = ObjectProperty(None, allownone=True)
    frame = NumericProperty(0.4)
    #: the target cell of a sheet: the thick target outline
    highlighted = BooleanProperty(False)
    #: fill the box with the theme's page colour
    page = BooleanProperty(False)
    name = StringProperty("")


def _framed_label(view: ReplicaView, text: str, lang: str = "", margin_mm: float = 3, align: str = "start",
                  **kwargs: Any) -> Framed:
    """A label in a frame, as tall as its text plus ``margin_mm`` (on a page: the page's colours)."""
    box = Framed(style=view.style, size_hint_y=None, **kwargs)
    label = KioskLabel(style=view.style, logical=text or "\u00a0", lang=lang, align=align,
                       colour_role="text" if box.page else "panel_text")
    box.add_widget(label)
    box.height = label.height + view.style.mm(margin_mm)
    label.bind(height=lambda _l, h, b=box: setattr(b, "height", h + view.style.mm(margin_mm)))
    return box


def _say_result(button: KindButton, lang: str) -> str:
    element = button.element
    key = "result_ad" if element.badge is not None else "result_plain"
    return t(lang, key, label=element.label.get(lang), address=element.address or "")


@drawer("result")
def draw_result(view: ReplicaView, element: Element) -> Widget:
    """One search result: the ad badge (framed), the address, and the title as the link to touch."""
    style, lang = view.style, view.lang
    box = BoxLayout(orientation="vertical", size_hint_y=None, spacing=style.mm(1))
    box.bind(minimum_height=box.setter("height"))
    if element.badge is not None:
        # Wide enough for the word at every text size: a badge's word is never cut.
        badge = _framed_label(view, element.badge.get(lang), size_hint_x=None, padding=style.mm(1.5),
                              width=style.mm(60) * style.text_scale, pos_hint={"right": 1} if style.rtl else {})
        badge.name = f"badge_{element.id}"
        box.add_widget(badge)
    if element.address:
        # An address reads left to right in every language.
        box.add_widget(KioskLabel(style=style, logical=element.address, colour_role="panel_text",
                                  name=f"address_{element.id}"))
    title = _button(view, element, f"replica_{element.id}", element.label.get(lang), _say_result, spoken_kind="link")
    box.add_widget(_tap(view, title, element))
    return box


# -- a message of an inbox, a file of a chooser -------------------------------------------
def _say_message(button: KindButton, lang: str) -> str:
    element = button.element
    key = "message_unread" if element.unread else "message_from"
    return t(lang, key, sender=element.sender or "", subject=element.label.get(lang))


@drawer("message")
def draw_message(view: ReplicaView, element: Element) -> Widget:
    """One inbox row: the sender, the subject; an unread one in bold with a closed envelope."""
    subject = element.label.get(view.lang)
    row = _button(view, element, f"replica_{element.id}", f"{element.sender or ''}\n{subject}", _say_message,
                  icon=pictogram_path("email" if element.unread else "mail_open"))
    row.ids.text_label.role = "title" if element.unread else "body"  # bold: not colour alone
    return _tap(view, row, element)


def _say_file(button: KindButton, lang: str) -> str:
    element = button.element
    parts = [element.label.get(lang), t(lang, "kind_folder" if element.folder else "kind_file")]
    if element.size:
        parts.append(element.size)
    return comma(lang).join(parts) + "."


@drawer("file")
def draw_file(view: ReplicaView, element: Element) -> Widget:
    """A file or folder row: its pictogram, its name and its size."""
    name = element.label.get(view.lang)
    label = f"{name}\n{element.size}" if element.size else name
    row = _button(view, element, f"replica_{element.id}", label, _say_file,
                  icon=pictogram_path("folder" if element.folder else "file"))
    return _tap(view, row, element)


# -- a switch and a toolbar tool ----------------------------------------------------------
def _say_toggle(button: KindButton, lang: str) -> str:
    state = t(lang, "switch_on" if button.pressed else "switch_off")
    return comma(lang).join((button.element.label.get(lang), t(lang, "kind_switch"), state)) + "."


class ToggleButton(KindButton):
    """An on/off switch: its state in words ("on"/"off"), and the selected look when on."""

    def show(self, state: PracticeState, element_id: str) -> None:
        """Draw the switch as the model has it."""
        self.pressed = self.selected = bool(state.held(element_id))
        word = t(self.view_lang, "switch_on" if self.pressed else "switch_off")
        self.label = f"{self.element.label.get(self.view_lang)}: {word}"


@drawer("toggle")
def draw_toggle(view: ReplicaView, element: Element) -> Widget:
    """A switch (camera, microphone, or what its ``picture`` shows: Wi-Fi...)."""
    switch = ToggleButton(style=view.style, name=f"replica_{element.id}", element=element, describer=_say_toggle,
                          toggle=True, icon=pictogram_path(element.picture or (
                              "microphone" if "mic" in element.id else "camera")))
    switch.view_lang = view.lang
    return _tap(view, switch, element)


def _say_tool(button: KindButton, lang: str) -> str:
    state = t(lang, "tool_pressed" if button.pressed else "tool_not_pressed")
    return comma(lang).join((button.spoken_label, t(lang, "kind_tool"), state)) + "."


class ToolButton(KindButton):
    """A toolbar button: pressed (bold on) or not, as the model has it."""

    spoken_label = StringProperty("")

    def show(self, state: PracticeState, element_id: str) -> None:
        """Draw the tool as the model has it."""
        self.pressed = self.selected = bool(state.held(element_id))


@drawer("tool")
def draw_tool(view: ReplicaView, element: Element) -> Widget:
    """A toolbar tool: the site's letter (G for bold) or a pictogram, then its words."""
    shown, spoken = site_words(element, view.lang)
    letter = TOOL_LETTERS.get(element.icon or "", {}).get(view.lang)
    icon = "" if letter else pictogram_path(TOOL_PICTOGRAMS.get(element.icon or "", "document"))
    tool = ToolButton(style=view.style, name=f"replica_{element.id}", element=element, describer=_say_tool,
                      label=f"{letter}  {shown}" if letter else shown, icon=icon, spoken_label=spoken, toggle=True)
    return _tap(view, tool, element)


# -- choose by picture, put in order ----------------------------------------------------
def _say_picture(button: KindButton, lang: str) -> str:
    return comma(lang).join((button.element.label.get(lang), t(lang, "kind_picture"))) + "."


@drawer("picture")
def draw_picture(view: ReplicaView, element: Element) -> Widget:
    """A choice by its picture: a big pictogram with its word under it (the word is for speech too)."""
    tile = _button(view, element, f"replica_{element.id}", element.label.get(view.lang), _say_picture,
                   icon=pictogram_path(element.picture or "hand"))
    return _tap(view, tile, element)


def _say_card(button: KindButton, lang: str) -> str:
    place = t(lang, "card_place", n=button.place) if button.place else t(lang, "card_not_placed")
    return comma(lang).join((button.element.label.get(lang), t(lang, "kind_card"), place)) + "."


class CardButton(KindButton):
    """A step to put in order: its place once touched in turn (a number before it, and the selected look)."""

    place = NumericProperty(0)

    def show(self, state: PracticeState, element_id: str) -> None:
        """Draw the card's place as the model has it; on a step (not a self-check) the next card is framed."""
        self.place = state.place(element_id)
        self.pressed = self.selected = self.place > 0
        words = self.element.label.get(self.view.lang)
        self.label = f"{self.place}.  {words}" if self.place else words
        if not self.view.checking:
            self.highlighted = state.next_card == element_id


@drawer("card")
def draw_card(view: ReplicaView, element: Element) -> Widget:
    """A step of an order: touched in turn, it shows its place."""
    card = CardButton(style=view.style, name=f"replica_{element.id}", element=element, describer=_say_card,
                      label=element.label.get(view.lang), toggle=True,
                      icon=pictogram_path(directional("next", view.style.rtl)))
    card.view = view
    return _tap(view, card, element)


# -- a document page ------------------------------------------------------------------
@drawer("document")
def draw_document(view: ReplicaView, element: Element) -> Widget:
    """A page of a document in an editor: the text on a framed page (read only)."""
    page = _framed_label(view, element.label.get(view.lang), margin_mm=8, page=True, padding=view.style.mm(4),
                         frame=0.6)
    page.name = f"replica_{element.id}"
    view.widgets[element.id] = page
    return page


# -- a bank keypad --------------------------------------------------------------------
class Keypad(BoxLayout):
    """A bank's keypad: the code typed shown as dots, then the digits in the model's order, Erase, OK."""

    style = ObjectProperty(None, allownone=True)
    element = ObjectProperty(None)
    name = StringProperty("")
    highlighted = BooleanProperty(False)
    editing = BooleanProperty(False)
    focused = BooleanProperty(False)
    dots = StringProperty("")
    count = NumericProperty(0)

    def show(self, state: PracticeState, element_id: str) -> None:
        """Draw how many digits are typed (dots only: the code is never shown)."""
        self.count = len(state.value(element_id))
        self.dots = MASK * self.count


def _say_key(button: KindButton, lang: str) -> str:
    return comma(lang).join((button.label, t(lang, "keypad_key"))) + "."


def _say_pad_action(button: KindButton, lang: str) -> str:
    pad = button.parent.parent
    return comma(lang).join((button.label, t(lang, "keypad_typed", n=pad.count)))


@drawer("keypad")
def draw_keypad(view: ReplicaView, element: Element) -> Widget:
    """The keypad: 4 columns x 3 rows of 20 mm keys in the shuffled order, Erase and OK last.

    Digits stay left to right in every language (a code is a number).
    """
    style, lang, state = view.style, view.lang, view.state
    pad = Keypad(style=style, element=element, name=f"replica_{element.id}")
    grid = GridLayout(cols=4, size_hint_y=None, spacing=style.gap, orientation="lr-tb")
    grid.bind(minimum_height=grid.setter("height"))
    for digit in state.key_order(element.id):
        key = KindButton(style=style, name=f"keypad_{element.id}_{digit}", label=digit, label_lang="en",
                         label_align="center", element=element, describer=_say_key)
        key.speaks_privately = True  # the digits touched are the code
        key.bind(on_release=lambda _k, d=digit: press_keypad(view, pad, d))
        grid.add_widget(key)
    for action, word in (("erase", "keypad_erase"), ("ok", "keypad_ok")):
        key = KindButton(style=style, name=f"keypad_{element.id}_{action}", label=t(lang, word),
                         label_align="center", element=element, describer=_say_pad_action)
        key.bind(on_release=lambda _k, a=action: press_keypad(view, pad, a))
        grid.add_widget(key)
    pad.add_widget(grid)
    view.widgets[element.id] = pad
    return pad


def press_keypad(view: ReplicaView, pad: Keypad, key: str) -> None:
    """A key of the keypad: a digit, ``"erase"`` or ``"ok"`` (the model judges the code)."""
    element_id = pad.element.id
    if view.state.focused != element_id:
        outcome = view.state.focus(element_id)
        for field in view.fields.values():
            field.editing = False
        view.active_field = pad
        if outcome.wrong:
            view.outcome(outcome)
            return
    if key == "ok":
        view.confirm_entry()
        view.sync()
        return
    if key == "erase":
        view.state.erase(element_id)
    else:
        view.state.type(element_id, key)
    view.sync()


# -- a spreadsheet --------------------------------------------------------------------
def column_letter(index: int) -> str:
    """The letter of column ``index`` (0 is A)."""
    return chr(ord("A") + index)


@drawer("sheet")
def draw_sheet(view: ReplicaView, element: Element) -> Widget:
    """A spreadsheet: the grid with column letters and row numbers, the cell to fill framed, and
    under it the cell's entry bar (a field with the example to insert, typed with the kiosk's keyboard).

    A spreadsheet reads left to right in every language (its columns are lettered A, B, C).
    """
    style, lang = view.style, view.lang
    box = BoxLayout(orientation="vertical", size_hint_y=None, spacing=style.gap)
    box.bind(minimum_height=box.setter("height"))
    width = max((len(row) for row in element.cells), default=1)
    grid = GridLayout(cols=width + 1, size_hint_y=None, orientation="lr-tb")
    grid.bind(minimum_height=grid.setter("height"))
    target = (element.cell or "").upper()
    cells: dict[str, Framed] = {}
    numbers = {"size_hint_x": None, "width": style.mm(14) * style.text_scale}  # the row numbers' column
    for c, name in enumerate([""] + [column_letter(c) for c in range(width)]):
        grid.add_widget(_framed_label(view, name, lang="en", align="center", padding=style.mm(1),
                                      **(numbers if c == 0 else {})))
    for r, row in enumerate(element.cells, start=1):
        grid.add_widget(_framed_label(view, str(r), lang="en", align="center", padding=style.mm(1), **numbers))
        for c in range(width):
            reference = f"{column_letter(c)}{r}"
            cell = _framed_label(view, row[c] if c < len(row) else "", lang="fr", align="center",
                                 padding=style.mm(1), page=True,
                                 highlighted=reference == target and not getattr(view, "checking", False))
            cells[reference] = cell
            grid.add_widget(cell)
    box.add_widget(grid)
    box.add_widget(draw_field(view, element))
    field = view.fields[element.id]
    field.label = f"{t(lang, 'sheet_cell', cell=target)} - {element.label.get(lang)}"
    if target in cells:
        shown = cells[target].children[0]
        original = shown.logical
        field.bind(value=lambda _f, v, s=shown, o=original: setattr(s, "logical", v or o))
    return box


Builder.load_file(str(Path(__file__).with_name("replica_kinds.kv")))
