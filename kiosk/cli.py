"""The ``kiosk`` command: run the kiosk, render a screen, check content.

Every expected failure (bad configuration, bad option) prints one line and
exits with status 2; no traceback reaches the person at the terminal.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import config as config_module
from kiosk.cli_parser import UsageError, build_parser
from kiosk.config import ConfigError, KioskConfig

if TYPE_CHECKING:
    from kiosk.ui.headless import Headless
    from kiosk.ui.navigator import Navigator

def cmd_monkey(args: argparse.Namespace) -> int:
    """Random events on the kiosk; print the findings with the seed and event to replay."""
    from kiosk.ui.monkey import default_data_dir, monkey

    config = load_config(args)
    if args.data_dir is None:
        config = replace(config, data_dir=default_data_dir())
    if not prepare_data_dir(config, warn=False):
        raise UsageError(f"{config.data_dir}: the data folder cannot be written")
    outcome = monkey(config, args.events, seed=args.seed)
    print(outcome.summary())
    return 1 if outcome.failures else 0


def cmd_simulate(args: argparse.Namespace) -> int:
    """Visits through the real kiosk headless, recorded through the same path as real ones."""
    config = load_config(args)
    if not prepare_data_dir(config, warn=False):  # the error below says it all, in one line
        raise UsageError(f"{config.data_dir}: the data folder cannot be written; no visit could be recorded")
    from kiosk.ui.simulate import count_recorded, simulate

    before = count_recorded(config.data_dir)
    outcome = simulate(config, args.sessions, seed=args.seed, days=args.days, learners=args.learners or 0)
    recorded = count_recorded(config.data_dir) - before
    for finding in outcome.stuck:
        print(f"kiosk: simulate: stuck: {finding}", file=sys.stderr)
    print(f"{recorded} visits recorded in {config.data_dir} "
          f"({outcome.finished} finished, {outcome.left} left, {outcome.idle} idle resets; "
          f"{outcome.seconds:.0f} s, {outcome.visits / max(outcome.seconds, 1e-9) * 60:.0f} visits a minute)")
    return 0 if recorded == outcome.visits and not outcome.stuck else 1


def writable_file(path: Path, what: str) -> None:
    """Fail now, in one line, if ``path`` cannot be written (before any work is done)."""
    folder = path.parent if path.parent != Path("") else Path(".")
    if path.is_dir():
        raise UsageError(f"{what} {path}: is a folder, expected a file name")
    if not folder.is_dir():
        raise UsageError(f"{what} {path}: {folder} " + ("is a file, not a folder" if folder.exists()
                                                         else "does not exist"))
    if not os.access(folder, os.W_OK):
        raise UsageError(f"{what} {path}: the folder {folder} cannot be written")


def writable_folder(path: Path, what: str) -> None:
    """Create ``path`` if needed; fail in one line if it cannot be a writable folder."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{what} {path}: cannot create the folder ({exc.strerror or exc})") from None
    if not os.access(path, os.W_OK):
        raise UsageError(f"{what} {path}: the folder cannot be written")


def load_config(args: argparse.Namespace) -> KioskConfig:
    """The configuration with command-line overrides; validates ``--lang``."""
    config = config_module.load(args.config)
    if getattr(args, "data_dir", None):
        config = replace(config, data_dir=args.data_dir)
    lang = getattr(args, "lang", None)
    if lang and lang not in config.languages:
        where = config.source or "the built-in defaults"
        raise UsageError(f"--lang {lang}: not offered by {where} (kiosk.languages = {list(config.languages)})")
    return config


def prepare_data_dir(config: KioskConfig, warn: bool = True) -> bool:
    """Create the data folder if missing; warn (and go on) if it cannot be written.

    Writability is probed by writing a file, not with ``os.access``: the kiosk
    may run as root, for whom permission bits say nothing (a read-only mount
    still refuses).
    """
    import tempfile

    folder = config.data_dir
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if warn:
            print(f"kiosk: warning: data folder {folder}: cannot create it ({exc.strerror}); "
                  "the kiosk runs but writes no content problem report", file=sys.stderr)
        return False
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-probe-"):
            pass
    except OSError:
        if warn:
            print(f"kiosk: warning: data folder {folder} is read-only; "
                  "the kiosk runs but writes no content problem report", file=sys.stderr)
        return False
    return True


