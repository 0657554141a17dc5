"""The kiosk's domain services, built once at start-up and handed to every screen.

Configuration, content, the visit in progress, speech and the logbook: plain objects with no
Kivy, so tests and tools can build them without a window. What belongs to the
screen (style, navigation) is the UI's own context (:mod:`kiosk.ui.context`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kiosk.config import KioskConfig
from kiosk.content.contentset import ContentSet
from kiosk.logbook.recorder import NoSaver, Recorder
from kiosk.session import Visit
from kiosk.speech.queue import SpeechQueue

if TYPE_CHECKING:
    from kiosk.staff.desk import StaffDesk


@dataclass(frozen=True)
class Services:
    """Configuration, content, the visit, speech and the logbook: what the kiosk knows and does."""

    config: KioskConfig
    content: ContentSet
    visit: Visit
    speech: SpeechQueue
    #: the logbook's recorder: the visit flow's events in, one record per visit out
    recorder: Recorder = field(default_factory=lambda: Recorder(NoSaver(), kiosk_id="render"))
    #: staff mode: PIN, learners, help calls (None where there is no staff mode)
    staff: StaffDesk | None = None
