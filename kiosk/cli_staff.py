"""``kiosk staff``: the PIN, learner codes, a learner's skills grid and their attestation de parcours.

Split from :mod:`kiosk.cli` (its dispatcher calls :func:`cmd_staff`). Each bad
input is one line and exit status 2 (:class:`~kiosk.cli_parser.UsageError`).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.cli_parser import UsageError
from kiosk.config import KioskConfig

if TYPE_CHECKING:
    from kiosk.content.skills import SkillsCatalogue
    from kiosk.staff.learners import Learners
    from kiosk.staff.skills_grid import SkillRow


def learner_skills(config: KioskConfig, learners: Learners, code: str | None, what: str
                   ) -> tuple[str, SkillsCatalogue, list[SkillRow], list[dict[str, Any]]]:
    """A known learner's code, the skills catalogue, their grid and the logbook's records (read once),
    or one clear line (``what``: the command)."""
    from kiosk.content.skills import load_skills
    from kiosk.staff.learners import normalise
    from kiosk.staff.progress import learner_records
    from kiosk.staff.skills_grid import skills_grid

    given = normalise(code or "")
    if given is None or given not in {item.code for item in learners.all()}:
        raise UsageError(f"{what}: {code or '(no code)'}: no such learner code in {config.data_dir} "
                         "(kiosk staff learner list shows them)")
    catalogue, _problems = load_skills([config.content_dir])  # the catalogue alone: no module is needed
    if not catalogue.outcomes:
        raise UsageError(f"{what}: {config.content_dir}: no skills catalogue (skills.yaml) loaded")
    records = learner_records(config.data_dir)
    return given, catalogue, skills_grid(records, given, catalogue), records


def show_learner(config: KioskConfig, learners: Learners, code: str | None, lang: str) -> int:
    """``kiosk staff learner show CODE``: the learner's skills grid, from the logbook."""
    from kiosk.staff.completed import diagnostic_line
    from kiosk.staff.skills_grid import grid_lines

    given, catalogue, rows, records = learner_skills(config, learners, code, "learner show")
    for line in grid_lines(rows, catalogue, given, lang):
        print(line)
    path = diagnostic_line(records, given, lang)
    if path:
        print(path)
    return 0


def make_attestation(config: KioskConfig, args: argparse.Namespace) -> int:
    """``kiosk staff attestation CODE --out FILE.pdf [--lang]``: the outcomes the learner showed, on one page."""
    from kiosk.staff.attestation import write_attestation
    from kiosk.staff.learners import Learners

    if not config.organisation.strip():
        where = args.config or "the built-in defaults"
        raise UsageError(f"attestation: [kiosk] organisation is empty in {where}: set the space's name, "
                         "which the attestation carries")
    given, catalogue, rows, _records = learner_skills(config, Learners(config.data_dir), args.code, "attestation")
    out = Path(args.out)
    if not out.parent.is_dir():
        raise UsageError(f"attestation: {out.parent}: no such folder; nothing written")
    if not os.access(out.parent, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise UsageError(f"attestation: {out}: cannot write there; nothing written")
    try:
        path = write_attestation(given, rows, catalogue, args.lang, config.organisation.strip(), out)
    except OSError as exc:
        raise UsageError(f"attestation: {out}: cannot write the PDF ({exc.strerror or exc}); nothing written") \
            from None
    print(f"kiosk: attestation of {given} written to {path}")
    return 0


def cmd_staff(args: argparse.Namespace, config: KioskConfig) -> int:
    """``kiosk staff set-pin`` and ``kiosk staff learner new|list``."""
    if args.staff_command == "attestation":
        return make_attestation(config, args)
    if args.staff_command == "learner":
        from kiosk.staff.learners import Learners

        learners = Learners(config.data_dir)
        if args.learner_command == "show":
            return show_learner(config, learners, args.code, args.lang)
        if args.learner_command == "new":
            try:
                code = learners.create().code
            except OSError as exc:
                raise UsageError(f"learner new: {config.data_dir}: cannot write the learner file "
                                 f"({exc.strerror or exc}); nothing changed") from None
            print(code)
        else:
            for item in learners.all():
                print(f"{item.code}  {item.created}")
        return 0
    from kiosk.staff import pin as pins

    if args.pin_stdin:
        pin = sys.stdin.readline().strip()
    else:
        import getpass

        if not sys.stdin.isatty():
            raise UsageError("set-pin: no terminal to ask on; use --pin-stdin to read the PIN from stdin")
        pin = getpass.getpass("New staff PIN (4 to 12 digits): ")
        if getpass.getpass("The same PIN again: ") != pin:
            raise UsageError("set-pin: the two PINs differ; nothing changed")
    try:
        pins.check_format(pin)
        path = pins.set_pin(config.data_dir, pin)
    except pins.PinError as exc:
        raise UsageError(f"set-pin: {exc}; nothing changed") from None
    except OSError as exc:
        raise UsageError(f"set-pin: {config.data_dir}: cannot write the PIN file ({exc.strerror or exc})") from None
    finally:
        pin = ""  # not kept
    print(f"kiosk: staff PIN set (only its hash is stored, in {path})")
    return 0
