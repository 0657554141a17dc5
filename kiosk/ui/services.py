"""What screens are given: the services they use, passed in at construction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.config import KioskConfig
from kiosk.content.contentset import ContentSet
from kiosk.session import Visit
from kiosk.speech.queue import SpeechQueue
from kiosk.ui.style import Style

if TYPE_CHECKING:
    from kiosk.ui.navigator import Navigator


@dataclass
class Services:
    """Configuration, content, the visit, speech and look: everything a screen needs."""

    config: KioskConfig
    content: ContentSet
    visit: Visit
    speech: SpeechQueue
    style: Style
    nav: Navigator | None = None
