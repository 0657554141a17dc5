"""How a step fills the walkthrough's pane: the practice in sight, or one idea per page.

Standard layout: at 100 % text on a wide screen the instruction (title, text,
what to bring, tip, warning) is a column beside the practice page, so the
practice target is in sight as soon as the step opens. At larger text there
is room for one column only: the instruction, then a notice that the
practice is just below (one Down press brings it to the top: the pane stops
there), the practice, and after it what to bring, the tip and the warning.

Easy-to-read layout (the ``easy`` profile): the step's pages from
:func:`kiosk.content.easy.easy_pages`, one at a time: a sentence beside its
big pictogram, what to bring, the tip, the warning, then the practice alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kivy.uix.boxlayout import BoxLayout

from kiosk.content.easy import Page, easy_pages
from kiosk.i18n import sentence
from kiosk.ui.pictograms import pictogram_path
from kiosk.ui.widgets import KioskLabel, MirrorBox, Pictogram

if TYPE_CHECKING:
    from kiosk.content.model import Procedure, Step

#: Text sizes up to this one lay the instruction beside the practice (two columns).
SIDE_BY_SIDE_UP_TO = 1.25
#: Share of the pane's width the instruction takes beside the practice.
TEXT_SHARE = 0.45
#: Height of a sentence's pictogram in the easy profile (the standard step picture is 30 mm).
EASY_PICTOGRAM_MM = 50


def side_by_side(style: Any) -> bool:
    """Whether the instruction and the practice fit side by side at the style's text size."""
    return style.text_scale <= SIDE_BY_SIDE_UP_TO


def _column(style: Any, share: float) -> BoxLayout:
    """A vertical column as tall as what it holds."""
    column = BoxLayout(orientation="vertical", size_hint=(share, None), spacing=style.gap, pos_hint={"top": 1})
    column.bind(minimum_height=column.setter("height"))
    return column


def _picture_row(style: Any, name: str, size_mm: float, role: str = "body") -> tuple[MirrorBox, Pictogram, KioskLabel]:
    """A pictogram beside a text, in reading order, as tall as the taller of the two."""
    row = MirrorBox(style=style, size_hint_y=None, spacing=style.pad)
    picture = Pictogram(color=style.text, size_hint=(None, None), width=style.mm(size_mm), height=style.mm(size_mm),
                        fit_mode="contain")
    text = KioskLabel(style=style, name=name, role=role)

    def fit(*_: object) -> None:
        row.height = max(text.height, picture.height)

    text.bind(height=fit)
    picture.bind(height=fit)
    row.set_items([picture, text])
    fit()
    return row, picture, text


class StepLayout:
    """The containers a step is laid out in, built once per screen and filled for each step."""

    def __init__(self, style: Any) -> None:
        self.style = style
        self.columns = MirrorBox(style=style, size_hint_y=None, spacing=style.gap)
        self.text_column = _column(style, TEXT_SHARE)
        self.practice_column = _column(style, 1 - TEXT_SHARE)
        for column in (self.text_column, self.practice_column):
            column.bind(height=self._fit_columns)
        self.columns.set_items([self.text_column, self.practice_column])
        self.below, self.below_picture, self.below_text = _picture_row(style, "practice_below", 20)
        self.below_picture.source = pictogram_path("down")
        self.easy_row, self.easy_picture, self.easy_text = _picture_row(style, "easy_sentence", EASY_PICTOGRAM_MM,
                                                                        role="title")

    def _fit_columns(self, *_: object) -> None:
        self.columns.height = max(self.text_column.height, self.practice_column.height)

    def empty(self) -> None:
        """Take every widget out of the columns (they are put back, step by step)."""
        self.text_column.clear_widgets()
        self.practice_column.clear_widgets()


def fill_standard(screen: Any, parts: Any, layout: StepLayout, procedure: Procedure, step: Step,
                  index: int, replica: Any | None) -> None:
    """Lay out a whole step in the screen's pane, its practice (``replica``) in sight."""
    pane, lang, style = screen.ids.pane, screen.lang, screen.style
    layout.empty()
    instruction = [parts.title, parts.row]
    if parts.glossary.entries:  # the step's hard words, each a target, under the instruction
        instruction.append(parts.glossary)
    notes = []
    if index == 0 and procedure.bring:
        parts.bring.heading = screen.tr("bring_title")
        parts.bring.body = "\n".join(f"• {item.get(lang)}" for item in procedure.bring)
        notes.append(parts.bring)
    if step.tip:
        parts.tip.heading, parts.tip.body = screen.tr("tip_title"), step.tip.get(lang)
        notes.append(parts.tip)
    if step.warning:
        parts.warning.heading, parts.warning.body = screen.tr("warning_title"), step.warning.get(lang)
        notes.append(parts.warning)
    if replica is None:
        for widget in instruction + notes:
            pane.add_content(widget)
    elif side_by_side(style):
        for widget in instruction + notes:
            layout.text_column.add_widget(widget)
        layout.practice_column.add_widget(replica)
        pane.add_content(layout.columns)
    else:
        layout.below_text.logical = screen.tr("practice_below")
        layout.below_picture.color = style.text
        for widget in [*instruction, layout.below, replica, *notes]:
            pane.add_content(widget)
        pane.stop_at = replica  # the first Down press brings the practice to the top, its target in view
        pane.stop_shows = getattr(replica, "target_widget", None)


