"""The visit in progress: everything that must vanish when the visitor leaves.

A :class:`Visit` holds the visitor's choices (language, profile, text size) and
where they are (procedure, step), plus the practice page of the step on show
(:class:`kiosk.practice.model.PracticeState`: what was typed, what is ticked).
Typed values live only there, in memory; leaving the step or :meth:`Visit.reset`
wipes them. Imports no Kivy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kiosk.access.profiles import LOW_VISION_SCALES, PROFILES, explores_by_touch, speaks, speech_rate
from kiosk.practice.model import PracticeState

if TYPE_CHECKING:
    from kiosk.content.model import Check, Step

DEFAULT_VOLUME = 0.8
#: The EZ Access floor: speech never gets fully quiet while it is on.
MIN_VOLUME = 0.1
#: five speeds, said "Speed N of 5": 0.6, 0.8, normal (1.0) in the middle, 1.2, 1.4
MAX_RATE, MIN_RATE = 1.4, 0.6


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
    #: the practice page of the step on show (typed text, ticks): memory only, never logged
    practice: PracticeState | None = None
    started: bool = False
    #: praise earned on the last step, said when the next one appears
    praise: str = ""
    #: the kiosk speaks (a visitor may silence it for their visit)
    speech_on: bool = True
    #: explore by touch switched on during the visit (double touch on welcome, speech key)
    exploring: bool = False
    #: the self-check task on show (index into the procedure's checks) and the tries on it so far
    check_index: int = 0
    check_tries: int = 0
    #: the outcomes the self-checks of this run showed (the end screen lists them)
    check_outcomes: list[str] = field(default_factory=list)
    #: "Where do I start?": the tasks found hard (indexes), and the modules proposed at its end
    diagnostic_hard: list[int] = field(default_factory=list)
    diagnostic_path: tuple[str, ...] = ()
    #: speech volume 0.1..1.0 (never below 0.1 while speech is on) and speed 0.6..1.4
    volume: float = DEFAULT_VOLUME
    rate: float = 1.0

    def __post_init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Forget everything about the visit and return to the kiosk's defaults."""
        self.language = self.default_language
        self.profiles = {self.default_profile} - {"standard"}
        self.text_scale = LOW_VISION_SCALES[0] if "low_vision" in self.profiles else 1.0
        self.procedure_id = None
        self.step_index = 0
        self.leave_step()
        self.started = False
        self.praise = ""
        self.check_index = 0
        self.check_tries = 0
        self.check_outcomes = []
        self.diagnostic_hard = []
        self.diagnostic_path = ()
        self.speech_on = True
        self.exploring = False
        self.volume = DEFAULT_VOLUME
        self.rate = speech_rate(self.profiles)  # slower with a staff preset of the easy profile

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
            if profile == "easy":
                self.rate = speech_rate(self.profiles)  # slower to read easily, back to normal without

    @property
    def speech_mode(self) -> bool:
        """Whether the kiosk speaks by itself (see :func:`kiosk.access.profiles.speaks`)."""
        return speaks(self.profiles)

    @property
    def explore_by_touch(self) -> bool:
        """Whether a touch first speaks what it lands on (blind profile, or switched on)."""
        return explores_by_touch(self.profiles) or self.exploring

    def change_volume(self, steps: int) -> float:
        """Louder (+1) or quieter (-1) by a tenth, never below the 10 % floor."""
        self.volume = round(min(1.0, max(MIN_VOLUME, self.volume + steps * 0.1)), 2)
        return self.volume

    def change_rate(self, steps: int) -> float:
        """Faster (+1) or slower (-1) by a fifth of normal speed, within bounds."""
        self.rate = round(min(MAX_RATE, max(MIN_RATE, self.rate + steps * 0.2)), 2)
        return self.rate

    def practice_for(self, step: Step | Check) -> PracticeState:
        """The practice state for ``step``, started afresh if the visit holds another step's."""
        if self.practice is None or self.practice.replica is not step.replica:
            self.practice = PracticeState.for_step(step)
        return self.practice

    def take_praise(self) -> str:
        """The praise earned on the last step, said once with the next one."""
        praise, self.praise = self.praise, ""
        return praise

    def leave_step(self) -> None:
        """What was typed or ticked on a step is gone once the step is left."""
        if self.practice is not None:
            self.practice.reset()
        self.practice = None

    @property
    def typed(self) -> dict[tuple[str, str], str]:
        """What the visitor typed on the step on show, by (step id, field id): memory only, never logged."""
        if self.practice is None:
            return {}
        return {(self.practice.step_id, field_id): value for field_id, value in self.practice.typed().items()}
