"""A visitor's way through the kiosk: welcome, language, catalogue, a module's steps, well done, and back."""

from __future__ import annotations

import pytest

import kiosk.flow.effects as fx
from kiosk.i18n import t
from kiosk.logbook import events as ev
from tests.flow.harness import Story, of


def test_a_visit_goes_from_welcome_to_well_done(story: Story) -> None:
    procedure = story.services.content.get("email")
    assert story.screen == "welcome" and not story.visit.started
    story.go("start_visit")
    assert story.screen == "language" and story.visit.started
    story.go("choose_language", "en")
    assert story.screen == "catalogue"
    story.go("open_procedure", "email")
    for index in range(len(procedure.steps)):
        assert (story.screen, story.visit.step_index, story.flow.step) == ("walkthrough", index,
                                                                         procedure.steps[index])
        story.go("next_step")
    assert story.screen == "finished" and story.flow.procedure is procedure
    assert story.shown() == ["language", "catalogue", *["walkthrough"] * len(procedure.steps), "finished"]
    assert story.spoken[-1] == t("en", "announce_finished", title=procedure.title.get("en"))


def test_a_kiosk_with_one_language_skips_the_language_screen(make_story) -> None:
    story = make_story(languages=("en",))
    assert story.visit.language == "en"
    story.go("start_visit")
    assert story.screen == "catalogue"
    assert story.spoken == [t("en", "announce_welcome"), t("en", "announce_catalogue")]
    story.go("back")
    assert story.screen == "welcome"  # no language screen to go back to either


def test_the_language_chosen_restyles_every_screen_in_it(story: Story) -> None:
    story.go("start_visit")
    effects = story.go("choose_language", "ar")
    assert story.visit.language == "ar" and story.screen == "catalogue"
    styles = of(effects, fx.ApplyStyle)
    assert [s.lang for s in styles] == ["ar"] and not styles[0].reset
    assert effects.index(styles[0]) < effects.index(fx.Show("catalogue"))  # restyled before it shows
    assert story.spoken[-1] == t("ar", "announce_catalogue")


def test_back_retraces_the_visit_and_never_leaves_the_welcome_screen(story: Story) -> None:
    story.to_screen("finished")
    screens = []
    for _ in range(5):
        story.go("back")
        screens.append(story.screen)
    assert screens == ["catalogue", "language", "welcome", "welcome", "welcome"]


def test_back_on_the_welcome_screen_does_nothing_at_all(story: Story) -> None:
    assert story.go("back") == []
    assert story.screen == "welcome" and story.shown() == []


def test_back_in_a_walkthrough_asks_the_step_screen_for_its_previous_page(story: Story) -> None:
    # The easy profile's pages are the screen's to turn: the flow asks, and the step stays.
    story.to_screen("walkthrough")
    effects = story.go("back")
    assert fx.StepBack() in effects and not of(effects, fx.Show)
    assert (story.screen, story.visit.step_index) == ("walkthrough", 1)


def test_previous_step_goes_back_then_leaves_the_lesson_for_the_catalogue(story: Story) -> None:
    story.to_screen("walkthrough")
    story.go("previous_step")
    assert (story.screen, story.visit.step_index, story.visit.procedure_id) == ("walkthrough", 0, "email")
    story.go("previous_step")
    assert story.screen == "catalogue"
    assert story.flow.procedure is None and story.flow.step is None  # the lesson was left


def test_learn_more_leaves_the_finished_lesson_for_the_catalogue(story: Story) -> None:
    story.to_screen("finished")
    story.go("learn_more")
    assert story.screen == "catalogue" and story.flow.procedure is None
    assert story.visit.started  # the same visit goes on


def test_a_procedure_opens_at_its_first_or_a_given_step(story: Story) -> None:
    story.start("fr")
    story.go("open_procedure", "cv")
    assert (story.screen, story.visit.step_index) == ("walkthrough", 0)
    total = len(story.services.content.get("cv").steps)
    story.go("open_procedure", "cv", total - 1)
    assert story.visit.step_index == total - 1
    assert story.spoken[-1].startswith(t("fr", "step_progress", n=total, total=total))


def test_the_praise_for_a_step_is_said_with_the_next_one_only(story: Story) -> None:
    story.to_step("email", 1)
    praise = t("en", "replica_praise")
    story.go("next_step", praise=praise)
    assert story.spoken[-1].startswith(praise)  # said before the next step
    assert story.visit.praise == ""  # ... once
    story.go("next_step")
    assert praise not in story.spoken[-1]


@pytest.mark.parametrize("move", ["next_step", "previous_step", "open_procedure"])
def test_what_was_typed_on_a_step_is_gone_once_the_step_is_left(story: Story, move: str) -> None:
    story.to_step("email", 2)
    step = story.flow.step
    story.visit.practice_for(step).type(next(e.id for e in step.replica.elements if e.typable), "Marie")
    assert story.visit.typed
    story.go(move, *(["cv"] if move == "open_procedure" else []))
    assert story.visit.typed == {} and story.visit.practice is None


def test_next_step_without_a_lesson_open_does_nothing(story: Story) -> None:
    story.start("en")
    assert story.go("next_step") == []
    assert story.screen == "catalogue" and ev.StepCompleted not in story.events


def test_the_end_of_a_visit_wipes_every_trace_of_it(story: Story) -> None:
    story.go("toggle_profile", "low_vision")
    story.go("toggle_profile", "seated")
    story.to_step("email", 2, lang="ar")
    step = story.flow.step
    field = next(e.id for e in step.replica.elements if e.typable)
    story.visit.practice_for(step).type(field, "Marie")
    story.visit.praise = t("ar", "replica_praise")
    story.key("volume_up")
    story.key("speech")
    assert story.visit.typed and story.visit.exploring and story.visit.profiles == {"low_vision", "seated"}

    effects = story.go("end_visit", "finished")
    visit = story.visit
    assert story.screen == "welcome" and not visit.started
    assert (visit.language, visit.procedure_id, visit.step_index, visit.profiles) == ("fr", None, 0, set())
    assert (visit.typed, visit.practice, visit.praise, visit.exploring) == ({}, None, "", False)
    assert (visit.volume, visit.rate, visit.text_scale) == (0.8, 1.0, 1.0)
    style = of(effects, fx.ApplyStyle)[-1]
    assert style.reset and style.lang == "fr" and not style.settings.seated and style.settings.text_scale == 1.0
    assert fx.ForgetScreens() in effects and fx.ForgetSpeech() in effects
    assert story.services.speech.last_announcement.text == t("fr", "announce_welcome")  # nothing of the visit
    assert story.record["ended"] == "finished"


@pytest.mark.parametrize("how", ["finished", "left", "idle", "staff"])
def test_the_logbook_is_told_how_the_visit_ended(story: Story, how: str) -> None:
    story.to_step("cv", 3)
    effects = story.go("end_visit", how)
    assert fx.Record(ev.VisitEnded, {"how": how}) in effects
    assert story.events[-1] is ev.VisitEnded and story.record["ended"] == how


def test_a_tool_can_show_any_screen_for_a_given_lesson(story: Story) -> None:
    story.go("show", "finished", "safety")
    assert story.screen == "finished" and story.visit.procedure_id == "safety"
    title = story.services.content.get("safety").title.get("fr")
    assert story.spoken[-1] == t("fr", "announce_finished", title=title)