def fill_easy(screen: Any, parts: Any, layout: StepLayout, step: Step, page: Page, replica: Any | None) -> None:
    """Lay out one page of a step in the easy profile."""
    pane, style = screen.ids.pane, screen.style
    layout.empty()
    if page.kind == "practice" and replica is not None:
        pane.add_content(replica)
        return
    parts.title.logical = step.title.get(screen.lang)
    pane.add_content(parts.title)
    if page.kind == "sentence":
        glossary = screen.services.content.glossary(screen.lang)
        layout.easy_text.glossary = glossary
        layout.easy_text.logical = page.text
        layout.easy_picture.source = pictogram_path(page.pictogram)
        layout.easy_picture.color = style.text
        pane.add_content(layout.easy_row)
        entries = glossary.terms_in(page.text)  # this sentence's hard words only
        if entries:
            parts.glossary.show(entries, screen.tr("glossary_heading"), glossary.lang, screen.nav.explain)
            pane.add_content(parts.glossary)
    elif page.kind == "bring":
        parts.bring.heading = screen.tr("bring_title")
        parts.bring.body = "\n".join(f"• {item}" for item in page.items)
        pane.add_content(parts.bring)
    elif page.kind in ("tip", "warning"):
        panel = parts.tip if page.kind == "tip" else parts.warning
        panel.heading, panel.body = screen.tr(f"{page.kind}_title"), page.text
        pane.add_content(panel)


def page_words(screen: Any, page: Page) -> str:
    """What the kiosk says for one page of the easy profile."""
    if page.kind == "bring":
        return " ".join([screen.tr("bring_title") + ".", *(sentence(item) for item in page.items)])
    if page.kind in ("tip", "warning"):
        return f"{screen.tr(page.kind + '_title')}. {page.text}"
    if page.kind == "practice":
        replica = getattr(screen, "replica", None)
        return replica.ids.target_hint.logical if replica is not None else ""
    return page.text



class StepPaging:
    """Mixed into the walkthrough: the easy profile's pages of a step, and Next and Back through them.

    The page on show is the screen's (``page_index``): a new step starts at its
    first page, and Back from a step's first page shows the previous step at its
    last page, as a book is read backwards.
    """

    #: the page on show in the easy profile (0 outside it)
    page_index = 0

    @property
    def easy(self) -> bool:
        """Whether the visit reads the easy way: one idea per page."""
        return "easy" in self.services.visit.profiles

    def pages(self) -> list[Page]:
        """The easy profile's pages of the step on show (none outside a step)."""
        procedure, step = self.nav.procedure, self.nav.step
        if procedure is None or step is None:
            return []
        return easy_pages(procedure, self.services.visit.step_index, self.lang)

    def go_next(self) -> None:
        """Next: the next page of the step (easy profile), else the next step."""
        if self.easy and self.page_index + 1 < len(self.pages()):
            self.show_page(self.page_index + 1)
        else:
            self.nav.next_step()

    def go_back(self) -> None:
        """Back: the previous page of the step (easy profile), else the previous step."""
        if self.easy and self.page_index > 0:
            self.show_page(self.page_index - 1)
        else:
            self.nav.previous_step()

    def on_pre_enter(self, *args: object) -> None:
        self._step_key = None  # come from another screen: the step starts at its first page
        super().on_pre_enter(*args)

    def show_page(self, index: int) -> None:
        """Show page ``index`` of the step (easy profile) and say it."""
        self.page_index = max(0, min(index, len(self.pages()) - 1))
        self._page_set = True
        self.show_again()

    def _follow_step(self) -> None:
        """A new step starts at its first page; back from the next step, at its last page."""
        visit = self.services.visit
        key = (visit.procedure_id, visit.step_index)
        previous = getattr(self, "_step_key", None)
        if getattr(self, "_page_set", False) and previous == key:
            self._page_set = False
            return
        self._page_set = False
        if previous != key:
            back = previous is not None and previous[0] == key[0] and previous[1] == key[1] + 1
            self.page_index = len(self.pages()) - 1 if (back and self.easy) else 0
        self._step_key = key

