"""The step's explained words: "Mots expliqués :" and one button per glossary term (:class:`GlossaryTerms`).

The terms are underlined and signed in the instruction, tip and warning
(:class:`~kiosk.ui.widgets.text.KioskLabel`), but a word in a text is far
smaller than a 20 mm target: each term's button here is the target. Touching
it opens the explanation (the navigator's glossary overlay); in speech mode
the first touch says "numéro allocataire, has an explanation" and a second
opens it, as for every button.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from kivy.properties import ObjectProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout

from kiosk.i18n import is_rtl
from kiosk.i18n.bidi import has_rtl_letters
from kiosk.ui.pictograms import pictogram_path
from kiosk.ui.widgets.buttons import BigButton, ButtonGrid
from kiosk.ui.widgets.text import KioskLabel

if TYPE_CHECKING:
    from kiosk.content.glossary import Entry, Glossary
    from kiosk.content.model import Step


class GlossaryTerms(BoxLayout):
    """A heading and a grid of term buttons (20 mm targets), in the focus order like any button."""

    style = ObjectProperty(None, allownone=True)
    name = StringProperty("")

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("orientation", "vertical")
        kwargs.setdefault("size_hint_y", None)
        super().__init__(**kwargs)
        self.bind(minimum_height=self.setter("height"))
        self.spacing = self.style.mm(1) if self.style else 0
        self.heading = KioskLabel(style=self.style, name="glossary_heading")
        self.grid = ButtonGrid(style=self.style)
        self.add_widget(self.heading)
        self.add_widget(self.grid)
        #: the entries on show, in order
        self.entries: list[Entry] = []

    def show_step(self, step: Step, glossary: Glossary, heading: str, choose: Callable[[Entry], object]) -> bool:
        """The terms of ``step``'s instruction, tip and warning (in the glossary's language); False if none."""
        texts = [text.get(glossary.lang) for text in (step.text, step.tip, step.warning) if text is not None]
        entries = glossary.terms_in(*texts)
        self.show(entries, heading, glossary.lang, choose)
        return bool(entries)

    def show(self, entries: Sequence[Entry], heading: str, lang: str, choose: Callable[[Entry], object]) -> None:
        """Show ``entries`` under ``heading``; touching one calls ``choose(entry)``."""
        self.entries = list(entries)
        self.heading.logical = heading
        buttons = []
        for entry in self.entries:
            button = BigButton(style=self.style, name=f"term_{entry.key}", size_class="target", label=entry.term,
                               icon=pictogram_path("help"), spoken_kind="term")
            # A term in French (what the real site shows) on a right-to-left screen: drawn in the Latin font.
            if is_rtl(lang) and not has_rtl_letters(entry.term):
                button.label_lang = "fr"
            button.bind(on_release=lambda _b, e=entry: choose(e))
            buttons.append(button)
        self.grid.buttons = buttons
