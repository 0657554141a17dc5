"""Running the audit: every screen in every setting, on the real kiosk headless, on every core.

:class:`Auditor` drives one running kiosk (:class:`kiosk.ui.headless.Headless`)
over the screens and settings; :func:`run` shares the plan out between this
process and worker processes (``concurrent.futures``), each with its own
headless kiosk, and puts the results back in plan order.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kiosk.access.rules import Case, Violation, check_reading
from kiosk.ui.audit.plan import THUMB_WIDTH, Result, Setting, settings
from kiosk.ui.audit.reader import TreeReader, word_measurer

#: (setting, sheet column, thumbnail) for the contact sheets.
Thumbnail = tuple[Setting, str, tuple[int, int, bytes]]


#: the staff screens the audit checks at every setting, as staff see them
STAFF_SCREENS = ("staff_pin", "staff_panel", "staff_launch", "staff_learners", "staff_learner", "staff_today")

class Auditor:
    """Drives one running kiosk (a :class:`~kiosk.ui.headless.Headless`) over screens and settings."""

    def __init__(self, kiosk: Any, fast: bool = False, procedures: Sequence[str] | None = None,
                 every_check: bool = True) -> None:
        self.kiosk = kiosk
        #: every self-check task of each module (else its first): the tasks' pages share one layout
        self.every_check = every_check and not fast
        self.services = kiosk.services
        self.kiosk_ui = kiosk.ui
        self.fast = fast
        content = self.services.content.procedures
        if procedures is not None:
            content = [p for p in content if p.id in procedures]
        elif fast:
            content = content[:1]
        self.procedures = list(content)
        self.reader = TreeReader(self.kiosk_ui.style, word_measurer())
        #: switch presses to the farthest item of the screen just checked
        self.last_scan_steps = 0

    # -- screens ------------------------------------------------------------------------
    def screens(self) -> Iterator[tuple[str, str | None, Callable[[], None], Callable[[], None]]]:
        """(case name, sheet column, put it on show, leave it) for every screen."""
        nav = self.kiosk_ui.nav
        visit = self.services.visit
        kiosk = self.kiosk

        def nothing() -> None:
            pass

        def show_help() -> None:
            nav.show_help()

        def close_overlays() -> None:
            for overlay in list(nav.overlays):
                overlay.dismiss(animation=False)
            kiosk.settle_layout()

        def idle() -> None:
            kiosk.expire(self.services.config.idle_delay_s + 0.5)

        def answer() -> None:
            kiosk.ui.nav.still_here()
            kiosk.settle_layout()

        yield "welcome", "welcome", lambda: nav.go("welcome"), nothing
        yield "language", "language", lambda: nav.go("language"), nothing
        # Help and the idle warning open over the catalogue, as a visitor would see them.
        yield "catalogue", "catalogue", lambda: nav.go("catalogue"), nothing
        yield "help", "help", show_help, close_overlays

        glossary = self.services.content.glossary(visit.language)
        if glossary.entries:
            # a word's explanation, the longest of the language (the most text to fit)
            entry = max(glossary.entries, key=lambda e: len(e.explain) + len(e.example or ""))

            def explain() -> None:
                nav.explain(self.services.content.glossary(visit.language).get(entry.term) or entry)

            yield "glossary", "glossary", explain, close_overlays
        yield "idle", "idle", idle, answer
        first = self.procedures[0] if self.procedures else None
        replica_step = next((i for i, s in enumerate(first.steps) if s.replica is not None), None) if first else None
        for procedure in self.procedures:
            for index in range(len(procedure.steps)):
                column = None
                if procedure is first and index == 0:
                    column = "step"
                elif procedure is first and index == replica_step:
                    column = "replica"
                yield (f"walkthrough-{procedure.id}-{index + 1}", column,
                       lambda p=procedure.id, i=index: nav.open_procedure(p, i), nothing)
                # The easy profile shows a step page by page: every page after the first too.
                walkthrough = self.kiosk.app.root.current_screen if visit.profiles & {"easy"} else None
                for page in range(1, len(walkthrough.pages()) if walkthrough is not None else 0):
                    yield (f"walkthrough-{procedure.id}-{index + 1}-{page + 1}", None,
                           lambda k=page, w=walkthrough: w.show_page(k), nothing)
        if first is not None:
            def finished() -> None:
                nav.go("finished", first.id)
            yield "finished", "finished", finished, nothing
        # The self-checks: every module's tasks (the fast audit: the first module's first), then the end.
        for procedure in self.procedures[:1] if self.fast else self.procedures:
            for index, check in enumerate(procedure.checks if self.every_check else procedure.checks[:1]):
                def task(p: str = procedure.id, i: int = index) -> None:
                    nav.go("finished", p)
                    nav.start_checks()
                    for _ in range(i):
                        nav.check_answer(True)
                yield f"selfcheck-{procedure.id}-{check.id}", None, task, nothing
        if first is not None and first.checks:
            def checks_done() -> None:
                nav.go("finished", first.id)
                nav.start_checks()
                while nav.flow.check is not None:
                    nav.check_answer(True)
            yield "selfcheck_done", None, checks_done, nothing
        yield from self.diagnostic_screens()
        # The staff screens, as staff see them (entered the way the staff entry does).
        def staff(name: str) -> Callable[[], None]:
            def show() -> None:
                nav.enter_staff()
                nav.go(name)
            return show

        def leave_staff() -> None:
            nav.leave_staff()
            kiosk.settle_layout()

        for name in STAFF_SCREENS:
            yield name, None, staff(name), leave_staff

    def diagnostic_screens(self) -> Iterator[tuple[str, str | None, Callable[[], None], Callable[[], None]]]:
        """"Where do I start?": every task's page (the fast audit: the first and the order), then its path."""
        nav = self.kiosk_ui.nav
        diagnostic = nav.flow.diagnostic
        if diagnostic is None:
            return
        indexes = range(len(diagnostic.tasks))
        if self.fast:
            indexes = [i for i, task in enumerate(diagnostic.tasks) if i == 0 or task.replica.action == "order"]

        def nothing() -> None:
            pass

        for index in indexes:
            def task(i: int = index) -> None:
                nav.go("catalogue")
                nav.start_diagnostic()
                for _ in range(i):
                    nav.check_answer(True)
            yield f"diagnostic-{diagnostic.tasks[index].id}", None, task, nothing

        def done() -> None:
            nav.go("catalogue")
            nav.start_diagnostic()
            while nav.flow.screen == "diagnostic":
                nav.check_answer(True)
        yield "diagnostic_done", None, done, nothing

    # -- one setting ------------------------------------------------------------------------
    def apply(self, setting: Setting) -> None:
        """Put the kiosk in ``setting`` (language, theme, text size, seated, easy)."""
        style = self.kiosk_ui.style
        self.kiosk_ui.nav.set_language(setting.lang)
        style.text_scale = setting.scale
        style.theme_name = setting.theme
        style.seated = setting.seated
        for profile, on in (("easy", setting.easy), ("switch", setting.switch)):
            if on:
                self.services.visit.profiles.add(profile)
            else:
                self.services.visit.profiles.discard(profile)
        self.kiosk.app.scan.follow()  # the switch highlight drawn (or not) from the first screen

    def check_current(self, case: Case) -> list[Violation]:
        """Check what is on show now (the top overlay if any, else the screen)."""
        style = self.kiosk_ui.style
        problems: list[tuple[str, str]] = []
        for root in self.kiosk.visible_roots():
            reading = self.reader.read(root, tuple(style.background))
            band = (style.reach_low, style.reach_high) if case.seated else None
            problems += check_reading(reading, style.px_per_mm, style.rtl, band,
                                      self.services.config.screen.bottom_edge_mm)
        if not case.screen.startswith("staff_"):  # staff screens are never scanned: staff use the keys
            problems += self.scan_problems()
        seen = set()
        out = []
        for widget, problem in problems:
            if (widget, problem) not in seen:
                seen.add((widget, problem))
                out.append(Violation(case, widget, problem))
        return out

    def scan_problems(self) -> list[tuple[str, str]]:
        """Switch access on what is on show: every actionable item in the scan tree; the presses to the farthest.

        The scroll panes' Up and Down buttons are not needed: the highlight scrolls to what it frames.
        """
        from kiosk.access.scanning import max_steps
        from kiosk.ui.audit.reader import describe
        from kiosk.ui.focus import actionable
        from kiosk.ui.scanning import scan_tree

        style, problems = self.kiosk_ui.style, []
        for root in self.kiosk.visible_roots():
            tree = scan_tree(root, style.rtl, self.services.config.access.groups)
            scanned = set(map(id, tree.leaves()))
            for widget in actionable(root, style.rtl, pagers=True):
                if id(widget) not in scanned and not getattr(widget, "name", "").endswith(("_up", "_down")):
                    problems.append((describe(widget), "not reachable by switch scanning"))
            self.last_scan_steps = max(self.last_scan_steps, max_steps(tree))
        return problems

    def run(self, settings_list: Iterable[Setting], sheet: Callable[[Setting, str, Any], None] | None = None,
            report: Callable[[Violation], None] | None = None) -> Result:
        """Check every screen in every setting; ``report`` is told each violation as found."""
        result = Result()
        start = time.perf_counter()
        with few_collections():
            self._run(settings_list, result, sheet, report)
        result.seconds = time.perf_counter() - start
        return result

    def _run(self, settings_list: Iterable[Setting], result: Result,
             sheet: Callable[[Setting, str, Any], None] | None, report: Callable[[Violation], None] | None) -> None:
        for setting in settings_list:
            self.apply(setting)
            for screen, column, show, leave in self.screens():
                show()
                settled = self.kiosk.settle_layout()
                case = Case(screen, setting.lang, setting.theme, setting.scale, setting.seated, setting.easy,
                            setting.switch)
                self.last_scan_steps = 0
                found = self.check_current(case)
                label = f"{setting.lang} {setting.label()}"
                if self.last_scan_steps > result.scan_steps.get(label, (-1, ""))[0]:
                    result.scan_steps[label] = (self.last_scan_steps, screen)
                if not settled:
                    found.insert(0, Violation(case, screen, "the layout never settles: something flickers"))
                result.violations += found
                result.screens_checked += 1
                if report:
                    for violation in found:
                        report(violation)
                if sheet is not None and column is not None:
                    sheet(setting, column, self.kiosk.thumbnail(THUMB_WIDTH))
                leave()
        self.kiosk_ui.nav.end_visit()
        self.kiosk.settle_layout()


