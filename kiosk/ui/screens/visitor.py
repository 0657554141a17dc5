"""The visitor screens: welcome, language, walkthrough, finished (the catalogue is in :mod:`.catalogue`).

Layout is in ``screens.kv``; these classes fill in what depends on the visit and
hand every action to the navigator (``self.nav``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kivy.lang import Builder
from kivy.properties import StringProperty

from kiosk.i18n import prepare_plurals, sentences, t
from kiosk.ui.pictograms import pictogram_path
from kiosk.ui.screens.bars import nav_button, standard_buttons
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.screens.catalogue import CatalogueScreen  # noqa: F401  (re-exported: the app takes its screens from here)
from kiosk.ui.screens.memo import memo_widgets
from kiosk.ui.screens.profile_choice import ProfileChoice
from kiosk.ui.screens.step_pages import StepLayout, StepPaging, fill_easy, fill_standard, page_words, side_by_side
from kiosk.ui.widgets import BigButton, ButtonGrid, KioskLabel, MirrorBox, Panel, Pictogram
from kiosk.ui.widgets.glossary import GlossaryTerms

if TYPE_CHECKING:
    from kiosk.ui.practice_pages import PracticePages

class WelcomeScreen(ProfileChoice, KioskScreen):
    """The attract screen: invites a touch or a key, offers the profiles."""

    def on_kv_post(self, base_widget: object) -> None:
        self.ids.profile_bar.buttons = self.make_profile_buttons()

    def refresh(self) -> None:
        self.sync_profiles()

    def announcement(self) -> str:
        return self.tr("announce_welcome")


class LanguageScreen(ProfileChoice, KioskScreen):
    """Each offered language named in its own words, with its own big button; then the profiles."""

    def on_kv_post(self, base_widget: object) -> None:
        self.ids.nav_bar.buttons = standard_buttons(self)
        self.profile_bar = ButtonGrid(style=self.style)
        self.profile_bar.buttons = self.make_profile_buttons()
        self.profile_title = KioskLabel(style=self.style, role="title", name="profiles_title")

    def refresh(self) -> None:
        pane = self.ids.pane
        pane.clear_content()
        languages = tuple(self.services.config.languages)
        prepare_plurals(languages)  # the catalogue's "about 10 minutes", loaded while the visitor chooses
        if getattr(self, "_languages", None) != languages:  # built once: the configured languages stay
            self._languages = languages
            self._language_buttons = []
            for lang in languages:
                button = BigButton(style=self.style, name=f"language_{lang}", size_class="main",
                                   label=t(lang, "language_name"), label_lang=lang, icon=pictogram_path("globe"))
                button.bind(on_release=lambda _b, code=lang: self.nav.choose_language(code))
                self._language_buttons.append(button)
        for button in self._language_buttons:
            pane.add_content(button)
        self.profile_title.logical = self.tr("profiles_title")
        pane.add_content(self.profile_title)
        pane.add_content(self.profile_bar)
        self.sync_profiles()


class StepParts:
    """What a step shows besides its practice page: built once, then given each step's text.

    Building the panels and labels again at every step was most of a step change.
    """

    def __init__(self, style: object) -> None:
        self.praise = Panel(style=style, kind="info", heading="", body="", icon=pictogram_path("check"),
                            name="praise_panel")
        self.title = KioskLabel(style=style, role="title", name="step_title")
        self.row = MirrorBox(style=style, size_hint_y=None, spacing=style.pad)
        self.text = KioskLabel(style=style, name="step_text")
        self.picture = Pictogram(color=style.text, size_hint=(None, None), width=style.mm(30),
                                 height=style.mm(30), fit_mode="contain")
        text, picture, row = self.text, self.picture, self.row
        text.bind(height=lambda *_: setattr(row, "height", max(text.height, picture.height)))
        row.set_items([picture, text])
        self.bring = Panel(style=style, kind="info", icon=pictogram_path("document"), name="bring_panel")
        self.tip = Panel(style=style, kind="tip", icon=pictogram_path("search"), name="tip_panel")
        self.warning = Panel(style=style, kind="warning", icon=pictogram_path("warning"), name="warning_panel")
        self.glossary = GlossaryTerms(style=style, name="glossary_terms")  # the step's hard words, as targets


class WalkthroughScreen(StepPaging, KioskScreen):
    """One step at a time: progress, instruction, picture, tip, warning, practice.

    The practice is in sight when the step opens (see :mod:`.step_pages`); in the
    easy profile the step is shown one idea per page, Next and Back going from page
    to page (``page_index``) before they go to the next or previous step.
    """

    progress_text = StringProperty("")

    def on_kv_post(self, base_widget: object) -> None:
        # Back and Next page through the step first (easy profile), then go to another step.
        nav = self.nav
        self._buttons = [
            nav_button(self, "back_button", "back", "back", self.go_back),
            nav_button(self, "repeat_button", "repeat", "repeat", lambda: nav.repeat()),
            nav_button(self, "help_button", "help", "help", lambda: nav.show_help()),
            nav_button(self, "next_button", "next", "next", self.go_next),
        ]
        self.ids.nav_bar.buttons = list(self._buttons)

    def refresh(self) -> None:
        procedure, step = self.nav.procedure, self.nav.step
        pane = self.ids.pane
        pane.clear_content()
        if procedure is None or step is None:
            self.progress_text = ""
            return
        lang, parts, style = self.lang, self._parts(), self.style
        self._follow_step()
        index = self.services.visit.step_index
        progress = self.tr("step_progress", n=index + 1, total=len(procedure.steps))
        easy = self.easy
        pages = self.pages() if easy else []
        self.page_index = min(self.page_index, max(len(pages) - 1, 0))
        page = pages[self.page_index] if pages else None
        if page is not None and len(pages) > 1:
            progress += " - " + self.tr("easy_part", n=self.page_index + 1, total=len(pages))
        self.progress_text = f"{procedure.title.get(lang)} - {progress}"
        # Fewer buttons in the easy profile: the practice page goes on by itself once done.
        on_practice = page is not None and page.kind == "practice"
        wanted = self._buttons[:3] if on_practice else self._buttons
        if list(self.ids.nav_bar.buttons) != wanted:  # the bar binds its buttons anew when given them
            self.ids.nav_bar.buttons = list(wanted)
        if self.services.visit.praise and (page is None or self.page_index == 0):
            parts.praise.heading = self.services.visit.praise
            pane.add_content(parts.praise)
        parts.title.logical = step.title.get(lang)
        glossary = self.services.content.glossary(lang)  # its terms are marked in the instruction, tip, warning
        for label in (parts.text, parts.tip.ids.body_label, parts.warning.ids.body_label):
            label.glossary = glossary
        parts.glossary.show_step(step, glossary, self.tr("glossary_heading"), self.nav.explain)
        parts.text.logical = step.text.get(lang)
        parts.picture.source = pictogram_path(step.picture or procedure.pictogram)
        parts.picture.color = style.text
        parts.row.height = max(parts.text.height, parts.picture.height)
        kept = self._practice_pages()
        self.replica = None
        if step.replica is not None and (page is None or on_practice):
            self.replica = kept.page_for(step)  # a kept page, or built now
        layout = self._layout()
        if page is None:
            fill_standard(self, parts, layout, procedure, step, index, self.replica)
            for widget in memo_widgets(self) if index == 0 else ():  # at the end: the practice stays in sight
                self.ids.pane.add_content(widget)
        else:
            fill_easy(self, parts, layout, step, page, self.replica)
        kept.build_ahead(procedure.steps[index + 1] if index + 1 < len(procedure.steps) else None)

    def _practice_pages(self) -> PracticePages:
        """The practice pages kept and built ahead, made with the first step (the page's kv loads then)."""
        if getattr(self, "_pages", None) is None:
            from kiosk.ui.practice_pages import PracticePages

            self._pages = PracticePages(self)
        return self._pages

    def help_text(self) -> str:
        """Help on a step: in the easy profile, how to go from one idea to the next."""
        return self.tr("help_walkthrough_easy" if self.easy else "help_walkthrough")

    def _layout(self) -> StepLayout:
        """The step's containers (two columns, the easy page's row), built once."""
        layout = getattr(self, "_step_layout", None)
        if layout is None:
            layout = self._step_layout = StepLayout(self.style)
        return layout

    def _parts(self) -> StepParts:
        """The step's widgets, built with the first step and updated for each one after."""
        parts = getattr(self, "_step_parts", None)
        if parts is None:
            parts = self._step_parts = StepParts(self.style)
        return parts

    def forget(self) -> None:
        self.ids.pane.clear_content()
        self.progress_text = ""
        self.replica = None
        if getattr(self, "_pages", None) is not None:
            self._pages.forget()
        self.page_index, self._step_key, self._page_set = 0, None, False

    def handle_key(self, key: int, codepoint: str | None) -> bool:
        """A physical keyboard types into the practice field being edited."""
        replica = getattr(self, "replica", None)
        return replica is not None and replica.handle_key(key, codepoint)

    def announce(self) -> None:
        """Announce the step; a step with recorded speech in this language plays it instead."""
        step, lang = self.nav.step, self.lang
        text = self.announcement()
        add_recording = getattr(self.services.speech.engine, "add_recording", None)
        # A recording says the whole step: the easy profile says one page at a time.
        if step is not None and step.audio and lang in step.audio and add_recording is not None and not self.easy:
            add_recording(text, lang, str(step.audio[lang]))
        self.services.speech.announce(text, lang, context=self.name)

    def announcement(self) -> str:
        procedure, step = self.nav.procedure, self.nav.step
        if procedure is None or step is None:
            return ""
        index = self.services.visit.step_index
        pages = self.pages() if self.easy else []
        if pages:  # one page: its words, after the step's title on its first page
            page_index = min(self.page_index, len(pages) - 1)
            parts = [page_words(self, pages[page_index])]
            if page_index == 0:
                parts[:0] = [self.tr("step_progress", n=index + 1, total=len(procedure.steps)),
                             step.title.get(self.lang)]
        else:
            parts = [self.tr("step_progress", n=index + 1, total=len(procedure.steps)), step.title.get(self.lang),
                     step.spoken(self.lang)]
            if step.tip:
                parts.append(f"{self.tr('tip_title')}. {step.tip.get(self.lang)}")
            if step.warning:
                parts.append(f"{self.tr('warning_title')}. {step.warning.get(self.lang)}")
            if step.replica is not None and not side_by_side(self.style):
                parts.append(self.tr("practice_below"))
        praise = self.services.visit.take_praise()
        if praise:
            parts.insert(0, praise)
        return sentences(parts)


class FinishedScreen(KioskScreen):
    """Well done, and what next."""

    def on_kv_post(self, base_widget: object) -> None:
        nav = self.nav
        self.ids.nav_bar.buttons = [
            nav_button(self, "repeat_button", "repeat", "repeat", lambda: self.nav.repeat()),
            nav_button(self, "help_button", "help", "help", lambda: nav.show_help()),
        ]

    def refresh(self) -> None:
        pane = self.ids.pane
        pane.clear_content()
        procedure = self.nav.procedure
        title = procedure.title.get(self.lang) if procedure else ""
        site = procedure.site_url if procedure else ""
        if getattr(self, "_parts", None) is None:  # built once, given the procedure's words each time
            nav = self.nav
            self._parts = (
                KioskLabel(style=self.style, align="center"),
                KioskLabel(style=self.style, align="center"),
                nav_button(self, "again_button", "finished_again", "search", lambda: nav.learn_more()),
                nav_button(self, "end_button", "finished_end", "home", lambda: nav.end_visit("finished")),
            )
        body, next_label = self._parts[:2]
        body.logical = self.tr("finished_body", title=title)
        next_label.logical = self.tr("finished_next", site=site)
        checks = (self._check_button(),) if procedure is not None and procedure.checks else ()
        for widget in (*self._parts[:2], *checks, *memo_widgets(self), *self._parts[2:]):
            pane.add_content(widget)

    def _check_button(self) -> BigButton:
        """"Check what I learnt": the module's self-checks (built once)."""
        if getattr(self, "_checks", None) is None:
            nav = self.nav
            self._checks = nav_button(self, "selfcheck_button", "selfcheck_start", "check", lambda: nav.start_checks())
        return self._checks

    def announcement(self) -> str:
        procedure = self.nav.procedure
        title = procedure.title.get(self.lang) if procedure else ""
        return " ".join([self.tr("announce_finished", title=title),
                         self.tr("finished_next", site=procedure.site_name.get(self.lang) if procedure else "")])


Builder.load_file(str(Path(__file__).with_name("screens.kv")))
