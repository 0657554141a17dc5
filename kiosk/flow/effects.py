"""What the visit flow asks for: plain values, carried out by whoever shows the kiosk.

A flow command (a touch on an item, a key action, a clock tick) changes the
visit and returns a list of these, in order. :func:`kiosk.flow.carry.carry_out`
does the domain's part (speech, the logbook, the staff desk, the memo printer);
the Kivy navigator does the rest (screens, overlays, the style). Imports no Kivy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.access.profiles import Settings
    from kiosk.content.glossary import Entry
    from kiosk.logbook.events import Event

#: The overlays the flow opens, by name.
HELP, IDLE, GLOSSARY = "help", "idle", "glossary"


class Effect:
    """One thing a command asks the kiosk to do."""


# -- the screen and its overlays (the UI's part) ------------------------------------
@dataclass(frozen=True)
class Show(Effect):
    """Show screen ``screen``; already on show, it shows its new state (the next step)."""

    screen: str


@dataclass(frozen=True)
class OpenOverlay(Effect):
    """Open overlay ``kind`` (``help``, ``idle``, ``glossary``) with its words; already open, update them."""

    kind: str
    text: str = ""
    seconds_left: float = 0.0
    entry: Entry | None = None


@dataclass(frozen=True)
class CloseOverlay(Effect):
    """Close overlay ``kind`` if it is open."""

    kind: str


@dataclass(frozen=True)
class CloseOverlays(Effect):
    """Close every open overlay."""


@dataclass(frozen=True)
class Countdown(Effect):
    """The idle warning's countdown, as it runs."""

    seconds_left: float


@dataclass(frozen=True)
class PrepareOverlay(Effect):
    """Build overlay ``kind`` ahead, so that it opens without loading anything."""

    kind: str


@dataclass(frozen=True)
class AnnounceScreen(Effect):
    """The screen on show says its announcement again (the visitor came back)."""


@dataclass(frozen=True)
class StepBack(Effect):
    """The walkthrough's own Back: its previous page first (easy profile), else the previous step."""


@dataclass(frozen=True)
class ApplyStyle(Effect):
    """Text size, theme and seated layout for the visit, in language ``lang``, everywhere at once."""

    lang: str
    settings: Settings
    reset: bool = False  # the end of a visit: the style's own defaults first


@dataclass(frozen=True)
class ForgetScreens(Effect):
    """Every screen drops what the visit left on it."""


@dataclass(frozen=True)
class Chime(Effect):
    """The help-call chime staff hear across the room."""


@dataclass(frozen=True)
class Later(Effect):
    """Run flow command ``command`` once the present touch has done its work."""

    command: str


@dataclass(frozen=True)
class Swallow(Effect):
    """The touch or key answered the idle warning: it reaches nothing behind."""


@dataclass(frozen=True)
class Explore(Effect):
    """Speech mode: the touch says what it lands on (the focus explores), and goes no further."""


@dataclass(frozen=True)
class StopKiosk(Effect):
    """Staff's "Exit the kiosk"."""


# -- the domain's part (kiosk.flow.carry) ----------------------------------------------
@dataclass(frozen=True)
class Say(Effect):
    """Say ``text`` in ``lang`` now (interrupting), for ``context``."""

    text: str
    lang: str
    context: str = ""


@dataclass(frozen=True)
class Repeat(Effect):
    """Say the last announcement again."""


@dataclass(frozen=True)
class StopSpeech(Effect):
    """Silence now."""


@dataclass(frozen=True)
class ForgetSpeech(Effect):
    """Silence, and forget what was last announced (the end of a visit)."""


@dataclass(frozen=True)
class SpeechEnabled(Effect):
    """Whether the kiosk may speak: the visit's choice, and never in staff mode."""

    on: bool


@dataclass(frozen=True)
class SetVoice(Effect):
    """Volume (0.1..1) and speed (1 = normal) for what is said next."""

    volume: float
    rate: float


@dataclass(frozen=True)
class Record(Effect):
    """Tell the logbook: an event of ``kind`` with ``fields`` (never anything typed)."""

    kind: type[Event]
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CallDesk(Effect):
    """Tell the staff desk a visitor calls for help, and where they are."""

    where: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PrintMemo(Effect):
    """Write and print procedure ``procedure_id``'s memo in ``lang``."""

    procedure_id: str
    lang: str
