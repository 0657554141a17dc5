"""content/diagnostic.yaml: the shipped one is sound; a broken one is named by file, line and field, the rest loads."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.content.diagnostic import PATH_MAX, PATH_MIN
from kiosk.content.loader import load
from tests.conftest import ROOT

TASK = """\
  - id: {id}
    task: {{fr: "Touchez.", en: "Tap.", ar: "اضغط."}}
    path: [{module}]
    replica:
      heading: {{fr: "Page", en: "Page", ar: "صفحة"}}
      elements:
        - {{id: a, kind: card, label: {{fr: "A", en: "A", ar: "A"}}}}
        - {{id: b, kind: card, label: {{fr: "B", en: "B", ar: "B"}}}}
      order: [{order}]
      target: a
      action: order
"""


MODULES = ("email", "email_daily", "safety")


def folder_with(tmp_path: Path, tasks: list[str], all_done: str = ", ".join(MODULES)) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    for module in MODULES:
        shutil.copy(ROOT / "content" / f"{module}.yaml", folder)
    text = "tasks:\n" + "".join(tasks) + f"all_done: [{all_done}]\n"
    (folder / "diagnostic.yaml").write_text(text, encoding="utf-8")
    return folder


def test_the_shipped_diagnostic_grows_in_difficulty_and_every_path_has_three_to_five_modules(shipped_content) -> None:
    diagnostic = shipped_content.skills.diagnostic
    assert 8 <= len(diagnostic.tasks) <= 12
    kinds = {e.kind for task in diagnostic.tasks for e in task.replica.elements}
    assert {"picture", "card", "link", "result", "message", "field"} <= kinds
    known = [p.id for p in shipped_content.procedures]
    for first in range(len(diagnostic.tasks)):
        for second in range(first + 1, len(diagnostic.tasks)):
            assert PATH_MIN <= len(diagnostic.path_for([first, second], known)) <= PATH_MAX
    assert diagnostic.path_for([], known) == diagnostic.all_done


def test_a_broken_diagnostic_is_named_and_left_out_and_the_modules_still_load(tmp_path: Path) -> None:
    good = [TASK.format(id=f"t{i}", module="email", order="a, b") for i in range(7)]
    bad = TASK.format(id="t7", module="no_such_module", order="b, a")
    content = load([folder_with(tmp_path, [*good, bad])])
    assert sorted(p.id for p in content.procedures) == sorted(MODULES)
    assert content.skills.diagnostic is None
    problems = {str(p).split(": ", 1)[1] for p in content.errors}
    path = tmp_path / "content" / "diagnostic.yaml"
    assert any(str(p).startswith(f"{path}:") for p in content.errors)
    assert "tasks[7].path[0]: no module 'no_such_module' loaded" in problems
    assert "tasks[7].replica.target: with action 'order' the target is the first card, 'b'" in problems
    assert len(problems) == 2


def test_a_diagnostic_the_schema_refuses_is_left_out_with_its_line(tmp_path: Path) -> None:
    tasks = [TASK.format(id=f"t{i}", module="email", order="a, b") for i in range(8)]
    content = load([folder_with(tmp_path, tasks, all_done="email")])
    assert content.skills.diagnostic is None and len(content.procedures) == len(MODULES)
    assert [str(p).split(": ", 1)[1] for p in content.errors] == ["all_done: expected at least 3 item(s)"]
    assert str(content.errors[0]).startswith(f"{tmp_path / 'content' / 'diagnostic.yaml'}:{8 * 11 + 2}:")
