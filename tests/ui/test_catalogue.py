"""The catalogue's map, as a visitor meets it: groups in order, two touches to any module,
four modules in sight at 200 % text, Up/Down through a long group, keys in grid order,
and a learner's finished modules marked."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import KioskConfig
from kiosk.content.groups import GROUPS, grouped, minutes
from kiosk.content.loader import load
from kiosk.i18n import plural, t
from kiosk.logbook import events as ev
from kiosk.logbook.recorder import Recorder
from kiosk.logbook.writer import LogWriter
from kiosk.staff.learners import Learners
from kiosk.staff.pin import set_pin
from kiosk.testing.pilot import Pilot
from kiosk.testing.waiting import wait_until
from tests.fixtures.curriculum import write_curriculum

PIN = "482916"


@pytest.fixture(scope="module")
def curriculum(tmp_path_factory: pytest.TempPathFactory):
    """21 small modules over every theme (the curriculum's stand-ins), loaded once."""
    folder = tmp_path_factory.mktemp("curriculum")
    write_curriculum(folder)
    content = load([folder])
    assert not content.errors and len(content.procedures) == 21
    return content


def in_view(pilot: Pilot, widget) -> bool:  # noqa: ANN001
    """Whether ``widget`` lies wholly inside the catalogue's visible scroll area and the window."""
    from kivy.core.window import Window

    scroller = pilot.find("catalogue_pane").ids.scroller
    left, bottom = widget.to_window(widget.x, widget.y)
    right, top = widget.to_window(widget.right, widget.top)
    view_left, view_bottom = scroller.to_window(scroller.x, scroller.y)
    view_right, view_top = scroller.to_window(scroller.right, scroller.top)
    inside_view = (bottom >= view_bottom - 1 and top <= view_top + 1
                   and left >= view_left - 1 and right <= view_right + 1)
    return inside_view and 0 <= left and right <= Window.width and 0 <= bottom and top <= Window.height


def cards_in_view(pilot: Pilot) -> list[str]:
    """The procedure cards a visitor sees whole."""
    return [p.id for p in pilot.services.content.procedures if in_view(pilot, pilot.find(f"procedure_{p.id}"))]


def test_the_groups_come_in_passport_order_with_each_module_in_its_group(config: KioskConfig, curriculum) -> None:
    with Pilot.run(config, content=curriculum) as pilot:
        pilot.start_visit("en")
        names = [t("en", f"group_{group.key}") for group in GROUPS]
        shown = [text for text in pilot.texts() if text in names]
        assert shown == names  # first steps, internet and email, daily life, procedures, office
        for group, members in grouped(curriculum.procedures):
            shelf = pilot.find(f"group_{group.key}").parent.parent
            assert {card.name for card in shelf.grid.buttons} == {f"procedure_{p.id}" for p in members}
        assert [p.id for p in grouped(curriculum.procedures)[2][1]] == ["banking", "shopping", "video_call", "safety"]
        card = pilot.find("procedure_email")
        assert card.label.splitlines() == ["Create an email address", plural("en", "minutes_about", 15)]
        assert card.icon.endswith("email.png")


def test_every_module_is_two_touches_from_the_language_screen(config: KioskConfig, curriculum) -> None:
    with Pilot.run(config, content=curriculum) as pilot:
        pilot.tap("start_button")
        for procedure in curriculum.procedures:
            assert pilot.screen == "language"
            pilot.tap("language_fr")  # touch 1
            pilot.tap(f"procedure_{procedure.id}")  # touch 2 (the pane's Up/Down only scroll)
            assert pilot.screen == "walkthrough" and pilot.ui.nav.procedure.id == procedure.id
            pilot.tap("back_button")
            pilot.tap("back_button")


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_at_200_percent_down_and_up_show_every_shipped_card_whole(config: KioskConfig, shipped_content,
                                                                  lang: str) -> None:
    # Paging by a fixed four fifths of the view left FranceConnect's card cut off after one press
    # of Down and past the top after the next: never whole in sight at 200 %.
    with Pilot.run(config.with_resolution(1920, 1080), content=shipped_content) as pilot:
        pilot.toggle_profile("low_vision")
        pilot.toggle_profile("low_vision")
        pilot.start_visit(lang)
        scroller = pilot.find("catalogue_pane").ids.scroller
        for button, end in (("catalogue_pane_down", 0.0), ("catalogue_pane_up", 1.0)):
            seen = set(cards_in_view(pilot))
            presses = 0
            while scroller.scroll_y != end:
                before = scroller.scroll_y
                pilot.tap(button)
                assert scroller.scroll_y != before, f"{button} did not move the view"
                seen |= set(cards_in_view(pilot))
                presses += 1
                assert presses < 30, f"{button} never reached the end"
            assert seen == {p.id for p in shipped_content.procedures}, (button, presses)


def test_at_200_percent_every_shipped_procedure_opens_from_the_catalogue(config: KioskConfig,
                                                                         shipped_content) -> None:
    # The visitor's tap lands on the part of a card in sight, as it does here.
    with Pilot.run(config.with_resolution(1920, 1080), content=shipped_content) as pilot:
        pilot.toggle_profile("low_vision")
        pilot.toggle_profile("low_vision")
        pilot.start_visit("fr")
        for procedure in shipped_content.procedures:
            pilot.tap(f"procedure_{procedure.id}")
            assert pilot.screen == "walkthrough" and pilot.ui.nav.procedure.id == procedure.id
            pilot.tap("back_button")
            assert pilot.screen == "catalogue"


def seen_at_200_percent(config: KioskConfig, content, lang: str) -> list[str]:  # noqa: ANN001
    """The modules in sight on the kiosk's panel once a visitor chose low vision (200 % text) and ``lang``."""
    with Pilot.run(config.with_resolution(1920, 1080), content=content) as pilot:
        pilot.toggle_profile("low_vision")
        pilot.toggle_profile("low_vision")
        pilot.start_visit(lang)
        assert pilot.ui.style.text_scale == 2.0
        return cards_in_view(pilot)


@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_at_200_percent_four_modules_are_in_sight_on_the_kiosk_panel(config: KioskConfig, curriculum,
                                                                     lang: str) -> None:
    seen = seen_at_200_percent(config, curriculum, lang)
    assert len(seen) >= 4, seen
    assert {"first_steps", "files_folders", "find_information", "send_document"} <= set(seen)


@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_at_200_percent_four_shipped_modules_are_in_sight(config: KioskConfig, shipped_content, lang: str) -> None:
    # The real titles (the longest wrap to three lines at 200 %), not the stand-ins above.
    seen = seen_at_200_percent(config, shipped_content, lang)
    assert len(seen) >= 4, seen


def test_up_and_down_move_through_a_long_group(config: KioskConfig, curriculum) -> None:
    with Pilot.run(config, content=curriculum) as pilot:
        pilot.toggle_profile("low_vision")
        pilot.toggle_profile("low_vision")
        pilot.start_visit("fr")
        last = pilot.find("procedure_ants")  # the administrative group's last module, far below
        assert not in_view(pilot, last) and pilot.has("catalogue_pane_down")
        first_seen = cards_in_view(pilot)
        scroller = pilot.find("catalogue_pane").ids.scroller
        bindings = len(scroller.get_property_observers("bar_color"))
        presses = 0
        while not in_view(pilot, last):
            pilot.tap("catalogue_pane_down")
            presses += 1
            assert presses < 20, "Down never brought the last module of the group into view"
        assert not set(first_seen) & set(cards_in_view(pilot))
        while not in_view(pilot, pilot.find("procedure_first_steps")):
            pilot.tap("catalogue_pane_up")
            presses -= 1
            assert presses > -5, "Up never went back to the top"
        assert set(first_seen) <= set(cards_in_view(pilot))
        # Kivy's ScrollView left a binding behind at every scroll step: hundreds a day on a pane.
        assert len(scroller.get_property_observers("bar_color")) <= bindings + 1


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_keys_follow_the_grid_in_reading_order(config: KioskConfig, curriculum, lang: str) -> None:
    with Pilot.run(config, content=curriculum) as pilot:
        pilot.start_visit(lang)
        order = []
        for _ in range(40):
            pilot.press("tab")
            name = pilot.app.focus.current.name
            if name.startswith("procedure_"):
                order.append(name.removeprefix("procedure_"))
            if len(order) == 4:
                break
        # first steps (2 cards, one row), then the internet group's first row
        assert order == ["first_steps", "files_folders", "find_information", "send_document"]
        first, second = (pilot.find(f"procedure_{pid}") for pid in order[:2])
        assert first.y == second.y  # one row
        assert (first.x > second.x) == (lang == "ar")  # Arabic reads the row right to left
        # the card is said with a pause between its title and its length
        send = curriculum.get("send_document")
        comma = "، " if lang == "ar" else ", "
        said = comma.join([send.title.get(lang), plural(lang, "minutes_about", minutes(send)), t(lang, "kind_button")])
        assert pilot.spoken[-1] == said + "."


def write_logbook(data_dir: Path, code: str) -> None:
    """Two past visits through the recorder and the real writer: the learner finished
    ``email`` and opened ``banking``; someone else finished ``shopping``."""
    writer = LogWriter(data_dir)
    recorder = Recorder(writer, kiosk_id="test")
    for learner, opened, finished in ((code, ["email", "banking"], ["email"]), ("XYZ-234", ["shopping"], ["shopping"])):
        recorder.emit(ev.VisitStarted, launched_by="staff", language="fr", learner=learner)
        for pid in opened:
            recorder.emit(ev.ProcedureOpened, procedure_id=pid, theme="email", step_count=3)
            recorder.emit(ev.StepShown, procedure_id=pid, step_index=0)
            if pid in finished:
                recorder.emit(ev.ProcedureFinished, procedure_id=pid)
        recorder.emit(ev.VisitEnded, how="finished")
    assert writer.flush(timeout=30)
    writer.close()


def marked(pilot: Pilot) -> set[str]:
    return {p.id for p in pilot.services.content.procedures if pilot.find(f"procedure_{p.id}").selected}


def test_a_learner_sees_the_modules_they_finished_and_the_next_visitor_does_not(config: KioskConfig,
                                                                                 curriculum) -> None:
    config.data_dir.mkdir(parents=True, exist_ok=True)
    set_pin(config.data_dir, PIN)
    code = Learners(config.data_dir).create().code
    write_logbook(config.data_dir, code)
    with Pilot.run(config, content=curriculum) as pilot:
        pilot.press("f11")
        for digit in PIN:
            pilot.tap(f"pin_{digit}")
        pilot.tap("pin_ok")
        pilot.tap("staff_launch_button")
        pilot.tap("launch_language_fr")
        pilot.tap(f"launch_learner_{code}")
        pilot.tap("staff_hand_over_button")
        assert pilot.screen == "catalogue"
        wait_until(lambda: marked(pilot), timeout=30, step=pilot.settle, message="the finished marks")
        assert marked(pilot) == {"email"}  # not the module only opened, not another learner's
        email = pilot.find("procedure_email")
        assert email.label.splitlines()[-1] == t("fr", "catalogue_done")  # a word, and the tick: not colour alone
        assert t("fr", "catalogue_done") not in pilot.find("procedure_banking").label
        # finished in this visit: marked on return, before the record is even on disk
        pilot.open_procedure("video_call")
        for _ in curriculum.get("video_call").steps:
            pilot.activate("next_button")
        assert pilot.screen == "finished"
        pilot.activate("again_button")
        assert pilot.screen == "catalogue"
        wait_until(lambda: "video_call" in marked(pilot), timeout=30, step=pilot.settle, message="the new mark")
        pilot.end_visit()
        pilot.start_visit("fr")
        assert marked(pilot) == set()
        assert t("fr", "catalogue_done") not in pilot.text()


def test_a_module_without_minutes_is_estimated_from_its_steps(curriculum) -> None:
    assert minutes(curriculum.get("files_folders")) == 10  # given by the content
    assert minutes(curriculum.get("video_call")) == 10  # 5 steps x 1.5 = 7.5, rounded to 5 -> 10
    assert minutes(curriculum.get("caf_housing")) == 20  # 12 steps -> 18 -> 20
    assert minutes(curriculum.get("budget")) == 10  # 6 steps -> 9 -> 10
