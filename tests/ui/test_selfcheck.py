"""A visitor does the self-checks at the end of a module, on the real kiosk: taps, words, speech, the record."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.loader import load
from kiosk.i18n import t
from kiosk.testing.pilot import Pilot
from tests.checked_email import email_skills, email_with_checks
from tests.ui.test_logbook_visits import flushed, records_on_disk


def checked_content(tmp_path: Path):
    """The e-mail module with three self-checks of our own (tap « Se connecter »), and the catalogue."""
    skills = email_skills()
    path = email_with_checks(tmp_path / "content", [("one", skills[0]), ("two", skills[1]), ("three", skills[1])],
                             catalogue=True)
    return load([path.parent])


@pytest.fixture
def checker(config, tmp_path: Path):
    with Pilot.run(config, content=checked_content(tmp_path)) as pilot:
        yield pilot


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_visitor_checks_what_they_learnt_retries_and_sees_what_they_showed(checker: Pilot, lang: str) -> None:
    pilot = checker
    pilot.start_visit(lang)
    procedure = pilot.services.content.get("email")
    pilot.ui.nav.open_procedure("email", len(procedure.steps) - 1)
    pilot.settle()
    pilot.tap("next_button")
    assert pilot.screen == "finished"
    pilot.tap("selfcheck_button")
    assert pilot.screen == "selfcheck"
    assert procedure.checks[0].task.get(lang) in pilot.texts()
    assert not pilot.find("replica_login").highlighted  # nothing shows the answer
    pilot.tap("replica_create")  # not the one
    assert pilot.find("hint_panel").heading == t(lang, "selfcheck_not_yet")
    assert pilot.spoken[-1] == t(lang, "selfcheck_not_yet")
    assert pilot.screen == "selfcheck" and pilot.services.visit.check_index == 0
    pilot.tap("replica_login")
    assert pilot.services.visit.check_index == 1
    assert pilot.spoken[-1].startswith(t(lang, "selfcheck_right"))
    assert procedure.checks[1].task.get(lang) in pilot.texts()
    pilot.tap("skip_button")  # left for another day
    pilot.tap("replica_login")
    assert pilot.screen == "selfcheck_done"
    skills = pilot.services.content.skills
    shown = [skills.get(procedure.checks[0].skills[0]), skills.get(procedure.checks[2].skills[0])]
    texts = pilot.texts()
    assert t(lang, "selfcheck_done_shown") in texts
    assert all(any(o.text.get(lang) in x for x in texts) for o in shown)
    pilot.tap("end_button")
    assert pilot.screen == "welcome"
    records = records_on_disk(flushed(pilot))
    assert len(records) == 1
    assert records[0]["checks"] == [
        {"procedure": "email", "check": "one", "passed": True, "tries": 2},
        {"procedure": "email", "check": "two", "passed": False, "tries": 0},
        {"procedure": "email", "check": "three", "passed": True, "tries": 1}]
    assert records[0]["skills_checked"] == sorted({o.id for o in shown})


def test_staff_see_a_learners_skills_on_their_page(config, shipped_content) -> None:
    from kiosk.staff.skills_grid import counts_line, load_grid
    from tests.test_skills import learner_with_checks

    code, shown = learner_with_checks(config.data_dir, shipped_content)
    with Pilot.run(config, content=shipped_content) as pilot:
        nav = pilot.ui.nav
        nav.enter_staff()
        nav.ensure("staff_learner").code = code
        nav.go("staff_learner")
        pilot.settle()
        texts = " ".join(pilot.texts())
        rows = load_grid(config.data_dir, code, shipped_content.skills)
        assert counts_line(rows, "fr") in texts
        assert counts_line(rows, "fr").startswith(f"{len(shown)} ")
        for outcome_id in shown:
            assert shipped_content.skills.get(outcome_id).text.get("fr") in texts


def test_a_blind_visitor_hears_the_task_explores_the_page_and_answers_by_a_second_touch(config, tmp_path) -> None:
    with Pilot.run(config, content=checked_content(tmp_path), profile="blind") as pilot:
        pilot.ui.nav.start_visit()
        pilot.ui.nav.choose_language("en")
        pilot.ui.nav.go("finished", "email")
        pilot.settle()
        for _ in range(30):  # keys: the focus moves to « Check what I learnt »
            pilot.press("tab")
            if pilot.find("selfcheck_button").focused:
                break
        pilot.press("enter")
        assert pilot.screen == "selfcheck"
        task = pilot.services.content.get("email").checks[0].task.get("en")
        assert task in pilot.spoken[-1]  # the task is said as the page appears
        pilot.tap("replica_create")  # explore by touch: the first touch only says what it is
        assert pilot.services.visit.check_tries == 0 and "Create an account" in pilot.spoken[-1]
        pilot.tap("replica_create")  # the second touch uses it: not the answer
        assert pilot.spoken[-1] == t("en", "selfcheck_not_yet")
        pilot.tap("replica_login")
        pilot.tap("replica_login")
        assert pilot.services.visit.check_index == 1
