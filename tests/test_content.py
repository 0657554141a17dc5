"""Procedure files: the loader, the checks, the easy-to-read lint, and the commands."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.background import load_in_background
from kiosk.content.contentset import ContentSet, Problem
from kiosk.content.loader import load, load_file, load_files

ROOT = Path(__file__).resolve().parent.parent
#: "today" for the small synthetic files written by these tests (the shipped content is checked against the real date)
TODAY = date(2026, 11, 26)
#: one procedure per YAML file in the shipped content
SHIPPED_FILES = sorted(p for p in (ROOT / "content").glob("*.yaml") if p.name not in ("skills.yaml", "diagnostic.yaml"))

GOOD = """\
id: sample
theme: email
pictogram: email
title: {fr: "Créer une adresse", en: "Create an address", ar: "إنشاء عنوان"}
summary: {fr: "Une adresse pour tout.", en: "One address for everything.", ar: "عنوان لكل شيء."}
site:
  name: {fr: "Messagerie", en: "Mail", ar: "البريد"}
  url: "https://messagerie.exemple.fr"
last_checked: 2026-11-01
checked_by: "Équipe"
sources:
  - {url: "https://messagerie.exemple.fr/aide", title: "Aide", checked: 2026-11-01}
bring:
  - {fr: "Votre téléphone.", en: "Your phone.", ar: "هاتفك."}
steps:
  - id: open
    title: {fr: "Ouvrir", en: "Open", ar: "افتح"}
    text: {fr: "Touchez le bouton.", en: "Touch the button.", ar: "اضغط على الزر."}
    replica:
      heading: {fr: "Accueil", en: "Home", ar: "الرئيسية"}
      elements:
        - id: name
          kind: field
          label: {fr: "Nom", en: "Name", ar: "الاسم"}
          example: {fr: "Marie", en: "Mary", ar: "مريم"}
        - id: go
          kind: button
          label: {fr: "Suivant", en: "Next", ar: "التالي"}
      target: go
      action: tap
