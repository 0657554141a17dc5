"""Accessibility profiles: what each one changes, as plain data. Imports no Kivy.

The one place the profiles are named and what they mean is decided. A visitor
(or staff, with ``kiosk run --profile NAME``) picks any combination of
profiles; :func:`settings_for` folds them into one :class:`Settings` that the
screens apply (text size, theme, seated layout); :func:`speaks` and
:func:`explores_by_touch` say what they ask of speech. The visit keeps them
and forgets them at its end (:meth:`kiosk.session.Visit.reset`), back to the
staff preset if any.

- ``standard``: the kiosk's defaults.
- ``low_vision``: text at 150 % or 200 %, and the high-contrast theme.
- ``blind``: speech mode with explore by touch (wired by the speech side).
- ``seated``: every touch target inside the wheelchair reach band.
- ``easy``: speech on and slower (:func:`speech_rate`); the walkthrough shows
  one idea per page, each sentence with its pictogram (:mod:`kiosk.content.easy`).
- ``switch``: switch access: the screen is scanned and one or two switches
  move and select (:mod:`kiosk.access.scanning`, :func:`scans`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.access.themes import DEFAULT_THEME, HIGH_CONTRAST_THEME

PROFILES = ("standard", "low_vision", "blind", "seated", "easy", "switch")
#: Text sizes of the low-vision profile, in the order a touch steps through them.
LOW_VISION_SCALES = (1.5, 2.0)
#: Every text size the kiosk is built and audited for.
TEXT_SCALES = (1.0, 1.5, 2.0)

#: Speed of speech in the easy profile, a multiple of the normal speed (one of the visitor's
#: own steps of a fifth, so the Slower/Faster keys go on from it).
EASY_SPEECH_RATE = 0.8

#: Pictogram shown on each profile's button.
PICTOGRAMS = {"low_vision": "text_size", "blind": "speaker", "seated": "wheelchair", "easy": "easy",
              "switch": "switch"}
#: The profiles a visitor can switch on the welcome and language screens, in that order.
CHOOSABLE = ("low_vision", "blind", "seated", "easy", "switch")
#: Keys (Kivy key names, see kiosk.keymap) that switch a profile on the welcome and
#: language screens: F7-F10 and F13 (a key a switch interface can be set to send) on a
#: keyboard; on the numeric keypad the keys the key map leaves free (1, 3, 9 and the
#: decimal point). The speech key (F12, keypad 7) also starts speech mode, as the blind
#: profile does.
KEYS = {"f7": "low_vision", "f8": "blind", "f9": "seated", "f10": "easy", "f13": "switch",
        "numpad1": "low_vision", "numpaddecimal": "blind", "numpad3": "seated", "numpad9": "easy"}


@dataclass(frozen=True)
class Settings:
    """What the chosen profiles ask of the kiosk, all at once."""

    text_scale: float = 1.0
    theme: str = DEFAULT_THEME
    #: touch targets only inside the reach band
    seated: bool = False


def settings_for(profiles: Iterable[str], text_scale: float = 1.0) -> Settings:
    """Fold any combination of profiles into one :class:`Settings`.

    ``text_scale`` is the size the low-vision visitor picked; outside that
    profile the text is at 100 %.
    """
    chosen = _known(profiles)
    low_vision = "low_vision" in chosen
    return Settings(
        text_scale=(text_scale if text_scale in LOW_VISION_SCALES else LOW_VISION_SCALES[0]) if low_vision else 1.0,
        theme=HIGH_CONTRAST_THEME if low_vision else DEFAULT_THEME,
        seated="seated" in chosen,
    )


def speaks(profiles: Iterable[str]) -> bool:
    """Whether the profiles ask the kiosk to speak by itself (blind, easy)."""
    return bool(_known(profiles) & {"blind", "easy"})


def speech_rate(profiles: Iterable[str]) -> float:
    """The speed of speech the profiles start a visitor with: slower in the easy profile."""
    return EASY_SPEECH_RATE if "easy" in _known(profiles) else 1.0


def explores_by_touch(profiles: Iterable[str]) -> bool:
    """Whether a touch first speaks what is under the finger, a second one activating (blind)."""
    return "blind" in _known(profiles)


def scans(profiles: Iterable[str]) -> bool:
    """Whether the screen is scanned for switches (the switch profile)."""
    return "switch" in _known(profiles)


def label_key(profile: str, profiles: Iterable[str], text_scale: float) -> str:
    """The interface string naming ``profile``'s toggle; low vision, when on, says its text size."""
    if profile != "low_vision" or profile not in set(profiles):
        return f"profile_{profile}"
    return "profile_low_vision_" + ("200" if text_scale >= LOW_VISION_SCALES[-1] else "150")


def _known(profiles: Iterable[str]) -> set[str]:
    """The profiles as a set, refusing a name that is not one of :data:`PROFILES`."""
    chosen = set(profiles)
    unknown = chosen - set(PROFILES)
    if unknown:
        raise ValueError(f"unknown profile(s): {', '.join(sorted(unknown))} (known: {', '.join(PROFILES)})")
    return chosen
