"""Reading a file kept one per language (a glossary, a pronunciation lexicon) with the procedures' error lines.

The file is named after its language (``fr.yaml``, ``en.yaml``, ``ar.yaml``),
parsed keeping lines, and checked against its JSON schema; each problem is
``FILE:LINE: field: what is wrong``. Imports no Kivy.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from kiosk.content.contentset import Problem
from kiosk.content.yaml_lines import parse
from kiosk.i18n import LANGUAGES
from kiosk.validation import dotted, schema_errors


def language_files(paths: Iterable[Path], folder: str) -> list[Path]:
    """The files of ``paths`` kept in ``folder``: each content folder's ``folder/*.yaml``, and files given
    that stand inside a folder of that name."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted((p / folder).glob("*.yaml")))
        elif p.parent.name == folder:
            out.append(p)
    return out


def named_file(paths: Iterable[Path], name: str) -> Path | None:
    """The first content folder's file ``name`` (``skills.yaml``, ``diagnostic.yaml``), or that file given."""
    for p in paths:
        candidate = p / name if p.is_dir() else p
        if candidate.name == name and candidate.is_file():
            return candidate
    return None


def read_language_file(path: Path, schema: dict[str, Any], what: str) -> tuple[Any, Any, list[Problem]]:
    """``(data, locator, [])`` for a good file, ``(None, None, problems)`` otherwise.

    ``what`` names the kind of file in the message about its name ("a glossary file").
    """
    if path.stem not in LANGUAGES:
        return None, None, [Problem(path, 1, "", f"{what} is named after its language: "
                                                 f"{', '.join(f'{code}.yaml' for code in LANGUAGES)}")]
    return read_yaml_file(path, schema)


def read_yaml_file(path: Path, schema: dict[str, Any]) -> tuple[Any, Any, list[Problem]]:
    """``(data, locator, [])`` for a readable YAML file its schema accepts, ``(None, None, problems)`` otherwise."""
    try:
        data, located = parse(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        return None, None, [Problem(path, 1, "", f"not UTF-8 text ({exc.reason})")]
    except OSError as exc:
        return None, None, [Problem(path, 1, "", f"cannot read the file: {exc.strerror or exc}")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, None, [Problem(path, mark.line + 1 if mark else 1, "", f"not valid YAML: {reason}")]
    except (ValueError, TypeError, RecursionError) as exc:
        return None, None, [Problem(path, 1, "", f"not valid YAML: {exc}")]
    problems = [Problem(path, located.line(p), dotted(p), m) for p, m in schema_errors(data, schema)]
    if problems:
        return None, None, problems
    return data, located, []
