"""What a monkey run did and found, and how its memory is judged (:mod:`kiosk.ui.monkey` runs it).

:class:`MonkeyOutcome` counts the events, screens, languages and profiles, the
idle resets and staff entries, and keeps resident memory's samples;
:func:`check_memory` judges them on their low points after warm-up. Plain
Python: the judgement is tested on made-up samples.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

#: resident memory may grow this much after warm-up (fraction) before it counts as unbounded ...
MEMORY_GROWTH = 0.10
#: ... and at least this many MiB (allocator noise)
MEMORY_SLACK_MIB = 24.0
#: events before memory is first sampled for the judgement (shorter runs are not judged)
MEMORY_MIN_WARMUP = 500
#: memory is judged on its low points: the lowest sample of the first and of the last fifth of the
#: judged samples (at least 3 each). A frame's passing buffers come and go (tens of MiB from one
#: sample to the next); a leak raises the floor.
MEMORY_WINDOW = 0.2

def where(exc: BaseException) -> str:
    """`` at kiosk/FILE.py:LINE``: the innermost line of the kiosk's own code in ``exc``'s traceback."""
    import traceback

    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/kiosk/" in f.filename.replace("\\", "/")]
    if not frames:
        return ""
    frame = frames[-1]
    path = frame.filename.replace("\\", "/")
    return f" at {path[path.rindex('/kiosk/') + 1:]}:{frame.lineno}"


class MonkeyFailure(AssertionError):
    """What the monkey found, with the seed and the event number to replay it."""


@dataclass
class MonkeyOutcome:
    """What a monkey run did and found."""

    seed: int
    events: int = 0
    seconds: float = 0.0
    kinds: Counter[str] = field(default_factory=Counter)
    screens: Counter[str] = field(default_factory=Counter)
    languages: set[str] = field(default_factory=set)
    profiles: set[str] = field(default_factory=set)
    idle_resets: int = 0
    #: staff mode opened with the right PIN (only when the monkey set the PIN itself), and
    #: "Exit the kiosk" tapped there (counted, not carried out, so the run goes on)
    staff_entries: int = 0
    exits_asked: int = 0
    #: (events done, resident MiB)
    rss: list[tuple[int, float]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    #: whether the run was long enough for memory to be judged, and the two low points compared
    memory_judged: bool = False
    judged: tuple[float, float] = (0.0, 0.0)
    #: the last event after which something showed or loaded for the first time (a screen,
    #: an overlay, a Python module): memory is judged from after it, one-time costs apart
    last_first_time: int = 0
    #: why memory was not judged, if it was not
    not_judged: str = ""

    @property
    def events_per_s(self) -> float:
        """Events carried out per second of wall time."""
        return self.events / max(self.seconds, 1e-9)

    def summary(self) -> str:
        """One paragraph for the terminal: speed, coverage, memory, findings."""
        rss = (f"{self.rss[0][1]:.0f} MiB at event {self.rss[0][0]} -> {self.rss[-1][1]:.0f} MiB at event "
               f"{self.rss[-1][0]}" if self.rss else "not sampled")
        if self.memory_judged:
            first, last = self.judged
            rss += f" (after warm-up, lowest at the start and at the end: {first:.0f} -> {last:.0f} MiB)"
        else:
            rss += f" (not judged: {self.not_judged})"
        lines = [f"{self.events} events in {self.seconds:.0f} s ({self.events_per_s:.1f} events/s), seed {self.seed}",
                 f"screens: {', '.join(f'{k} {v}' for k, v in sorted(self.screens.items()))}",
                 f"languages: {', '.join(sorted(self.languages))}; profiles: {', '.join(sorted(self.profiles)) or '-'}",
                 f"idle resets: {self.idle_resets}; staff mode opened {self.staff_entries} times "
                 f"(exit asked {self.exits_asked} times); resident memory {rss}",
                 f"found: {len(self.failures)} problem(s)" if self.failures else "found: nothing wrong"]
        return "\n".join(lines + [f"  {failure}" for failure in self.failures])


def rss_mib() -> float:
    """Resident memory of this process, MiB (Linux ``/proc/self/statm``)."""
    import os

    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def check_memory(outcome: MonkeyOutcome, warmup: int) -> None:
    """Add a finding if resident memory's low point after warm-up rose beyond :data:`MEMORY_GROWTH` (and the slack).

    Warm-up lasts ``warmup`` events and until the last thing shown or loaded for the first
    time (a staff page, the PDF library); ``warmup`` more events must follow it.
    """
    start = max(warmup, outcome.last_first_time)
    after = [(n, mib) for n, mib in outcome.rss if n >= start]
    if outcome.events < 2 * warmup:
        outcome.not_judged = f"fewer than {2 * warmup} events"
        return
    if len(after) < 2 or outcome.events - after[0][0] < warmup:
        outcome.not_judged = (f"something showed or loaded for the first time at event {outcome.last_first_time}, "
                              f"fewer than {warmup} events before the end")
        return
    outcome.memory_judged = True
    window = max(1, min(len(after) // 2, max(3, round(len(after) * MEMORY_WINDOW))))
    first = min(after[:window], key=lambda sample: sample[1])
    last = min(after[-window:], key=lambda sample: sample[1])
    outcome.judged = (first[1], last[1])
    if last[1] > first[1] * (1 + MEMORY_GROWTH) and last[1] - first[1] > MEMORY_SLACK_MIB:
        outcome.failures.append(f"memory grew from {first[1]:.0f} MiB (event {first[0]}) to {last[1]:.0f} MiB "
                                f"(event {last[0]}), the lowest at the start and at the end "
                                f"(replay: --seed {outcome.seed} --events {outcome.events})")
