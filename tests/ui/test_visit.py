"""A visitor's story through the real kiosk, driven headless by the pilot."""

from __future__ import annotations

from dataclasses import replace

from kiosk.testing.pilot import Pilot
from kiosk.testing.waiting import wait_until


def test_a_visit_from_welcome_to_well_done_in_french(pilot: Pilot) -> None:
    assert pilot.screen == "welcome"
    assert "Bienvenue à Passerelle" in pilot.texts()
    assert pilot.spoken[-1].startswith("Bienvenue à Passerelle")

    pilot.tap("start_button")
    assert pilot.screen == "language"
    assert {"Français", "English", "العربية"} <= set(pilot.texts())

    pilot.tap("language_fr")
    assert pilot.screen == "catalogue"
    assert "Que voulez-vous apprendre ?" in pilot.texts()
    assert pilot.spoken[-1].startswith("Que voulez-vous apprendre ?")

    pilot.tap("procedure_email")
    procedure = pilot.services.content.get("email")
    total = len(procedure.steps)
    for index, step in enumerate(procedure.steps, start=1):
        assert pilot.screen == "walkthrough"
        progress = f"Étape {index} sur {total}"
        assert progress in pilot.find("progress_label").logical
        assert step.title.get("fr") in pilot.texts()
        assert step.text.get("fr") in pilot.texts()
        assert pilot.spoken[-1].startswith(progress + ". " + step.title.get("fr"))
        pilot.tap("next_button")

    assert pilot.screen == "finished"
    assert "Bravo !" in pilot.texts()
    assert pilot.spoken[-1].startswith(f"Bravo ! Vous avez fini : {procedure.title.get('fr')}.")

    pilot.end_visit()  # "I have finished": the next visitor finds the welcome screen
    assert pilot.screen == "welcome" and pilot.services.visit.procedure_id is None


def test_back_goes_one_step_back_and_escape_is_back(pilot: Pilot) -> None:
    pilot.tap("start_button")
    pilot.tap("language_en")
    pilot.tap("procedure_email")
    pilot.tap("next_button")
    assert "Step 2 of" in pilot.find("progress_label").logical
    pilot.tap("back_button")
    assert "Step 1 of" in pilot.find("progress_label").logical
    pilot.press("escape")
    assert pilot.screen == "catalogue"
    pilot.press("escape")
    assert pilot.screen == "language"


def test_repeat_says_the_screen_again_and_a_touch_stops_speech(config, shipped_content) -> None:
    from kiosk.speech.engines import RecordingEngine

    # A held engine keeps each utterance "speaking" until it is finished or stopped, as real speech does.
    with Pilot.run(config, content=shipped_content, engine=RecordingEngine(hold=True)) as pilot:
        pilot.tap("start_button")
        pilot.tap("language_en")
        speech, engine = pilot.services.speech, pilot.services.speech.engine
        assert speech.speaking is not None  # the catalogue's announcement is still being said
        said, stops = len(pilot.spoken), engine.stops
        pilot.tap("title_label")  # a touch on nothing actionable
        assert speech.speaking is None and engine.stops == stops + 1  # silenced at once
        assert len(pilot.spoken) == said
        pilot.tap("repeat_button")
        assert pilot.spoken[said:] == ["What do you want to learn? Touch a lesson."]


def test_help_explains_the_screen_in_words_and_aloud(pilot: Pilot) -> None:
    pilot.tap("start_button")
    pilot.tap("language_en")
    pilot.tap("help_button")
    assert pilot.overlay == "HelpOverlay"
    explanation = "Each button is one lesson. Touch the one you want to learn."
    assert any(text.startswith(explanation) for text in pilot.texts())
    assert pilot.spoken[-1].startswith(explanation)
    pilot.tap("close_button")
    assert pilot.overlay is None and pilot.screen == "catalogue"


def test_idle_warning_then_the_visit_is_wiped(pilot: Pilot) -> None:
    config = pilot.services.config
    pilot.tap("start_button")
    pilot.tap("language_ar")
    pilot.tap("procedure_email")
    pilot.tap("next_button")
    assert pilot.services.visit.step_index == 1

    pilot.advance(config.idle_delay_s - 5)
    assert pilot.overlay is None
    pilot.advance(6)
    assert pilot.overlay == "IdleWarning"
    assert "هل ما زلت هنا؟" in pilot.texts()
    assert pilot.spoken[-1].startswith("هل ما زلت هنا؟")
    countdown = pilot.find("countdown_label").logical
    assert countdown.startswith("بقي ") and int(countdown.split()[1]) >= 20

    pilot.advance(config.idle_warning_s)
    assert pilot.overlay is None
    assert pilot.screen == "welcome"
    visit = pilot.services.visit
    assert (visit.language, visit.procedure_id, visit.step_index, visit.typed) == ("fr", None, 0, {})
    assert pilot.ui.style.lang == "fr"
    assert "Bienvenue à Passerelle" in pilot.texts()


