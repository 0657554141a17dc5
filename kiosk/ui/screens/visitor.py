"""The visitor screens: welcome, language, walkthrough, finished (the catalogue is in :mod:`.catalogue`).

Layout is in ``screens.kv``; these classes fill in what depends on the visit and
hand every action to the navigator (``self.nav``).
"""

from __future__ import annotations

from pathlib import Path

from kivy.lang import Builder
from kivy.properties import StringProperty

from kiosk.access.profiles import CHOOSABLE as CHOOSABLE_PROFILES
from kiosk.access.profiles import KEYS as PROFILE_KEYS
from kiosk.access.profiles import PICTOGRAMS as PROFILE_PICTOGRAMS
from kiosk.i18n import prepare_plurals, t
from kiosk.keymap import BACKSPACE, ENTER_KEYS, KEY_CODES
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.screens.catalogue import CatalogueScreen  # noqa: F401  (re-exported: the app takes its screens from here)
from kiosk.ui.pictograms import directional, pictogram_path
from kiosk.ui.style import follow_style
from kiosk.ui.widgets import BigButton, ButtonGrid, KioskLabel, MirrorBox, Panel, Pictogram

def nav_button(screen: KioskScreen, name: str, key: str, icon: str, action: object) -> BigButton:
    """A main (30 mm) button whose label follows the visit's language."""
    button = BigButton(style=screen.style, name=name, size_class="main")

    def follow_language(*_: object) -> None:
        button.label = screen.tr(key)
        button.icon = pictogram_path(directional(icon, screen.style.rtl))

    # Held by the button; the shared style holds the button only weakly (a closure bound to
    # the style kept every button of every well-done screen alive for ever).
    button.follow_language = follow_language
    follow_style(button, "follow_language", "lang")
    button.bind(on_release=lambda *_: action())
    return button


def standard_buttons(screen: KioskScreen, with_next: bool = False) -> list[BigButton]:
    """Back, Repeat, Help (and Next): the main actions present on every screen."""
    nav = screen.nav
    buttons = [
        nav_button(screen, "back_button", "back", "back", lambda: nav.back()),
        nav_button(screen, "repeat_button", "repeat", "repeat", lambda: screen.nav.repeat()),
        nav_button(screen, "help_button", "help", "help", lambda: nav.show_help()),
    ]
    if with_next:
        buttons.append(nav_button(screen, "next_button", "next", "next", lambda: nav.next_step()))
    return buttons


class ProfileChoice:
    """Big pictogram toggles for the accessibility profiles, and their keys (F7-F10).

    Mixed into the welcome and language screens. Each toggle shows its state by
    a tick and a thick frame (not colour alone) and says it aloud.
    """

    profile_buttons: list[BigButton]

    def make_profile_buttons(self: KioskScreen) -> list[BigButton]:
        """One toggle per choosable profile, kept in step with the visit and the language."""
        buttons = []
        for profile in CHOOSABLE_PROFILES:
            button = BigButton(style=self.style, name=f"profile_{profile}", size_class="main", toggle=True)
            button.bind(on_release=lambda _b, p=profile: self.toggle_profile(p))
            buttons.append(button)
        self.profile_buttons = buttons
        self.style.fbind("lang", self.sync_profiles)
        self.sync_profiles()
        return buttons

    def sync_profiles(self: KioskScreen, *_: object) -> None:
        """Labels, pictograms and ticks from the visit's profiles."""
        visit = self.services.visit
        for profile, button in zip(CHOOSABLE_PROFILES, self.profile_buttons):
            on = profile in visit.profiles
            key = f"profile_{profile}"
            if profile == "low_vision" and on:
                key += "_200" if visit.text_scale >= 2 else "_150"
            button.label = self.tr(key)
            button.icon = pictogram_path(PROFILE_PICTOGRAMS[profile])
            button.selected = on

    def toggle_profile(self: KioskScreen, profile: str) -> None:
        """Switch ``profile`` (low vision: the next text size), then say what changed."""
        self.nav.toggle_profile(profile)
        self.sync_profiles()
        button = self.profile_buttons[CHOOSABLE_PROFILES.index(profile)]
        state = self.tr("profile_on" if button.selected else "profile_off")
        self.services.speech.say(f"{button.label}: {state}.", self.lang, context=f"profile_{profile}")

    def handle_key(self, key: int, codepoint: str | None) -> bool:
        """F7-F10 (keypad 1, ., 3, 9) switch the profiles, as the toggles do."""
        profile = PROFILE_KEYCODES.get(key)
        if profile is None:
            return False
        self.toggle_profile(profile)
        return True


