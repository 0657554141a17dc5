"""Accessibility profiles: what each asks for, how they combine, and that a visit forgets them."""

from __future__ import annotations

import pytest

from kiosk.access.profiles import (
    CHOOSABLE,
    KEYS,
    PICTOGRAMS,
    PROFILES,
    Settings,
    explores_by_touch,
    settings_for,
    speaks,
)
from kiosk.access.themes import DEFAULT_THEME, HIGH_CONTRAST_THEME
from kiosk.keymap import DEFAULT_KEYMAP, KEY_CODES
from kiosk.session import Visit
from kiosk.ui.pictograms import pictogram_path


def test_standard_is_the_kiosk_default() -> None:
    assert settings_for([]) == Settings()
    assert settings_for(["standard"]) == Settings(text_scale=1.0, theme=DEFAULT_THEME)


def test_low_vision_is_bigger_text_and_high_contrast() -> None:
    assert settings_for(["low_vision"]) == Settings(text_scale=1.5, theme=HIGH_CONTRAST_THEME)
    assert settings_for(["low_vision"], 2.0).text_scale == 2.0
    assert settings_for([], 2.0).text_scale == 1.0  # text size belongs to the profile


def test_each_profile_and_combinations() -> None:
    assert settings_for(["blind"]) == Settings()  # the blind profile changes speech, not the look
    assert (speaks(["blind"]), explores_by_touch(["blind"])) == (True, True)
    assert settings_for(["seated"]) == Settings(seated=True)
    assert (speaks(["seated"]), explores_by_touch(["seated"])) == (False, False)
    assert settings_for(["easy"]) == Settings()
    assert (speaks(["easy"]), explores_by_touch(["easy"])) == (True, False)
    combined = ["low_vision", "seated", "easy"]
    assert settings_for(combined, 2.0) == Settings(text_scale=2.0, theme=HIGH_CONTRAST_THEME, seated=True)
    assert (speaks(combined), explores_by_touch(combined)) == (True, False)


def test_unknown_profile_is_refused() -> None:
    for rule in (settings_for, speaks, explores_by_touch):
        with pytest.raises(ValueError, match="unknown profile"):
            rule(["tall"])


def test_low_vision_toggle_steps_through_sizes_then_off() -> None:
    visit = Visit()
    seen = []
    for _ in range(4):
        visit.toggle_profile("low_vision")
        seen.append(("low_vision" in visit.profiles, visit.text_scale))
    assert seen == [(True, 1.5), (True, 2.0), (False, 1.0), (True, 1.5)]


def test_toggles_combine_and_a_visit_forgets_them() -> None:
    visit = Visit()
    for profile in ("seated", "blind", "easy", "low_vision"):
        visit.toggle_profile(profile)
    assert visit.profiles == {"seated", "blind", "easy", "low_vision"}
    assert visit.speech_mode and visit.explore_by_touch
    visit.toggle_profile("blind")
    assert not visit.explore_by_touch and visit.speech_mode  # easy still speaks
    visit.reset()
    assert visit.profiles == set() and visit.text_scale == 1.0


def test_a_staff_preset_survives_the_reset() -> None:
    visit = Visit(default_profile="low_vision")
    assert visit.profiles == {"low_vision"} and visit.text_scale == 1.5
    visit.toggle_profile("low_vision")
    visit.toggle_profile("seated")
    visit.reset()
    assert visit.profiles == {"low_vision"} and visit.text_scale == 1.5


def test_every_choosable_profile_has_a_pictogram_and_keys_that_do_not_clash() -> None:
    assert set(CHOOSABLE) < set(PROFILES)
    for profile in CHOOSABLE:
        assert pictogram_path(PICTOGRAMS[profile])
    used = {name for names in DEFAULT_KEYMAP.values() for name in names}
    for key, profile in KEYS.items():
        assert key in KEY_CODES and profile in CHOOSABLE
        assert key not in used, f"{key} is already {[a for a, n in DEFAULT_KEYMAP.items() if key in n]}"
