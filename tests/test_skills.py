"""The skills catalogue (content/skills.yaml) and the modules' ``skills:``: loaded, held to each other."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.content.loader import load
from kiosk.content.skills import SKILLS_FILE
from tests.checked_email import email_with_checks, without_checks
from tests.conftest import ROOT
from tests.test_content import SHIPPED_FILES

CONTENT = ROOT / "content"


def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    """``kiosk ARGS...`` run as staff run it."""
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, timeout=120)


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
    assert len(content.procedures) == len(SHIPPED_FILES)  # the modules still load, and the kiosk runs with them


def test_a_module_missing_from_its_outcome_is_caught_both_ways(tmp_path: Path) -> None:
    folder = copy_content(tmp_path)
    email = folder / "email.yaml"
    text = without_checks(email.read_text(encoding="utf-8"))
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
    assert len(content.procedures) == len(SHIPPED_FILES)


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
    text = without_checks((folder / "email.yaml").read_text(encoding="utf-8"))
    (folder / "email.yaml").write_text("\n".join(r for r in text.splitlines() if not r.startswith("skills:")) + "\n",
                                       encoding="utf-8")
    content = load([folder])
    assert [p.id for p in content.procedures] == ["email"]
    assert any(p.field == "skills" and "teaches no outcome" in p.message for p in content.warnings)


def test_a_learners_grid_shows_what_they_practised_and_checked_with_the_day(shipped_content) -> None:
    from kiosk.staff.skills_grid import SkillState, grid_lines, skills_grid

    catalogue = shipped_content.skills
    email = catalogue.taught_by("email")
    records = [
        {"learner": "KMR-472", "start_local": "2026-11-02T10:00:00", "procedures": [{"id": "email"}]},
        {"learner": "KMR-472", "start_local": "2026-11-20T10:00:00", "procedures": [{"id": "email"}],
         "skills_checked": [email[0].id]},
        {"learner": "ZZZ-222", "start_local": "2026-11-21T10:00:00", "procedures": [{"id": "safety"}]},
    ]
    rows = {row.outcome.id: row for row in skills_grid(records, "KMR-472", catalogue)}
    assert len(rows) == len(catalogue.outcomes)
    assert (rows[email[0].id].state, rows[email[0].id].day) == (SkillState.CHECKED, "2026-11-20")
    assert all((rows[o.id].state, rows[o.id].day) == (SkillState.PRACTISED, "2026-11-20") for o in email[1:])
    safety_only = [o for o in catalogue.taught_by("safety") if "email" not in o.modules]
    assert safety_only and all(rows[o.id].state is SkillState.NOT_SEEN for o in safety_only)  # another learner's
    lines = grid_lines(list(rows.values()), catalogue, "KMR-472", "ar")
    assert lines[0] == (f"KMR-472: {len(rows)} outcomes: 1 checked, {len(email) - 1} practised, "
                        f"{len(rows) - len(email)} not seen")
    assert any(email[0].text.get("ar") in line and "checked" in line for line in lines)


def test_kiosk_staff_learner_show_prints_the_grid_or_one_clear_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    unknown = kiosk("staff", "learner", "show", "ABC-234", "--data-dir", str(data))
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert unknown.stderr.strip().splitlines() == [
        f"kiosk: learner show: ABC-234: no such learner code in {data} (kiosk staff learner list shows them)"]
    code = kiosk("staff", "learner", "new", "--data-dir", str(data)).stdout.strip()
    shown = kiosk("staff", "learner", "show", code.lower(), "--data-dir", str(data))
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0].startswith(f"{code}: ") and lines[0].endswith(" not seen")
    assert lines[1].startswith("Computer Essentials 1.0: ")


def email_checks(tmp_path: Path, skill: str, target: str) -> Path:
    """The e-mail module with three checks of ours on ``skill``, all tapping ``target``."""
    return email_with_checks(tmp_path / "content", [("first", skill), ("second", skill), ("third", skill)], target)


def test_self_checks_load_with_their_task_page_and_outcomes(tmp_path: Path, shipped_content) -> None:
    skill = shipped_content.get("email").skills[0]
    path = email_checks(tmp_path, skill, "create")
    content = load([path.parent])
    assert not content.errors, [str(p) for p in content.errors]
    checks = content.get("email").checks
    assert [c.id for c in checks] == ["first", "second", "third"]
    assert checks[0].skills == (skill,) and checks[0].replica.target == "create"
    assert checks[0].task.get("ar") == "المس « Créer un compte »."


def test_a_self_check_on_an_outcome_the_module_does_not_teach_or_a_missing_target_is_named(tmp_path: Path) -> None:
    path = email_checks(tmp_path, "tap_a_button", "nowhere")
    content = load([path.parent])
    lines = path.read_text(encoding="utf-8").splitlines()
    skill_line = next(n for n, row in enumerate(lines, 1) if row.strip() == "skills: [tap_a_button]")
    target_line = next(n for n, row in enumerate(lines, 1) if row.strip() == "target: nowhere")
    messages = [str(p) for p in content.errors]
    assert any(m.startswith(f"{path}:{skill_line}: checks[0].skills[0]: 'tap_a_button' is not one of the module's")
               for m in messages), messages
    assert any(m.startswith(f"{path}:{target_line}: checks[0].replica.target: target 'nowhere' is not one")
               for m in messages), messages
    assert content.get("email") is None  # that module is left out; the kiosk runs with the rest


def test_every_module_ends_with_three_self_checks_that_can_be_done_and_not_faked(shipped_content) -> None:
    """Each task's right move completes its page in every language; any other element does not."""
    from kiosk.practice.model import KINDS, PracticeState

    for module in shipped_content.procedures:
        assert 3 <= len(module.checks) <= 6, module.id
        assert len({s for c in module.checks for s in c.skills}) >= 2, module.id
        for check in module.checks:
            replica = check.replica
            for lang in ("fr", "en", "ar"):
                state = PracticeState(check.id, replica, seed=1)
                if replica.action == "tap":
                    outcome = state.tap(replica.target)
                else:
                    state.focus(replica.target)
                    state.fill(replica.target, state.target.example.get(lang))
                    outcome = state.confirm(lang)
                assert outcome.right and state.is_complete, (module.id, check.id, lang)
            for element in replica.elements:
                if element.id != replica.target and KINDS[element.kind].completes == "tap":
                    assert not PracticeState(check.id, replica, seed=1).tap(element.id).right, \
                        (module.id, check.id, element.id)


