"""Learner codes: short, random, readable aloud, printable; no name is ever stored with one.

A code is three letters and three digits (``KMR-472``) from an alphabet with no
look-alikes (no I, L, O, Q; no 0 or 1). ``learners.json`` in the data folder
holds each code and the day it was made, nothing else.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kiosk.staff.files import read_json, write_json

LEARNERS_FILE = "learners.json"
LETTERS = "ABCDEFGHJKMNPRSTUVWXYZ"
DIGITS = "23456789"
CODE_RE = re.compile(f"^[{LETTERS}]{{3}}-[{DIGITS}]{{3}}$")


def new_code() -> str:
    """A fresh random code, e.g. ``KMR-472`` (22^3 x 8^3 = 5.4 million possible)."""
    letters = "".join(secrets.choice(LETTERS) for _ in range(3))
    digits = "".join(secrets.choice(DIGITS) for _ in range(3))
    return f"{letters}-{digits}"


def normalise(code: str) -> str | None:
    """``"kmr 472"`` -> ``"KMR-472"``; ``None`` when it is not a learner code."""
    raw = re.sub(r"[\s\-]", "", code.upper())
    candidate = f"{raw[:3]}-{raw[3:]}"
    return candidate if CODE_RE.match(candidate) else None


@dataclass(frozen=True)
class Learner:
    """A learner: their code and the day it was made."""

    code: str
    created: str  # ISO date


class Learners:
    """The learners list in the data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / LEARNERS_FILE

    def all(self) -> list[Learner]:
        """Every learner, newest first."""
        try:
            data = read_json(self.path) or {}
        except (OSError, ValueError):
            return []
        items = [Learner(c, str(d)) for c, d in data.get("learners", {}).items() if CODE_RE.match(c)]
        return sorted(items, key=lambda item: (item.created, item.code), reverse=True)

    def create(self, today: date | None = None) -> Learner:
        """Make a new learner code (never one already given) and keep it."""
        known = {item.code: item.created for item in self.all()}
        code = new_code()
        while code in known:
            code = new_code()
        created = (today or date.today()).isoformat()
        known[code] = created
        write_json(self.path, {"version": 1, "learners": known})
        return Learner(code, created)