def report_content(content: object) -> None:
    """Tell staff, at start-up, which procedures were left out and why."""
    for problem in content.errors:
        print(f"kiosk: content: {problem}", file=sys.stderr)
    if content.errors:
        print(f"kiosk: {len(content.procedures)} procedures loaded, some left out (see above)", file=sys.stderr)


def cmd_run(args: argparse.Namespace) -> int:
    config = load_config(args)
    from kiosk.access.geometry import check_reach

    check_reach(config)  # a visitor may choose the seated profile at any time
    prepare_data_dir(config)
    from kiosk.ui import bootstrap

    headless = not bootstrap.has_display()
    if headless:
        print("kiosk: no display found (DISPLAY is not set): running offscreen; "
              "use `kiosk screenshot` to see the screens", file=sys.stderr)
    bootstrap.prepare(config, windowed=args.windowed, headless=headless, paced=True)
    bootstrap.quiet_kivy_logging()
    from kivy.clock import Clock

    from kiosk.speech.factory import make_engine
    from kiosk.speech.pronounce import Pronouncer
    from kiosk.ui.app import KioskApp

    engine = make_engine("real", pronouncer=Pronouncer.from_dir(config.content_dir))
    if engine.reason:
        print(f"kiosk: warning: no speech ({engine.reason}); the kiosk runs with captions only", file=sys.stderr)
    app = KioskApp(config, windowed=args.windowed, lang=args.lang, profile=args.profile, engine=engine)

    def stop(signum: int, _frame: object) -> None:
        # The system (a service manager, a shutdown) or staff at a terminal stops the
        # kiosk; no visitor can send a signal. Stopped on Kivy's clock, cleanly.
        Clock.schedule_once(lambda _dt: app.stop(), 0)

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, stop)
    app.run()
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    """Check every screen; print each violation, then the summary line."""
    config = config_module.load(args.config)
    from kiosk.access.geometry import check_reach

    check_reach(config)  # the seated profile must fit before it can be audited
    for lang in args.lang or ():
        if lang not in config.languages:
            raise UsageError(f"--lang {lang}: not offered by the configuration (kiosk.languages = "
                             f"{list(config.languages)})")
    if args.out is not None:  # created only once every option is known to be good
        writable_folder(args.out, "--out")
    from kiosk.content.loader import load as load_content
    from kiosk.ui import bootstrap

    content = load_content([config.content_dir])
    report_content(content)
    bootstrap.prepare(config, windowed=True, headless=True)
    bootstrap.quiet_kivy_logging()
    from kiosk.ui import audit

    def report(violation: object) -> None:
        print(violation, flush=True)

    def progress(line: str) -> None:
        print(f"kiosk: audit: {line}", file=sys.stderr, flush=True)

    result = audit.run(config, out=args.out, fast=args.fast, languages=args.lang, report=report, content=content,
                       jobs=max(1, args.jobs), progress=progress)
    for sheet in result.sheets:
        print(f"kiosk: contact sheet {sheet}", file=sys.stderr)
    for line in result.scan_lines():
        print(line)
    print(result.summary())
    return 1 if result.violations else 0


def cmd_screenshot(args: argparse.Namespace) -> int:
    from kiosk.access.themes import THEMES

    if args.theme is not None and args.theme not in THEMES:
        raise UsageError(f"--theme {args.theme}: unknown theme (expected one of: {', '.join(THEMES)})")
    config = load_config(args)
    writable_file(args.out, "--out")
    if args.size:
        config = config.with_resolution(*args.size)
    from kiosk.ui import bootstrap
    from kiosk.ui.headless import Headless

    bootstrap.prepare(config, windowed=True, headless=True)
    bootstrap.quiet_kivy_logging()
    if args.profile == "seated":
        from kiosk.access.geometry import check_reach

        check_reach(config)
    from kiosk.content.background import load_in_background

    # Procedures load only if the screen asked for shows one (catalogue, walkthrough, finished).
    content = load_in_background([config.content_dir], deferred=True)
    with Headless.run(config, lang=args.lang, profile=args.profile, content=content, record=False) as kiosk:
        stage(kiosk, args)
        kiosk.screenshot(args.out)
    print(args.out)
    return 0


