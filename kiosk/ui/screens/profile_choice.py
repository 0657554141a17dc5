"""The accessibility profiles' toggles on the welcome and language screens, and their keys (F7-F10)."""

from __future__ import annotations

from kiosk.access.profiles import CHOOSABLE as CHOOSABLE_PROFILES
from kiosk.access.profiles import KEYS as PROFILE_KEYS
from kiosk.access.profiles import PICTOGRAMS as PROFILE_PICTOGRAMS
from kiosk.access.profiles import label_key
from kiosk.keymap import KEY_CODES
from kiosk.ui.pictograms import pictogram_path
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.widgets import BigButton


class ProfileChoice:
    """Big pictogram toggles for the accessibility profiles, and their keys (F7-F10).

    Mixed into the welcome and language screens. A profile that is on shows it
    plainly: the button inverted (filled with the ink colour), a thick frame and a
    tick, and the word "on" under its name (never colour alone); a change is said
    aloud, "on" or "off".
    """

    profile_buttons: list[BigButton]

    def make_profile_buttons(self: KioskScreen) -> list[BigButton]:
        """One toggle per choosable profile, kept in step with the visit and the language."""
        buttons = []
        for profile in CHOOSABLE_PROFILES:
            button = BigButton(style=self.style, name=f"profile_{profile}", size_class="main", toggle=True)
            button.bind(on_release=lambda _b, p=profile: self.toggle_profile(p))
            buttons.append(button)
        self.profile_buttons = buttons
        self.style.fbind("lang", self.sync_profiles)
        self.sync_profiles()
        return buttons

    def sync_profiles(self: KioskScreen, *_: object) -> None:
        """Labels, pictograms and ticks from the visit's profiles."""
        visit = self.services.visit
        for profile, button in zip(CHOOSABLE_PROFILES, self.profile_buttons, strict=True):
            on = profile in visit.profiles
            button.label = self.tr(label_key(profile, visit.profiles, visit.text_scale))
            button.state_word = self.tr("profile_on") if on else ""
            button.icon = pictogram_path(PROFILE_PICTOGRAMS[profile])
            button.selected = on

    def toggle_profile(self: KioskScreen, profile: str) -> None:
        """Switch ``profile`` (low vision: the next text size), then say what changed."""
        self.nav.toggle_profile(profile)
        self.sync_profiles()
        button = self.profile_buttons[CHOOSABLE_PROFILES.index(profile)]
        state = self.tr("profile_on" if button.selected else "profile_off")
        self.services.speech.say(f"{button.label}: {state}.", self.lang, context=f"profile_{profile}")

    def handle_key(self, key: int, codepoint: str | None) -> bool:
        """F7-F10 (keypad 1, ., 3, 9) switch the profiles, as the toggles do."""
        profile = PROFILE_KEYCODES.get(key)
        if profile is None:
            return False
        self.toggle_profile(profile)
        return True


#: Kivy key codes of the profile keys (kiosk.access.profiles.KEYS)
PROFILE_KEYCODES = {KEY_CODES[name]: profile for name, profile in PROFILE_KEYS.items()}
