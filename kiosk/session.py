"""The visit in progress: everything that must vanish when the visitor leaves.

A :class:`Visit` holds the visitor's choices (language, profile, text size) and
where they are (procedure, step), plus what they typed in practice replicas.
Typed values live only here, in memory, and :meth:`Visit.reset` wipes them.
Imports no Kivy.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PROFILES = ("standard", "low_vision", "blind", "seated", "easy")
#: Text sizes of the low-vision profile, in the order a touch steps through them.
LOW_VISION_SCALES = (1.5, 2.0)


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
    #: praise earned on the last step, said when the next one appears
    praise: str = ""

    def __post_init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Forget everything about the visit and return to the kiosk's defaults."""
        self.language = self.default_language
        self.profiles = {self.default_profile} - {"standard"}
        self.text_scale = LOW_VISION_SCALES[0] if "low_vision" in self.profiles else 1.0
        self.procedure_id = None
        self.step_index = 0
        self.typed.clear()
        self.started = False
        self.praise = ""

    def toggle_profile(self, profile: str) -> None:
        """A visitor's touch on a profile button.

        ``low_vision`` steps through its text sizes (150 %, 200 %) and then off;
        the others switch on and off; ``standard`` switches every profile off.
        """
        if profile not in PROFILES:
            raise ValueError(f"unknown profile {profile!r} (known: {', '.join(PROFILES)})")
        if profile == "standard":
            self.profiles.clear()
            self.text_scale = 1.0
        elif profile == "low_vision":
            if "low_vision" not in self.profiles:
                self.profiles.add("low_vision")
                self.text_scale = LOW_VISION_SCALES[0]
            elif self.text_scale < LOW_VISION_SCALES[-1]:
                self.text_scale = LOW_VISION_SCALES[LOW_VISION_SCALES.index(self.text_scale) + 1] \
                    if self.text_scale in LOW_VISION_SCALES else LOW_VISION_SCALES[-1]
            else:
                self.profiles.discard("low_vision")
                self.text_scale = 1.0
        else:
            self.profiles ^= {profile}

    @property
    def speech_mode(self) -> bool:
        """Whether the kiosk speaks by itself (blind or easy profile)."""
        return bool(self.profiles & {"blind", "easy"})

    @property
    def explore_by_touch(self) -> bool:
        """Whether a touch first speaks what it lands on (blind profile)."""
        return "blind" in self.profiles

    def leave_step(self) -> None:
        """What was typed on a step is gone once the step is left."""
        self.typed.clear()
