"""The kiosk's domain services, built once at start-up and handed to every screen.

Configuration, content, the visit in progress and speech: plain objects with no
Kivy, so tests and tools can build them without a window. What belongs to the
screen (style, navigation) is the UI's own context (:mod:`kiosk.ui.context`).
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.config import KioskConfig
from kiosk.content.contentset import ContentSet
from kiosk.session import Visit
from kiosk.speech.queue import SpeechQueue


@dataclass(frozen=True)
class Services:
    """Configuration, content, the visit and speech: what the kiosk knows and does."""

    config: KioskConfig
    content: ContentSet
    visit: Visit
    speech: SpeechQueue
