"""The practice page's on-screen keyboard: big keys in the visit's layout (AZERTY or QWERTY), Shift, Space, Delete, OK.

It types into the practice page's active field through the page's own methods
(:class:`kiosk.ui.replica.ReplicaView`); its layout rule is in ``replica.kv``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kivy.properties import BooleanProperty, ObjectProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.gridlayout import GridLayout

from kiosk.i18n import t
from kiosk.ui.widgets import BigButton

if TYPE_CHECKING:
    from kiosk.ui.replica import ReplicaView

#: On-screen keyboard rows by layout. French (and Arabic, whose visitors type
#: into French sites) get AZERTY; English gets QWERTY. Letters, digits and the
#: few signs addresses need; no dead keys.
LAYOUTS = {
    "azerty": ["1234567890", "azertyuiop", "qsdfghjklm", "wxcvbn@.-_"],
    "qwerty": ["1234567890", "qwertyuiop", "asdfghjkl'", "zxcvbnm@.-"],
}
LAYOUT_FOR_LANGUAGE = {"fr": "azerty", "ar": "azerty", "en": "qwerty"}
#: the bottom row of the on-screen keyboard, by interface string
BOTTOM_KEYS = ("keyboard_shift", "keyboard_space", "keyboard_delete", "keyboard_ok")


class OnScreenKeyboard(BoxLayout):
    """Big keys in rows, plus Capital, Space, Delete and Done."""

    style = ObjectProperty(None, allownone=True)
    replica = ObjectProperty(None)
    shift = BooleanProperty(False)

    #: the layout whose letter rows are built (the rows are kept while it stays the same)
    layout = StringProperty("")

    def build(self, layout: str, lang: str) -> None:
        """Lay out the keys of ``layout`` with labels in ``lang``.

        Built once and kept (by :func:`keyboard_for`): building 44 big keys is most of what a
        first tap on a field cost. Another layout rebuilds the rows; another language relabels
        the bottom keys only.
        """
        if self.shift:
            self.toggle_shift()  # a new page starts in small letters
        if layout != self.layout:
            self._build_rows(layout)
        for button, key in zip(self._bottom.children[::-1], BOTTOM_KEYS, strict=True):
            button.label = t(lang, key)

    def _build_rows(self, layout: str) -> None:
        self.clear_widgets()
        self.layout = layout
        for row in LAYOUTS[layout]:
            line = GridLayout(rows=1, size_hint_y=None, spacing=self.style.gap)
            line.bind(minimum_height=line.setter("height"))
            for char in row:
                key = BigButton(style=self.style, label=char, label_lang="en", label_align="center",
                                name=f"key_{char}")
                key.speaks_privately = True  # the keys a visitor touches spell what they type
                key.bind(on_release=lambda _k, c=char: self.replica.type_text(c.upper() if self.shift else c))
                line.add_widget(key)
            self.add_widget(line)
        bottom = GridLayout(rows=1, size_hint_y=None, spacing=self.style.gap)
        bottom.bind(minimum_height=bottom.setter("height"))
        for name, action in (
            ("key_shift", lambda: self.toggle_shift()),
            ("key_space", lambda: self.replica.type_text(" ")),
            ("key_delete", lambda: self.replica.delete_char()),
            ("key_ok", lambda: self.replica.confirm_entry()),
        ):
            button = BigButton(style=self.style, name=name, label_align="center")
            button.bind(on_release=lambda _b, a=action: a())
            bottom.add_widget(button)
        self.add_widget(bottom)
        self._bottom = bottom

    def toggle_shift(self) -> None:
        """Next letters in capitals (until pressed again)."""
        self.shift = not self.shift
        for row in self.children:
            if row is self._bottom:
                continue
            for key in row.children:
                if len(key.label) == 1:
                    key.label = key.label.upper() if self.shift else key.label.lower()


def keyboard_for(view: ReplicaView) -> OnScreenKeyboard:
    """The screen's one on-screen keyboard, typing into ``view`` and labelled in its language.

    Kept on the screen (``practice_keyboard``) from one practice page to the next, so that a
    tap on a field only shows it.
    """
    screen = view.screen
    keyboard = getattr(screen, "practice_keyboard", None)
    if keyboard is None:
        keyboard = OnScreenKeyboard(style=view.style)
        screen.practice_keyboard = keyboard
    keyboard.replica = view
    keyboard.build(LAYOUT_FOR_LANGUAGE.get(view.lang, "azerty"), view.lang)
    if keyboard.parent is not None:
        keyboard.parent.remove_widget(keyboard)
    return keyboard
