"""Speech in the real kiosk: announcements, explore by touch, keys, volume (recording engine)."""

from __future__ import annotations

import pytest

from kiosk.i18n import t
from kiosk.testing.pilot import Pilot
from kiosk.ui.focus import actionable


@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_every_screen_announces_itself_in_the_screen_language(pilot: Pilot, lang: str) -> None:
    pilot.start_visit(lang)
    assert pilot.spoken[-1] == t(lang, "announce_catalogue")
    pilot.tap("procedure_cv")
    procedure = pilot.services.content.get("cv")
    assert pilot.spoken[-1].startswith(t(lang, "step_progress", n=1, total=len(procedure.steps)))
    assert procedure.steps[0].title.get(lang) in pilot.spoken[-1]
    assert pilot.services.speech.engine.spoken[-1].lang == lang


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_real_sites_label_in_a_step_is_given_to_the_french_voice(pilot: Pilot, lang: str) -> None:
    pilot.start_visit(lang)
    pilot.tap("procedure_ameli")
    pilot.go_to_step(3)  # "Tap « Créer un compte »": the words to find on the real page
    assert "Créer un compte" in pilot.spoken[-1]
    said = pilot.services.speech.engine.spoken[-1].segments
    labels = [s for s in said if s.text.startswith("Créer un compte")]
    assert labels and all(s.lang == "fr" for s in labels), said
    assert said[0].lang == lang  # and the step itself in the screen's language


def test_the_idle_warning_is_spoken_too(pilot: Pilot) -> None:
    pilot.tap("start_button")
    pilot.tap("language_en")
    pilot.advance(pilot.services.config.idle_delay_s + 1)
    assert pilot.spoken[-1].startswith("Are you still there? If nobody answers")


def test_explore_by_touch_speaks_first_and_activates_on_the_second_touch(config, shipped_content) -> None:
    with Pilot.run(config, content=shipped_content, profile="blind") as pilot:
        pilot.tap("start_button")
        assert pilot.screen == "welcome"  # the first touch only speaks
        assert pilot.spoken[-1] == f"{t('fr', 'welcome_start')}, {t('fr', 'kind_button')}."
        assert pilot.find("start_button").focused
        pilot.tap("start_button")
        assert pilot.screen == "language"  # the second touch on the same item activates it
        pilot.tap("language_en")
        assert pilot.screen == "language"
        assert pilot.spoken[-1] == "English, Bouton."
        pilot.tap("language_fr")  # another item: spoken, not activated
        assert pilot.screen == "language"
        pilot.tap("language_fr")
        assert pilot.screen == "catalogue"


def test_sliding_a_finger_reads_each_item_it_crosses(config, shipped_content) -> None:
    with Pilot.run(config, content=shipped_content, profile="blind") as pilot:
        pilot.activate("start_button")
        said = len(pilot.spoken)
        pilot.slide(["language_fr", "language_en", "language_ar"])
        assert pilot.screen == "language"
        spoken = pilot.spoken[said:]
        assert [s.split(",")[0] for s in spoken] == ["Français", "English", "العربية"]


def test_two_touches_on_the_welcome_background_start_speech_mode(pilot: Pilot) -> None:
    assert not pilot.services.visit.explore_by_touch
    pilot.tap("title_label")
    pilot.tap("title_label")
    assert pilot.services.visit.explore_by_touch
    assert pilot.spoken[-1] == t("fr", "speech_on")
    pilot.tap("start_button")
    assert pilot.screen == "welcome"


def test_keys_reach_every_actionable_item_of_every_screen(pilot: Pilot) -> None:
    steps = len(pilot.services.content.get("email").steps)
    stories = [
        ("welcome", lambda: None),
        ("language", lambda: pilot.tap("start_button")),
        ("catalogue", lambda: pilot.tap("language_en")),
        ("walkthrough", lambda: (pilot.open_procedure("email"), pilot.go_to_step(3))),
        ("finished", lambda: (pilot.go_to_step(steps), pilot.tap("next_button"))),
    ]
    for name, go in stories:
        go()
        assert pilot.screen == name
        expected = actionable(pilot.app.root.current_screen, pilot.ui.style.rtl)
        assert expected, name
        reached = []
        for _ in range(len(expected)):
            pilot.press("tab")
            reached.append(pilot.app.focus.current)
            assert pilot.app.focus.current.focused
        assert reached == expected, name
        pilot.press("tab")
        assert pilot.app.focus.current is expected[0]  # wraps round


def test_enter_activates_and_the_focus_is_spoken(pilot: Pilot) -> None:
    items = actionable(pilot.app.root.current_screen, pilot.ui.style.rtl)
    start = pilot.find("start_button")
    assert start in items
    pilot.press("numpad2")  # keypad Down: the first item
    assert pilot.app.focus.current is items[0]
    for _ in range(items.index(start)):  # Down moves one item each time, up to Start
        pilot.press("down")
    assert pilot.app.focus.current is start
    assert pilot.spoken[-1] == f"{t('fr', 'welcome_start')}, {t('fr', 'kind_button')}."
    pilot.press("numpad5")  # keypad Enter
    assert pilot.screen == "language"