"""


def write(tmp_path: Path, text: str, name: str = "sample.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads_with_no_problem(tmp_path: Path) -> None:
    procedure, problems = load_file(write(tmp_path, GOOD), TODAY)
    assert problems == []
    assert procedure.id == "sample" and procedure.languages == ("fr", "en", "ar")
    step = procedure.steps[0]
    assert step.replica.target == "go" and step.replica.address == "https://messagerie.exemple.fr"
    assert step.replica.element("name").example.get("ar") == "مريم"
    assert procedure.replica_count == 1


def only(problems):
    assert len(problems) == 1, [str(p) for p in problems]
    return str(problems[0])


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace('url: "https://messagerie.exemple.fr"', 'url: "https://x\n  bad: ['))
    procedure, problems = load_file(path, TODAY)
    assert procedure is None
    assert only(problems).startswith(f"{path}:") and "not valid YAML" in only(problems)


def test_a_missing_field_names_file_line_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace('checked_by: "Équipe"\n', ""))
    _, problems = load_file(path, TODAY)
    assert only(problems) == f"{path}:1: checked_by: is required"


def test_a_wrong_value_is_reported_on_its_own_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("theme: email", "theme: cooking"))
    _, problems = load_file(path, TODAY)
    assert only(problems).startswith(f"{path}:2: theme: expected one of 'first_steps'")


def test_an_unknown_key_in_a_step(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("    title: {fr: \"Ouvrir\"", "    titel: x\n    title: {fr: \"Ouvrir\""))
    _, problems = load_file(path, TODAY)
    assert only(problems).startswith(f"{path}:17: steps[0].titel: unknown key")


def test_a_replica_target_that_does_not_exist(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("target: go", "target: gone"))
    _, problems = load_file(path, TODAY)
    message = only(problems)
    assert message.startswith(f"{path}:29: steps[0].replica.target: target 'gone' is not one of")


def test_an_action_that_does_not_fit_its_target(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("target: go", "target: name"))
    _, problems = load_file(path, TODAY)
    assert ("action 'tap' needs a button, checkbox, link, result, message, file, toggle, tool, picture target, "
            "'name' is a field") in only(problems)


def test_easy_to_read_lint_gives_warnings_and_keeps_the_procedure(tmp_path: Path) -> None:
    long = "Touchez le bouton bleu qui se trouve tout en bas de la page quand vous avez fini de lire."
    text = GOOD.replace('text: {fr: "Touchez le bouton."', f'text: {{fr: "{long}"')
    text = text.replace('"Votre téléphone."', '"Votre RIB et votre TELEPHONE."')
    text = text.replace(', ar: "افتح"}', "}")
    text = text.replace("last_checked: 2026-11-01", "last_checked: 2025-11-01")
    procedure, problems = load_file(write(tmp_path, text), TODAY)
    assert procedure is not None
    assert all(p.severity == "warning" for p in problems)
    messages = "\n".join(str(p) for p in problems)
    assert "steps[0].text.fr: sentence of 19 words (at most 15)" in messages
    assert "bring[0].fr: abbreviation 'RIB' not explained" in messages
    assert "bring[0].fr: word in capitals: 'TELEPHONE'" in messages
    assert "steps[0].title: no ar translation" in messages
    assert "last_checked: last checked on 2025-11-01, over six months ago" in messages


def test_an_explained_abbreviation_is_fine(tmp_path: Path) -> None:
    text = GOOD.replace('"Votre téléphone."', '"Votre relevé d\'identité bancaire (RIB). Le RIB est un papier."')
    _, problems = load_file(write(tmp_path, text), TODAY)
    assert problems == []


def test_a_broken_file_is_left_out_and_the_rest_load(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD.replace("id: sample", "id: other").replace("theme: email", "theme: 7"), "b.yaml")
    write(tmp_path, GOOD, "c.yaml")  # same id as a.yaml
    content = load([tmp_path], TODAY)
    assert [p.id for p in content.procedures] == ["sample"]
    assert len(content.errors) == 2
    assert any("b.yaml:2: theme" in str(p) for p in content.errors)
    assert any("c.yaml:1: id: procedure id 'sample' is already used" in str(p) for p in content.errors)


def test_all_shipped_procedures_are_clean() -> None:
    content = load([ROOT / "content"])
    assert content.problems == [], [str(p) for p in content.problems]
    assert len(content.procedures) == len(SHIPPED_FILES) > 0
    for procedure in content.procedures:
        assert 5 <= len(procedure.steps) <= 12, procedure.id
        assert procedure.languages == ("fr", "en", "ar"), procedure.id
        assert procedure.site_url.startswith("https://")
        if procedure.id == "first_steps":
            assert procedure.replica_count == len(procedure.steps)
        else:
            assert procedure.replica_count >= 3, procedure.id


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_any_text_gives_a_procedure_or_a_clear_error(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text, "fuzz.yaml")
    procedure, problems = load_file(path, TODAY)
    assert procedure is not None or problems
    for problem in problems:
        assert str(problem).startswith(f"{path}:") and problem.message


_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20), st.floats(allow_nan=False))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_mutation_of_a_good_file_gives_a_procedure_or_a_clear_error(tmp_path: Path, data) -> None:
    doc = yaml.safe_load(GOOD)
    # Walk to a random node and replace or delete it.
    node, path = doc, []
    for _ in range(data.draw(st.integers(1, 5))):
        keys = list(node) if isinstance(node, dict) else list(range(len(node))) if isinstance(node, list) else []
        if not keys:
            break
        key = data.draw(st.sampled_from(keys))
        if not isinstance(node[key], (dict, list)) or data.draw(st.booleans()):
            path.append(key)
            break
        node = node[key]
        path.append(key)
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    if path:
        if isinstance(parent, dict) and data.draw(st.booleans()):
            del parent[path[-1]]
        else:
            parent[path[-1]] = data.draw(_scalars)
    file = write(tmp_path, yaml.safe_dump(doc, allow_unicode=True), "mutant.yaml")
    procedure, problems = load_file(file, TODAY)
    assert procedure is not None or [p for p in problems if p.severity == "error"]


def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, timeout=60)


def test_content_check_lists_problems_and_exits_1(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "good.yaml")
    bad = write(tmp_path, GOOD.replace("id: sample", "id: Bad Id"), "bad.yaml")
    result = kiosk("content", "check", str(tmp_path))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith(f"{bad}:1: id: 'Bad Id' does not match the expected form")
    # the two files, and the kiosk's three glossaries their hard words are looked up in
    assert lines[-1] == "5 files checked: 1 procedures loaded, 1 errors, 0 warnings"


def test_content_check_is_clean_on_the_shipped_content() -> None:
    result = kiosk("content", "check")
    assert result.returncode == 0, result.stdout
    n = len(SHIPPED_FILES)
    # the glossaries, the pronunciation lexicons, the skills catalogue and the diagnostic are checked too
    files = n + 2 + sum(len(list((ROOT / "content" / sub).glob("*.yaml"))) for sub in ("glossary", "lexicon"))
    assert result.stdout.strip().endswith(f"{files} files checked: {n} procedures loaded, 0 errors, 0 warnings")


def test_content_list_json() -> None:
    result = kiosk("content", "list", "--json")
    assert result.returncode == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    shipped = load([ROOT / "content"])
    assert [r["id"] for r in rows] == [p.id for p in shipped.procedures]
    for row in rows:
        procedure = shipped.get(row["id"])
        assert row == {"id": procedure.id, "languages": list(procedure.languages), "steps": len(procedure.steps),
                       "replicas": procedure.replica_count, "last_checked": procedure.last_checked.isoformat(),
                       "sourced_steps": procedure.sourced_steps, "sources": len(procedure.sources),
                       "skills": len(procedure.skills), "checks": len(procedure.checks)}


def test_content_list_counts_sources_and_sourced_steps(tmp_path: Path) -> None:
    sourced = GOOD.replace("    replica:\n", "    sources:\n      - {url: \"https://exemple.fr/a\", title: \"A\", "
                           "checked: 2026-11-01}\n    replica:\n", 1)
    write(tmp_path, sourced, "a.yaml")
    write(tmp_path, GOOD.replace("id: sample", "id: other"), "b.yaml")
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\ncontent_dir = "{tmp_path}"\n', encoding="utf-8")
    rows = {r["id"]: r for r in map(json.loads, kiosk("content", "list", "--json", "--config", str(config))
                                     .stdout.splitlines())}
    assert (rows["sample"]["sourced_steps"], rows["sample"]["sources"]) == (1, 1)
    assert (rows["other"]["sourced_steps"], rows["other"]["sources"]) == (0, 1)
    text = kiosk("content", "list", "--config", str(config)).stdout
    assert " 1 sourced steps  1 sources" in text and " 0 sourced steps  1 sources" in text


def test_a_deferred_load_waits_to_be_started_or_read(tmp_path: Path) -> None:
    (tmp_path / "sample.yaml").write_text(GOOD, encoding="utf-8")
    done: list[object] = []
    waiting = load_in_background([tmp_path], on_done=done.append, deferred=True)
    assert not waiting.finished(timeout=0.3) and done == []  # nothing loads until someone asks
    assert [p.id for p in waiting.procedures] == ["sample"]  # the first reader starts it and waits for it
    assert waiting.finished() and done == [waiting]

    started = load_in_background([tmp_path], deferred=True).start()
    assert started.finished(timeout=30) and [p.id for p in started.procedures] == ["sample"]


def test_loading_is_a_function_and_the_set_fills_itself_through_its_api(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD, "b.yaml")  # the same id again
    procedures, problems = load_files([tmp_path], TODAY)
    assert [p.id for p in procedures] == ["sample"]
    assert [(p.file.name, p.field) for p in problems] == [("b.yaml", "id")]
    told: list[ContentSet] = []
    content = ContentSet.loading()
    content.when_loaded(told.append)
    assert not content.finished() and told == []
    content.fill(procedures, problems)
    assert content.finished() and told == [content] and content.errors == problems
    content.when_loaded(told.append)  # already loaded: told at once
    assert told == [content, content]
    with pytest.raises(RuntimeError):
        content.fill([], [])  # filled once only


def test_a_failing_listener_is_logged_and_the_others_are_still_told(caplog) -> None:
    told: list[str] = []
    content = ContentSet.loading()
    content.when_loaded(lambda _c: 1 / 0)
    content.when_loaded(lambda _c: told.append("second"))
    content.fill([], [])
    assert told == ["second"]
    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)


def test_a_crash_while_loading_a_file_names_that_file_and_the_others_load(tmp_path: Path, monkeypatch,
                                                                           caplog) -> None:
    import kiosk.content.lint as lint_module

    write(tmp_path, GOOD, "a.yaml")
    crashing = write(tmp_path, GOOD.replace("id: sample", "id: crashing"), "b.yaml")
    real_lint = lint_module.lint

    def lint(data, today):  # a bug in one of the checks, on one file only
        if data["id"] == "crashing":
            raise KeyError("oops")
        return real_lint(data, today)

    monkeypatch.setattr(lint_module, "lint", lint)
    content = load([tmp_path], TODAY)
    assert [p.id for p in content.procedures] == ["sample"]
    assert [str(p) for p in content.errors] == [f"{crashing}: (file): content loading failed: KeyError('oops')"]
    logged = [r for r in caplog.records if r.name == "kiosk.content" and r.exc_info]
    assert logged and str(crashing) in logged[0].getMessage() and logged[0].exc_info[0] is KeyError


def test_a_crash_outside_any_file_is_reported_and_readers_never_wait_for_ever(tmp_path: Path, monkeypatch,
                                                                                caplog) -> None:
    import kiosk.content.loader as loader

    def broken(paths):
        raise PermissionError("no entry")

    monkeypatch.setattr(loader, "content_files", broken)
    done: list[ContentSet] = []
    content = load_in_background([tmp_path], on_done=done.append)
    assert content.finished(timeout=30) and done == [content]
    assert content.procedures == []
    assert content.errors == [Problem(tmp_path, 0, "", "content loading failed: PermissionError('no entry')")]
    assert any(r.exc_info and r.exc_info[0] is PermissionError for r in caplog.records)