def run(config: Any, out: Path | None = None, fast: bool = False, languages: Sequence[str] | None = None,
        themes: Sequence[str] | None = None, report: Callable[[Violation], None] | None = None,
        content: Any = None, jobs: int = 1, progress: Callable[[str], None] | None = None) -> Result:
    """Audit the kiosk for ``config`` headless; write contact sheets to ``out`` if given.

    With ``jobs`` > 1 the settings are shared out between this process and
    ``jobs - 1`` worker processes (each runs its own headless kiosk), so the
    audit uses every core. ``report`` is then told every violation in plan order;
    ``progress`` gets a line per setting done. Call
    :func:`kiosk.ui.bootstrap.prepare` first (the CLI does).
    """
    from kiosk.access.themes import DEFAULT_THEME, THEMES
    from kiosk.ui.audit.sheets import ContactSheet

    theme_names = list(themes or THEMES)
    if DEFAULT_THEME in theme_names:  # the seated profile is rendered in the default theme
        theme_names.remove(DEFAULT_THEME)
        theme_names.insert(0, DEFAULT_THEME)
    plan = settings(languages or config.languages, theme_names, fast)
    jobs = max(1, min(jobs, len(plan)))
    shards = [plan[i::jobs] for i in range(jobs)]
    start = time.perf_counter()
    want_sheet = out is not None
    parts = []
    if jobs > 1:
        # "spawn": a fresh interpreter per worker, so each configures its own Kivy and window.
        with ProcessPoolExecutor(max_workers=jobs - 1, mp_context=multiprocessing.get_context("spawn")) as pool:
            futures = [pool.submit(_worker, config, content, fast, shard, want_sheet) for shard in shards[1:]]
            parts.append(_audit_shard(config, content, fast, shards[0], want_sheet, progress))
            for future in futures:
                try:
                    parts.append(future.result())
                except Exception as exc:  # a worker that died (BrokenProcessPool) or failed: say which way
                    raise RuntimeError(f"an audit worker failed ({type(exc).__name__}: {exc})") from exc
    else:
        parts.append(_audit_shard(config, content, fast, shards[0], want_sheet, progress))
    rank = {setting: i for i, setting in enumerate(plan)}
    rank_of_label = {f"{setting.lang} {setting.label()}": i for i, setting in enumerate(plan)}
    result = Result()
    thumbnails: list[Thumbnail] = []
    for violations, checked, thumbs, steps in parts:
        result.violations += violations
        result.screens_checked += checked
        thumbnails += thumbs
        result.scan_steps.update(steps)
    result.scan_steps = dict(sorted(result.scan_steps.items(), key=lambda kv: rank_of_label.get(kv[0], 0)))
    # every setting's violations come from one process, in screen order: a stable sort keeps it
    result.violations.sort(
        key=lambda v: rank[Setting(v.case.lang, v.case.theme, v.case.scale, v.case.seated, v.case.easy,
                                   v.case.switch)])
    if report:
        for violation in result.violations:
            report(violation)
    if out is not None:
        sheet = ContactSheet()
        for setting, column, thumbnail in sorted(thumbnails, key=lambda t: rank[t[0]]):
            sheet.add(setting, column, thumbnail)
        result.sheets = sheet.write(out)
    result.seconds = time.perf_counter() - start
    return result


