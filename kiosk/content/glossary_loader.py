"""Read the glossary files (``content/glossary/LANG.yaml``) with the procedures' checks and error style.

A glossary lives in a ``glossary`` subfolder of a content folder, one file per
language named after it (``fr.yaml``, ``en.yaml``, ``ar.yaml``), so the
procedure loader, which reads ``content/*.yaml``, never sees it. Each file is
parsed keeping lines, checked against ``glossary_schema.json``, then against
rules a schema cannot express: a term written twice, an entry with neither a
source nor an ``unconfirmed`` note, a date that does not exist. A broken file
is left out and its problems reported as ``FILE:LINE: field: what is wrong``;
the other languages and every procedure still load. Easy-to-read warnings (a
sentence over 15 words, an unknown pictogram) come too. Imports no Kivy.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from kiosk import PICTOGRAM_DIR
from kiosk.content.contentset import Problem
from kiosk.content.glossary import Entry, Glossary
from kiosk.content.language_file import language_files, read_language_file
from kiosk.content.lint import MAX_WORDS, sentences, words
from kiosk.content.model import Source
from kiosk.validation import dotted

SCHEMA_PATH = Path(__file__).with_name("glossary_schema.json")
#: the subfolder of a content folder that holds the glossaries
GLOSSARY_DIR = "glossary"


@cache
def schema() -> dict[str, Any]:
    """The glossary JSON schema (read once)."""
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def glossary_files(paths: Iterable[Path]) -> list[Path]:
    """The glossary files of ``paths``: each folder's ``glossary/*.yaml``, and files given in a ``glossary`` folder."""
    return language_files(paths, GLOSSARY_DIR)


def is_glossary_file(path: Path) -> bool:
    """Whether ``path`` is a glossary file (inside a ``glossary`` folder), not a procedure."""
    return path.parent.name == GLOSSARY_DIR


def _structure_errors(data: dict[str, Any]) -> Iterator[tuple[list[Any], str]]:
    """Rules beyond the schema: each written form once in the file, a source or a note for every entry."""
    seen: dict[str, int] = {}
    for i, entry in enumerate(data["terms"]):
        for j, form in enumerate([entry["term"], *entry.get("forms", ())]):
            key = " ".join(form.replace("’", "'").split()).casefold()
            where = ["terms", i, "term"] if j == 0 else ["terms", i, "forms", j - 1]
            if key in seen and seen[key] != i:
                yield where, f"{form!r} is already written in terms[{seen[key]}]"
            seen.setdefault(key, i)
        if "source" not in entry and "unconfirmed" not in entry:
            yield ["terms", i], "needs a source (the official page the explanation was checked against) " \
                                "or an unconfirmed note saying why there is none"
        if "source" in entry:
            try:
                date.fromisoformat(entry["source"]["checked"])
            except ValueError:
                yield ["terms", i, "source", "checked"], "not a real date (YYYY-MM-DD)"


def _warnings(data: dict[str, Any]) -> Iterator[tuple[list[Any], str]]:
    """Easy-to-read warnings: long sentences, unknown pictograms."""
    for i, entry in enumerate(data["terms"]):
        for key in ("explain", "example"):
            for sentence in sentences(entry.get(key, "")):
                n = len(words(sentence))
                if n > MAX_WORDS:
                    yield ["terms", i, key], f"sentence of {n} words (at most {MAX_WORDS}): {sentence[:60]!r}"
        name = entry.get("pictogram")
        if name and PICTOGRAM_DIR.is_dir() and not (PICTOGRAM_DIR / f"{name}.png").exists():
            yield ["terms", i, "pictogram"], f"no pictogram named {name!r} in assets/pictograms"


def _entry(raw: dict[str, Any]) -> Entry:
    source = raw.get("source")
    return Entry(
        term=raw["term"].strip(), explain=raw["explain"].strip(), forms=tuple(f.strip() for f in raw.get("forms", ())),
        pictogram=raw.get("pictogram"), example=(raw.get("example") or "").strip() or None,
        source=Source(source["url"], source["title"], date.fromisoformat(source["checked"])) if source else None,
        unconfirmed=raw.get("unconfirmed"),
    )


def load_glossary_file(path: Path) -> tuple[Glossary | None, list[Problem]]:
    """Load one glossary file: the glossary (or ``None`` if broken) and its problems."""
    data, located, problems = read_language_file(path, schema(), "a glossary file")
    if data is None:
        return None, problems
    problems = [Problem(path, located.line(p), dotted(p), m) for p, m in _structure_errors(data)]
    if problems:
        return None, problems
    glossary = Glossary(path.stem, tuple(_entry(raw) for raw in data["terms"]), source=path)
    warnings = [Problem(path, located.line(p), dotted(p), m, "warning") for p, m in _warnings(data)]
    return glossary, warnings


def load_glossaries(paths: Iterable[Path]) -> tuple[dict[str, Glossary], list[Problem]]:
    """Every glossary under ``paths`` by language, and all their problems; a broken file is left out."""
    glossaries: dict[str, Glossary] = {}
    problems: list[Problem] = []
    for path in glossary_files(paths):
        glossary, found = load_glossary_file(path)
        problems.extend(found)
        if glossary is None:
            continue
        if glossary.lang in glossaries:
            problems.append(Problem(path, 1, "", f"a second {glossary.lang} glossary "
                                                 f"(the first is {glossaries[glossary.lang].source})"))
            continue
        glossaries[glossary.lang] = glossary
    return glossaries, problems
