"""The skills catalogue: what a learner can do, toward the IT skills passport (``content/skills.yaml``).

An :class:`Outcome` is one thing a learner can show, in our own easy words in
every language, with the syllabus area and the outcome number it relates to
(the syllabus text is not ours: only its numbers are given) and the modules
that teach it. Each module names its outcomes too (``skills:`` in its file);
:func:`check_references` holds the two lists to each other. A broken
catalogue is left out with ``FILE:LINE: field: what`` problems, and the
modules still load. Imports no Kivy.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from kiosk.content.contentset import Problem
from kiosk.content.diagnostic import Diagnostic
from kiosk.content.language_file import named_file, read_yaml_file
from kiosk.content.model import Procedure, Text

#: the catalogue's file name in a content folder (never read as a procedure)
SKILLS_FILE = "skills.yaml"
SCHEMA_PATH = Path(__file__).with_name("skills_schema.json")


@dataclass(frozen=True)
class Area:
    """A syllabus area (Computer Essentials...), with our own short name for it."""

    id: str
    syllabus: str
    name: Text


@dataclass(frozen=True)
class Outcome:
    """One thing a learner can do: our words, the syllabus number it relates to, the modules that teach it."""

    id: str
    area: str
    ref: str
    text: Text
    modules: tuple[str, ...]
    #: its line in the catalogue's file (for problems)
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class SkillsCatalogue:
    """Every outcome, in the catalogue's order, and the areas they belong to."""

    areas: dict[str, Area]
    outcomes: tuple[Outcome, ...]
    source: Path | None = None
    #: "Where do I start?" (``content/diagnostic.yaml``), when the content has one that loaded
    diagnostic: Diagnostic | None = None

    def get(self, outcome_id: str) -> Outcome | None:
        return next((o for o in self.outcomes if o.id == outcome_id), None)

    def taught_by(self, module_id: str) -> tuple[Outcome, ...]:
        """The outcomes module ``module_id`` teaches."""
        return tuple(o for o in self.outcomes if module_id in o.modules)


#: the catalogue when a content folder has none (or it is broken)
EMPTY = SkillsCatalogue({}, ())


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def load_skills(paths: Iterable[Path]) -> tuple[SkillsCatalogue, list[Problem]]:
    """The catalogue under ``paths`` (empty when there is none), and its own problems."""
    path = named_file(paths, SKILLS_FILE)
    if path is None:
        return EMPTY, []
    data, located, problems = read_yaml_file(path, schema())
    if problems:
        return EMPTY, problems
    seen: dict[str, int] = {}
    for i, raw in enumerate(data["outcomes"]):
        if raw["id"] in seen:
            problems.append(Problem(path, located.line(["outcomes", i, "id"]), f"outcomes[{i}].id",
                                    f"{raw['id']!r} is already the id of outcomes[{seen[raw['id']]}]"))
        seen.setdefault(raw["id"], i)
        if raw["area"] not in data["areas"]:
            problems.append(Problem(path, located.line(["outcomes", i, "area"]), f"outcomes[{i}].area",
                                    f"no area {raw['area']!r} (areas: {', '.join(data['areas'])})"))
    if problems:
        return EMPTY, problems
    areas = {key: Area(key, raw["syllabus"], Text(dict(raw["name"]))) for key, raw in data["areas"].items()}
    outcomes = tuple(Outcome(raw["id"], raw["area"], raw["ref"], Text(dict(raw["text"])), tuple(raw["modules"]),
                             located.line(["outcomes", i]))
                     for i, raw in enumerate(data["outcomes"]))
    return SkillsCatalogue(areas, outcomes, path), []


def _line_of(path: Path | None, key: str) -> int:
    """The line of a top-level ``key:`` in a module's file (1 when it has none)."""
    if path is None:
        return 1
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith(f"{key}:"):
                return number
    except OSError:
        pass
    return 1


def check_references(catalogue: SkillsCatalogue, procedures: Sequence[Procedure]) -> list[Problem]:
    """Every reference between the catalogue and the modules, both ways.

    A module's ``skills:`` names outcomes of the catalogue, an outcome's
    ``modules`` names modules that loaded, and each says what the other says.
    A module with no ``skills:`` is a warning (every module teaches at least two).
    """
    if catalogue.source is None:
        return []
    path, problems = catalogue.source, []
    known = {p.id: p for p in procedures}
    for i, outcome in enumerate(catalogue.outcomes):
        for module_id in outcome.modules:
            module = known.get(module_id)
            if module is None:
                problems.append(Problem(path, outcome.line, f"outcomes[{i}].modules",
                                        f"no module {module_id!r} loaded"))
            elif outcome.id not in module.skills:
                problems.append(Problem(path, outcome.line, f"outcomes[{i}].modules",
                                        f"{module_id!r} does not list {outcome.id!r} in its skills"))
    for module in procedures:
        if not module.skills:
            problems.append(Problem(module.source or path, 1, "skills",
                                    f"teaches no outcome of {SKILLS_FILE} (every module teaches at least 2)",
                                    "warning"))
        for j, skill in enumerate(module.skills):
            taught = catalogue.get(skill)
            if taught is None:
                problems.append(Problem(module.source or path, _line_of(module.source, "skills"), f"skills[{j}]",
                                        f"no outcome {skill!r} in {SKILLS_FILE}"))
            elif module.id not in taught.modules:
                problems.append(Problem(module.source or path, _line_of(module.source, "skills"), f"skills[{j}]",
                                        f"{SKILLS_FILE} does not list {module.id!r} among {skill!r}'s modules"))
    return problems