#: Kivy key codes of the profile keys (kiosk.access.profiles.KEYS)
PROFILE_KEYCODES = {KEY_CODES[name]: profile for name, profile in PROFILE_KEYS.items()}


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


class WalkthroughScreen(KioskScreen):
    """One step at a time: progress, instruction, picture, tip, warning, practice."""

    progress_text = StringProperty("")

    def on_kv_post(self, base_widget: object) -> None:
        self.ids.nav_bar.buttons = standard_buttons(self, with_next=True)

    def refresh(self) -> None:
        procedure, step = self.nav.procedure, self.nav.step
        pane = self.ids.pane
        pane.clear_content()
        if procedure is None or step is None:
            self.progress_text = ""
            return
        lang, parts, style = self.lang, self._parts(), self.style
        index = self.services.visit.step_index
        self.progress_text = f"{procedure.title.get(lang)} - " + self.tr(
            "step_progress", n=index + 1, total=len(procedure.steps))
        if self.services.visit.praise:
            parts.praise.heading = self.services.visit.praise
            pane.add_content(parts.praise)
        parts.title.logical = step.title.get(lang)
        pane.add_content(parts.title)
        parts.text.logical = step.text.get(lang)
        parts.picture.source = pictogram_path(step.picture or procedure.pictogram)
        parts.picture.color = style.text
        parts.row.height = max(parts.text.height, parts.picture.height)
        pane.add_content(parts.row)
        if index == 0 and procedure.bring:
            parts.bring.heading = self.tr("bring_title")
            parts.bring.body = "\n".join(f"• {item.get(lang)}" for item in procedure.bring)
            pane.add_content(parts.bring)
        if step.tip:
            parts.tip.heading, parts.tip.body = self.tr("tip_title"), step.tip.get(lang)
            pane.add_content(parts.tip)
        if step.warning:
            parts.warning.heading, parts.warning.body = self.tr("warning_title"), step.warning.get(lang)
            pane.add_content(parts.warning)
        if step.replica is not None:
            from kiosk.ui.replica import ReplicaView  # its kv loads with the first practice page

            self.replica = ReplicaView(self, step)
            pane.add_content(self.replica)
        else:
            self.replica = None

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

    def handle_key(self, key: int, codepoint: str | None) -> bool:
        """A physical keyboard types into the practice field being edited."""
        replica = getattr(self, "replica", None)
        if replica is None or replica.active_field is None:
            return False
        if key == BACKSPACE:
            replica.delete_char()
        elif key in ENTER_KEYS:
            replica.confirm_entry()
        elif codepoint and codepoint.isprintable():
            replica.type_text(codepoint)
        else:
            return False
        return True

    def announce(self) -> None:
        """Announce the step; a step with recorded speech in this language plays it instead."""
        step, lang = self.nav.step, self.lang
        text = self.announcement()
        add_recording = getattr(self.services.speech.engine, "add_recording", None)
        if step is not None and step.audio and lang in step.audio and add_recording is not None:
            add_recording(text, lang, str(step.audio[lang]))
        self.services.speech.announce(text, lang, context=self.name)

    def announcement(self) -> str:
        procedure, step = self.nav.procedure, self.nav.step
        if procedure is None or step is None:
            return ""
        index = self.services.visit.step_index
        parts = [self.tr("step_progress", n=index + 1, total=len(procedure.steps)), step.title.get(self.lang),
                 step.spoken(self.lang)]
        praise, self.services.visit.praise = self.services.visit.praise, ""
        if praise:
            parts.insert(0, praise)
        if step.tip:
            parts.append(f"{self.tr('tip_title')}. {step.tip.get(self.lang)}")
        if step.warning:
            parts.append(f"{self.tr('warning_title')}. {step.warning.get(self.lang)}")
        return " ".join(p if p.rstrip().endswith((".", "!", "?", "؟", ":")) else p + "." for p in parts)


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
        for widget in self._parts:
            pane.add_content(widget)

    def announcement(self) -> str:
        procedure = self.nav.procedure
        title = procedure.title.get(self.lang) if procedure else ""
        return " ".join([self.tr("announce_finished", title=title),
                         self.tr("finished_next", site=procedure.site_name.get(self.lang) if procedure else "")])


Builder.load_file(str(Path(__file__).with_name("screens.kv")))
