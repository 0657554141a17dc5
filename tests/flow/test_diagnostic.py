""""Where do I start?": short tasks of growing difficulty, no score, a path of modules, kept with a learner's code."""

from __future__ import annotations

import kiosk.flow.effects as fx
from kiosk.content.diagnostic import PATH_MAX, PATH_MIN
from kiosk.flow.staff import Launch
from kiosk.i18n import t
from kiosk.logbook import events as ev
from tests.flow.conftest import StoryMaker
from tests.flow.harness import Story


def test_it_starts_from_the_catalogue_on_the_easiest_task(story: Story) -> None:
    story.start("fr")
    assert fx.Show("diagnostic") in story.go("start_diagnostic")
    assert story.flow.check.id == "touch_button" and story.visit.procedure_id is None


def test_a_visitor_who_does_everything_sees_no_score_and_gets_the_further_modules(story: Story) -> None:
    story.start("en")
    story.go("start_diagnostic")
    tasks = story.flow.diagnostic.tasks
    assert 8 <= len(tasks) <= 12
    seen = []
    while story.screen == "diagnostic":
        seen.append(story.flow.check.id)
        story.go("check_answer", True)
    assert seen == [task.id for task in tasks]  # every task, easiest first
    assert story.screen == "diagnostic_done"
    assert story.visit.diagnostic_path == story.flow.diagnostic.all_done
    assert story.record["diagnostic"] == {"done": seen, "hard": [], "path": list(story.flow.diagnostic.all_done)}
    assert not any(str(len(tasks)) in said for said in story.spoken)  # no "10 of 10", no score


def test_it_stops_after_two_hard_tasks_and_proposes_what_teaches_them(story: Story) -> None:
    story.start("fr")
    story.go("start_diagnostic")
    story.go("check_answer", True)   # touch
    story.go("check_answer", True)   # picture
    story.go("check_answer", False)  # scroll: not yet...
    assert story.spoken[-1] == t("fr", "selfcheck_not_yet") and story.screen == "diagnostic"
    story.go("check_answer", False)  # ...twice: hard, and on to the next with a kind word
    assert story.flow.check.id == "type_word" and story.visit.praise == t("fr", "diagnostic_move_on")
    story.go("skip_check")           # "I don't know": hard too, and the second ends it
    assert story.screen == "diagnostic_done"
    path = story.visit.diagnostic_path
    assert PATH_MIN <= len(path) <= PATH_MAX and path[0] == "first_steps" and "email" in path
    assert story.record["diagnostic"] == {"done": ["touch_button", "choose_picture"],
                                          "hard": ["scroll_down", "type_word"], "path": list(path)}
    assert story.events.count(ev.DiagnosticDone) == 1


def test_back_returns_to_the_catalogue_and_the_path_is_kept_for_the_visit(story: Story) -> None:
    story.to_screen("diagnostic_done", "ar")
    story.go("back")
    assert story.screen == "catalogue" and story.visit.diagnostic_path
    story.go("end_visit", "finished")
    assert story.visit.diagnostic_path == () and story.visit.diagnostic_hard == []


def test_staff_can_launch_a_learner_on_it_and_the_result_is_kept_with_the_code(make_story: StoryMaker) -> None:
    story = make_story()
    code = story.services.staff.learners.create().code
    story.go("hand_over", Launch(language="fr", learner=code, diagnostic=True))
    assert story.screen == "diagnostic" and story.visit.praise == t("fr", "handover_welcome")
    story.go("skip_check")
    story.go("skip_check")
    assert story.screen == "diagnostic_done"
    assert story.record["learner"] == code and story.record["diagnostic"]["hard"] == ["touch_button", "choose_picture"]
