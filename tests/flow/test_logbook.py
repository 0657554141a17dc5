"""What the logbook is told of a visit, in order, and what it is never told."""

from __future__ import annotations

import json

import kiosk.flow.effects as fx
from kiosk.access.themes import HIGH_CONTRAST_THEME
from kiosk.logbook import events as ev
from tests.flow.harness import Story, of

#: what a visitor types in practice: letters no id, date or uuid holds
MARKER = "qzj4"


def test_a_whole_visit_is_told_in_order(story: Story) -> None:
    steps = len(story.services.content.get("email").steps)
    story.start("en")
    story.go("open_procedure", "email")
    for _ in range(steps):
        story.go("next_step")
    story.go("end_visit", "finished")
    walk = [ev.StepCompleted, ev.StepShown] * (steps - 1)
    assert story.events == [ev.VisitStarted, ev.LanguageChosen, ev.ProcedureOpened, ev.StepShown, *walk,
                            ev.StepCompleted, ev.ProcedureFinished, ev.VisitEnded]
    assert story.recorder.ignored == 0
    record = story.record
    email = record["procedures"][0]
    assert (record["ended"], record["languages"], email["id"], email["finished"]) == ("finished", ["en"], "email",
                                                                                        True)
    assert email["steps"]["completed"] == [True] * steps and email["steps_reached"] == steps


def test_nothing_is_told_before_the_visit_starts_and_the_start_carries_the_choices(story: Story) -> None:
    story.go("set_language", "ar")
    story.go("toggle_profile", "seated")
    story.go("toggle_profile", "low_vision")
    story.go("show_help")
    story.go("back")
    story.go("repeat")
    story.key("speech")
    assert story.events == [] and story.saver.saves == []
    story.go("start_visit")
    started = story.recorder.handled[0]
    assert isinstance(started, ev.VisitStarted) and story.events == [ev.VisitStarted]
    assert (started.language, started.profiles, started.text_scale, started.theme) == (
        "ar", frozenset({"seated", "low_vision"}), 1.5, HIGH_CONTRAST_THEME)
    assert started.launched_by == "visitor" and started.speech_on


def test_a_language_change_is_told_only_when_it_changes(story: Story) -> None:
    story.go("start_visit")
    story.go("choose_language", "fr")  # the welcome screen's language already
    assert ev.LanguageChosen not in story.events
    story.go("open_procedure", "email")
    story.go("set_language", "ar")
    assert story.events[-1] is ev.LanguageChosen
    story.go("next_step")
    assert story.record["languages"] == ["fr", "ar"]


def test_a_profile_change_during_the_visit_is_told_with_the_settings_after_it(story: Story) -> None:
    story.start("en")
    story.go("toggle_profile", "low_vision")
    story.go("toggle_profile", "low_vision")  # the larger size
    changes = [e for e in story.recorder.handled if isinstance(e, ev.ProfileChanged)]
    assert [(c.profiles, c.text_scale) for c in changes] == [(frozenset({"low_vision"}), 1.5),
                                                           (frozenset({"low_vision"}), 2.0)]
    story.go("end_visit", "left")
    assert story.record["profiles"] == ["low_vision"] and story.record["settings"]["text_scales"] == [1.0, 1.5, 2.0]


def test_a_practice_mistake_is_told_with_its_step(story: Story) -> None:
    story.to_step("email", 3)
    effects = story.go("practice_mistake")
    assert of(effects, fx.Record) == [fx.Record(ev.PracticeMistake, {"procedure_id": "email", "step_index": 2})]
    story.go("next_step")
    assert story.record["procedures"][0]["steps"]["mistakes"][:4] == [0, 0, 1, 0]


def test_a_practice_mistake_with_no_lesson_open_is_not_told(story: Story) -> None:
    story.start("en")
    assert story.go("practice_mistake") == []
    assert ev.PracticeMistake not in story.events


def test_repeat_is_counted_on_the_step_on_show(story: Story) -> None:
    story.to_step("email", 2)
    said = story.spoken[-1]
    story.go("repeat")
    assert story.spoken[-1] == said  # the step said again
    story.go("next_step")
    assert story.record["procedures"][0]["steps"]["repeats"][:2] == [0, 1]


def test_the_record_is_saved_at_each_step_before_the_visit_ends(story: Story) -> None:
    story.to_step("cv", 3)
    record = story.record
    assert record["ended"] is None and record["procedures"][0]["steps_reached"] == 3


def test_a_visit_started_again_from_the_welcome_screen_closes_the_first_as_left(story: Story) -> None:
    story.start("en")
    story.go("back")
    story.go("back")
    assert story.screen == "welcome"
    story.go("start_visit")
    first, second = story.records
    assert first["ended"] == "left" and second["ended"] is None and first["id"] != second["id"]


def test_nothing_typed_reaches_any_event_record_or_journal(story: Story) -> None:
    story.to_step("email", 2)
    step = story.flow.step
    practice = story.visit.practice_for(step)
    for element in step.replica.elements:
        if element.typable:
            practice.type(element.id, MARKER)
    assert MARKER in story.visit.typed.values()  # it really was typed
    effects = []
    for command in ("practice_mistake", "show_help", "call_helper", "repeat", "take_memo", "record_settings"):
        effects += story.go(command)
    story.go("toggle_profile", "easy")
    story.go("next_step")
    story.advance(story.services.config.idle_delay_s + story.services.config.idle_warning_s)
    assert story.record["ended"] == "idle"
    for record in of(story.screen_effects + effects, fx.Record):
        assert MARKER not in repr(record.fields)
    assert all(MARKER not in repr(event) for event in story.recorder.handled)
    assert MARKER not in json.dumps(story.saver.saves)
    assert MARKER not in json.dumps(story.journal)
    assert story.visit.typed == {}
