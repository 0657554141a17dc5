"""The self-check and diagnostic screens: one task on a practice page at a time, then what comes of it.

The rules are the flow's (:mod:`kiosk.flow.selfcheck`, :mod:`kiosk.flow.diagnostic`);
here is only the page: the task in easy words, the replica with no highlight
and no hint but "not yet", and the buttons (Repeat, Help, leave this task or
"I don't know"). No timer. The self-checks end on the outcomes shown, the
diagnostic on its path: 3 to 5 modules with their pictures, in order, no score.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kivy.lang import Builder
from kivy.properties import StringProperty

from kiosk.i18n import sentences
from kiosk.ui.screens.bars import nav_button, path_cards, standard_buttons
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.widgets import KioskLabel


class SelfCheckScreen(KioskScreen):
    """One self-check task: its sentence and its page."""

    progress_text = StringProperty("")
    #: the words of the button that leaves a task
    skip_key = "selfcheck_skip"

    def on_kv_post(self, base_widget: object) -> None:
        nav = self.nav
        self.ids.nav_bar.buttons = [
            nav_button(self, "back_button", "back", "back", lambda: nav.back()),
            nav_button(self, "repeat_button", "repeat", "repeat", lambda: nav.repeat()),
            nav_button(self, "help_button", "help", "help", lambda: nav.show_help()),
            nav_button(self, "skip_button", self.skip_key, "next", lambda: nav.skip_check()),
        ]
        self._task = KioskLabel(style=self.style, role="heading", name="task_label")

    def refresh(self) -> None:
        import kiosk.ui.replica_kinds  # noqa: F401  (the curriculum kinds' drawers: results, inbox, files...)
        from kiosk.ui.replica import ReplicaView  # its kv loads with the first practice page

        pane = self.ids.pane
        pane.clear_content()
        check = self.nav.flow.check
        self.replica = None
        self.progress_text = self.progress() if check is not None else ""
        if check is None or not self.progress_text:
            return
        self._task.logical = check.task.get(self.lang)
        pane.add_content(self._task)
        self.replica = ReplicaView(self, check, checking=True)
        pane.add_content(self.replica)

    def progress(self) -> str:
        """Where the visitor is: the module and the task's number of how many ("" with no module open)."""
        procedure = self.nav.procedure
        if procedure is None:
            return ""
        return self.tr("selfcheck_progress", title=procedure.title.get(self.lang),
                       n=self.services.visit.check_index + 1, total=len(procedure.checks))

    def handle_key(self, key: int, codepoint: str | None) -> bool:
        """A physical keyboard types into the practice field being edited (as on a step)."""
        replica = getattr(self, "replica", None)
        return replica is not None and replica.handle_key(key, codepoint)

    def forget(self) -> None:
        self.ids.pane.clear_content()
        self.replica = None

    def announcement(self) -> str:
        check = self.nav.flow.check
        if check is None:
            return ""
        parts = [self.progress_text, check.task.get(self.lang)]
        praise = self.services.visit.take_praise()
        if praise:
            parts.insert(0, praise)
        return sentences(parts)


class SelfCheckDoneScreen(KioskScreen):
    """The end of the self-checks: what the visitor showed they can do, in easy words."""

    def on_kv_post(self, base_widget: object) -> None:
        nav = self.nav
        self.ids.nav_bar.buttons = [
            nav_button(self, "repeat_button", "repeat", "repeat", lambda: nav.repeat()),
            nav_button(self, "help_button", "help", "help", lambda: nav.show_help()),
        ]

    def _shown(self) -> list[Any]:
        skills = self.services.content.skills
        if skills is None:
            return []
        return [o for o in (skills.get(i) for i in self.services.visit.check_outcomes) if o is not None]

    def refresh(self) -> None:
        pane = self.ids.pane
        pane.clear_content()
        shown = self._shown()
        pane.add_content(KioskLabel(style=self.style, logical=self.tr(
            "selfcheck_done_shown" if shown else "selfcheck_done_none")))
        for outcome in shown:
            pane.add_content(KioskLabel(style=self.style, logical=f"• {outcome.text.get(self.lang)}"))
        if getattr(self, "_buttons", None) is None:  # built once, shown again at each end
            nav = self.nav
            self._buttons = (nav_button(self, "again_button", "finished_again", "search", lambda: nav.learn_more()),
                             nav_button(self, "end_button", "finished_end", "home", lambda: nav.end_visit("finished")))
        for button in self._buttons:
            pane.add_content(button)

    def announcement(self) -> str:
        shown = self._shown()
        parts = [self.tr("selfcheck_done_shown" if shown else "selfcheck_done_none")]
        parts += [o.text.get(self.lang) for o in shown]
        praise = self.services.visit.take_praise()
        return " ".join(([praise] if praise else []) + parts)


class DiagnosticScreen(SelfCheckScreen):
    """A task of "Where do I start?": its number only (it may stop early: no "of N"), and "I don't know"."""

    skip_key = "diagnostic_skip"

    def progress(self) -> str:
        return self.tr("diagnostic_progress", n=self.services.visit.check_index + 1)


class DiagnosticDoneScreen(KioskScreen):
    """The end of "Where do I start?": the modules to follow, in order, each with its picture. No score."""

    def on_kv_post(self, base_widget: object) -> None:
        self.ids.nav_bar.buttons = standard_buttons(self)
        self._all = nav_button(self, "all_button", "diagnostic_all", "search", lambda: self.nav.back())

    def _path(self) -> list[Any]:
        content = self.services.content
        return [p for p in (content.get(i) for i in self.services.visit.diagnostic_path) if p is not None]

    def refresh(self) -> None:
        pane = self.ids.pane
        pane.clear_content()
        pane.add_content(KioskLabel(style=self.style, logical=self.tr("diagnostic_done_text")))
        for card in path_cards(self, self._path(), "path_"):
            pane.add_content(card)
        pane.add_content(self._all)  # built once, shown again at each end

    def announcement(self) -> str:
        titles = [self.tr("diagnostic_step", n=n, title=p.title.get(self.lang)) for n, p in enumerate(self._path(), 1)]
        return sentences([self.tr("diagnostic_done_title"), self.tr("diagnostic_done_text"), *titles])


#: The self-check and diagnostic screens by name (the app builds them the first time they show).
SELF_CHECK_SCREENS = {"selfcheck": SelfCheckScreen, "selfcheck_done": SelfCheckDoneScreen,
                      "diagnostic": DiagnosticScreen, "diagnostic_done": DiagnosticDoneScreen}

Builder.load_file(str(Path(__file__).with_name("selfcheck.kv")))
