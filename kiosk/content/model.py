"""What a procedure is: steps, practice replicas and text in several languages.

Plain frozen dataclasses built by :mod:`kiosk.content.loader`; imports no Kivy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

#: The language every text must have; others fall back to it.
BASE_LANGUAGE = "fr"


@dataclass(frozen=True)
class Text:
    """One piece of text in several languages (``{"fr": ..., "en": ...}``)."""

    by_lang: Mapping[str, str]

    def get(self, lang: str) -> str:
        """The text in ``lang``, or in French when it has no translation."""
        return self.by_lang.get(lang) or self.by_lang[BASE_LANGUAGE]

    def has(self, lang: str) -> bool:
        """Whether a real translation into ``lang`` exists."""
        return bool(self.by_lang.get(lang))


@dataclass(frozen=True)
class Source:
    """An official page a fact was checked against, and when."""

    url: str
    title: str
    checked: date


@dataclass(frozen=True)
class HelpPhone:
    """The useful phone number of a procedure (shown on the memo), with what it is."""

    number: str
    label: Text
    source: Source | None = None


@dataclass(frozen=True)
class HelpWeb:
    """The useful website of a procedure (shown on the memo under the number): its address, what it is, its source."""

    address: str
    label: Text
    source: Source


@dataclass(frozen=True)
class Element:
    """One thing drawn on a practice replica: text, field, button, box, link, or a curriculum kind.

    Beyond id, kind and label, each field serves some kinds only (the content
    format, ``content/FORMAT.md``, says which): ``hint`` is what a touch on this
    element says when it is not the one to use (a refused file's message);
    ``address`` and ``badge`` belong to a search ``result``; ``sender`` and
    ``unread`` to a ``message``; ``size`` and ``folder`` to a ``file``; ``on`` to a
    ``toggle``; ``icon`` to a ``tool``; ``cells`` and ``cell`` to a ``sheet``; ``picture`` to a ``picture``
    (a choice by its pictogram). A ``card`` is one step to put in order (the replica's ``order``).
    """

    id: str
    kind: str
    label: Text
    example: Text | None = None
    hint: Text | None = None
    address: str | None = None
    badge: Text | None = None
    sender: str | None = None
    unread: bool = False
    size: str | None = None
    folder: bool = False
    on: bool = False
    icon: str | None = None
    cells: tuple[tuple[str, ...], ...] = ()
    cell: str | None = None
    #: a ``picture``'s pictogram name (assets/pictograms)
    picture: str | None = None

    @property
    def typable(self) -> bool:
        """Whether the visitor types into it."""
        return self.kind in ("field", "password")

    @property
    def masked(self) -> bool:
        """Whether its content is hidden on screen and never spoken."""
        return self.kind == "password"


@dataclass(frozen=True)
class Replica:
    """A simplified, clearly marked copy of the real page for one step."""

    address: str
    heading: Text
    elements: tuple[Element, ...]
    target: str
    action: str  # "tap", "type" or "order" (touch the cards ``order`` names, in that order)
    #: with ``action: order``: the cards' ids in the right order (``target`` is the first)
    order: tuple[str, ...] = ()

    def element(self, element_id: str) -> Element | None:
        """The element with this id, if any."""
        return next((e for e in self.elements if e.id == element_id), None)


@dataclass(frozen=True)
class Check:
    """A self-check: one task done on a practice page, with no hint and no timer; it shows outcomes ``skills``."""

    id: str
    task: Text
    skills: tuple[str, ...]
    replica: Replica


@dataclass(frozen=True)
class Step:
    """One step of a walkthrough."""

    id: str
    title: Text
    text: Text
    speak: Text | None = None
    tip: Text | None = None
    warning: Text | None = None
    picture: str | None = None
    replica: Replica | None = None
    #: recorded speech per language, played instead of synthesis (for voices espeak reads badly)
    audio: Mapping[str, Path] | None = None
    #: the official pages this step was checked against
    sources: tuple[Source, ...] = ()
    #: for staff (French): which fact of this step could not be confirmed, and why
    unconfirmed: str | None = None

    def spoken(self, lang: str) -> str:
        """What to say for this step's instruction (``speak`` wins over ``text``)."""
        return (self.speak or self.text).get(lang)


@dataclass(frozen=True)
class Procedure:
    """A real online procedure taught step by step."""

    id: str
    theme: str
    pictogram: str
    title: Text
    summary: Text
    site_name: Text
    site_url: str
    last_checked: date
    checked_by: str
    bring: tuple[Text, ...]
    steps: tuple[Step, ...]
    source: Path | None = None
    languages: tuple[str, ...] = field(default=())
    #: the official pages the procedure was checked against
    sources: tuple[Source, ...] = ()
    help_phone: HelpPhone | None = None
    help_web: HelpWeb | None = None
    #: about how long it takes, in minutes (the catalogue shows it)
    minutes: int | None = None
    #: the outcomes of the skills catalogue it teaches (content/skills.yaml)
    skills: tuple[str, ...] = ()
    #: the self-checks at its end: tasks done on practice pages
    checks: tuple[Check, ...] = ()

    @property
    def sourced_steps(self) -> int:
        """How many steps name the official page they were checked against."""
        return sum(1 for s in self.steps if s.sources)

    @property
    def replica_count(self) -> int:
        """How many steps carry a practice replica."""
        return sum(1 for s in self.steps if s.replica is not None)