def stage(kiosk: Headless, args: argparse.Namespace) -> None:
    """Put the running kiosk on the screen and in the state the options ask for."""
    services, style, nav = kiosk.services, kiosk.ui.style, kiosk.ui.nav
    lang = args.lang or services.visit.language
    nav.set_language(lang)
    if args.text_scale is not None:
        style.text_scale = args.text_scale
    if args.theme is not None:
        style.theme_name = args.theme
    screen = args.screen
    procedure = None
    if screen not in ("welcome", "language"):  # the catalogue would show "Loading..." in the picture
        services.content.wait()
    if args.procedure or screen in ("walkthrough", "finished", "selfcheck", "selfcheck_done"):
        procedures = services.content.procedures
        procedure = services.content.get(args.procedure) if args.procedure else (procedures[0] if procedures else None)
        if args.procedure and procedure is None:
            known = ", ".join(p.id for p in procedures)
            raise UsageError(f"--procedure {args.procedure}: no such procedure (known: {known})")
        if procedure is None:
            raise UsageError(f"--screen {screen}: no procedure loaded")
    if screen == "walkthrough":
        if not 1 <= args.step <= len(procedure.steps):
            raise UsageError(f"--step {args.step}: {procedure.id} has steps 1 to {len(procedure.steps)}")
        nav.open_procedure(procedure.id, args.step - 1)
    elif screen == "finished":
        nav.go("finished", procedure.id)
    elif screen in ("selfcheck", "selfcheck_done"):
        if not procedure.checks:
            with_checks = ", ".join(p.id for p in services.content.procedures if p.checks) or "none"
            raise UsageError(f"--screen {screen}: {procedure.id} has no self-checks (modules with some: {with_checks})")
        nav.go("finished", procedure.id)
        nav.start_checks()
        while screen == "selfcheck_done" and nav.flow.check is not None:
            nav.check_answer(True)
    elif screen in ("diagnostic", "diagnostic_done"):
        stage_diagnostic(nav, screen, args.step)
    elif screen == "help":
        nav.go("catalogue")
        nav.show_help()
    elif screen.startswith("staff_"):
        nav.enter_staff()
        if screen == "staff_learner":
            learners = services.staff.learners.all()
            nav.ensure("staff_learner").code = learners[0].code if learners else "ABC-234"
        nav.go(screen)
    elif screen == "idle":
        nav.go("catalogue")
        kiosk.advance(services.config.idle_delay_s + 0.5)
    else:
        nav.go(screen)
    kiosk.settle()


def stage_diagnostic(nav: Navigator, screen: str, task: int) -> None:
    """"Where do I start?" on task ``task`` (from 1), or its end after every task done."""
    diagnostic = nav.flow.diagnostic
    if diagnostic is None:
        raise UsageError(f"--screen {screen}: the content has no diagnostic (content/diagnostic.yaml)")
    if not 1 <= task <= len(diagnostic.tasks):
        raise UsageError(f"--step {task}: the diagnostic has tasks 1 to {len(diagnostic.tasks)}")
    nav.go("catalogue")
    nav.start_diagnostic()
    visit = nav.services.visit
    while nav.flow.screen == "diagnostic" and (screen == "diagnostic_done" or visit.check_index < task - 1):
        nav.check_answer(True)


