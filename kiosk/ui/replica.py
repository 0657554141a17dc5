"""Practice replicas: a simplified, clearly marked copy of the real page.

The replica is drawn from the step's content (never a screenshot): a
browser-like frame with the site's address, a "Practice: nothing is sent"
banner, a heading, and the page's elements. The target the visitor must use is
framed by a thick outline and a pointing hand (never colour alone). The right
tap or entry moves on with spoken praise; a wrong tap gives a gentle spoken and
written hint naming the target. Fields offer an example to insert, so nobody
needs to type personal data; what is typed lives only in the visit's memory
(``visit.typed``) and is dropped when the step is left. Typing uses a large
on-screen keyboard or a physical keyboard.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from kivy.lang import Builder
from kivy.properties import BooleanProperty, ObjectProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.gridlayout import GridLayout

from kiosk.content.model import Element, Step
from kiosk.i18n import t
from kiosk.ui.pictograms import pictogram_path
from kiosk.ui.widgets import BigButton, KioskLabel, Panel

if TYPE_CHECKING:
    from kiosk.ui.screens.base import KioskScreen

#: On-screen keyboard rows by layout. French (and Arabic, whose visitors type
#: into French sites) get AZERTY; English gets QWERTY. Letters, digits and the
#: few signs addresses need; no dead keys.
LAYOUTS = {
    "azerty": ["1234567890", "azertyuiop", "qsdfghjklm", "wxcvbn@.-_"],
    "qwerty": ["1234567890", "qwertyuiop", "asdfghjkl'", "zxcvbnm@.-"],
}
LAYOUT_FOR_LANGUAGE = {"fr": "azerty", "ar": "azerty", "en": "qwerty"}
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


class OnScreenKeyboard(BoxLayout):
    """Big keys in rows, plus Capital, Space, Delete and Done."""

    style = ObjectProperty(None, allownone=True)
    replica = ObjectProperty(None)
    shift = BooleanProperty(False)

    def build(self, layout: str, lang: str) -> None:
        """Lay out the keys of ``layout`` with labels in ``lang``."""
        self.clear_widgets()
        for row in LAYOUTS[layout]:
            line = GridLayout(rows=1, size_hint_y=None, spacing=self.style.gap)
            line.bind(minimum_height=line.setter("height"))
            for char in row:
                key = BigButton(style=self.style, label=char, label_lang="en", label_align="center",
                                name=f"key_{char}")
                key.bind(on_release=lambda _k, c=char: self.replica.type_text(c.upper() if self.shift else c))
                line.add_widget(key)
            self.add_widget(line)
        bottom = GridLayout(rows=1, size_hint_y=None, spacing=self.style.gap)
        bottom.bind(minimum_height=bottom.setter("height"))
        for name, key, action in (
            ("key_shift", "keyboard_shift", self.toggle_shift),
            ("key_space", "keyboard_space", lambda: self.replica.type_text(" ")),
            ("key_delete", "keyboard_delete", self.replica.delete_char),
            ("key_ok", "keyboard_ok", self.replica.confirm_entry),
        ):
            button = BigButton(style=self.style, label=t(lang, key), name=name, label_align="center")
            button.bind(on_release=lambda _b, a=action: a())
            bottom.add_widget(button)
        self.add_widget(bottom)

    def toggle_shift(self) -> None:
        """Next letters in capitals (until pressed again)."""
        self.shift = not self.shift
        for row in self.children:
            for key in row.children:
                if len(key.label) == 1:
                    key.label = key.label.upper() if self.shift else key.label.lower()


class ReplicaView(BoxLayout):
    """The practice page of one step, wired to the visit and the navigator."""

    style = ObjectProperty(None, allownone=True)
    hint = StringProperty("")
    address = StringProperty("")
    banner = StringProperty("")
    heading = StringProperty("")

    def __init__(self, screen: KioskScreen, step: Step, **kwargs: Any) -> None:
        self.screen = screen
        self.services = screen.services
        self.step = step
        self.replica = step.replica
        self.lang = screen.lang
        self.fields: dict[str, ReplicaField] = {}
        #: element id -> the widget the visitor uses (field, button) or reads (text)
        self.widgets: dict[str, Any] = {}
        self.active_field: ReplicaField | None = None
        self.done = False
        super().__init__(style=screen.style, **kwargs)
        replica, lang = self.replica, self.lang
        self.address = replica.address
        self.banner = t(lang, "practice_banner")
        self.heading = replica.heading.get(lang)
        page = self.ids.page
        for element in replica.elements:
            page.add_widget(self._element_widget(element))
        self.keyboard: OnScreenKeyboard | None = None
        target = replica.element(replica.target)
        self.target_widget = self.widgets[replica.target]
        self.target_widget.highlighted = True
        self.ids.target_hint.logical = t(lang, "replica_target_here", label=target.label.get(lang))

    # -- building -------------------------------------------------------------------
    def _element_widget(self, element: Element) -> Any:
        lang, style = self.lang, self.style
        name = f"replica_{element.id}"
        label = element.label.get(lang)
        if element.kind == "text":
            self.widgets[element.id] = KioskLabel(style=style, logical=label, colour_role="panel_text", name=name)
            return self.widgets[element.id]
        if element.typable:
            box = BoxLayout(orientation="vertical", size_hint_y=None, spacing=style.gap)  # 2 targets: >= 3 mm apart
            box.bind(minimum_height=box.setter("height"))
            field = ReplicaField(style=style, element=element, name=name, label=label, masked=element.masked)
            field.value = self.services.visit.typed.get((self.step.id, element.id), "")
            field.on_value()
            field.bind(on_release=lambda f: self.focus_field(f))
            self.fields[element.id] = self.widgets[element.id] = field
            box.add_widget(field)
            if element.example is not None:
                example = element.example.get(lang)
                shown = MASK * len(example) if element.masked else example
                insert = BigButton(style=style, name=f"example_{element.id}", icon=pictogram_path("keyboard"),
                                   label=f"{t(lang, 'replica_insert_example')} - {t(lang, 'replica_example', example=shown)}")
                insert.bind(on_release=lambda _b, f=field, e=example: self.insert_example(f, e))
                box.add_widget(insert)
            return box
        prefix = {"checkbox": "☐ ", "link": ""}.get(element.kind, "")
        button = BigButton(style=style, name=name, label=prefix + label, spoken_kind=element.kind,
                           icon=pictogram_path("check") if element.kind == "checkbox" else "")
        button.bind(on_release=lambda _b, e=element: self.tapped(e))
        self.widgets[element.id] = button
        return button

    # -- what the visitor does ------------------------------------------------------
    def on_touch_down(self, touch: Any) -> bool:
        if super().on_touch_down(touch):
            return True
        if self.collide_point(*touch.pos) and not self.done:
            self.wrong()  # a tap on the page, away from anything usable
            return True
        return False

    def tapped(self, element: Element) -> None:
        """A button, link or box of the page was tapped."""
        if element.kind == "checkbox":
            widget = self.widgets[element.id]
            ticked = widget.label.startswith("☐")
            widget.label = ("☑ " if ticked else "☐ ") + element.label.get(self.lang)
        if self.replica.action == "tap" and element.id == self.replica.target:
            self.succeed()
        else:
            self.wrong()

    def focus_field(self, field: ReplicaField) -> None:
        """Start typing into ``field``: show the keyboard."""
        for other in self.fields.values():
            other.editing = False
        field.editing = True
        self.active_field = field
        if self.keyboard is None:
            self.keyboard = OnScreenKeyboard(style=self.style, replica=self)
            self.keyboard.build(LAYOUT_FOR_LANGUAGE.get(self.lang, "azerty"), self.lang)
            self.ids.keyboard_box.add_widget(self.keyboard)
        if self.replica.action == "type" and field.element.id != self.replica.target:
            self.wrong()

    def insert_example(self, field: ReplicaField, example: str) -> None:
        """Put the example value into the field, as if typed."""
        self.focus_field(field)
        self._set(field, example)

    def type_text(self, text: str) -> None:
        """Characters from the on-screen or a physical keyboard."""
        if self.active_field is not None:
            self._set(self.active_field, self.active_field.value + text)

    def delete_char(self) -> None:
        """Remove the last character of the field being typed into."""
        if self.active_field is not None:
            self._set(self.active_field, self.active_field.value[:-1])

    def confirm_entry(self) -> None:
        """Done/Enter: complete the step when the target field holds something."""
        field = self.active_field
        if self.replica.action != "type" or field is None or field.element.id != self.replica.target:
            self.wrong()
        elif not field.value.strip():
            self.say_hint(t(self.lang, "replica_hint_empty"))
        else:
            self.succeed()

    def _set(self, field: ReplicaField, value: str) -> None:
        field.value = value
        # Memory only, for this step: never logged, never written anywhere.
        self.services.visit.typed[(self.step.id, field.element.id)] = value

    # -- outcomes -------------------------------------------------------------------
    def wrong(self) -> None:
        """A gentle hint pointing at the target."""
        target = self.replica.element(self.replica.target)
        key = "replica_hint_type" if self.replica.action == "type" else "replica_hint_tap"
        self.say_hint(t(self.lang, key, label=target.label.get(self.lang)))

    def say_hint(self, text: str) -> None:
        """Show and speak a hint."""
        self.hint = text
        self.services.speech.say(text, self.lang, context=self.screen.name)

    def succeed(self) -> None:
        """The right action: praise, then the next step."""
        self.done = True
        self.services.visit.praise = t(self.lang, "replica_praise")
        self.screen.nav.next_step()


def replica_view(screen: KioskScreen, step: Step) -> ReplicaView:
    """Build the practice page for ``step`` on the walkthrough ``screen``."""
    return ReplicaView(screen, step)


Builder.load_file(str(Path(__file__).with_name("replica.kv")))
