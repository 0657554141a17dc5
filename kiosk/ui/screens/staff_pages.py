"""The staff screens that read: learners and a learner's page (with its printed sheet), and today.

Their layout is the staff screens' rule (``staff.kv``, loaded by
:mod:`kiosk.ui.screens.staff`).
"""

from __future__ import annotations

import threading

from kivy.clock import Clock
from kivy.properties import StringProperty

from kiosk.ui.pictograms import pictogram_path
from kiosk.ui.screens.staff import StaffLaunchScreen, StaffPanelScreen, StaffPinScreen, StaffScreen
from kiosk.ui.widgets import Panel


class StaffLearnersScreen(StaffScreen):
    """Make a learner code (to write on a card); every code, each opening its page."""

    #: the code made last (shown big, to copy onto the card)
    made = StringProperty("")

    def refresh(self) -> None:
        self.title_key = "staff_learners"
        self.status = self.tr("staff_learner_made", code=self.made) if self.made else self.tr("staff_learners_intro")
        pane = self.ids.pane
        pane.clear_content()
        pane.add_content(self.button("staff_new_learner_button", self.tr("staff_new_learner"), self.make, "check"))
        learners = self.desk.learners.all()
        if not learners:
            pane.add_content(self.line(self.tr("staff_no_learners")))
        for item in learners:
            pane.add_content(self.button(f"learner_{item.code}", f"{item.code}  ({item.created})",
                                         lambda c=item.code: self.open(c), "document"))

    def make(self) -> None:
        self.made = self.desk.learners.create().code
        self.refresh()

    def open(self, code: str) -> None:
        learner_screen = self.nav.ensure("staff_learner")
        learner_screen.code = code
        self.nav.go("staff_learner")

    def forget(self) -> None:
        self.made = ""


class StaffLearnerScreen(StaffScreen):
    """A learner's page from the logbook: each procedure practised, finished or not, where help was needed."""

    code = StringProperty("")

    def records(self) -> list:
        """The logbook's visit records, read once for the page (its progress and its skills)."""
        from kiosk.staff.progress import learner_records

        if self.services.recorder is not None and getattr(self.services.recorder.writer, "flush", None):
            self.services.recorder.writer.flush(timeout=5)  # the visit staff just watched, on disk first
        return learner_records(self.services.config.data_dir)

    def progress(self, records: list | None = None):  # noqa: ANN201 (kiosk.staff.progress.Progress)
        from kiosk.staff.progress import progress_from

        return progress_from(self.records() if records is None else records, self.code)

    def refresh(self) -> None:
        self.title_key = "staff_learner_page"
        records = self.records()
        progress = self.progress(records)
        self.status = self.tr("staff_learner_summary", code=self.code, n=progress.visits,
                              date=progress.last_visit or "–")
        pane = self.ids.pane
        pane.clear_content()
        pane.add_content(self.button("staff_print_button", self.tr("staff_print"), self.print_sheet, "document"))
        self.add_diagnostic(pane, records)
        self.add_skills(pane, records)  # toward the skills passport: first, what they showed
        if not progress.procedures:
            pane.add_content(self.line(self.tr("staff_learner_nothing")))
        for item in progress.procedures:
            procedure = self.services.content.get(item.procedure_id)
            title = procedure.title.get(self.lang) if procedure else item.procedure_id
            pane.add_content(Panel(style=self.style, kind="info", heading=title, name=f"practised_{item.procedure_id}",
                                   icon=pictogram_path("check" if item.finished else "document"),
                                   body=self.describe(item)))

    def add_diagnostic(self, pane, records: list) -> None:  # noqa: ANN001 (a ScrollPane)
        """The path "Where do I start?" last proposed to this learner, if they did it."""
        from kiosk.staff.completed import diagnostic_line

        content = self.services.content

        def title(module_id: str) -> str:
            procedure = content.get(module_id) if content.finished() else None
            return procedure.title.get(self.lang) if procedure else module_id

        line = diagnostic_line(records, self.code, self.lang, title)
        if line:
            pane.add_content(Panel(style=self.style, kind="info", heading=self.tr("diagnostic_start"),
                                   name="learner_diagnostic", icon=pictogram_path("search"), body=line))

    def skills(self, records: list) -> tuple[object, list]:  # (SkillsCatalogue | None, its rows for this learner)
        """The skills catalogue and this learner's grid from ``records`` (none while the content loads)."""
        from kiosk.staff.skills_grid import skills_grid

        content = self.services.content
        catalogue = content.skills if content.finished() else None
        if catalogue is None or not catalogue.outcomes:
            return None, []
        return catalogue, skills_grid(records, self.code, catalogue)

    def add_skills(self, pane, records: list) -> None:  # noqa: ANN001 (a ScrollPane)
        """The learner's skills: the counts, then each area's outcomes checked or practised."""
        from kiosk.staff.skills_grid import counts_line, shown_lines

        catalogue, rows = self.skills(records)
        if catalogue is None:
            return
        pane.add_content(Panel(style=self.style, kind="info", heading=self.tr("staff_skills_title"),
                               name="skills_counts", icon=pictogram_path("check"), body=counts_line(rows, self.lang)))
        for area in catalogue.areas.values():
            lines = shown_lines(rows, area.id, self.lang)
            if lines:
                pane.add_content(Panel(style=self.style, kind="info", heading=area.name.get(self.lang),
                                       name=f"skills_{area.id}", icon=pictogram_path("document"),
                                       body="\n".join(lines)))

    def describe(self, item) -> str:  # noqa: ANN001 (kiosk.staff.progress.Practised)
        """The lines under a procedure's heading, in the screen's language."""
        help_steps = ", ".join(str(n) for n in sorted(item.help_steps)) or "–"
        return "\n".join([
            self.tr("staff_finished_yes" if item.finished else "staff_finished_no"),
            self.tr("staff_times", n=item.times),
            self.tr("staff_last_visit", date=item.last_visit),
            self.tr("staff_help_steps", steps=help_steps)])

    def print_sheet(self) -> None:
        """Write the progress sheet (a PDF in the data folder) and send it to the print command, if any."""
        from kiosk.staff.sheet import write_sheet

        records, lang = self.records(), self.lang
        progress = self.progress(records)
        titles = {p.id: p.title.get(lang) for p in self.services.content.procedures} \
            if self.services.content.finished() else {}
        catalogue, rows = self.skills(records)
        self.status = self.tr("staff_printing")

        def work() -> None:
            try:
                path = write_sheet(progress, lang, titles, self.services.config.data_dir, skills=(catalogue, rows))
            except Exception as exc:  # noqa: BLE001  # never the kiosk's end: say it on the screen
                message = self.tr("staff_print_failed", error=str(exc))
            else:
                self.desk.print_command.run(str(path))
                message = self.tr("staff_printed", path=path.name)
            Clock.schedule_once(lambda _dt: setattr(self, "status", message), 0)

        threading.Thread(target=work, name="progress-sheet", daemon=True).start()


