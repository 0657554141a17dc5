"""Read procedure files, validate them, and report problems with file and line.

:func:`load_files` is the whole job as a function: paths in, ``(procedures,
problems)`` out; :func:`load_all` adds the glossaries (``content/glossary/``,
:mod:`kiosk.content.glossary_loader`). :func:`load` wraps them in a full :class:`ContentSet`;
:mod:`kiosk.content.background` does the same on a worker thread.

Every file is parsed with PyYAML's composer so each value keeps its line, checked
against ``schema.json`` with ``jsonschema``, then against rules a schema cannot
express (a replica's target exists, ids are unique). A broken file is left out
and its problems reported as ``FILE:LINE: field: what is wrong``; the others
load. Easy-to-read lint (see :mod:`kiosk.content.lint`) adds warnings.
Imports no Kivy.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from kiosk.content.contentset import ContentSet, Problem
from kiosk.content.diagnostic import DIAGNOSTIC_FILE, load_diagnostic
from kiosk.content.glossary import Glossary
from kiosk.content.glossary_loader import is_glossary_file, load_glossaries
from kiosk.content.lexicon import LEXICON_DIR, load_lexicons
from kiosk.content.model import Check, HelpPhone, HelpWeb, Procedure, Source, Step, Text
from kiosk.content.replicas import procedure_schema, replica_errors, replica_from, text_or_none
from kiosk.content.skills import SKILLS_FILE, SkillsCatalogue, check_references, load_skills
from kiosk.content.yaml_lines import parse
from kiosk.i18n import LANGUAGES
from kiosk.problems import keep_for_staff
from kiosk.validation import dotted, schema_errors

log = logging.getLogger("kiosk.content")
#: the content folder's files that are not procedures
NOT_PROCEDURES = (SKILLS_FILE, DIAGNOSTIC_FILE)


#: the procedure JSON schema (read once)
schema = procedure_schema


def _sources(raw: list[dict[str, str]] | None) -> tuple[Source, ...]:
    return tuple(Source(s["url"], s["title"], date.fromisoformat(s["checked"])) for s in raw or ())


def _build(data: dict[str, Any], source: Path) -> Procedure:
    steps = []
    for s in data["steps"]:
        replica = replica_from(s["replica"], data["site"]["url"]) if s.get("replica") else None
        steps.append(
            Step(
                id=s["id"],
                title=Text(s["title"]),
                text=Text(s["text"]),
                speak=text_or_none(s.get("speak")),
                tip=text_or_none(s.get("tip")),
                warning=text_or_none(s.get("warning")),
                picture=s.get("picture"),
                replica=replica,
                audio={lang: source.parent / rel for lang, rel in s["audio"].items()} if s.get("audio") else None,
                sources=_sources(s.get("sources")),
                unconfirmed=s.get("unconfirmed"),
            )
        )
    languages = tuple(lang for lang in LANGUAGES if lang in data["title"])
    return Procedure(
        id=data["id"],
        theme=data["theme"],
        pictogram=data["pictogram"],
        title=Text(data["title"]),
        summary=Text(data["summary"]),
        site_name=Text(data["site"]["name"]),
        site_url=data["site"]["url"],
        last_checked=date.fromisoformat(data["last_checked"]),
        checked_by=data["checked_by"],
        bring=tuple(Text(b) for b in data["bring"]),
        steps=tuple(steps),
        source=source,
        languages=languages,
        sources=_sources(data.get("sources")),
        help_phone=_help_phone(data.get("help_phone")),
        help_web=HelpWeb(data["help_web"]["address"], Text(data["help_web"]["label"]),
                         _sources([data["help_web"]["source"]])[0]) if data.get("help_web") else None,
        minutes=data.get("minutes"),
        skills=tuple(data.get("skills", ())),
        checks=tuple(Check(c["id"], Text(c["task"]), tuple(c["skills"]),
                           replica_from(c["replica"], data["site"]["url"])) for c in data.get("checks", ())),
    )


def _help_phone(raw: dict[str, Any] | None) -> HelpPhone | None:
    if not raw:
        return None
    source = _sources([raw["source"]])[0] if raw.get("source") else None
    return HelpPhone(raw["number"], Text(raw["label"]), source)


def _structure_errors(data: dict[str, Any]) -> Iterable[tuple[list[Any], str]]:
    """Rules beyond the schema: unique ids, replica targets that exist and fit, checks on the module's skills."""
    for part, what in (("steps", "step"), ("checks", "self-check")):
        seen: set[str] = set()
        for i, item in enumerate(data.get(part, ())):
            if item["id"] in seen:
                yield [part, i, "id"], f"{what} id {item['id']!r} is used twice"
            seen.add(item["id"])
            if item.get("replica"):
                yield from replica_errors(item["replica"], [part, i, "replica"])
    skills = set(data.get("skills", ()))
    for i, check in enumerate(data.get("checks", ())):
        for j, skill in enumerate(check["skills"]):
            if skill not in skills:
                known = ", ".join(sorted(skills))
                yield ["checks", i, "skills", j], f"{skill!r} is not one of the module's skills ({known})"


def _dates(data: dict[str, Any]) -> Iterable[list[Any]]:
    """Where the document holds dates: ``last_checked`` and every source's ``checked``."""
    yield ["last_checked"]
    for i, _ in enumerate(data.get("sources", ())):
        yield ["sources", i, "checked"]
    if "source" in data.get("help_phone", {}):
        yield ["help_phone", "source", "checked"]
    if "help_web" in data:
        yield ["help_web", "source", "checked"]
    for i, step in enumerate(data["steps"]):
        for j, _ in enumerate(step.get("sources", ())):
            yield ["steps", i, "sources", j, "checked"]


