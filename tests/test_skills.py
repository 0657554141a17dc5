"""The skills catalogue (content/skills.yaml) and the modules' ``skills:``: loaded, held to each other."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.content.loader import load
from kiosk.content.skills import SKILLS_FILE
from tests.conftest import ROOT

CONTENT = ROOT / "content"


def copy_content(tmp_path: Path) -> Path:
    """The bundled content in a folder of our own, to break."""
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    return folder


def test_the_catalogue_has_sixty_outcomes_and_every_module_teaches_two(shipped_content) -> None:
    skills = shipped_content.skills
    assert skills is not None and len(skills.outcomes) >= 60
    assert {o.area for o in skills.outcomes} == set(skills.areas) == {
        "computer_essentials", "online_essentials", "word_processing", "spreadsheets", "it_security"}
    for module in shipped_content.procedures:
        taught = skills.taught_by(module.id)
        assert len(module.skills) >= 2, module.id
        assert {o.id for o in taught} == set(module.skills), module.id
    for outcome in skills.outcomes:
        assert outcome.text.by_lang.keys() == {"fr", "en", "ar"}, outcome.id
        assert outcome.modules, outcome.id
    assert not [p for p in shipped_content.problems if p.file.name == SKILLS_FILE]


def test_a_catalogue_and_modules_out_of_step_are_named_with_file_line_and_field(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    email = folder / "email.yaml"
    text = email.read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("skills:"))
    email.write_text(text.replace("skills: [", "skills: [no_such_outcome, ", 1), encoding="utf-8")
    catalogue = folder / SKILLS_FILE
    rows = catalogue.read_text(encoding="utf-8").splitlines()
    first = next(n for n, row in enumerate(rows) if row.strip().startswith("modules: ["))
    rows[first] = rows[first].replace("modules: [", "modules: [no_such_module, ", 1)
    catalogue.write_text("\n".join(rows) + "\n", encoding="utf-8")
    content = load([folder])
    messages = [str(p) for p in content.errors]
    assert f"{email}:{line}: skills[0]: no outcome 'no_such_outcome' in skills.yaml" in messages, messages
    assert any(m.startswith(f"{catalogue}:") and "modules: no module 'no_such_module' loaded" in m
               for m in messages), messages
    assert len(content.procedures) == 21  # the modules still load, and the kiosk runs with them


def test_a_module_missing_from_its_outcome_is_caught_both_ways(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    email = folder / "email.yaml"
    text = email.read_text(encoding="utf-8")
    skills_line = next(row for row in text.splitlines() if row.startswith("skills:"))
    first_skill = skills_line.split("[", 1)[1].split(",", 1)[0].strip()
    email.write_text(text.replace(skills_line, skills_line.replace(f"{first_skill}, ", "", 1)), encoding="utf-8")
    content = load([folder])
    messages = [str(p) for p in content.errors]
    assert any(f"'email' does not list '{first_skill}' in its skills" in m for m in messages), messages


def test_a_broken_catalogue_is_left_out_and_the_modules_still_load(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    catalogue = folder / SKILLS_FILE
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text.replace("area: computer_essentials", "area: cooking", 1), encoding="utf-8")
    content = load([folder])
    messages = [str(p) for p in content.errors]
    line = next(n for n, row in enumerate(catalogue.read_text(encoding="utf-8").splitlines(), 1)
                if "area: cooking" in row)
    assert any(m.startswith(f"{catalogue}:{line}: outcomes[0].area: no area 'cooking'") for m in messages), messages
    assert content.skills is None or not content.skills.outcomes
    assert len(content.procedures) == 21


def test_a_catalogue_with_a_wrong_field_names_it(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    catalogue = folder / SKILLS_FILE
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text.replace('ref: "', 'ref: "chapter ', 1), encoding="utf-8")
    content = load([folder])
    assert any(p.file == catalogue and p.field == "outcomes[0].ref" for p in content.errors), \
        [str(p) for p in content.errors]


def test_a_module_without_skills_is_a_warning_not_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(CONTENT / "email.yaml", folder)
    shutil.copy(CONTENT / SKILLS_FILE, folder)
    text = (folder / "email.yaml").read_text(encoding="utf-8")
    (folder / "email.yaml").write_text("\n".join(r for r in text.splitlines() if not r.startswith("skills:")) + "\n",
                                       encoding="utf-8")
    content = load([folder])
    assert [p.id for p in content.procedures] == ["email"]
    assert any(p.field == "skills" and "teaches no outcome" in p.message for p in content.warnings)
