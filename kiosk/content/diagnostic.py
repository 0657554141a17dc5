"""The diagnostic "Where do I start?": short tasks of growing difficulty, and the path they propose.

``content/diagnostic.yaml`` holds 8 to 12 tasks, easiest first (touch,
choose a picture, scroll, type a word... spot a scam), each done on a
practice page like a self-check, each naming the modules that teach it
(``path``), and the modules proposed to a visitor who did every task
(``all_done``). The visitor never sees a score: :meth:`Diagnostic.path_for`
turns the tasks they found hard into 3 to 5 modules, in order. A broken
file is left out with ``FILE:LINE: field: what`` problems (the kiosk then
offers no diagnostic); a module it names that did not load is a problem too.
Imports no Kivy.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kiosk.content.contentset import Problem
from kiosk.content.language_file import named_file, read_yaml_file
from kiosk.content.model import Check, Procedure, Text
from kiosk.content.replicas import replica_errors, replica_from
from kiosk.validation import dotted

#: the diagnostic's file name in a content folder (never read as a procedure)
DIAGNOSTIC_FILE = "diagnostic.yaml"
SCHEMA_PATH = Path(__file__).with_name("diagnostic_schema.json")
#: a path proposes this many modules, at least and at most
PATH_MIN, PATH_MAX = 3, 5
#: the diagnostic stops after this many tasks the visitor found hard
STOP_AFTER = 2
#: wrong tries after which a task counts as hard (the visitor moves on, with no score)
HARD_AFTER = 2


@dataclass(frozen=True)
class Diagnostic:
    """The tasks, easiest first (each a :class:`Check` with no outcome), their modules, and the end's."""

    tasks: tuple[Check, ...]
    #: for each task, the modules that teach what it asks
    paths: tuple[tuple[str, ...], ...]
    #: the modules proposed to a visitor who did every task
    all_done: tuple[str, ...]
    source: Path | None = None

    def path_for(self, hard: Sequence[int], known: Iterable[str] | None = None) -> tuple[str, ...]:
        """3 to 5 modules for a visitor who found tasks ``hard`` (indexes) hard, easiest first.

        The modules of the hard tasks first, then those of the tasks after the
        first hard one, then ``all_done``'s; only modules in ``known`` (the ones
        that loaded), when given.
        """
        allowed = set(known) if known is not None else None
        picked: list[str] = []

        def add(ids: Iterable[str]) -> None:
            picked.extend(m for m in ids if m not in picked and (allowed is None or m in allowed))

        for index in hard:
            add(self.paths[index])
        for index in range(min(hard, default=len(self.tasks)), len(self.tasks)):
            if len(picked) >= PATH_MIN:
                break
            add(self.paths[index])
        if len(picked) < PATH_MIN:
            add(self.all_done)
        return tuple(picked[:PATH_MAX])


@cache
def schema() -> dict[str, Any]:
    """The diagnostic's schema, with the procedures' definitions (a task's page is a replica)."""
    from kiosk.content.replicas import procedure_schema

    own: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return {**own, "$defs": procedure_schema()["$defs"]}


def load_diagnostic(paths: Iterable[Path], procedures: Sequence[Procedure]) -> tuple[Diagnostic | None, list[Problem]]:
    """The diagnostic under ``paths`` (``None`` when there is none or it is broken), and its problems."""
    path = named_file(paths, DIAGNOSTIC_FILE)
    if path is None:
        return None, []
    data, located, problems = read_yaml_file(path, schema())
    if problems:
        return None, problems
    loaded = {p.id for p in procedures}
    found: list[tuple[list[Any], str]] = []
    seen: set[str] = set()
    for i, raw in enumerate(data["tasks"]):
        if raw["id"] in seen:
            found.append((["tasks", i, "id"], f"task id {raw['id']!r} is used twice"))
        seen.add(raw["id"])
        found += replica_errors(raw["replica"], ["tasks", i, "replica"])
        found += [(["tasks", i, "path", j], f"no module {m!r} loaded") for j, m in enumerate(raw["path"])
                  if m not in loaded]
    found += [(["all_done", j], f"no module {m!r} loaded") for j, m in enumerate(data["all_done"]) if m not in loaded]
    if found:
        return None, [Problem(path, located.line(at), dotted(at), what) for at, what in found]
    tasks = tuple(Check(raw["id"], Text(raw["task"]), (), replica_from(raw["replica"], "https://www.exemple.fr"))
                  for raw in data["tasks"])
    return Diagnostic(tasks, tuple(tuple(raw["path"]) for raw in data["tasks"]), tuple(data["all_done"]), path), []