class StaffTodayScreen(StaffScreen):
    """Today at a glance: visits, procedures finished, help calls, and the kiosk's health."""

    def refresh(self) -> None:
        from kiosk.staff.today import today_figures

        self.title_key = "staff_today"
        app_logbook = getattr(self.services.recorder, "writer", None)
        status = app_logbook.status() if hasattr(app_logbook, "status") else self.tr("staff_logbook_closed")
        content = self.services.content
        problems = [str(p) for p in content.errors] if content.finished() else []
        engine = self.services.speech.engine
        speech = getattr(engine, "reason", None) or f"ok ({type(engine).__name__})"
        if getattr(engine, "caveat", None):  # the details are in the log
            speech += f"; {self.tr('staff_speech_no_vowels')}"
        figures = today_figures(self.services.config.data_dir, content_problems=problems, speech=speech,
                                logbook=status, journal=self.desk.journal)
        self.status = ""
        pane = self.ids.pane
        pane.clear_content()
        rows = [
            ("staff_visits_today", {"n": figures.visits}),
            ("staff_finished_today", {"n": figures.finished}),
            ("staff_help_calls_today", {"n": figures.help_calls}),
            ("staff_speech_status", {"status": figures.speech}),
            ("staff_disk_free", {"mb": figures.free_disk_mb if figures.free_disk_mb is not None else "?"}),
            ("staff_logbook_status", {"status": figures.logbook}),
        ]
        from kiosk.ui.bootstrap import MISSING_FONTS

        if MISSING_FONTS:  # the kiosk runs on a stand-in font; staff must reinstall the missing one
            rows.append(("staff_fonts_missing", {"fonts": "; ".join(MISSING_FONTS)}))
        for key, values in rows:
            pane.add_content(self.line(self.tr(key, **values), name=key))
        pane.add_content(self.heading(self.tr("staff_content_problems", n=len(figures.content_problems))))
        for problem in figures.content_problems:
            pane.add_content(self.line(problem))


#: the staff screens by name, built when first shown (added to kiosk.ui.app.SCREENS)
STAFF_SCREENS: dict[str, type[StaffScreen]] = {
    "staff_pin": StaffPinScreen, "staff_panel": StaffPanelScreen, "staff_launch": StaffLaunchScreen,
    "staff_learners": StaffLearnersScreen, "staff_learner": StaffLearnerScreen, "staff_today": StaffTodayScreen}