def test_help_and_repeat_keys(pilot: Pilot) -> None:
    pilot.tap("start_button")
    pilot.tap("language_en")
    pilot.press("f2")
    assert pilot.spoken[-1] == t("en", "announce_catalogue")
    pilot.press("numpadmul")
    assert pilot.overlay == "HelpOverlay" and pilot.spoken[-1] == t("en", "help_catalogue")
    pilot.press("escape")
    assert pilot.overlay is None


def test_volume_has_a_floor_and_resets_after_the_visit(pilot: Pilot) -> None:
    visit = pilot.services.visit
    for _ in range(12):
        pilot.press("numpadsubstract")
    assert visit.volume == 0.1
    assert pilot.spoken[-1] == "Volume 1 sur 10"
    pilot.press("f4")
    assert visit.volume == 0.2
    pilot.press("f6")
    assert visit.rate > 1.0
    engine = pilot.services.speech.engine
    assert engine.volume == 0.2 and engine.rate == visit.rate  # the engine was told
    pilot.start_visit("fr")
    pilot.end_visit()
    assert visit.volume == 0.8 and visit.rate == 1.0
    assert (engine.volume, engine.rate) == (0.8, 1.0)


def test_a_password_is_never_spoken(pilot: Pilot) -> None:
    procedure = pilot.services.content.get("email")
    index, step = next((i, s) for i, s in enumerate(procedure.steps)
                       if s.replica and any(e.masked for e in s.replica.elements))
    pilot.start_visit("en")
    pilot.open_procedure("email")
    pilot.go_to_step(index + 1)
    field = next(e for e in step.replica.elements if e.masked)
    pilot.tap(f"replica_{field.id}")
    for key in "secret":
        pilot.tap(f"key_{key}")
    widget = pilot.find(f"replica_{field.id}")
    pilot.focus_on(f"replica_{field.id}")
    assert "secret" not in " ".join(pilot.spoken)
    assert pilot.spoken[-1].endswith("filled, hidden.")
    assert widget.shown == "••••••"


def test_speech_can_be_switched_off_for_a_visit(pilot: Pilot) -> None:
    pilot.press("f12")  # speech mode on
    assert pilot.services.visit.explore_by_touch
    pilot.press("f12")  # and off: silence
    said = len(pilot.spoken)
    pilot.tap("start_button")
    assert pilot.screen == "language" and len(pilot.spoken) == said
    pilot.end_visit()
    assert pilot.spoken[-1].startswith("Bienvenue")  # the next visitor hears the kiosk again


def test_a_step_with_recorded_speech_plays_the_recording(config, tmp_path) -> None:
    import wave
    from dataclasses import replace

    from tests.conftest import ROOT

    folder = tmp_path / "content"
    (folder / "audio").mkdir(parents=True)
    with wave.open(str(folder / "audio" / "open_ar.wav"), "wb") as clip:
        clip.setnchannels(1), clip.setsampwidth(2), clip.setframerate(22050)
        clip.writeframes(b"\x10\x00" * 2205)
    text = (ROOT / "content" / "email.yaml").read_text(encoding="utf-8")
    marker = text.index("\n", text.index("\n  - id: ") + 1) + 1  # just after the first step's id
    text = text[:marker] + '    audio: {ar: "audio/open_ar.wav"}\n' + text[marker:]
    (folder / "email.yaml").write_text(text, encoding="utf-8")
    with Pilot.run(replace(config, content_dir=folder)) as pilot:
        pilot.start_visit("ar")
        pilot.open_procedure("email")
        engine = pilot.services.speech.engine
        assert engine.played_files == [str(folder / "audio" / "open_ar.wav")]
        pilot.tap("repeat_button")
        assert len(engine.played_files) == 2
        pilot.ui.nav.set_language("fr")  # no French recording: synthesis as usual
        pilot.tap("repeat_button")
        pilot.tap("next_button")
        assert len(engine.played_files) == 2


def test_a_missing_recording_is_a_content_error(tmp_path) -> None:
    from kiosk.content.loader import load_file
    from tests.conftest import ROOT

    text = (ROOT / "content" / "email.yaml").read_text(encoding="utf-8")
    marker = text.index("\n", text.index("\n  - id: ") + 1) + 1  # just after the first step's id
    path = tmp_path / "email.yaml"
    path.write_text(text[:marker] + '    audio: {fr: "missing.wav"}\n' + text[marker:], encoding="utf-8")
    procedure, problems = load_file(path)
    assert procedure is None
    assert "steps[0].audio.fr: no such audio file" in str(problems[0])
