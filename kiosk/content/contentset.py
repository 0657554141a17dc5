"""The set of procedures the kiosk shows, which may still be loading.

Kept apart from :mod:`kiosk.content.loader` so the kiosk can hold a set and
start drawing before the parsers and checks (PyYAML, the schema) are even
imported: they are imported on the loading thread. Imports no Kivy.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.content.model import Procedure


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a content file; ``error`` excludes the procedure."""

    file: Path
    line: int
    field: str
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field or '(file)'}: {self.message}"


class ContentSet:
    """The procedures that loaded, in catalogue order, and every problem found.

    A set being loaded in the background (:func:`load_in_background`) makes
    every reader wait until loading is done, so nobody sees half a catalogue.
    """

    def __init__(self, procedures: list[Procedure] | None = None, problems: list[Problem] | None = None) -> None:
        self._procedures = procedures if procedures is not None else []
        self._problems = problems if problems is not None else []
        self._ready = threading.Event()
        self._ready.set()
        self._loader: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def start(self) -> ContentSet:
        """Start a deferred background load now (nothing if loading already started or done)."""
        with self._start_lock:
            loader, self._loader = self._loader, None
        if loader is not None:
            loader.start()
        return self

    def wait(self) -> ContentSet:
        """Block until loading has finished (at once for a set loaded in the foreground).

        A deferred load that nobody started yet starts now: a reader never waits
        for a load that would not come.
        """
        self.start()
        self._ready.wait()
        return self

    def __reduce__(self) -> tuple[type, tuple[list[Procedure], list[Problem]]]:
        """Pickled (for an audit worker process) as what it holds once loaded, without the thread."""
        self.wait()
        return ContentSet, (self._procedures, self._problems)

    def finished(self, timeout: float | None = 0) -> bool:
        """Whether loading has finished, waiting up to ``timeout`` seconds; never starts a deferred load."""
        return self._ready.wait(timeout)

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

    def get(self, procedure_id: str) -> Procedure | None:
        """The procedure with this id, if it loaded."""
        return next((p for p in self.procedures if p.id == procedure_id), None)


def load_in_background(paths: Iterable[Path], on_done: Callable[[ContentSet], None] | None = None, *,
                       deferred: bool = False) -> ContentSet:
    """Load on a worker thread and return the set at once; readers wait for it.

    With ``deferred``, loading starts at :meth:`ContentSet.start` or at the first
    read, whichever comes first: the kiosk draws its welcome screen first, then
    loads while the visitor reads it (a loading thread started earlier competes
    with drawing for the interpreter lock). ``on_done`` is called on the worker
    thread when loading has finished.
    """
    result = ContentSet()
    result._ready.clear()
    paths = list(paths)

    def work() -> None:
        try:
            from kiosk.content.loader import _load_into  # parsers and checks load here, off the main thread

            _load_into(result, paths, None)
        except Exception as exc:  # never leave readers waiting forever
            result._problems.append(Problem(paths[0] if paths else Path("."), 1, "", f"loading failed: {exc!r}"))
        finally:
            result._ready.set()
        if on_done is not None:
            on_done(result)

    result._loader = threading.Thread(target=work, name="content-loader", daemon=True)
    return result if deferred else result.start()
