"""The staff screens: PIN, panel, launch a session, learners, a learner's page, today.

Reached only through the staff entry (key, keypad key held, corner taps; see
:mod:`kiosk.flow.staff`). Nothing here is spoken: the room must not hear
staff at work, nor a PIN. Every target is a 20 mm (or 30 mm) BigButton, so the
focus keys, the themes and the audit apply as on the visitor screens.
"""

from __future__ import annotations

import threading
from pathlib import Path

from kivy.clock import Clock
from kivy.lang import Builder
from kivy.properties import StringProperty
from kivy.uix.gridlayout import GridLayout

from kiosk.access.profiles import CHOOSABLE, LOW_VISION_SCALES, PICTOGRAMS, label_key
from kiosk.flow import Launch
from kiosk.i18n import plural, t
from kiosk.keymap import BACKSPACE, ENTER_KEYS, KEY_CODES
from kiosk.logbook.events import AUTONOMY_LEVELS
from kiosk.ui.pictograms import pictogram_path
from kiosk.ui.screens.bars import nav_button
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.widgets import BigButton, ButtonGrid, KioskLabel, Panel

#: one per digit typed: a bullet, which the Latin and the Arabic fonts both draw ("●" was a box in both)
PIN_DOT = "•"
#: key code -> digit, for the number row and the numeric keypad
DIGIT_KEYS = {**{ord(str(d)): str(d) for d in range(10)}, **{KEY_CODES[f"numpad{d}"]: str(d) for d in range(10)}}


class StaffScreen(KioskScreen):
    """A staff screen: silent, with a title, a status line and a pane of big buttons."""

    title_key = StringProperty("staff_title")
    status = StringProperty("")

    @property
    def desk(self):  # noqa: ANN201 (kiosk.staff.desk.StaffDesk)
        """The staff desk (PIN, learners, help calls)."""
        return self.services.staff

    def on_kv_post(self, base_widget: object) -> None:
        self.ids.nav_bar.buttons = [nav_button(self, "staff_back_button", "back", "back", lambda: self.nav.back())]

    def announce(self) -> None:
        """Staff screens say nothing aloud."""

    def help_text(self) -> str:
        return self.tr("help_staff")

    def shows_already(self, *what: object) -> bool:
        """Whether the pane was built for ``what`` (and the present language, text size and theme);
        if not, remember it, and the caller builds the pane again.

        Staff screens come and go many times a day; building their buttons again each time left
        thousands of Python objects for the collector (38,000 for the launch screen).
        """
        style = self.style
        key = (self.lang, style.text_scale, style.theme_name, style.seated, *what)
        if key == getattr(self, "_built_for", None):
            self.ids.pane.ids.scroller.scroll_y = 1  # from the top, as a pane built again would be
            return True
        self._built_for = key
        return False

    def button(self, name: str, label: str, action, icon: str = "check", selected: bool | None = None,  # noqa: ANN001
               label_lang: str = "") -> BigButton:
        """A 20 mm target (a toggle when ``selected`` is given); ``label_lang``: the label's own language."""
        button = BigButton(style=self.style, name=name, label=label, icon=pictogram_path(icon),
                           toggle=selected is not None, selected=bool(selected), label_lang=label_lang)
        button.bind(on_release=lambda *_: action())
        return button

    def grid(self, buttons: list[BigButton]) -> ButtonGrid:
        """Buttons in equal cells (two columns at larger text)."""
        grid = ButtonGrid(style=self.style)
        grid.buttons = buttons
        return grid

    def heading(self, text: str, name: str = "") -> KioskLabel:
        return KioskLabel(style=self.style, role="title", logical=text, name=name)

    def line(self, text: str, name: str = "") -> KioskLabel:
        return KioskLabel(style=self.style, logical=text, name=name)


