"""Self-checks at the end of a module: tasks on practice pages, no timer, retry allowed, nothing typed kept."""

from __future__ import annotations

from pathlib import Path

import pytest

import kiosk.flow.effects as fx
from kiosk.content.contentset import ContentSet
from kiosk.content.loader import load
from kiosk.i18n import t
from kiosk.logbook import events as ev
from tests.checked_email import email_skills, email_with_checks, without_checks
from tests.conftest import ROOT
from tests.flow.conftest import StoryMaker
from tests.flow.harness import Story


@pytest.fixture
def checked_content(tmp_path: Path) -> ContentSet:
    """The bundled e-mail module with three self-checks of our own (the first two on its first outcome)."""
    skills = email_skills()
    path = email_with_checks(tmp_path / "content", [("one", skills[0]), ("two", skills[0]), ("three", skills[1])])
    content = load([path.parent])
    assert not content.errors, [str(p) for p in content.errors]
    return content


@pytest.fixture
def checker(make_story: StoryMaker, checked_content: ContentSet) -> Story:
    story = make_story(content=checked_content)
    story.to_screen("finished", "fr")
    return story


def test_the_checks_start_from_the_finished_screen_one_task_at_a_time(checker: Story) -> None:
    effects = checker.go("start_checks")
    assert fx.Show("selfcheck") in effects and checker.screen == "selfcheck"
    assert checker.flow.check.id == "one" and checker.visit.check_tries == 0


def test_a_wrong_move_says_not_yet_counts_a_try_and_records_nothing_yet(checker: Story) -> None:
    checker.go("start_checks")
    effects = checker.go("check_answer", False)
    assert fx.Say(t("fr", "selfcheck_not_yet"), "fr", "selfcheck") in effects
    assert checker.spoken[-1] == t("fr", "selfcheck_not_yet")
    assert checker.screen == "selfcheck" and checker.flow.check.id == "one"  # no timer: try again
    assert ev.CheckAnswered not in checker.events


def test_a_right_move_is_praised_recorded_with_its_tries_and_shows_the_next_task(checker: Story) -> None:
    checker.go("start_checks")
    checker.go("check_answer", False)
    checker.go("check_answer", True)
    assert checker.flow.check.id == "two" and checker.visit.check_tries == 0
    assert checker.visit.praise == t("fr", "selfcheck_right")
    assert checker.record["checks"] == [{"procedure": "email", "check": "one", "passed": True, "tries": 2}]
    skill = checker.services.content.get("email").checks[0].skills[0]
    assert checker.record["skills_checked"] == [skill]


def test_a_task_left_for_another_day_is_recorded_as_not_passed_and_shows_no_outcome(checker: Story) -> None:
    checker.go("start_checks")
    checker.go("skip_check")
    assert checker.flow.check.id == "two"
    assert checker.record["checks"] == [{"procedure": "email", "check": "one", "passed": False, "tries": 0}]
    assert checker.record["skills_checked"] == []


def test_after_the_last_task_the_outcomes_shown_are_in_the_record(checker: Story) -> None:
    checker.go("start_checks")
    for _ in range(3):
        checker.go("check_answer", True)
    assert checker.screen == "selfcheck_done" and checker.flow.check is None
    checks = checker.services.content.get("email").checks
    assert checker.record["skills_checked"] == sorted({checks[0].skills[0], checks[2].skills[0]})
    assert [c["tries"] for c in checker.record["checks"]] == [1, 1, 1]


def test_back_from_a_task_returns_to_the_modules_end(checker: Story) -> None:
    checker.go("start_checks")
    checker.go("back")
    assert checker.screen == "finished" and checker.flow.procedure is not None
    checker.go("start_checks")
    assert checker.flow.check.id == "one"  # started again from the first task


def test_help_on_a_task_says_there_is_no_time_limit(checker: Story) -> None:
    checker.go("start_checks")
    checker.go("show_help")
    assert checker.spoken[-1] == t("fr", "help_selfcheck")


def test_a_module_without_checks_offers_none(make_story: StoryMaker, tmp_path: Path) -> None:
    text = (ROOT / "content" / "email.yaml").read_text(encoding="utf-8")
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "email.yaml").write_text(without_checks(text), encoding="utf-8")
    story = make_story(content=load([folder]))
    story.to_screen("finished", "fr", "email")
    assert not story.services.content.get("email").checks
    assert story.go("start_checks") == [] and story.screen == "finished"


def test_answers_outside_a_task_do_nothing(checker: Story) -> None:
    assert checker.go("check_answer", True) == [] and checker.go("skip_check") == []
    assert ev.CheckAnswered not in checker.events


def test_the_end_of_the_visit_forgets_the_task(checker: Story) -> None:
    checker.go("start_checks")
    checker.go("check_answer", False)
    checker.go("end_visit", "left")
    assert (checker.visit.check_index, checker.visit.check_tries) == (0, 0)
