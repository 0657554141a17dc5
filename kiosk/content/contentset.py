"""The set of procedures the kiosk shows, which may still be loading.

A :class:`ContentSet` knows nothing of files or threads: the loader
(:mod:`kiosk.content.loader`) reads files into procedures, glossaries and problems, and
whoever loads (at once, or :mod:`kiosk.content.background` on a thread) hands
them over with :meth:`ContentSet.fill`. Kept free of the parsers so the kiosk
can hold a set and start drawing before PyYAML and the schema are imported.
Imports no Kivy.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.content.glossary import Glossary
    from kiosk.content.model import Procedure
    from kiosk.content.skills import SkillsCatalogue

log = logging.getLogger("kiosk.content")

@dataclass(frozen=True)
class Problem:
    """One thing wrong in a content file; ``error`` excludes the procedure.

    ``line`` 0 means the problem has no line (loading the file crashed).
    """

    file: Path
    line: int
    field: str
    message: str
    severity: str = "error"  # or "warning"
    #: what kind of warning: "glossary" (a hard word with no entry) fails ``kiosk content check``
    kind: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        return f"{where}: {self.field or '(file)'}: {self.message}"


class ContentSet:
    """The procedures that loaded, in catalogue order, and every problem found.

    Built full (``ContentSet(procedures, problems)``) or empty and loading
    (:meth:`loading`), then filled once with :meth:`fill`. Reading
    :attr:`procedures` or :attr:`problems` of a set still loading waits for it,
    so nobody sees half a catalogue; the kiosk's screens never read before
    :meth:`finished` (they ask :meth:`when_loaded` to be told instead).
    """

    def __init__(self, procedures: list[Procedure] | None = None, problems: list[Problem] | None = None,
                 glossaries: dict[str, Glossary] | None = None, skills: SkillsCatalogue | None = None) -> None:
        self._procedures = list(procedures or [])
        self._problems = list(problems or [])
        self._glossaries = dict(glossaries or {})
        self._skills = skills
        self._ready = threading.Event()
        self._ready.set()
        self._lock = threading.Lock()
        self._starter: Callable[[], None] | None = None
        self._listeners: list[Callable[[ContentSet], None]] = []

    @classmethod
    def loading(cls, starter: Callable[[], None] | None = None) -> ContentSet:
        """An empty set that some loader will :meth:`fill`.

        ``starter`` starts that loader; it is called once, by :meth:`start` or by
        the first reader (a reader never waits for a load that would not come).
        """
        content = cls()
        content._ready.clear()
        content._starter = starter
        return content

    def fill(self, procedures: list[Procedure], problems: list[Problem],
             glossaries: dict[str, Glossary] | None = None, skills: SkillsCatalogue | None = None) -> None:
        """Hand over what loaded: readers stop waiting, then listeners are told (on this thread)."""
        with self._lock:
            if self._ready.is_set():
                raise RuntimeError("this content set is already loaded")
            self._procedures, self._problems = list(procedures), list(problems)
            self._glossaries = dict(glossaries or {})
            self._skills = skills
            self._ready.set()
            listeners, self._listeners = self._listeners, []
        for listener in listeners:
            self._tell(listener)

    def replace_with(self, procedures: list[Procedure], problems: list[Problem],
                     glossaries: dict[str, Glossary] | None = None, skills: SkillsCatalogue | None = None) -> None:
        """Swap in a fresh load (staff's "reload content"): readers see the old set or the new one."""
        self.wait()
        with self._lock:
            self._procedures, self._problems = list(procedures), list(problems)
            self._glossaries = dict(glossaries or {})
            self._skills = skills

    def when_loaded(self, listener: Callable[[ContentSet], None]) -> None:
        """Call ``listener(self)`` once loading has finished: at once if it has, else on the loading thread."""
        with self._lock:
            if not self._ready.is_set():
                self._listeners.append(listener)
                return
        self._tell(listener)

    def _tell(self, listener: Callable[[ContentSet], None]) -> None:
        """Call one listener; a failing one is logged and never keeps the others from being told."""
        try:
            listener(self)
        except Exception:
            log.exception("a listener of content loading failed: %r", listener)

    def start(self) -> ContentSet:
        """Start a deferred load now (nothing if loading already started or done)."""
        with self._lock:
            starter, self._starter = self._starter, None
        if starter is not None:
            starter()
        return self

    def wait(self) -> ContentSet:
        """Block until loading has finished (at once for a set built full); starts a deferred load."""
        self.start()
        self._ready.wait()
        return self

    def finished(self, timeout: float | None = 0) -> bool:
        """Whether loading has finished, waiting up to ``timeout`` seconds; never starts a deferred load."""
        return self._ready.wait(timeout)

    def __reduce__(self) -> tuple[type, tuple[list[Procedure], list[Problem], dict[str, Glossary],
                                              SkillsCatalogue | None]]:
        """Pickled (for an audit worker process) as what it holds once loaded, without the thread."""
        self.wait()
        return ContentSet, (self._procedures, self._problems, self._glossaries, self._skills)

    @property
    def skills(self) -> SkillsCatalogue | None:
        """The skills catalogue (``content/skills.yaml``), if the content has one that loaded."""
        return self.wait()._skills

    @property
    def procedures(self) -> list[Procedure]:
        return self.wait()._procedures

    @property
    def problems(self) -> list[Problem]:
        return self.wait()._problems

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def glossaries(self) -> dict[str, Glossary]:
        """The glossaries that loaded, by language."""
        return self.wait()._glossaries

    def glossary(self, lang: str) -> Glossary:
        """The glossary of ``lang`` (an empty one when that language has none)."""
        from kiosk.content.glossary import Glossary  # light: no parser

        found = self.glossaries.get(lang)
        return found if found is not None else Glossary(lang)

    def get(self, procedure_id: str) -> Procedure | None:
        """The procedure with this id, if it loaded."""
        return next((p for p in self.procedures if p.id == procedure_id), None)