def cmd_content(args: argparse.Namespace) -> int:
    from kiosk.content.loader import load as load_content

    if args.content_command == "check":
        config = config_module.load(args.config)
        paths = args.paths or [config.content_dir]
        missing = [p for p in paths if not p.exists()]
        if missing:
            raise UsageError(f"{missing[0]}: no such file or folder")
        from kiosk.content.glossary_loader import glossary_files

        if not glossary_files(paths):  # one module alone: its hard words are looked up in the kiosk's glossaries
            paths = [*paths, *glossary_files([config.content_dir])]
        content = load_content(paths)
        for problem in content.problems:
            print(f"{problem}{'' if problem.severity == 'error' else ' (warning)'}")
        from kiosk.content.lexicon import lexicon_files

        skills = content.skills
        files = len({p.source for p in content.procedures} | {p.file for p in content.problems}
                    | {g.source for g in content.glossaries.values()} | set(lexicon_files(paths))
                    | ({f for f in (skills.source, skills.diagnostic and skills.diagnostic.source) if f}
                       if skills is not None else set()))
        gaps = [p for p in content.warnings if p.kind == "glossary"]
        print(f"{files} files checked: {len(content.procedures)} procedures loaded, "
              f"{len(content.errors)} errors, {len(content.warnings)} warnings"
              + (f" ({len(gaps)} hard words with no glossary entry)" if gaps else ""))
        return 1 if content.errors or gaps else 0
    config = config_module.load(args.config)
    content = load_content([config.content_dir])
    report_content(content)
    if args.content_command == "sources":
        from datetime import date

        from kiosk.content.freshness import source_lines

        for line in source_lines(content.procedures, date.today()):
            print(line)
        return 0
    for p in content.procedures:
        row = {"id": p.id, "languages": list(p.languages), "steps": len(p.steps),
               "replicas": p.replica_count, "last_checked": p.last_checked.isoformat(),
               "sourced_steps": p.sourced_steps, "sources": len(p.sources), "skills": len(p.skills),
               "checks": len(p.checks)}
        print(json.dumps(row, ensure_ascii=False) if args.json else
              f"{p.id:32} {','.join(p.languages):9} {len(p.steps):3} steps {p.replica_count:3} replicas  "
              f"checked {p.last_checked}  {p.sourced_steps:2} sourced steps {len(p.sources):2} sources")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """Print the logbook's figures; write the CSV and HTML files asked for."""
    from kiosk.logbook.report import run as run_report
    from kiosk.logbook.storage import LogbookError

    config = config_module.load(args.config)
    folders = args.data_dir or [config.data_dir]
    try:
        print(run_report(folders, args.date_from, args.date_to, csv_path=args.csv, html_path=args.html,
                         titles=_titles(config.content_dir), outcome_titles=_outcome_titles(config.content_dir)))
    except LogbookError as exc:
        raise UsageError(str(exc)) from None
    return 0


def _outcome_titles(content_dir: Path) -> dict[str, str]:
    """Outcome id -> its French wording, for the report (no catalogue: the ids are shown)."""
    from kiosk.content.skills import load_skills

    catalogue, _problems = load_skills([content_dir])
    return {o.id: o.text.get("fr") for o in catalogue.outcomes}


def _titles(content_dir: Path) -> dict[str, str]:
    """Procedure id -> French title, for the report (a broken file only loses its title there)."""
    from kiosk.content.loader import load_files

    procedures, _problems = load_files([content_dir])
    return {p.id: p.title.get("fr") for p in procedures}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``kiosk`` command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "run":
            return cmd_run(args)
        if args.command == "screenshot":
            return cmd_screenshot(args)
        if args.command == "content":
            return cmd_content(args)
        if args.command == "audit":
            return cmd_audit(args)
        if args.command == "report":
            return cmd_report(args)
        if args.command == "simulate":
            return cmd_simulate(args)
        if args.command == "staff":
            from kiosk.cli_staff import cmd_staff

            return cmd_staff(args, load_config(args))
        if args.command == "monkey":
            return cmd_monkey(args)
        if args.command == "say":
            from kiosk.cli_say import cmd_say

            return cmd_say(args)
    except (ConfigError, UsageError) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        # Ctrl+C or SIGINT: what was finished is kept (visits saved, files written whole), nothing else.
        # On a line of its own: the terminal's ^C (or a progress line) may have left the cursor mid-line.
        print(f"\nkiosk: {args.command}: interrupted; work finished before it is kept", file=sys.stderr)
        return 130
    except OSError as exc:  # a path that cannot be read or written, found late: one line, not a traceback
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"kiosk: {args.command}: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    parser.error(f"unknown command {args.command}")
    return 2