def learner_with_checks(data: Path, content) -> tuple[str, list[str]]:
    """A learner code whose logbook holds a staff-launched visit with two self-checks passed; the outcomes."""
    from kiosk.logbook import events as ev
    from kiosk.logbook.recorder import Recorder
    from kiosk.logbook.writer import LogWriter
    from kiosk.staff.learners import Learners

    code = Learners(data).create().code
    checks = content.get("safety").checks
    writer = LogWriter(data)
    recorder = Recorder(writer, kiosk_id="k1")
    recorder.emit(ev.VisitStarted, launched_by="staff", language="ar", learner=code)
    recorder.emit(ev.ProcedureOpened, procedure_id="safety", theme="safety", step_count=3)
    for check in checks[:2]:
        recorder.emit(ev.CheckAnswered, procedure_id="safety", check_id=check.id, passed=True, tries=1,
                      skills=frozenset(check.skills))
    recorder.emit(ev.CheckAnswered, procedure_id="safety", check_id=checks[2].id, passed=False, tries=3)
    recorder.emit(ev.VisitEnded, how="staff")
    writer.close()
    return code, sorted({s for c in checks[:2] for s in c.skills})


def space_config(tmp_path: Path, organisation: str) -> Path:
    """A configuration naming the space, with the data folder ``tmp_path/data``."""
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\norganisation = "{organisation}"\ndata_dir = "{tmp_path / "data"}"\n',
                      encoding="utf-8")
    return config


