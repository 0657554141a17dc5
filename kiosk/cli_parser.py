"""The ``kiosk`` command line: its commands, options and checks of option values (:mod:`kiosk.cli` runs them).

A bad option is one line with where to look (``kiosk COMMAND --help``), exit status 2.
"""

from __future__ import annotations

import argparse
import os
import typing
from pathlib import Path

from kiosk.access.profiles import PROFILES
from kiosk.i18n import LANGUAGES

SCREENS = ("welcome", "language", "catalogue", "walkthrough", "finished", "help", "idle", "selfcheck",
           "selfcheck_done", "diagnostic", "diagnostic_done",
           "staff_pin", "staff_panel", "staff_launch", "staff_learners", "staff_learner",
           "staff_today")


class UsageError(Exception):
    """A command-line problem worded for a person."""


def _size(value: str) -> tuple[int, int]:
    try:
        w, h = (int(part) for part in value.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT in pixels, e.g. 1920x1080, got {value!r}") from None
    if w < 200 or h < 200:
        raise argparse.ArgumentTypeError(f"the size must be at least 200x200 pixels, got {value!r}")
    return w, h


class _Parser(argparse.ArgumentParser):
    """argparse, but a bad option is one line (with where to look), not the usage block and a line."""

    def error(self, message: str) -> typing.NoReturn:
        self.exit(2, f"{self.prog}: {message} (see: {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The command line: ``run``, ``screenshot``, ``audit``, ``content check|list``, ``staff``, ``report``,
    ``simulate``, ``say`` and ``monkey``."""
    parser = _Parser(prog="kiosk", description="Passerelle, the accessible kiosk.")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--config", type=Path, help="TOML configuration file (default: built-in defaults)")
        p.add_argument("--data-dir", type=Path,
                       help="data folder: content problem reports; later the logbook (overrides the configuration)")
        p.add_argument("--lang", choices=LANGUAGES, help="language a visit starts in")
        p.add_argument("--profile", choices=PROFILES, help="profile every visit starts with")

    run = sub.add_parser("run", help="start the kiosk (fullscreen, locked down)")
    common(run)
    run.add_argument("--windowed", action="store_true", help="development mode: a window that may be closed")

    shot = sub.add_parser("screenshot", help="render one screen headless to a PNG and exit")
    common(shot)
    shot.add_argument("--screen", required=True, choices=SCREENS)
    shot.add_argument("--procedure", help="procedure id (walkthrough, finished; default: the first one)")
    shot.add_argument("--step", type=int, default=1, help="step (walkthrough) or task (diagnostic) number, from 1")
    shot.add_argument("--text-scale", type=float, choices=(1.0, 1.5, 2.0),
                      help="text size (default: 1, or what --profile asks for)")
    shot.add_argument("--theme", help="colour theme (default: light, or what --profile asks for)")
    shot.add_argument("--size", type=_size, help="WIDTHxHEIGHT pixels (default: the configured resolution)")
    shot.add_argument("--out", type=Path, required=True, help="PNG file to write")

    audit = sub.add_parser("audit",
                           help="render every screen headless and check accessibility; exit 1 on any violation")
    audit.add_argument("--config", type=Path, help="TOML configuration file (default: built-in defaults)")
    audit.add_argument("--out", type=Path, help="folder for the contact sheets (one PNG per language)")
    audit.add_argument("--fast", action="store_true",
                       help="a small subset for CI: one procedure, every language, 100%% and 200%% text")
    audit.add_argument("--lang", choices=LANGUAGES, action="append",
                       help="only this language (repeatable; default: every configured language)")
    audit.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                       help="processes to share the work (default: %(default)s)")

    content = sub.add_parser("content", help="check or list the procedures, or their sources")
    csub = content.add_subparsers(dest="content_command", required=True)
    check = csub.add_parser("check", help="validate procedure files and lint easy-to-read rules")
    check.add_argument("--config", type=Path)
    check.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the configured content)")
    listing = csub.add_parser("list", help="list the procedures")
    listing.add_argument("--config", type=Path)
    listing.add_argument("--json", action="store_true", help="one JSON object per procedure")
    sources = csub.add_parser("sources", help="per module and step: the official pages and the day each was read")
    sources.add_argument("--config", type=Path)

    staff = sub.add_parser("staff", help="staff mode: set the PIN, learner codes, a learner's skills and attestation")
    ssub = staff.add_subparsers(dest="staff_command", required=True)
    set_pin = ssub.add_parser("set-pin", help="set the staff PIN (4 to 12 digits; only its hash is stored)")
    set_pin.add_argument("--config", type=Path, help="TOML configuration file (default: built-in defaults)")
    set_pin.add_argument("--data-dir", type=Path, help="data folder (overrides the configuration)")
    set_pin.add_argument("--pin-stdin", action="store_true", help="read the PIN from the first line of stdin")
    learner = ssub.add_parser("learner", help="learner codes")
    learner.add_argument("learner_command", choices=("new", "list", "show"))
    learner.add_argument("code", nargs="?", help="show: the learner's code (prints their skills grid)")
    learner.add_argument("--lang", choices=LANGUAGES, default="fr", help="show: the language of the grid")
    learner.add_argument("--config", type=Path, help="TOML configuration file (default: built-in defaults)")
    learner.add_argument("--data-dir", type=Path, help="data folder (overrides the configuration)")
    attestation = ssub.add_parser("attestation", help="a learner's attestation de parcours (PDF): the outcomes "
                                                      "they showed, with their dates")
    attestation.add_argument("code", help="the learner's code")
    attestation.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    attestation.add_argument("--lang", choices=LANGUAGES, default="fr", help="the learner's language")
    attestation.add_argument("--config", type=Path, help="TOML configuration file (default: built-in defaults)")
    attestation.add_argument("--data-dir", type=Path, help="data folder (overrides the configuration)")

    report = sub.add_parser("report", help="figures from the visit logbook: table, CSV, HTML page with charts")
    report.add_argument("--config", type=Path, help="TOML configuration file (default: built-in defaults)")
    report.add_argument("--data-dir", type=Path, action="append",
                        help="a kiosk's data folder (repeatable: several kiosks, one report; "
                             "default: the configured one)")
    report.add_argument("--from", dest="date_from", metavar="DATE",
                        help="first day, YYYY-MM-DD (default: the first visit)")
    report.add_argument("--to", dest="date_to", metavar="DATE", help="last day, YYYY-MM-DD (default: the last visit)")
    report.add_argument("--csv", type=Path, metavar="FILE", help="also write every table to this CSV file")
    report.add_argument("--html", type=Path, metavar="FILE", help="also write one self-contained HTML page with charts")

    sim = sub.add_parser("simulate", help="make N visits through the real kiosk headless, recorded in the logbook")
    sim.add_argument("--config", type=Path, help="TOML configuration file (default: built-in defaults)")
    sim.add_argument("--data-dir", type=Path, help="data folder whose logbook receives the visits")
    sim.add_argument("--sessions", type=_positive, required=True, help="how many visits")
    sim.add_argument("--seed", type=int, help="random seed (the same seed makes the same visits)")
    sim.add_argument("--days", type=_positive, default=1, help="spread the visits over this many past days")
    sim.add_argument("--learners", type=_positive, help="make this many learner codes; most visits are handed "
                                                        "over to one, who does the self-checks")

    say = sub.add_parser("say", help="speak a text through the kiosk's speech (segments, Arabic vowels, lexicon)")
    say.add_argument("--config", type=Path, help="TOML configuration file (default: built-in defaults)")
    say.add_argument("--lang", required=True, choices=LANGUAGES, help="the screen's language the text is in")
    say.add_argument("--out", type=Path, metavar="FILE.wav",
                     help="write the sound to this WAV file (with standard input: FILE-1.wav, FILE-2.wav...)")
    say.add_argument("--phonemes", action="store_true",
                     help="print espeak-ng's phonemes, one line per segment (standard input: one line per line)")
    say.add_argument("text", nargs="*", metavar="TEXT",
                     help="what to say (default: each line of standard input, one answer line each)")

    monkey = sub.add_parser("monkey", help="random touches and keys on the real kiosk headless; exit 1 on a finding")
    monkey.add_argument("--config", type=Path, help="TOML configuration file (default: built-in defaults)")
    monkey.add_argument("--data-dir", type=Path, help="data folder (default: a new temporary folder)")
    monkey.add_argument("--events", type=_positive, default=2000, help="how many events (default: %(default)s)")
    monkey.add_argument("--seed", type=int, default=0, help="random seed: the same seed replays the same events")
    return parser


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {number}")
    return number
