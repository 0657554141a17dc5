"""Keeping the content true: when each step's facts were last compared with their official pages.

A step that states facts names its sources, each with the day it was read
(``checked``); its facts are as fresh as its newest source. A module's
``last_checked`` covers the steps with no source of their own. Past
:data:`STALE_AFTER_DAYS` days a step is "to check": ``kiosk content check``
warns, the staff panel lists it, ``kiosk content sources`` marks it.
Imports no Kivy.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from kiosk.content.model import Procedure, Source, Step

#: a fact read longer ago than this is checked again
STALE_AFTER_DAYS = 180


def stale(checked: date, today: date) -> bool:
    """Whether a page read on ``checked`` is due to be read again."""
    return today - checked > timedelta(days=STALE_AFTER_DAYS)


@dataclass(frozen=True)
class StepSources:
    """One step's sources and the day its facts were last checked (its newest source, else the module's)."""

    procedure: Procedure
    step: Step
    sources: tuple[Source, ...]
    checked: date

    def to_check(self, today: date) -> bool:
        return stale(self.checked, today)


def step_sources(procedure: Procedure) -> Iterator[StepSources]:
    """Each step of ``procedure`` with its own sources and its last check."""
    for step in procedure.steps:
        dates = [s.checked for s in step.sources]
        yield StepSources(procedure, step, step.sources, max(dates) if dates else procedure.last_checked)


def to_check(procedures: Iterable[Procedure], today: date) -> list[StepSources]:
    """The steps whose facts are due to be compared with their pages again, in catalogue order."""
    return [s for p in procedures for s in step_sources(p) if s.to_check(today)]


def source_lines(procedures: Iterable[Procedure], today: date) -> Iterator[str]:
    """``kiosk content sources``: per module and step, each source with the day it was read; "TO CHECK" marks."""
    for procedure in procedures:
        mark = "  TO CHECK" if stale(procedure.last_checked, today) else ""
        yield f"{procedure.id} (steps compared on {procedure.last_checked}){mark}"
        for source in procedure.sources:
            yield f"  module  {source.checked}  {source.title}  {source.url}"
        for item in step_sources(procedure):
            if not item.sources:
                continue
            mark = "  TO CHECK" if item.to_check(today) else ""
            for source in item.sources:
                yield f"  {item.step.id}  {source.checked}  {source.title}  {source.url}{mark}"