def test_kiosk_staff_attestation_writes_the_outcomes_checked_in_the_learners_language(
        tmp_path: Path, shipped_content) -> None:
    from pypdf import PdfReader

    code, shown = learner_with_checks(tmp_path / "data", shipped_content)
    config = space_config(tmp_path, "Espace numérique Belleville")
    for lang in ("fr", "ar"):
        out = tmp_path / f"attestation-{lang}.pdf"
        result = kiosk("staff", "attestation", code, "--out", str(out), "--lang", lang, "--config", str(config))
        assert result.returncode == 0, result.stderr
        text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
        assert code in text and "Belleville" in text
        if lang == "fr":
            assert "Ce n'est pas un diplôme" in text
            for outcome_id in shown:
                assert shipped_content.skills.get(outcome_id).text.get("fr")[:20] in text.replace("\n", " ")
    shown_grid = kiosk("staff", "learner", "show", code, "--config", str(config)).stdout
    assert sum(" checked " in line or line.lstrip().startswith("checked") for line in shown_grid.splitlines()) \
        == len(shown)


@pytest.mark.parametrize(("case", "says"), [
    ("unknown", "attestation: ZZZ-999: no such learner code in"),
    ("folder", "no such folder; nothing written"),
    ("organisation", "[kiosk] organisation is empty in"),
])
def test_a_bad_attestation_request_is_one_clear_line_and_writes_nothing(tmp_path: Path, case: str, says: str,
                                                                       shipped_content) -> None:
    code, _shown = learner_with_checks(tmp_path / "data", shipped_content)
    config = space_config(tmp_path, "" if case == "organisation" else "Espace numérique")
    out = tmp_path / ("missing" if case == "folder" else "") / "a.pdf"
    result = kiosk("staff", "attestation", "ZZZ-999" if case == "unknown" else code, "--out", str(out),
                   "--config", str(config))
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0], lines
    assert not out.exists()


def test_the_report_gives_each_modules_first_try_rate_and_the_learners_per_outcome(tmp_path: Path,
                                                                                   shipped_content) -> None:
    from datetime import date, timedelta

    from kiosk.logbook import report, summary

    data = tmp_path / "data"
    _code, shown = learner_with_checks(data, shipped_content)
    titles = {o.id: o.text.get("fr") for o in shipped_content.skills.outcomes}
    out = report.run([data], csv_path=tmp_path / "r.csv", html_path=tmp_path / "r.html", progress=False,
                     outcome_titles=titles)
    lines = out.splitlines()
    row = next(line for line in lines[lines.index("Self-checks"):] if line.startswith("safety"))
    assert row.split()[1:] == ["3", "2", "2", "67", "%"]  # three tasks, two passed at the first try
    learners = lines[lines.index("Outcomes shown by learners"):]
    for outcome_id in shown:
        assert any(line.startswith(titles[outcome_id]) and line.endswith(" 1") for line in learners), outcome_id
    assert "Self-checks passed at the first try" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "safety,3,2,2,67 %" in (tmp_path / "r.csv").read_text(encoding="utf-8")
    # The same figures from the day's summary, once the day is over.
    tomorrow = date.today() + timedelta(days=1)
    assert summary.summarise_closed_days(data, tomorrow) >= 1
    merged = summary.figures([data], progress=False, today=tomorrow)
    assert (merged.checks["safety"].tasks, merged.checks["safety"].first_try) == (3, 2)
    assert {o for o, codes in merged.outcome_learners.items() if codes} == set(shown)


def test_the_progress_sheet_lists_the_learners_skills(tmp_path: Path, shipped_content) -> None:
    from pypdf import PdfReader

    from kiosk.staff.progress import load_progress
    from kiosk.staff.sheet import write_sheet
    from kiosk.staff.skills_grid import counts_line, load_grid

    data = tmp_path / "data"
    code, shown = learner_with_checks(data, shipped_content)
    rows = load_grid(data, code, shipped_content.skills)
    path = write_sheet(load_progress(data, code), "fr", {}, data, skills=(shipped_content.skills, rows))
    text = " ".join(page.extract_text() for page in PdfReader(path).pages).replace("\n", " ")
    assert counts_line(rows, "fr") in text
    assert all(shipped_content.skills.get(o).text.get("fr")[:25] in text for o in shown)
