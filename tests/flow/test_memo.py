"""The take-away memo: printed once per lesson and language in a visit, said every time it is asked for."""

from __future__ import annotations

import kiosk.flow.effects as fx
from kiosk.i18n import t
from kiosk.logbook import events as ev
from tests.flow.harness import Story, of


def test_a_memo_asked_for_on_a_lesson_is_printed_and_said(story: Story) -> None:
    story.to_screen("finished", lang="ar", procedure_id="safety")
    effects = story.go("take_memo")
    assert story.printer.printed == [("safety", "ar")]
    assert fx.PrintMemo("safety", "ar") in effects
    assert story.spoken[-1] == t("ar", "memo_printing")
    assert story.record["memos"] == ["safety"]


def test_no_memo_without_a_lesson_open(story: Story) -> None:
    story.start("en")
    assert not story.flow.memo_available()
    assert story.go("take_memo") == []
    assert story.printer.printed == [] and t("en", "memo_printing") not in story.spoken


def test_no_memo_without_a_printer(make_story) -> None:
    story = make_story(printer=False)
    story.to_step("email", 1)
    assert not story.flow.memo_available()
    assert story.go("take_memo") == []
    assert story.printer.printed == [] and ev.MemoTaken not in story.events


def test_the_memo_is_offered_once_the_printer_is_found(story: Story) -> None:
    story.printer.ready = False
    story.to_step("email", 1)
    assert not story.flow.memo_available()
    story.printer.ready = True  # asked again each time the button is drawn
    assert story.flow.memo_available()


def test_a_second_tap_says_it_again_and_prints_no_second_sheet(story: Story) -> None:
    story.to_step("email", 1)
    story.go("take_memo")
    effects = story.go("take_memo")
    assert not of(effects, fx.PrintMemo) and ev.MemoTaken not in [r.kind for r in of(effects, fx.Record)]
    assert story.printer.printed == [("email", "en")]
    assert story.spoken[-2:] == [t("en", "memo_printing")] * 2
    assert story.events.count(ev.MemoTaken) == 1


def test_the_same_lesson_in_another_language_prints_again(story: Story) -> None:
    story.to_step("email", 1, lang="fr")
    story.go("take_memo")
    story.go("set_language", "ar")
    story.go("take_memo")
    story.go("take_memo")
    assert story.printer.printed == [("email", "fr"), ("email", "ar")]
    assert story.spoken[-1] == t("ar", "memo_printing")


def test_another_lesson_prints_its_own_memo(story: Story) -> None:
    story.to_step("email", 1)
    story.go("take_memo")
    story.go("open_procedure", "cv")
    story.go("take_memo")
    assert story.printer.printed == [("email", "en"), ("cv", "en")]
    assert story.record["memos"] == ["email", "cv"]


def test_the_next_visitor_prints_again(story: Story) -> None:
    story.to_step("email", 1)
    story.go("take_memo")
    story.go("end_visit", "left")
    assert story.flow.memos_taken == frozenset()
    story.to_step("email", 1)
    story.go("take_memo")
    assert story.printer.printed == [("email", "en")] * 2
    assert [r["memos"] for r in story.records] == [["email"], ["email"]]
