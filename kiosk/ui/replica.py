"""Practice replicas: a simplified, clearly marked copy of the real page.

The replica is drawn from the step's content (never a screenshot): a
browser-like frame with the site's address, a "Practice: nothing is sent"
banner, a heading, and the page's elements. The target the visitor must use is
framed by a thick outline and a pointing hand (never colour alone).

The rules live in the Kivy-free practice model
(:class:`kiosk.practice.model.PracticeState`, kept by the visit): what
completes the step, which hint a wrong touch gets, what was typed (memory
only, dropped when the step is left) and which boxes are ticked. This module
draws that model and forwards touches and keys to it: each element kind has a
drawer in :data:`DRAWERS`. Fields offer an example to insert, so nobody needs
to type personal data; typing uses a large on-screen keyboard or a physical
keyboard.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kivy.graphics import Color, InstructionGroup, Line, Rectangle
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ObjectProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.widget import Widget

from kiosk.content.model import BASE_LANGUAGE, Check, Element, Step
from kiosk.i18n import t
from kiosk.keymap import BACKSPACE, ENTER_KEYS
from kiosk.practice.model import Outcome, PracticeState
from kiosk.ui.keyboard import OnScreenKeyboard, keyboard_for
from kiosk.ui.pictograms import pictogram_path
from kiosk.ui.widgets import BigButton, KioskLabel

if TYPE_CHECKING:
    from kiosk.ui.screens.base import KioskScreen

MASK = "•"
class ReplicaField(ButtonBehavior, BoxLayout):
    """A labelled text field of the practice page: tap to type into it."""

    style = ObjectProperty(None, allownone=True)
    element = ObjectProperty(None)
    name = StringProperty("")
    label = StringProperty("")
    value = StringProperty("")
    shown = StringProperty("")
    masked = BooleanProperty(False)
    focused = BooleanProperty(False)
    editing = BooleanProperty(False)
    highlighted = BooleanProperty(False)

    def on_value(self, *_: Any) -> None:
        self.shown = MASK * len(self.value) if self.masked else self.value

    def show(self, state: PracticeState, element_id: str) -> None:
        """Draw what the model holds for this field."""
        self.value = state.value(element_id)


class ReplicaCheckbox(BigButton):
    """A box of the practice page: the box and its tick are drawn from ``checked`` (set from the model).

    Drawn with canvas lines, not the ☐/☑ characters (the kiosk's Latin font has
    no such glyphs: a ticked box looked like an empty one). The box sits at the
    start of the reading direction; ticked, it is filled and shows a thick tick in
    the face colour, so the two states differ in shape, not colour alone.
    """

    checked = BooleanProperty(False)
    caption = StringProperty("")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._box = InstructionGroup()
        self.canvas.after.add(self._box)
        for prop in ("pos", "size", "checked", "ink_colour", "face_colour", "style"):
            self.fbind(prop, self._draw_box)
        self._draw_box()

    def on_checked(self, *_: Any) -> None:
        self.label = self.caption

    on_caption = on_checked

    def box_rect(self) -> tuple[float, float, float, float]:
        """Where the box is drawn: (x, y, side, side), at the start of the reading direction."""
        style = self.style
        side = style.mm(10)
        x = (self.right - style.pad - side) if style.rtl else (self.x + style.pad)
        return x, self.center_y - side / 2, side, side

    def _draw_box(self, *_: Any) -> None:
        group, style = self._box, self.style
        group.clear()
        if style is None:
            return
        x, y, side, _ = self.box_rect()
        group.add(Color(rgba=self.ink_colour))
        if self.checked:
            group.add(Rectangle(pos=(x, y), size=(side, side)))
            group.add(Color(rgba=self.face_colour))
            group.add(Line(points=[x + side * 0.2, y + side * 0.52, x + side * 0.42, y + side * 0.28,
                                   x + side * 0.82, y + side * 0.76], width=style.mm(0.9), joint="round",
                           cap="round"))
        else:
            group.add(Line(rectangle=(x, y, side, side), width=style.mm(0.5)))

    def show(self, state: PracticeState, element_id: str) -> None:
        """Draw the box as the model has it."""
        self.checked = state.checked(element_id)


def site_words(element: Element, lang: str) -> tuple[str, str]:
    """What a button, link, box or tool shows, and what is said of it, in ``lang``.

    The real site is French: away from French, its own words come first and the
    translation under them (the visitor will meet the French words on the real
    site); the kiosk says "« French », translation".
    """
    site, translated = element.label.get(BASE_LANGUAGE), element.label.get(lang)
    if lang == BASE_LANGUAGE or not element.label.has(lang) or site == translated:
        return translated, translated
    return f"{site}\n{translated}", t(lang, "replica_translation", site=site, translation=translated)


#: element kind -> drawer: ``drawer(view, element)`` returns the widget to put on the page and
#: records in ``view.widgets`` the one the visitor uses (for its highlight and its state)
Drawer = Callable[["ReplicaView", Element], Widget]
DRAWERS: dict[str, Drawer] = {}


def drawer(*kinds: str) -> Callable[[Drawer], Drawer]:
    """Register a function as the drawer of the practice element ``kinds``."""

    def register(function: Drawer) -> Drawer:
        for kind in kinds:
            DRAWERS[kind] = function
        return function

    return register


@drawer("text")
def draw_text(view: ReplicaView, element: Element) -> Widget:
    """Text of the page, to read."""
    label = KioskLabel(style=view.style, logical=element.label.get(view.lang), colour_role="panel_text",
                       name=f"replica_{element.id}")
    view.widgets[element.id] = label
    return label


@drawer("field", "password")
def draw_field(view: ReplicaView, element: Element) -> Widget:
    """A field, and the button that inserts its example."""
    style, lang = view.style, view.lang
    box = BoxLayout(orientation="vertical", size_hint_y=None, spacing=style.gap)  # 2 targets: >= 3 mm apart
    box.bind(minimum_height=box.setter("height"))
    field = ReplicaField(style=style, element=element, name=f"replica_{element.id}", label=element.label.get(lang),
                         masked=view.state.kind(element.id).masked)
    field.bind(on_release=lambda f: view.focus_field(f))
    view.fields[element.id] = view.widgets[element.id] = field
    box.add_widget(field)
    if element.example is not None:
        example = element.example.get(lang)
        shown = MASK * len(example) if field.masked else example
        insert = BigButton(style=style, name=f"example_{element.id}", icon=pictogram_path("keyboard"),
                           label=f"{t(lang, 'replica_insert_example')} - {t(lang, 'replica_example', example=shown)}")
        insert.bind(on_release=lambda _b, f=field, e=example: view.insert_example(f, e))
        box.add_widget(insert)
    return box


@drawer("button", "link")
def draw_button(view: ReplicaView, element: Element) -> Widget:
    """A button or a link of the page."""
    shown, spoken = site_words(element, view.lang)  # the real site's French words first
    button = BigButton(style=view.style, name=f"replica_{element.id}", label=shown, spoken_kind=element.kind)
    button.spoken_label = spoken
    button.bind(on_release=lambda _b, e=element: view.tapped(e))
    view.widgets[element.id] = button
    return button


@drawer("checkbox")
def draw_checkbox(view: ReplicaView, element: Element) -> Widget:
    """A box to tick: the box and its tick are drawn before the label (see :class:`ReplicaCheckbox`)."""
    shown, spoken = site_words(element, view.lang)  # the real site's French words first
    box = ReplicaCheckbox(style=view.style, name=f"replica_{element.id}", caption=shown,
                          spoken_kind=element.kind)
    box.spoken_label = spoken
    box.on_checked()
    box.bind(on_release=lambda _b, e=element: view.tapped(e))
    view.widgets[element.id] = box
    return box


class ReplicaView(BoxLayout):
    """The practice page of one step: draws the visit's practice model and forwards touches and keys."""

    style = ObjectProperty(None, allownone=True)
    hint = StringProperty("")
    address = StringProperty("")
    banner = StringProperty("")
    heading = StringProperty("")

    def __init__(self, screen: KioskScreen, step: Step | Check, state: PracticeState | None = None, *,
                 checking: bool = False, **kwargs: Any) -> None:
        """Draw ``step``'s page from ``state``, by default the visit's (started for this step if need be).

        A page built ahead of time (:mod:`kiosk.ui.practice_pages`) is given a state of its
        own and shown later with the visit's through :meth:`show`. ``checking``: a
        self-check's page (``step`` is its :class:`~kiosk.content.model.Check`): nothing
        highlighted, no hint but "not yet", the answer goes to the flow.
        """
        self.screen = screen
        self.checking = checking
        self.services = screen.services
        self.step = step
        self.replica = step.replica
        self.lang = screen.lang
        #: the rules and what the visitor did (typed values: memory only)
        self.state: PracticeState = state if state is not None else self.services.visit.practice_for(step)
        self.fields: dict[str, ReplicaField] = {}
        #: element id -> the widget the visitor uses (field, button) or reads (text)
        self.widgets: dict[str, Any] = {}
        self.active_field: ReplicaField | None = None
        super().__init__(style=screen.style, **kwargs)
        replica, lang = self.replica, self.lang
        self.address = replica.address
        self.banner = t(lang, "practice_banner")
        self.heading = replica.heading.get(lang)
        page = self.ids.page
        for element in replica.elements:
            page.add_widget(DRAWERS[element.kind](self, element))
        self.keyboard: OnScreenKeyboard | None = None
        self.target_widget = self.widgets[replica.target]
        self.target_widget.highlighted = not checking
        self.ids.target_hint.logical = "" if checking else t(lang, "replica_target_here",
                                                             label=self.state.target.label.get(lang))
        self.sync()
        self._refocus()

    def show(self, state: PracticeState) -> None:
        """Draw ``state`` (a step shown again, or a page built ahead): as if just built for it.

        No hint, no field being edited, no keyboard, no focus ring: only what the model holds.
        """
        self.state = state
        self.hint = ""
        self.active_field = None
        for widget in self.walk(restrict=True):
            if getattr(widget, "focused", False):
                widget.focused = False
        for field in self.fields.values():
            field.editing = False
        if self.keyboard is not None:
            box = self.ids.keyboard_box  # a weak proxy: ``is`` would never hold
            if self.keyboard in box.children:  # not moved to another page since
                box.remove_widget(self.keyboard)
            self.keyboard = None
        self.sync()
        self._refocus()

    def _refocus(self) -> None:
        """Show which element the model says is being typed into: a field (its caret and keyboard),
        or a keypad (its own keys, no keyboard)."""
        focused = self.state.focused
        if focused in self.fields:
            self._show_focus(self.fields[focused])
        elif focused is not None:
            self.active_field = self.widgets[focused]

    @property
    def done(self) -> bool:
        """Whether the step's practice is complete."""
        return self.state.is_complete

    def sync(self) -> None:
        """Draw every element as the model has it."""
        for element_id, widget in self.widgets.items():
            show = getattr(widget, "show", None)
            if show is not None:
                show(self.state, element_id)

    # -- what the visitor does ------------------------------------------------------
    def on_touch_down(self, touch: Any) -> bool:
        if super().on_touch_down(touch):
            return True
        if self.collide_point(*touch.pos) and not self.done:
            self.outcome(self.state.tap(None))  # a tap on the page, away from anything usable
            return True
        return False

    def tapped(self, element: Element) -> None:
        """A button, link or box of the page was tapped."""
        outcome = self.state.tap(element.id)
        self.sync()
        self.outcome(outcome)

    def focus_field(self, field: ReplicaField) -> None:
        """Start typing into ``field``: show the keyboard."""
        outcome = self.state.focus(field.element.id)
        self._show_focus(field)
        self.outcome(outcome)

    def _show_focus(self, field: ReplicaField) -> None:
        for other in self.fields.values():
            other.editing = False
        field.editing = True
        self.active_field = field
        if self.keyboard is None:
            self.keyboard = keyboard_for(self)
            self.ids.keyboard_box.add_widget(self.keyboard)

    def insert_example(self, field: ReplicaField, example: str) -> None:
        """Put the example value into the field, as if typed."""
        self.focus_field(field)
        self.state.fill(field.element.id, example)
        self.sync()

    def type_text(self, text: str) -> None:
        """Characters from the on-screen or a physical keyboard."""
        if self.active_field is not None:
            self.state.type(self.active_field.element.id, text)
            self.sync()

    def delete_char(self) -> None:
        """Remove the last character of the field being typed into."""
        if self.active_field is not None:
            self.state.erase(self.active_field.element.id)
            self.sync()

    def handle_key(self, key: int, codepoint: str | None) -> bool:
        """A physical keyboard's key: typed into the field being edited (False when none is)."""
        if self.active_field is None:
            return False
        if key == BACKSPACE:
            self.delete_char()
        elif key in ENTER_KEYS:
            self.confirm_entry()
        elif codepoint and codepoint.isprintable():
            self.type_text(codepoint)
        else:
            return False
        return True

    def confirm_entry(self) -> None:
        """Done/Enter: complete the step when the target field holds something."""
        self.outcome(self.state.confirm(self.lang))

    # -- outcomes -------------------------------------------------------------------
    def outcome(self, outcome: Outcome) -> None:
        """Praise and move on, or show and speak a hint, as the model says (a self-check: the flow's)."""
        if self.checking:
            if outcome.wrong:
                self.hint = t(self.lang, "selfcheck_not_yet")  # said by the flow; no hint to the answer
            if outcome.right or outcome.wrong:
                self.screen.nav.check_answer(outcome.right)
            return
        if outcome.right:
            self.screen.nav.next_step(praise=outcome.praise(self.lang))
        elif outcome.wrong:
            self.screen.nav.practice_mistake()
            self.say_hint(outcome.hint(self.lang))

    def say_hint(self, text: str) -> None:
        """Show and speak a hint."""
        self.hint = text
        self.services.speech.say(text, self.lang, context=self.screen.name)


Builder.load_file(str(Path(__file__).with_name("replica.kv")))