def _at(data: Any, path: Sequence[Any]) -> Any:
    for part in path:
        data = data[part]
    return data


def load_file(path: Path, today: date | None = None,
              glossaries: Mapping[str, Glossary] | None = None) -> tuple[Procedure | None, list[Problem]]:
    """Load one procedure file: the procedure (or ``None``) and its problems.

    With ``glossaries`` (by language), a hard word with no glossary entry is a warning too.
    """
    from kiosk.content.lint import lint  # lint builds on the model; imported late to keep this light

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(path, 1, "", f"not UTF-8 text ({exc.reason})")]
    except OSError as exc:
        return None, [Problem(path, 1, "", f"cannot read the file: {exc.strerror or exc}")]
    try:
        data, located = parse(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [Problem(path, line, "", f"not valid YAML: {reason}")]
    except (ValueError, TypeError, RecursionError) as exc:  # e.g. unhashable keys
        return None, [Problem(path, 1, "", f"not valid YAML: {exc}")]
    problems = [Problem(path, located.line(p), dotted(p), m) for p, m in schema_errors(data, schema())]
    if problems:
        return None, problems
    problems = [Problem(path, located.line(p), dotted(p), m) for p, m in _structure_errors(data)]
    for i, step in enumerate(data["steps"]):
        for lang, rel in step.get("audio", {}).items():
            if not (path.parent / rel).is_file():
                problems.append(Problem(path, located.line(["steps", i, "audio", lang]), f"steps[{i}].audio.{lang}",
                                        f"no such audio file: {path.parent / rel}"))
    for where in _dates(data):
        try:
            date.fromisoformat(_at(data, where))
        except ValueError:
            problems.append(Problem(path, located.line(where), dotted(where), "not a real date (YYYY-MM-DD)"))
    if problems:
        return None, problems
    procedure = _build(data, path)
    warnings = [
        Problem(path, located.line(p), dotted(p), m, "warning") for p, m in lint(data, today or date.today())
    ]
    if glossaries is not None:
        from kiosk.content.hard_words import unexplained

        warnings += [Problem(path, located.line(p), dotted(p), m, "warning", "glossary")
                     for p, m in unexplained(data, glossaries)]
    return procedure, warnings


def content_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into their ``*.yaml`` files, sorted, files kept as given (glossary and lexicon files left out)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(p.glob("*.yaml")))
        elif not is_glossary_file(p) and p.parent.name != LEXICON_DIR and p.name not in NOT_PROCEDURES:
            out.append(p)
    return [p for p in out if p.name not in NOT_PROCEDURES]


def load_files(paths: Iterable[Path], today: date | None = None,
               glossaries: Mapping[str, Glossary] | None = None) -> tuple[list[Procedure], list[Problem]]:
    """Load every procedure file under ``paths``: the procedures that loaded, in order, and all problems.

    ``glossaries`` (by language, see :func:`load_all`) turn on the hard-word lint.

    A broken file is left out with its problems; a file whose loading crashes
    (a bug, not bad content) is left out too, reported as "content loading
    failed" on that file and logged with its traceback, and the others load.
    """
    procedures: list[Procedure] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for path in content_files(paths):
        try:
            procedure, found = load_file(path, today, glossaries)
        except Exception as exc:  # never lose the other files to one crash; staff see it in the report
            log.exception("content loading failed on %s", path)
            procedure, found = None, [Problem(path, 0, "", f"content loading failed: {exc!r}")]
        problems.extend(found)
        if procedure is None:
            continue
        if procedure.id in seen:
            problems.append(Problem(path, 1, "id", f"procedure id {procedure.id!r} is already used"))
            continue
        seen.add(procedure.id)
        procedures.append(procedure)
    return procedures, problems


def load_all(paths: Iterable[Path], today: date | None = None
             ) -> tuple[list[Procedure], list[Problem], dict[str, Glossary], SkillsCatalogue]:
    """The procedures and the glossaries under ``paths``, with every problem (glossaries' and lexicons' first).

    A broken glossary file is left out like a broken procedure; the rest loads.
    The pronunciation lexicons are the speech's (:mod:`kiosk.speech.pronounce`):
    only their problems are gathered here, so that ``kiosk content check`` and
    staff see them.
    """
    paths = list(paths)
    glossaries, problems = load_glossaries(paths)
    _lexicons, lexicon_problems = load_lexicons(paths)
    skills, skill_problems = load_skills(paths)
    procedures, found = load_files(paths, today, glossaries)
    skill_problems += check_references(skills, procedures)
    diagnostic, diagnostic_problems = load_diagnostic(paths, procedures)
    skills = replace(skills, diagnostic=diagnostic)
    skill_problems += diagnostic_problems
    return procedures, problems + lexicon_problems + skill_problems + found, glossaries, skills


def load(paths: Iterable[Path], today: date | None = None) -> ContentSet:
    """Load every procedure and glossary under ``paths``; broken ones are left out and reported."""
    return ContentSet(*load_all(paths, today))


PROBLEM_REPORT = "content-problems.txt"


def write_problem_report(content: ContentSet, data_dir: Path) -> Path | None:
    """Log the errors and keep them in ``data_dir/content-problems.txt`` for staff.

    The file is removed when the content is clean. Returns the report's path, or
    ``None`` when there is nothing to report or the folder cannot be written.
    """
    import logging

    log = logging.getLogger("kiosk.content")
    for problem in content.errors:
        log.error("left out: %s", problem)
    lines = [str(p) for p in content.errors]
    if lines:
        lines.append(f"{len(content.procedures)} procedures loaded; the ones above were left out.")
    return keep_for_staff(data_dir, PROBLEM_REPORT, lines, log)
