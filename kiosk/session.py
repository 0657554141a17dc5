"""The visit in progress: everything that must vanish when the visitor leaves.

A :class:`Visit` holds the visitor's choices (language, profile, text size) and
where they are (procedure, step), plus what they typed in practice replicas.
Typed values live only here, in memory, and :meth:`Visit.reset` wipes them.
Imports no Kivy.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PROFILES = ("standard", "low_vision", "blind", "seated", "easy")


@dataclass
class Visit:
    """State of one visitor's session, reset to the kiosk's defaults at its end."""

    default_language: str = "fr"
    default_profile: str = "standard"
    language: str = ""
    profiles: set[str] = field(default_factory=set)
    text_scale: float = 1.0
    procedure_id: str | None = None
    step_index: int = 0
    #: practice entries by (step id, element id): memory only, never logged
    typed: dict[tuple[str, str], str] = field(default_factory=dict)
    started: bool = False

    def __post_init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Forget everything about the visit and return to the kiosk's defaults."""
        self.language = self.default_language
        self.profiles = {self.default_profile} - {"standard"}
        self.text_scale = 1.0
        self.procedure_id = None
        self.step_index = 0
        self.typed.clear()
        self.started = False

    def leave_step(self) -> None:
        """What was typed on a step is gone once the step is left."""
        self.typed.clear()
