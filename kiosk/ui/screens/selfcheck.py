"""The self-check screens: one task on a practice page at a time, then what the visitor showed.

The rules are the flow's (:mod:`kiosk.flow.selfcheck`); here is only the
page: the task in easy words, the replica with no highlight and no hint but
"not yet", and the buttons (Repeat, Help, leave this task). No timer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kivy.lang import Builder
from kivy.properties import StringProperty

from kiosk.i18n import sentences
from kiosk.ui.screens.bars import nav_button
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.widgets import KioskLabel


class SelfCheckScreen(KioskScreen):
    """One self-check task: its sentence and its page."""

    progress_text = StringProperty("")

    def on_kv_post(self, base_widget: object) -> None:
        nav = self.nav
        self.ids.nav_bar.buttons = [
            nav_button(self, "back_button", "back", "back", lambda: nav.back()),
            nav_button(self, "repeat_button", "repeat", "repeat", lambda: nav.repeat()),
            nav_button(self, "help_button", "help", "help", lambda: nav.show_help()),
            nav_button(self, "skip_button", "selfcheck_skip", "next", lambda: nav.skip_check()),
        ]
        self._task = KioskLabel(style=self.style, role="heading", name="task_label")

    def refresh(self) -> None:
        import kiosk.ui.replica_kinds  # noqa: F401  (the curriculum kinds' drawers: results, inbox, files...)
        from kiosk.ui.replica import ReplicaView  # its kv loads with the first practice page

        pane = self.ids.pane
        pane.clear_content()
        check, procedure = self.nav.flow.check, self.nav.procedure
        self.replica = None
        if check is None or procedure is None:
            self.progress_text = ""
            return
        index = self.services.visit.check_index
        self.progress_text = self.tr("selfcheck_progress", title=procedure.title.get(self.lang), n=index + 1,
                                     total=len(procedure.checks))
        self._task.logical = check.task.get(self.lang)
        pane.add_content(self._task)
        self.replica = ReplicaView(self, check, checking=True)
        pane.add_content(self.replica)

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


#: The self-check screens by name (the app builds them the first time they show).
SELF_CHECK_SCREENS = {"selfcheck": SelfCheckScreen, "selfcheck_done": SelfCheckDoneScreen}

Builder.load_file(str(Path(__file__).with_name("selfcheck.kv")))