def _audit_shard(config: Any, content: Any, fast: bool, shard: Sequence[Setting], want_sheet: bool,
                 progress: Callable[[str], None] | None = None
                 ) -> tuple[list[Violation], int, list[Thumbnail], dict[str, tuple[int, str]]]:
    """Run one share of the settings in this process: (violations, screens checked, thumbnails, scan steps)."""
    from kiosk.ui.headless import Headless

    thumbnails: list[Thumbnail] = []
    violations: list[Violation] = []
    checked = 0
    steps: dict[str, tuple[int, str]] = {}
    kwargs = {"content": content} if content is not None else {}
    with Headless.run(config, record=False, **kwargs) as kiosk, few_collections():
        auditor = Auditor(kiosk, fast=fast)
        for setting in shard:
            result = auditor.run([setting], (lambda s, c, t: thumbnails.append((s, c, t))) if want_sheet else None)
            violations += result.violations
            checked += result.screens_checked
            steps.update(result.scan_steps)
            if progress:
                progress(f"{setting.lang} {setting.label()}: {result.screens_checked} screens, "
                         f"{len(result.violations)} violations")
    return violations, checked, thumbnails, steps


def _worker(config: Any, content: Any, fast: bool, shard: Sequence[Setting],
            want_sheet: bool) -> tuple[list[Violation], int, list[Thumbnail], dict[str, tuple[int, str]]]:
    """A worker process: set up its own headless Kivy, audit ``shard``, hand the result back."""
    from kiosk.ui import bootstrap

    bootstrap.prepare(config, windowed=True, headless=True)
    bootstrap.quiet_kivy_logging()

    def progress(line: str) -> None:
        print(f"kiosk: audit: {line}", file=sys.stderr, flush=True)

    return _audit_shard(config, content, fast, shard, want_sheet, progress)


@contextmanager
def few_collections() -> Iterator[None]:
    """Collect garbage less often while the audit builds thousands of widgets.

    Every widget is a web of cycles (kv bindings), so Python's cycle collector
    runs constantly and re-scans the whole app each time; freezing what exists
    at start and raising the thresholds halves the audit's time.
    """
    _COLLECTIONS["depth"] += 1
    if _COLLECTIONS["depth"] > 1:  # already inside: the outermost one restores
        try:
            yield
        finally:
            _COLLECTIONS["depth"] -= 1
        return
    threshold = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)
    try:
        yield
    finally:
        _COLLECTIONS["depth"] -= 1
        gc.set_threshold(*threshold)
        gc.unfreeze()
        gc.collect()


_COLLECTIONS = {"depth": 0}