class StaffPinScreen(StaffScreen):
    """A big numeric keypad; dots for the digits typed, never the digits; no PIN set: how to set one."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        self._digits: list[str] = []
        super().__init__(*args, **kwargs)

    def refresh(self) -> None:
        self.title_key = "staff_pin_title"
        self._digits.clear()
        self.status = self.tr("staff_pin_prompt") if self.desk.has_pin() else self.tr("staff_no_pin")
        self.build_keypad()

    def build_keypad(self) -> None:
        """The dots and the twelve keys; kept from one entry to the next while the language, the
        text size, the theme and whether a PIN is set stay the same (only the dots are cleared)."""
        has_pin = self.desk.has_pin()
        if self.shows_already(has_pin):
            if has_pin:
                self._show_dots()
            return
        pane = self.ids.pane
        pane.clear_content()
        if not has_pin:
            return  # stays closed: the status says how to set a PIN
        pane.add_content(KioskLabel(style=self.style, role="title", align="center", name="pin_dots",
                                    logical=""))
        keys = [*"123456789", "delete", "0", "ok"]
        grid = GridLayout(cols=3, size_hint_y=None, spacing=self.style.gap)
        grid.bind(minimum_height=grid.setter("height"))
        for key in keys:
            label = self.tr(f"staff_pin_{key}") if key in ("delete", "ok") else key
            button = BigButton(style=self.style, name=f"pin_{key}", label=label, size_class="main",
                               label_align="center", icon=pictogram_path("check" if key == "ok" else "back")
                               if key in ("delete", "ok") else "")
            button.bind(on_release=lambda _b, k=key: self.press(k))
            grid.add_widget(button)
        pane.add_content(grid)
        self._show_dots()

    def press(self, key: str) -> None:
        """One keypad key: a digit, delete, or OK."""
        if key == "ok":
            self.submit()
            return
        if key == "delete":
            if self._digits:
                self._digits.pop()
        elif len(self._digits) < 12:
            self._digits.append(key)
        self._show_dots()

    def _show_dots(self) -> None:
        """One dot per digit typed, never the digits."""
        self.ids.pane.ids.content_box.children[-1].logical = " ".join(PIN_DOT * len(self._digits)) or "–"

    def submit(self) -> None:
        """Check the PIN, then forget it whatever the answer."""
        pin, self._digits = "".join(self._digits), []
        verdict = self.desk.try_pin(pin)
        del pin
        if verdict == "ok":
            self.nav.go("staff_panel")
            return
        locked = self.desk.lockout.locked_for()
        self.status = (self.tr("staff_pin_locked", s=int(locked + 0.999)) if verdict == "locked"
                       else self.tr("staff_pin_wrong"))
        self.build_keypad()

    def handle_key(self, key: int, codepoint: str | None) -> bool:
        """Digit keys (number row and keypad), Backspace and Enter work as the keypad does."""
        if not self.desk.has_pin():
            return False
        if key in DIGIT_KEYS:
            self.press(DIGIT_KEYS[key])
        elif key == BACKSPACE:
            self.press("delete")
        elif key in ENTER_KEYS:
            self.submit()
        else:
            return False
        return True

    def forget(self) -> None:
        self._digits.clear()


class StaffPanelScreen(StaffScreen):
    """Launch a session, learners, today, help calls, end the visit, reload content, exit."""

    def refresh(self) -> None:
        self.title_key = "staff_panel_title"
        waiting = self.desk.calls_waiting
        self.status = self.tr("staff_calls_waiting", n=waiting) if waiting else ""
        nav, pane = self.nav, self.ids.pane
        stale = self.to_check()
        if self.shows_already(waiting, self.services.visit.started, len(stale)):
            return
        pane.clear_content()
        buttons = [
            self.button("staff_launch_button", self.tr("staff_launch"), lambda: nav.go("staff_launch"), "next"),
            self.button("staff_learners_button", self.tr("staff_learners"), lambda: nav.go("staff_learners"),
                        "document"),
            self.button("staff_today_button", self.tr("staff_today"), lambda: nav.go("staff_today"), "search"),
        ]
        if waiting:
            buttons.insert(0, self.button("staff_acknowledge_button", self.tr("staff_acknowledge", n=waiting),
                                          self.acknowledge, "hand"))
        if self.services.visit.started:
            buttons.append(self.button("staff_end_visit_button", self.tr("staff_end_visit"),
                                       nav.staff_end_visit, "home"))
        buttons += [self.button("staff_reload_button", self.tr("staff_reload"), self.reload, "repeat"),
                    self.button("staff_exit_button", self.tr("staff_exit"), nav.exit_kiosk, "warning")]
        for button in buttons:
            pane.add_content(button)
        if stale:  # steps whose facts are due to be compared with their official pages again
            lang = self.style.lang
            lines = [f"• {s.procedure.title.get(lang)}: {s.step.title.get(lang)} ({s.checked})" for s in stale]
            heading = plural(self.style.lang, "staff_to_check", len(stale))
            pane.add_content(Panel(style=self.style, kind="warning", name="staff_to_check", heading=heading,
                                   body="\n".join(lines)))

    def to_check(self) -> list:  # list[kiosk.content.freshness.StepSources]
        """The steps last checked too long ago (none while the content loads)."""
        from datetime import date

        from kiosk.content.freshness import to_check

        content = self.services.content
        return to_check(content.procedures, date.today()) if content.finished() else []

    def acknowledge(self) -> None:
        self.desk.acknowledge()
        self.refresh()

    def reload(self) -> None:
        """Load the procedures again off the UI thread; a broken file is left out, its problem shown."""
        self.status = self.tr("staff_reloading")
        config, content = self.services.config, self.services.content

        def work() -> None:
            from kiosk.content.loader import load_all, write_problem_report

            content.replace_with(*load_all([config.content_dir]))  # procedures, problems, glossaries, skills
            write_problem_report(content, config.data_dir)
            Clock.schedule_once(lambda _dt: self._reloaded(), 0)

        threading.Thread(target=work, name="content-reload", daemon=True).start()

    def _reloaded(self) -> None:
        content = self.services.content
        problems = "\n".join(str(p) for p in content.errors)
        self.status = self.tr("staff_reloaded", n=len(content.procedures), e=len(content.errors)) + (
            f"\n{problems}" if problems else "")
        for screen in self.manager.screens if self.manager else []:
            if screen.name == "catalogue":
                screen.refresh()


class StaffLaunchScreen(StaffScreen):
    """Language, profile, procedure, learner code, expected autonomy; then "Hand over"."""

    launch: Launch | None = None
    _choices: tuple = ()  # (button, chosen(launch), words(launch) or None), built by refresh

    def on_kv_post(self, base_widget: object) -> None:
        self.ids.nav_bar.buttons = [
            nav_button(self, "staff_back_button", "back", "back", lambda: self.nav.back()),
            nav_button(self, "staff_hand_over_button", "staff_hand_over", "next", self.hand_over)]

    def on_pre_enter(self, *args: object) -> None:
        visit = self.services.visit
        self.launch = Launch(language=visit.language, speech_on=visit.speech_on)
        super().on_pre_enter(*args)

    def choose(self, **changes: object) -> None:
        """Change one setting of the launch and show it on the buttons."""
        for key, value in changes.items():
            setattr(self.launch, key, value)
        self.show_choices()

    def toggle(self, profile: str) -> None:
        launch = self.launch
        if profile == "low_vision":  # off -> 150 % -> 200 % -> off, as the visitor's toggle
            if "low_vision" not in launch.profiles:
                launch.profiles.add(profile)
                launch.text_scale = LOW_VISION_SCALES[0]
            elif launch.text_scale < LOW_VISION_SCALES[-1]:
                launch.text_scale = LOW_VISION_SCALES[-1]
            else:
                launch.profiles.discard(profile)
                launch.text_scale = 1.0
        else:
            launch.profiles ^= {profile}
        self.show_choices()

    def show_choices(self) -> None:
        """Switch each choice's button on or off, as the launch stands (the buttons stay: a choice
        used to build the screen's sixty buttons again)."""
        launch = self.launch
        if launch is None:
            return
        for button, chosen, words in self._choices:
            button.selected = chosen(launch)
            if words is not None:
                button.label = words(launch)

    def choice(self, name: str, label: str, action, icon: str, chosen, label_lang: str = "",  # noqa: ANN001
               words=None) -> BigButton:  # noqa: ANN001
        """A toggle button whose state is ``chosen(launch)`` (and label ``words(launch)``, if given),
        kept up to date by :meth:`show_choices`."""
        button = self.button(name, label, action, icon, chosen(self.launch), label_lang=label_lang)
        self._choices.append((button, chosen, words))
        return button

    def refresh(self) -> None:
        self.title_key = "staff_launch"
        launch, pane, lang = self.launch, self.ids.pane, self.style.lang
        if launch is None:
            return
        content = self.services.content
        learners = tuple(item.code for item in self.desk.learners.all())
        procedures = tuple((p.id, p.title.get(lang), p.pictogram) for p in content.procedures) \
            if content.finished() else None
        if self.shows_already(tuple(self.services.config.languages), learners, procedures):
            self.show_choices()  # a new launch: its choices on the buttons already there
            return
        self._choices = []
        pane.clear_content()
        pane.add_content(self.heading(self.tr("staff_language")))
        pane.add_content(self.grid([
            self.choice(f"launch_language_{code}", t(code, "language_name"), lambda c=code: self.choose(language=c),
                        "globe", lambda launch, c=code: launch.language == c, label_lang=code)
            for code in self.services.config.languages]))
        pane.add_content(self.heading(self.tr("profiles_title")))
        toggles = [self.choice("launch_speech", self.tr("staff_speech"),
                               lambda: self.choose(speech_on=not self.launch.speech_on), "speaker",
                               lambda launch: launch.speech_on)]
        for profile in CHOOSABLE:
            toggles.append(self.choice(
                f"launch_profile_{profile}", self.tr(f"profile_{profile}"), lambda p=profile: self.toggle(p),
                PICTOGRAMS[profile], lambda launch, p=profile: p in launch.profiles,
                words=lambda launch, p=profile: self.tr(label_key(p, launch.profiles, launch.text_scale))))
        pane.add_content(self.grid(toggles))
        pane.add_content(self.heading(self.tr("staff_autonomy")))
        pane.add_content(self.grid([
            self.choice(f"launch_autonomy_{level}", self.tr(f"staff_autonomy_{level}"),
                        lambda v=level: self.choose(
                            autonomy_expected=None if self.launch.autonomy_expected == v else v),
                        "hand", lambda launch, v=level: launch.autonomy_expected == v) for level in AUTONOMY_LEVELS]))
        pane.add_content(self.heading(self.tr("staff_learner_code")))
        pane.add_content(self.grid([
            self.choice(f"launch_learner_{code}", code,
                        lambda c=code: self.choose(learner=None if self.launch.learner == c else c),
                        "document", lambda launch, c=code: launch.learner == c) for code in learners] or [
            self.button("launch_no_learner", self.tr("staff_no_learners"), lambda: self.nav.go("staff_learners"),
                        "document")]))
        pane.add_content(self.heading(self.tr("staff_procedure")))
        if procedures is not None:
            if content.skills is not None and content.skills.diagnostic is not None:
                pane.add_content(self.choice(  # "Where do I start?" instead of a procedure
                    "launch_diagnostic", self.tr("staff_diagnostic"),
                    lambda: self.choose(diagnostic=not self.launch.diagnostic, procedure_id=None),
                    "search", lambda launch: launch.diagnostic))
            for procedure in content.procedures:
                pane.add_content(self.choice(
                    f"launch_procedure_{procedure.id}", procedure.title.get(lang),
                    lambda p=procedure.id: self.choose(procedure_id=None if self.launch.procedure_id == p else p,
                                                       diagnostic=False),
                    procedure.pictogram, lambda launch, p=procedure.id: launch.procedure_id == p))
        else:
            pane.add_content(self.line(self.tr("catalogue_loading")))
        self.show_choices()  # the low vision button's label says its size

    def hand_over(self) -> None:
        """Start the visit as set up and show it to the visitor."""
        self.nav.hand_over(self.launch)


Builder.load_file(str(Path(__file__).with_name("staff.kv")))