def test_idle_warning_then_still_here_carries_on(pilot: Pilot) -> None:
    config = pilot.services.config
    pilot.tap("start_button")
    pilot.tap("language_en")
    pilot.tap("procedure_cv")
    pilot.tap("next_button")
    pilot.advance(config.idle_delay_s + 1)
    assert pilot.overlay == "IdleWarning"
    pilot.tap("still_here_button")
    assert pilot.overlay is None
    assert pilot.screen == "walkthrough" and pilot.services.visit.step_index == 1
    pilot.advance(config.idle_delay_s - 10)
    assert pilot.overlay is None


def test_any_key_answers_the_idle_warning(pilot: Pilot) -> None:
    pilot.tap("start_button")
    pilot.tap("language_en")
    pilot.advance(pilot.services.config.idle_delay_s + 1)
    assert pilot.overlay == "IdleWarning"
    pilot.press("space")
    assert pilot.overlay is None and pilot.screen == "catalogue"



def test_kiosk_mode_refuses_escape_and_window_close(config) -> None:
    from kivy.core.window import Window

    with Pilot.run(config, windowed=False) as pilot:
        pilot.press("escape")
        assert pilot.app.root is not None and pilot.screen == "welcome"
        assert Window.dispatch("on_request_close") is True  # vetoed
        pilot.tap("start_button")
        pilot.press("escape")
        assert pilot.screen == "welcome"


def test_arabic_mirrors_the_main_buttons(pilot: Pilot) -> None:
    pilot.tap("start_button")
    pilot.tap("language_ar")
    pilot.tap("procedure_email")
    back, next_ = pilot.find("back_button"), pilot.find("next_button")
    assert back.to_window(*back.center)[0] > next_.to_window(*next_.center)[0]
    assert back.label == "رجوع" and next_.label == "التالي"
    pilot.ui.nav.set_language("fr")
    pilot.settle()
    assert back.to_window(*back.center)[0] < next_.to_window(*next_.center)[0]


def test_targets_are_measured_in_real_millimetres(config, shipped_content) -> None:
    # The same physical screen at two resolutions: the Next button keeps its size in mm.
    sizes = []
    for resolution in ((1280, 720), (1920, 1080)):
        cfg = config.with_resolution(*resolution)
        with Pilot.run(cfg, content=shipped_content) as pilot:  # loaded: this test is not about loading
            pilot.tap("start_button")
            pilot.tap("language_fr")
            pilot.tap("procedure_email")
            button = pilot.find("next_button")
            px_per_mm = cfg.screen.width_px / cfg.screen.width_mm
            sizes.append((button.width / px_per_mm, button.height / px_per_mm))
    for width_mm, height_mm in sizes:
        assert width_mm >= 30 and height_mm >= 30
    assert abs(sizes[0][1] - sizes[1][1]) < 1.0



def test_a_broken_procedure_is_left_out_and_the_rest_still_work(config, tmp_path) -> None:
    import shutil

    from tests.conftest import ROOT

    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(ROOT / "content" / "email.yaml", folder)
    broken = (ROOT / "content" / "cv.yaml").read_text(encoding="utf-8").replace("theme: \"job\"", "theme: 12", 1)
    (folder / "cv.yaml").write_text(broken, encoding="utf-8")
    with Pilot.run(replace(config, content_dir=folder)) as pilot:  # loads content itself, in the background
        assert pilot.services.content.finished(timeout=30)
        pilot.tap("start_button")
        pilot.tap("language_fr")
        assert pilot.has("procedure_email") and not pilot.has("procedure_cv")
        pilot.tap("procedure_email")
        assert pilot.screen == "walkthrough"
        path = config.data_dir / "content-problems.txt"

        def report_written() -> str:  # its last line ends it: a half-written file is not yet the report
            text = path.read_text(encoding="utf-8") if path.exists() else ""
            return text if "were left out" in text else ""

        report = wait_until(report_written, timeout=10, step=pilot.settle, message="the content problem report")
        assert f"{folder / 'cv.yaml'}:2: theme: expected one of" in report


def test_the_kiosk_loads_its_procedures_once_the_welcome_screen_is_drawn(config, shipped_content) -> None:
    with Pilot.run(config) as pilot:  # no content handed in: the kiosk loads its own
        assert pilot.screen == "welcome"
        # Nobody has read the procedures yet; the first frame started the loading.
        assert pilot.services.content.finished(timeout=30)
        assert [p.id for p in pilot.services.content.procedures] == [p.id for p in shipped_content.procedures]


def test_the_welcome_screen_has_repeat_and_help_too(pilot: Pilot) -> None:
    said = len(pilot.spoken)
    pilot.tap("repeat_button")
    assert pilot.spoken[said:] == [pilot.spoken[said - 1]] and pilot.spoken[-1].startswith("Bienvenue")
    pilot.tap("help_button")
    assert pilot.overlay == "HelpOverlay"
    assert pilot.screen == "welcome"
